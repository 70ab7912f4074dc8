# An event logger for the Flipper Zero: Up / Down pick a tag, Ok appends
# a timestamped line with it to a text file on the SD card, and the screen
# shows the file's last lines (also those of earlier runs). A long Back
# quits. Copy the file off the card, or read it in the qFlipper app.
#   fzpy sim examples/logger.py --keys ok,down,ok,ok --dump-screen
import time
import flipperzero as f0

PATH = "/ext/apps_data/fzpy_logger.txt"
TAGS = ["note", "start", "stop", "alert", "coffee"]
SHOWN = 4  # file lines on screen

tag = 0
count = 0  # lines written in this run
last = []  # the file's last SHOWN lines
error = ""  # the last storage error, shown on screen
done = False


def days_to_date(days):
    """(year, month, day) of a day number counted from 1970-01-01."""
    # Shift the epoch to 0000-03-01 so leap days fall at the end of a year.
    days += 719468
    era = days // 146097
    doe = days - era * 146097  # day of the 400-year era
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153  # month from March
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def timestamp():
    """'YYYY-MM-DD HH:MM:SS' of the real-time clock (UTC)."""
    t = int(time.time())
    y, mo, d = days_to_date(t // 86400)
    s = t % 86400
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, s // 3600, s // 60 % 60, s % 60)


def read_last():
    """The file's last lines ([] before the first run)."""
    try:
        with open(PATH, "r") as f:
            return [line.rstrip("\n") for line in f.readlines()[-SHOWN:]]
    except OSError:
        return []


def append(line):
    """Adds one line at the end of the file, creating it if needed."""
    try:
        f = open(PATH, "r+")  # an existing log: write after its end
    except OSError:
        f = open(PATH, "w")  # the first run: a new file
    with f:
        f.seek(0, 2)
        f.write(line + "\n")


def log():
    global count, last, error
    line = timestamp() + " " + TAGS[tag]
    try:
        append(line)
    except OSError as e:
        error = "SD card: " + str(e)
        f0.vibro_set(True)
        time.sleep_ms(300)
        f0.vibro_set(False)
        return
    count += 1
    error = ""
    last = (last + [line])[-SHOWN:]
    f0.light_set(f0.LIGHT_GREEN, 255)  # a short green flash: written
    time.sleep_ms(40)
    f0.light_set(f0.LIGHT_GREEN, 0)


@f0.on_input
def on_input(button, type):
    global tag, done
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
    elif type == f0.INPUT_TYPE_SHORT:
        if button == f0.INPUT_BUTTON_UP:
            tag = (tag - 1) % len(TAGS)
        elif button == f0.INPUT_BUTTON_DOWN:
            tag = (tag + 1) % len(TAGS)
        elif button == f0.INPUT_BUTTON_OK:
            log()


def draw():
    f0.canvas_clear()
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(1, 0, "Logger")
    # The tag Ok will write, between up / down arrows.
    f0.canvas_draw_box(58, 0, 70, 12, 3)
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
    f0.canvas_set_text(93, 6, TAGS[tag])
    f0.canvas_draw_line(62, 7, 64, 4)
    f0.canvas_draw_line(64, 4, 66, 7)
    f0.canvas_draw_line(120, 4, 122, 7)
    f0.canvas_draw_line(122, 7, 124, 4)
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_draw_frame(0, 14, 128, 40, 3)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    if error:
        f0.canvas_set_text(4, 17, error)
    elif not last:
        f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
        f0.canvas_set_text(64, 33, "empty: Ok writes a line")
    for i, line in enumerate(last):
        f0.canvas_set_text(4, 17 + i * 9, line[5:])  # without the year
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_END)
    f0.canvas_set_text(1, 62, "written %d" % count)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_END)
    f0.canvas_set_text(127, 62, PATH.split("/")[-1])
    f0.canvas_update()


last = read_last()
while not done:
    draw()
    time.sleep_ms(25)
print("lines written:", count)
