# A counter for the Flipper Zero: Up/Down change it, Ok resets it,
# a long Back quits. Run it in the simulator:
#   fzpy sim examples/counter.py --keys up,up,up,down,long:back --dump-screen
import time
import flipperzero as f0

count = 0
done = False


@f0.on_input
def on_input(button, type):
    global count, done
    if type == f0.INPUT_TYPE_LONG and button == f0.INPUT_BUTTON_BACK:
        done = True
    elif type == f0.INPUT_TYPE_SHORT or type == f0.INPUT_TYPE_REPEAT:
        if button == f0.INPUT_BUTTON_UP:
            count += 1
        elif button == f0.INPUT_BUTTON_DOWN:
            count -= 1
        elif button == f0.INPUT_BUTTON_OK:
            count = 0
            f0.vibro_set(True)
            time.sleep_ms(50)
            f0.vibro_set(False)


def draw():
    f0.canvas_clear()
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_draw_frame(0, 0, 128, 64, 3)
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
    f0.canvas_set_text(64, 3, "Counter")
    f0.canvas_draw_line(8, 15, 119, 15)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
    f0.canvas_draw_box(40, 22, 48, 20, 4)
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_set_text(64, 32, str(count))
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_END)
    f0.canvas_set_text(64, 60, "up/down: count  ok: reset")
    f0.canvas_update()


while not done:
    draw()
    time.sleep_ms(25)
print("final count:", count)
