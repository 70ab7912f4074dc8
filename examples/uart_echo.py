# A UART terminal for the Flipper Zero: shows the lines that arrive on the
# USART (pins 13 TX, 14 RX, 115200 baud) and echoes each one back with a
# "> " prefix. Ok sends a ping, a long Back quits (leaving the `with` block
# closes the UART). Headless in the simulator, with lines from an inputs file:
#   fzpy sim examples/uart_echo.py --inputs examples/uart_echo.inputs.txt --keys ok,wait:300,long:back --events
import time
import flipperzero as f0

BAUD = 115200
SHOWN = 4  # received lines on screen

lines = []  # the last SHOWN lines received, as text
pending = b""  # bytes of a line not complete yet
received = 0  # lines received
pings = 0
done = False
send_ping = False


@f0.on_input
def on_input(button, type):
    global done, send_ping
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
    elif button == f0.INPUT_BUTTON_OK and type == f0.INPUT_TYPE_SHORT:
        send_ping = True  # sent from the main loop, which holds the UART


def poll(uart):
    """Takes what arrived; echoes and keeps every complete line."""
    global pending, received
    data = uart.read()  # non-blocking: b'' when nothing came
    if not data:
        return
    pending += data
    while b"\n" in pending:
        line, pending = pending.split(b"\n", 1)
        line = line.rstrip(b"\r")
        uart.write(b"> " + line + b"\r\n")
        received += 1
        lines.append(line.decode("utf-8", "replace"))
        if len(lines) > SHOWN:
            lines.pop(0)


def draw():
    f0.canvas_clear()
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(1, 0, "UART echo")
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(127, 1, str(BAUD) + " baud")
    f0.canvas_draw_frame(0, 12, 128, 41, 3)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    if not lines:
        f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
        f0.canvas_set_text(64, 32, "waiting for data ...")
    for i, text in enumerate(lines):
        # Cut long lines to the box, with an ellipsis.
        while f0.canvas_text_width(text) > 118:
            text = text[:-2] + "~"
        f0.canvas_set_text(4, 15 + i * 9, text)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_END)
    f0.canvas_set_text(1, 61, "rx %d  pings %d" % (received, pings))
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_END)
    f0.canvas_set_text(127, 61, "Ok: ping")
    f0.canvas_update()


with f0.uart_open(f0.UART_MODE_USART, BAUD) as uart:
    uart.write(b"Flipper Zero echo ready\r\n")
    while not done:
        poll(uart)
        if send_ping:
            pings += 1
            uart.write(b"ping %d\r\n" % pings)
            send_ping = False
        draw()
        time.sleep_ms(20)
print("lines received:", received)
