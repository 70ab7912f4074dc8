# A tone player for the Flipper Zero: plays a melody note by note from the
# SPEAKER_NOTE_* constants and shows each note on a one-octave keyboard.
# Ok plays / pauses, Up / Down change the volume, Left / Right the tempo,
# a long Back quits. Headless in the simulator (the tones are in --events):
#   fzpy sim examples/tones.py --keys ok,wait:2000,down,down --events
import time
import flipperzero as f0

# "Ode to Joy": (note, beats); "-" is a rest.
SONG = "Ode to Joy"
MELODY = [
    ("E4", 1), ("E4", 1), ("F4", 1), ("G4", 1),
    ("G4", 1), ("F4", 1), ("E4", 1), ("D4", 1),
    ("C4", 1), ("C4", 1), ("D4", 1), ("E4", 1),
    ("E4", 1.5), ("D4", 0.5), ("D4", 2),
    ("-", 1),
]
WHITE = ["C", "D", "E", "F", "G", "A", "B"]
BLACK = {"CS": 0, "DS": 1, "FS": 3, "GS": 4, "AS": 5}  # key left of it

playing = False
done = False
volume = 0.5
bpm = 120
index = -1  # note being played
note_end = 0  # ticks_ms when it ends
release = 0  # ticks_ms when its tone stops (a short gap before the next)
sounding = False


def frequency(name):
    # The note constants are named SPEAKER_NOTE_<note><octave>.
    return getattr(f0, "SPEAKER_NOTE_" + name)


@f0.on_input
def on_input(button, type):
    global playing, done, volume, bpm, note_end
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
        return
    if type != f0.INPUT_TYPE_SHORT and type != f0.INPUT_TYPE_REPEAT:
        return
    if button == f0.INPUT_BUTTON_OK:
        playing = not playing
        if playing:
            note_end = time.ticks_ms()  # start the next note now
        elif sounding:
            stop()
    elif button == f0.INPUT_BUTTON_UP:
        volume = min(f0.SPEAKER_VOLUME_MAX, round(volume + 0.1, 1))
        f0.speaker_set_volume(volume)
    elif button == f0.INPUT_BUTTON_DOWN:
        volume = max(f0.SPEAKER_VOLUME_MIN, round(volume - 0.1, 1))
        f0.speaker_set_volume(volume)
    elif button == f0.INPUT_BUTTON_RIGHT:
        bpm = min(240, bpm + 20)
    elif button == f0.INPUT_BUTTON_LEFT:
        bpm = max(60, bpm - 20)


def stop():
    global sounding
    f0.speaker_stop()
    sounding = False


def next_note():
    """Starts the next note of the melody (looping at its end)."""
    global index, note_end, release, sounding
    index = (index + 1) % len(MELODY)
    name, beats = MELODY[index]
    sounding = name != "-" and f0.speaker_start(frequency(name), volume)
    note_end = time.ticks_add(note_end, int(beats * 60000 / bpm))
    release = time.ticks_add(note_end, -40)


def draw_keyboard(name):
    x0, y0, w, h = 4, 16, 13, 34
    key = name[:-1]  # the note without its octave
    for i, white in enumerate(WHITE):
        x = x0 + i * w
        f0.canvas_draw_frame(x, y0, w + 1, h)
        if white == key:
            f0.canvas_draw_disc(x + w // 2, y0 + h - 7, 3)
    for black, left in BLACK.items():
        x = x0 + left * w + w - 3
        f0.canvas_draw_box(x, y0, 8, 20)
        if black == key:
            f0.canvas_set_color(f0.CANVAS_WHITE)
            f0.canvas_draw_disc(x + 4, y0 + 14, 2)
            f0.canvas_set_color(f0.CANVAS_BLACK)


def draw():
    name = MELODY[index][0] if index >= 0 else "-"
    f0.canvas_clear()
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(2, 1, SONG)
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(126, 2, str(bpm) + " bpm")
    f0.canvas_draw_line(0, 12, 127, 12)
    draw_keyboard(name)
    # The note, its frequency, and a play / pause sign.
    f0.canvas_draw_frame(98, 15, 28, 21, 3)
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
    f0.canvas_set_text(112, 25, name.replace("S", "#"))
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
    hz = "%d Hz" % round(frequency(name)) if name != "-" else "rest"
    f0.canvas_set_text(112, 14 + 24, hz)
    if playing:
        f0.canvas_draw_disc(104, 55, 5)
        f0.canvas_set_color(f0.CANVAS_WHITE)
        f0.canvas_draw_box(102, 52, 2, 7)
        f0.canvas_draw_box(105, 52, 2, 7)
        f0.canvas_set_color(f0.CANVAS_BLACK)
    else:
        f0.canvas_draw_circle(104, 55, 5)
        f0.canvas_draw_line(103, 52, 103, 58)
        f0.canvas_draw_line(104, 53, 104, 57)
        f0.canvas_draw_line(105, 54, 105, 56)
        f0.canvas_draw_dot(106, 55)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_END)
    f0.canvas_set_text(2, 62, "vol: up/dn  tempo: </>")
    # The volume as a vertical gauge.
    f0.canvas_draw_frame(115, 47, 11, 16, 2)
    f0.canvas_draw_box(117, 61 - int(volume * 12), 7, int(volume * 12))
    f0.canvas_update()


while not done:
    now = time.ticks_ms()
    if sounding and time.ticks_diff(now, release) >= 0:
        stop()
    if playing and time.ticks_diff(now, note_end) >= 0:
        next_note()
    draw()
    time.sleep_ms(10)
if sounding:
    stop()
