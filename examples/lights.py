# The Flipper Zero's RGB LED, backlight and vibration motor from a menu.
# Up / Down pick an entry, Ok runs it, Left / Right change the brightness,
# a long Back quits (and turns everything off). Headless in the simulator:
#   fzpy sim examples/lights.py --keys ok,down,down,ok,right --events
import time
import flipperzero as f0

R, G, B = f0.LIGHT_RED, f0.LIGHT_GREEN, f0.LIGHT_BLUE
RGB = R | G | B
# Menu entries: (label, LED mask or action name). Colours mix additively.
MENU = [
    ("Red", R),
    ("Green", G),
    ("Blue", B),
    ("Yellow", R | G),
    ("Cyan", G | B),
    ("Magenta", R | B),
    ("White", RGB),
    ("Blink", "blink"),
    ("Backlight", "backlight"),
    ("Vibro pulse", "vibro"),
]
ROWS = 4  # menu lines on screen

selected = 0
top = 0  # first menu line shown
brightness = 128
color = 0  # LED mask lit now (0: off)
blinking = False
backlight = True
done = False


def light(mask):
    """Lights exactly `mask` at the current brightness."""
    global color
    f0.light_set(RGB, 0)
    if mask:
        f0.light_set(mask, brightness)
    color = mask


def run(entry):
    global blinking, backlight, color
    what = entry[1]
    if what == "blink":
        if blinking:
            f0.light_blink_stop()
        else:
            f0.light_blink_start(color or B, brightness, 100, 500)
        blinking = not blinking
    elif what == "backlight":
        backlight = not backlight
        f0.light_set(f0.LIGHT_BACKLIGHT, 255 if backlight else 20)
    elif what == "vibro":
        for _ in range(3):
            f0.vibro_set(True)
            time.sleep_ms(80)
            f0.vibro_set(False)
            time.sleep_ms(120)
    elif blinking:
        # While blinking, a colour changes the blink colour.
        f0.light_blink_set_color(what)
        color = what
    else:
        light(0 if color == what else what)


@f0.on_input
def on_input(button, type):
    global selected, top, brightness, done
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
    if type != f0.INPUT_TYPE_SHORT and type != f0.INPUT_TYPE_REPEAT:
        return
    if button == f0.INPUT_BUTTON_UP:
        selected = (selected - 1) % len(MENU)
    elif button == f0.INPUT_BUTTON_DOWN:
        selected = (selected + 1) % len(MENU)
    elif button == f0.INPUT_BUTTON_OK:
        run(MENU[selected])
    elif button in (f0.INPUT_BUTTON_LEFT, f0.INPUT_BUTTON_RIGHT):
        step = 32 if button == f0.INPUT_BUTTON_RIGHT else -32
        brightness = max(0, min(255, brightness + step))
        if color and not blinking:
            light(color)
    # Keep the selection on screen.
    top = min(max(top, selected - ROWS + 1), selected)


def draw():
    f0.canvas_clear()
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(2, 1, "Lights")
    f0.canvas_draw_line(0, 12, 127, 12)
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_CENTER)
    for row in range(ROWS):
        i = top + row
        y = 15 + row * 12
        label, what = MENU[i]
        if i == selected:
            f0.canvas_draw_box(0, y, 80, 11, 2)
            f0.canvas_set_color(f0.CANVAS_WHITE)
        f0.canvas_set_text(4, y + 5, label)
        # A colour's dot is filled while it is lit.
        if isinstance(what, int):
            if what == color:
                f0.canvas_draw_disc(73, y + 5, 3)
            else:
                f0.canvas_draw_circle(73, y + 5, 3)
        elif what != "vibro":
            if what == "blink":
                state = "on" if blinking else "off"
            else:
                state = "on" if backlight else "dim"
            f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_CENTER)
            f0.canvas_set_text(77, y + 5, state)
            f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_CENTER)
        f0.canvas_set_color(f0.CANVAS_BLACK)
    # Scroll bar.
    f0.canvas_draw_line(83, 15, 83, 61)
    f0.canvas_draw_box(82, 15 + top * 47 // len(MENU), 3, ROWS * 47 // len(MENU))
    # Status: brightness gauge and what is on.
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
    f0.canvas_set_text(107, 15, "level")
    f0.canvas_draw_frame(88, 25, 38, 8, 2)
    f0.canvas_draw_box(90, 27, brightness * 34 // 255, 4)
    f0.canvas_set_text(107, 36, str(brightness))
    status = "blinking" if blinking else ("LED on" if color else "LED off")
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_END)
    f0.canvas_set_text(107, 62, status)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(126, 2, "< > brightness")
    f0.canvas_update()


while not done:
    draw()
    time.sleep_ms(25)
# Leave the LED off and the backlight on.
if blinking:
    f0.light_blink_stop()
f0.light_set(RGB, 0)
f0.light_set(f0.LIGHT_BACKLIGHT, 255)
