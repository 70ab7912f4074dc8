# GPIO and ADC on the Flipper Zero's header: three analog inputs shown as
# bars with their voltages, an output on PA7 that Ok toggles (wire an LED
# with a resistor to pin 2), and a counter of rising edges on PB2 (pin 6)
# counted by an interrupt handler. Left resets the counter, a long Back
# quits (and releases the pins). Headless in the simulator, with voltages
# and pulses from an inputs file:
#   fzpy sim examples/gpio.py --inputs examples/gpio.inputs.txt --keys ok,ok,ok --events --dump-screen
import time
import flipperzero as f0

# (pin, name on the header: pin number and port name)
ANALOG = [
    (f0.GPIO_PIN_PC0, "16 PC0"),
    (f0.GPIO_PIN_PC1, "15 PC1"),
    (f0.GPIO_PIN_PC3, " 7 PC3"),
]
OUT = f0.GPIO_PIN_PA7
EDGES = f0.GPIO_PIN_PB2
FULL_SCALE = 2.048  # volts at ADC value 4095

output = False
edges = 0
done = False

for pin, _ in ANALOG:
    f0.gpio_init_pin(pin, f0.GPIO_MODE_ANALOG)
f0.gpio_init_pin(OUT, f0.GPIO_MODE_OUTPUT_PUSH_PULL)
f0.gpio_set_pin(OUT, output)
f0.gpio_init_pin(EDGES, f0.GPIO_MODE_INTERRUPT_RISE, f0.GPIO_PULL_DOWN, f0.GPIO_SPEED_HIGH)


@f0.on_gpio
def on_gpio(pin):
    global edges
    if pin == EDGES:
        edges += 1


@f0.on_input
def on_input(button, type):
    global output, edges, done
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
    elif type == f0.INPUT_TYPE_SHORT:
        if button == f0.INPUT_BUTTON_OK:
            output = not output
            f0.gpio_set_pin(OUT, output)
        elif button == f0.INPUT_BUTTON_LEFT:
            edges = 0


def draw_analog(row, pin, name):
    y = 14 + row * 11
    value = f0.adc_read_pin_value(pin)  # 0 .. 4095
    volts = f0.adc_read_pin_voltage(pin)  # 0 .. 2.048 V
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_CENTER)
    f0.canvas_set_text(1, y + 4, name)
    f0.canvas_draw_frame(30, y, 62, 9, 2)
    f0.canvas_draw_box(32, y + 2, value * 58 // 4095, 5)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_CENTER)
    f0.canvas_set_text(127, y + 4, "%.3f V" % volts)


def draw():
    f0.canvas_clear()
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(1, 0, "GPIO")
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(127, 1, "full scale %.3f V" % FULL_SCALE)
    f0.canvas_draw_line(0, 11, 127, 11)
    for row, (pin, name) in enumerate(ANALOG):
        draw_analog(row, pin, name)
    # The output: a lamp that is lit while PA7 is high.
    f0.canvas_draw_frame(0, 48, 62, 16, 3)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_CENTER)
    f0.canvas_set_text(4, 55, "2 PA7")
    if output:
        f0.canvas_draw_disc(38, 55, 4)
    else:
        f0.canvas_draw_circle(38, 55, 4)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_CENTER)
    f0.canvas_set_text(59, 55, "HI" if output else "LO")
    # The edge counter.
    f0.canvas_draw_box(66, 48, 62, 16, 3)
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_CENTER)
    f0.canvas_set_text(70, 55, "6 PB2")
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_CENTER)
    f0.canvas_set_text(124, 56, str(edges))
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_update()


while not done:
    draw()
    time.sleep_ms(50)
# Release the pins: analog mode is the safe, high-impedance state.
f0.gpio_set_pin(OUT, False)
for pin in (OUT, EDGES):
    f0.gpio_init_pin(pin, f0.GPIO_MODE_ANALOG)
for pin, _ in ANALOG:
    f0.gpio_deinit_pin(pin)
print("edges counted:", edges)
