# Snake for the Flipper Zero: the arrows steer, OK starts again after a
# crash, a long Back quits. Play it in the simulator's window or terminal:
#   fzpy sim examples/snake.py
import random
import time
import flipperzero as f0

CELL = 4
COLS, ROWS = 32, 13  # the field under the 12-pixel score line
TOP = 12
DIRS = {
    f0.INPUT_BUTTON_UP: (0, -1),
    f0.INPUT_BUTTON_DOWN: (0, 1),
    f0.INPUT_BUTTON_LEFT: (-1, 0),
    f0.INPUT_BUTTON_RIGHT: (1, 0),
}

quit_game = False
restart = False
turns = []  # direction changes not taken yet


@f0.on_input
def on_input(button, type):
    global quit_game, restart
    if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
        quit_game = True
    elif button == f0.INPUT_BUTTON_OK and type == f0.INPUT_TYPE_SHORT:
        restart = True
    elif button in DIRS and type == f0.INPUT_TYPE_PRESS:
        turns.append(DIRS[button])


def place_food(snake):
    while True:
        food = (random.randint(0, COLS - 1), random.randint(0, ROWS - 1))
        if food not in snake:
            return food


def draw(snake, food, score, over):
    f0.canvas_clear()
    f0.canvas_set_color(f0.CANVAS_BLACK)
    f0.canvas_set_font(f0.FONT_SECONDARY)
    f0.canvas_set_text_align(f0.ALIGN_BEGIN, f0.ALIGN_BEGIN)
    f0.canvas_set_text(1, 1, "SNAKE")
    f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_BEGIN)
    f0.canvas_set_text(127, 1, "score " + str(score))
    f0.canvas_draw_line(0, TOP - 2, 127, TOP - 2)
    for (x, y) in snake:
        f0.canvas_draw_box(x * CELL, TOP + y * CELL, CELL, CELL, 0)
    f0.canvas_draw_circle(food[0] * CELL + 1, TOP + food[1] * CELL + 1, 1)
    if over:
        f0.canvas_set_color(f0.CANVAS_WHITE)
        f0.canvas_draw_box(14, 24, 100, 28, 3)
        f0.canvas_set_color(f0.CANVAS_BLACK)
        f0.canvas_draw_frame(14, 24, 100, 28, 3)
        f0.canvas_set_font(f0.FONT_PRIMARY)
        f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
        f0.canvas_set_text(64, 27, "Game over")
        f0.canvas_set_font(f0.FONT_SECONDARY)
        f0.canvas_set_text(64, 40, "OK: again  long Back: quit")
    f0.canvas_update()


def play():
    """One game; the score."""
    global restart
    snake = [(6, 6), (5, 6), (4, 6)]
    heading = (1, 0)
    food = place_food(snake)
    score = 0
    turns.clear()
    while not quit_game:
        while turns:
            d = turns.pop(0)
            if d != (-heading[0], -heading[1]):
                heading = d
                break
        head = ((snake[0][0] + heading[0]) % COLS, (snake[0][1] + heading[1]) % ROWS)
        if head in snake:
            break
        snake.insert(0, head)
        if head == food:
            score += 1
            food = place_food(snake)
            f0.light_set(f0.LIGHT_GREEN, 255)
            f0.speaker_start(880, 0.8)
        else:
            snake.pop()
        draw(snake, food, score, False)
        time.sleep_ms(max(60, 150 - 5 * score))
        f0.speaker_stop()
        f0.light_set(f0.LIGHT_GREEN, 0)
    # Crashed (or quitting): buzz, red light, wait for OK.
    draw(snake, food, score, True)
    f0.light_set(f0.LIGHT_RED, 255)
    f0.vibro_set(True)
    time.sleep_ms(200)
    f0.vibro_set(False)
    restart = False
    while not (restart or quit_game):
        time.sleep_ms(20)
    f0.light_set(f0.LIGHT_RED, 0)
    return score


best = 0
while not quit_game:
    best = max(best, play())
print("best score:", best)
