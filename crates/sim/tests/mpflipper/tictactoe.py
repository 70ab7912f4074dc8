# mp-flipper style: two-space indents, one global handler, module-level
# state, text centred in the cells of a frame grid, and a dialog at the end.
import time
import flipperzero as f0

def new_board():
  return [[' ', ' ', ' '], [' ', ' ', ' '], [' ', ' ', ' ']]

board = new_board()
cx = 1
cy = 1
cross = True
quit = False

@f0.on_input
def handle(button, type):
  global board
  global cx
  global cy
  global cross
  global quit

  if button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_LONG:
    quit = True
  elif button == f0.INPUT_BUTTON_BACK and type == f0.INPUT_TYPE_SHORT:
    board = new_board()
  elif type != f0.INPUT_TYPE_SHORT:
    pass
  elif button == f0.INPUT_BUTTON_LEFT:
    cx = (cx - 1) % 3
  elif button == f0.INPUT_BUTTON_RIGHT:
    cx = (cx + 1) % 3
  elif button == f0.INPUT_BUTTON_UP:
    cy = (cy - 1) % 3
  elif button == f0.INPUT_BUTTON_DOWN:
    cy = (cy + 1) % 3
  elif button == f0.INPUT_BUTTON_OK and board[cx][cy] == ' ':
    board[cx][cy] = 'X' if cross else 'O'
    cross = not cross

def paint():
  f0.canvas_clear()
  f0.canvas_draw_frame(2, 2, 60, 60)
  f0.canvas_draw_line(22, 2, 22, 61)
  f0.canvas_draw_line(42, 2, 42, 61)
  f0.canvas_draw_line(2, 22, 61, 22)
  f0.canvas_draw_line(2, 42, 61, 42)
  f0.canvas_draw_frame(cx * 20 + 4, cy * 20 + 4, 16, 16)
  f0.canvas_set_text_align(f0.ALIGN_CENTER, f0.ALIGN_CENTER)
  for x in range(0, 3):
    for y in range(0, 3):
      f0.canvas_set_text(x * 20 + 12, y * 20 + 12, board[x][y])
  f0.canvas_set_text(96, 32, ('X' if cross else 'O') + ' to play')
  f0.canvas_update()

# The font a script starts with, before any canvas_set_font.
start_width = f0.canvas_text_width('X to play')
f0.canvas_set_font(f0.FONT_PRIMARY)
primary_width = f0.canvas_text_width('X to play')
f0.canvas_set_font(f0.FONT_SECONDARY)
print('starts in FONT_SECONDARY:', start_width == f0.canvas_text_width('X to play') != primary_width)

while not quit:
  paint()
  time.sleep_ms(25)

print(board)
f0.dialog_message_set_header('Game over', 64, 12)
f0.dialog_message_set_text('Again?', 64, 32, f0.ALIGN_CENTER, f0.ALIGN_CENTER)
f0.dialog_message_set_button('No', f0.INPUT_BUTTON_LEFT)
f0.dialog_message_set_button('Yes', f0.INPUT_BUTTON_RIGHT)
answers = 0
while f0.dialog_message_show() is not f0.INPUT_BUTTON_LEFT:
  answers += 1
print('answered', answers + 1, 'times')
f0.dialog_message_clear()
