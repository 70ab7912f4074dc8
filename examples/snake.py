# Snake for the Flipper Zero. The arrows steer, eat the dots and grow,
# do not hit the wall or your own tail. Ok starts (and restarts after a
# game over), a long Back quits. Headless in the simulator:
#   fzpy sim examples/snake.py --keys ok,wait:900,down,wait:500,left --dump-screen
import random
import time
import flipperzero as f0

CELL = 4  # pixels per grid cell
COLS, ROWS = 30, 12  # play field in cells: 120 x 48 pixels
X0, Y0 = 4, 13  # screen position of the field's top-left cell

TITLE, PLAYING, OVER = 0, 1, 2
DIRS = {
    f0.INPUT_BUTTON_UP: (0, -1),
    f0.INPUT_BUTTON_DOWN: (0, 1),
    f0.INPUT_BUTTON_LEFT: (-1, 0),
    f0.INPUT_BUTTON_RIGHT: (1, 0),
}

state = TITLE
done = False
snake = []  # cells (column, row), head first
heading = (1, 0)  # direction of the last move
wanted = (1, 0)  # direction asked for by the player
food = (0, 0)
score = 0
best = 0
next_move = 0  # ticks_ms of the next move


def place_food():
    global food
    while True:
        food = (random.randrange(COLS), random.randrange(ROWS))
        if food not in snake:
            return


def new_game():
    global state, snake, heading, wanted, score, next_move
    snake = [(6 - i, ROWS // 2) for i in range(4)]
    heading = wanted = (1, 0)
    score = 0
    place_food()
    state = PLAYING
    next_move = time.ticks_add(time.ticks_ms(), step_ms())


def step_ms():
    # The snake speeds up as it grows.
    return max(60, 160 - 8 * score)


@f0.on_input
def on_input(button, type):
    global done, wanted
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        done = True
    elif type != f0.INPUT_TYPE_PRESS:
        return
    elif state != PLAYING:
        if button == f0.INPUT_BUTTON_OK:
            new_game()
    elif button in DIRS:
        d = DIRS[button]
        # No U-turn into your own neck.
        if (d[0] + heading[0], d[1] + heading[1]) != (0, 0):
            wanted = d


def beep(note, ms):
    f0.speaker_start(note, 0.6)
    time.sleep_ms(ms)
    f0.speaker_stop()


def move():
    global state, heading, score, best
    heading = wanted
    x, y = snake[0]
    head = (x + heading[0], y + heading[1])
    inside = 0 <= head[0] < COLS and 0 <= head[1] < ROWS
    if not inside or head in snake[:-1]:
        state = OVER
        best = max(best, score)
        f0.vibro_set(True)
        beep(f0.SPEAKER_NOTE_C4, 150)
        f0.vibro_set(False)
        return
    snake.insert(0, head)
    if head == food:
        score += 1
        beep(f0.SPEAKER_NOTE_E6, 20)
        place_food()
    else:
        snake.pop()


def cell_xy(cell):
    return X0 + cell[0] * CELL, Y0 + cell[1] * CELL


def draw_field():
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(X0, 1, "Score " + str(score))
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(X0 + COLS * CELL, 1, "Best " + str(best))
    f0.canvas_draw_frame(X0 - 2, Y0 - 2, COLS * CELL + 4, ROWS * CELL + 4, 2)
    fx, fy = cell_xy(food)
    f0.canvas_draw_disc(fx + 1, fy + 1, 1)
    for i, cell in enumerate(snake):
        x, y = cell_xy(cell)
        if i == 0:
            f0.canvas_draw_box(x - 1, y - 1, CELL + 1, CELL + 1, 1)
        else:
            f0.canvas_draw_box(x, y, CELL - 1, CELL - 1)


def draw_title():
    f0.canvas_draw_frame(0, 0, 128, 64, 4)
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
    f0.canvas_set_text(64, 6, "S N A K E")
    # A little snake made of discs, with an eye.
    for i in range(6):
        f0.canvas_draw_disc(22 + i * 9, 31 + (i % 2) * 3, 4)
    f0.canvas_draw_disc(77, 31, 6)
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_draw_disc(79, 29, 1)
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_draw_line(84, 32, 90, 32)  # the tongue
    f0.canvas_draw_circle(100, 32, 3)  # and its next meal
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_END)
    f0.canvas_set_text(64, 51, "Ok: play   hold Back: quit")
    if best:
        f0.canvas_set_text(64, 61, "best " + str(best))


def draw_game_over():
    # A white card with a black rounded border over the field.
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_draw_box(24, 18, 80, 38, 4)
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_draw_frame(24, 18, 80, 38, 4)
    f0.canvas_set_font(f0.FONT_PRIMARY)
    f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
    f0.canvas_set_text(64, 27, "GAME OVER")
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text(64, 38, "score " + str(score))
    f0.canvas_draw_box(40, 44, 48, 10, 3)
    f0.canvas_set_color(f0.CANVAS_WHITE)
    f0.canvas_set_text(64, 49, "Ok: again")
    f0.canvas_set_color(f0.CANVAS_BLACK)


def draw():
    f0.canvas_clear()
    if state == TITLE:
        draw_title()
    else:
        draw_field()
        if state == OVER:
            draw_game_over()
    f0.canvas_update()


while not done:
    if state == PLAYING and time.ticks_diff(time.ticks_ms(), next_move) >= 0:
        move()
        next_move = time.ticks_add(next_move, step_ms())
    draw()
    time.sleep_ms(25)
print("score", score, "best", best)
