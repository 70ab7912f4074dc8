import flipperzero as f0
f0.canvas_set_font(f0.FONT_PRIMARY)
f0.canvas_draw_box(0, 0, 10, 10)
f0.dialog_message_set_header("Exit the game?", 64, 0, f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
f0.dialog_message_set_text("Your progress will be\nlost if you quit now.", 64, 32,
                           f0.ALIGN_CENTER, f0.ALIGN_CENTER)
f0.dialog_message_set_button("Stay", f0.INPUT_BUTTON_LEFT)
f0.dialog_message_set_button("Save", f0.INPUT_BUTTON_OK)
f0.dialog_message_set_button("Quit", f0.INPUT_BUTTON_RIGHT)
print(f0.dialog_message_show())
