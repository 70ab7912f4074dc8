"""Type stubs for fzpy's `flipperzero` module (mp-flipper's API).

Every constant and function the module exports, with its meaning."""

from typing import Callable, List

LIGHT_RED: int
"""LED channel / backlight bit for light functions. Value 1."""

LIGHT_GREEN: int
"""LED channel / backlight bit for light functions. Value 2."""

LIGHT_BLUE: int
"""LED channel / backlight bit for light functions. Value 4."""

LIGHT_BACKLIGHT: int
"""LED channel / backlight bit for light functions. Value 8."""

CANVAS_BLACK: int
"""Drawing colour for canvas_set_color. Value 1."""

CANVAS_WHITE: int
"""Drawing colour for canvas_set_color. Value 2."""

COLOR_BLACK: int
"""Drawing colour for canvas_set_color (same value as the CANVAS_ spelling). Value 1."""

COLOR_WHITE: int
"""Drawing colour for canvas_set_color (same value as the CANVAS_ spelling). Value 2."""

INPUT_BUTTON_UP: int
"""Button passed to the on_input handler. Value 1."""

INPUT_BUTTON_DOWN: int
"""Button passed to the on_input handler. Value 2."""

INPUT_BUTTON_RIGHT: int
"""Button passed to the on_input handler. Value 4."""

INPUT_BUTTON_LEFT: int
"""Button passed to the on_input handler. Value 8."""

INPUT_BUTTON_OK: int
"""Button passed to the on_input handler. Value 16."""

INPUT_BUTTON_BACK: int
"""Button passed to the on_input handler. Value INPUT_BUTTON_BACK."""

INPUT_TYPE_PRESS: int
"""Event type passed to the on_input handler. Value 64."""

INPUT_TYPE_RELEASE: int
"""Event type passed to the on_input handler. Value 128."""

INPUT_TYPE_SHORT: int
"""Event type passed to the on_input handler. Value 256."""

INPUT_TYPE_LONG: int
"""Event type passed to the on_input handler. Value INPUT_TYPE_LONG."""

INPUT_TYPE_REPEAT: int
"""Event type passed to the on_input handler. Value 1024."""

ALIGN_BEGIN: int
"""Text alignment for canvas_set_text_align and dialogs. Value ALIGN_BEGIN."""

ALIGN_CENTER: int
"""Text alignment for canvas_set_text_align and dialogs. Value ALIGN_CENTER."""

ALIGN_END: int
"""Text alignment for canvas_set_text_align and dialogs. Value ALIGN_END."""

FONT_PRIMARY: int
"""Font for canvas_set_font. Value 1."""

FONT_SECONDARY: int
"""Font for canvas_set_font. Value 2."""

GPIO_PIN_PC0: int
"""Pin of the GPIO header. Value 0."""

GPIO_PIN_PC1: int
"""Pin of the GPIO header. Value 1."""

GPIO_PIN_PC3: int
"""Pin of the GPIO header. Value 2."""

GPIO_PIN_PB2: int
"""Pin of the GPIO header. Value 3."""

GPIO_PIN_PB3: int
"""Pin of the GPIO header. Value 4."""

GPIO_PIN_PA4: int
"""Pin of the GPIO header. Value 5."""

GPIO_PIN_PA6: int
"""Pin of the GPIO header. Value 6."""

GPIO_PIN_PA7: int
"""Pin of the GPIO header. Value 7."""

GPIO_MODE_INPUT: int
"""Pin mode for gpio_init_pin. Value 1."""

GPIO_MODE_OUTPUT_PUSH_PULL: int
"""Pin mode for gpio_init_pin. Value 2."""

GPIO_MODE_OUTPUT_OPEN_DRAIN: int
"""Pin mode for gpio_init_pin. Value 4."""

GPIO_MODE_ANALOG: int
"""Pin mode for gpio_init_pin. Value 8."""

GPIO_MODE_INTERRUPT_RISE: int
"""Pin mode for gpio_init_pin. Value 16."""

GPIO_MODE_INTERRUPT_FALL: int
"""Pin mode for gpio_init_pin. Value 32."""

GPIO_PULL_NO: int
"""Pull resistor for gpio_init_pin. Value 0."""

GPIO_PULL_UP: int
"""Pull resistor for gpio_init_pin. Value 1."""

GPIO_PULL_DOWN: int
"""Pull resistor for gpio_init_pin. Value 2."""

GPIO_SPEED_LOW: int
"""Pin speed for gpio_init_pin. Value 0."""

GPIO_SPEED_MEDIUM: int
"""Pin speed for gpio_init_pin. Value 1."""

GPIO_SPEED_HIGH: int
"""Pin speed for gpio_init_pin. Value 2."""

GPIO_SPEED_VERY_HIGH: int
"""Pin speed for gpio_init_pin. Value 3."""

UART_MODE_USART: int
"""UART peripheral for uart_open. Value 0."""

UART_MODE_LPUART: int
"""UART peripheral for uart_open. Value 1."""

SPEAKER_VOLUME_MIN: float
"""Speaker volume bound. Value 0.0."""

SPEAKER_VOLUME_MAX: float
"""Speaker volume bound. Value 1.0."""

SPEAKER_NOTE_C0: float
"""The musical note C0 as frequency in Hz (16.35)."""

SPEAKER_NOTE_CS0: float
"""The musical note C#0 as frequency in Hz (17.32)."""

SPEAKER_NOTE_D0: float
"""The musical note D0 as frequency in Hz (18.35)."""

SPEAKER_NOTE_DS0: float
"""The musical note D#0 as frequency in Hz (19.45)."""

SPEAKER_NOTE_E0: float
"""The musical note E0 as frequency in Hz (20.6)."""

SPEAKER_NOTE_F0: float
"""The musical note F0 as frequency in Hz (21.83)."""

SPEAKER_NOTE_FS0: float
"""The musical note F#0 as frequency in Hz (23.12)."""

SPEAKER_NOTE_G0: float
"""The musical note G0 as frequency in Hz (24.5)."""

SPEAKER_NOTE_GS0: float
"""The musical note G#0 as frequency in Hz (25.96)."""

SPEAKER_NOTE_A0: float
"""The musical note A0 as frequency in Hz (27.5)."""

SPEAKER_NOTE_AS0: float
"""The musical note A#0 as frequency in Hz (29.14)."""

SPEAKER_NOTE_B0: float
"""The musical note B0 as frequency in Hz (30.87)."""

SPEAKER_NOTE_C1: float
"""The musical note C1 as frequency in Hz (32.7)."""

SPEAKER_NOTE_CS1: float
"""The musical note C#1 as frequency in Hz (34.65)."""

SPEAKER_NOTE_D1: float
"""The musical note D1 as frequency in Hz (36.71)."""

SPEAKER_NOTE_DS1: float
"""The musical note D#1 as frequency in Hz (38.89)."""

SPEAKER_NOTE_E1: float
"""The musical note E1 as frequency in Hz (41.2)."""

SPEAKER_NOTE_F1: float
"""The musical note F1 as frequency in Hz (43.65)."""

SPEAKER_NOTE_FS1: float
"""The musical note F#1 as frequency in Hz (46.25)."""

SPEAKER_NOTE_G1: float
"""The musical note G1 as frequency in Hz (49.0)."""

SPEAKER_NOTE_GS1: float
"""The musical note G#1 as frequency in Hz (51.91)."""

SPEAKER_NOTE_A1: float
"""The musical note A1 as frequency in Hz (55.0)."""

SPEAKER_NOTE_AS1: float
"""The musical note A#1 as frequency in Hz (58.27)."""

SPEAKER_NOTE_B1: float
"""The musical note B1 as frequency in Hz (61.74)."""

SPEAKER_NOTE_C2: float
"""The musical note C2 as frequency in Hz (65.41)."""

SPEAKER_NOTE_CS2: float
"""The musical note C#2 as frequency in Hz (69.3)."""

SPEAKER_NOTE_D2: float
"""The musical note D2 as frequency in Hz (73.42)."""

SPEAKER_NOTE_DS2: float
"""The musical note D#2 as frequency in Hz (77.78)."""

SPEAKER_NOTE_E2: float
"""The musical note E2 as frequency in Hz (82.41)."""

SPEAKER_NOTE_F2: float
"""The musical note F2 as frequency in Hz (87.31)."""

SPEAKER_NOTE_FS2: float
"""The musical note F#2 as frequency in Hz (92.5)."""

SPEAKER_NOTE_G2: float
"""The musical note G2 as frequency in Hz (98.0)."""

SPEAKER_NOTE_GS2: float
"""The musical note G#2 as frequency in Hz (103.83)."""

SPEAKER_NOTE_A2: float
"""The musical note A2 as frequency in Hz (110.0)."""

SPEAKER_NOTE_AS2: float
"""The musical note A#2 as frequency in Hz (116.54)."""

SPEAKER_NOTE_B2: float
"""The musical note B2 as frequency in Hz (123.47)."""

SPEAKER_NOTE_C3: float
"""The musical note C3 as frequency in Hz (130.81)."""

SPEAKER_NOTE_CS3: float
"""The musical note C#3 as frequency in Hz (138.59)."""

SPEAKER_NOTE_D3: float
"""The musical note D3 as frequency in Hz (146.83)."""

SPEAKER_NOTE_DS3: float
"""The musical note D#3 as frequency in Hz (155.56)."""

SPEAKER_NOTE_E3: float
"""The musical note E3 as frequency in Hz (164.81)."""

SPEAKER_NOTE_F3: float
"""The musical note F3 as frequency in Hz (174.61)."""

SPEAKER_NOTE_FS3: float
"""The musical note F#3 as frequency in Hz (185.0)."""

SPEAKER_NOTE_G3: float
"""The musical note G3 as frequency in Hz (196.0)."""

SPEAKER_NOTE_GS3: float
"""The musical note G#3 as frequency in Hz (207.65)."""

SPEAKER_NOTE_A3: float
"""The musical note A3 as frequency in Hz (220.0)."""

SPEAKER_NOTE_AS3: float
"""The musical note A#3 as frequency in Hz (233.08)."""

SPEAKER_NOTE_B3: float
"""The musical note B3 as frequency in Hz (246.94)."""

SPEAKER_NOTE_C4: float
"""The musical note C4 as frequency in Hz (261.63)."""

SPEAKER_NOTE_CS4: float
"""The musical note C#4 as frequency in Hz (277.18)."""

SPEAKER_NOTE_D4: float
"""The musical note D4 as frequency in Hz (293.66)."""

SPEAKER_NOTE_DS4: float
"""The musical note D#4 as frequency in Hz (311.13)."""

SPEAKER_NOTE_E4: float
"""The musical note E4 as frequency in Hz (329.63)."""

SPEAKER_NOTE_F4: float
"""The musical note F4 as frequency in Hz (349.23)."""

SPEAKER_NOTE_FS4: float
"""The musical note F#4 as frequency in Hz (369.99)."""

SPEAKER_NOTE_G4: float
"""The musical note G4 as frequency in Hz (392.0)."""

SPEAKER_NOTE_GS4: float
"""The musical note G#4 as frequency in Hz (415.3)."""

SPEAKER_NOTE_A4: float
"""The musical note A4 as frequency in Hz (440.0)."""

SPEAKER_NOTE_AS4: float
"""The musical note A#4 as frequency in Hz (466.16)."""

SPEAKER_NOTE_B4: float
"""The musical note B4 as frequency in Hz (493.88)."""

SPEAKER_NOTE_C5: float
"""The musical note C5 as frequency in Hz (523.25)."""

SPEAKER_NOTE_CS5: float
"""The musical note C#5 as frequency in Hz (554.37)."""

SPEAKER_NOTE_D5: float
"""The musical note D5 as frequency in Hz (587.33)."""

SPEAKER_NOTE_DS5: float
"""The musical note D#5 as frequency in Hz (622.25)."""

SPEAKER_NOTE_E5: float
"""The musical note E5 as frequency in Hz (659.26)."""

SPEAKER_NOTE_F5: float
"""The musical note F5 as frequency in Hz (698.46)."""

SPEAKER_NOTE_FS5: float
"""The musical note F#5 as frequency in Hz (739.99)."""

SPEAKER_NOTE_G5: float
"""The musical note G5 as frequency in Hz (783.99)."""

SPEAKER_NOTE_GS5: float
"""The musical note G#5 as frequency in Hz (830.61)."""

SPEAKER_NOTE_A5: float
"""The musical note A5 as frequency in Hz (880.0)."""

SPEAKER_NOTE_AS5: float
"""The musical note A#5 as frequency in Hz (932.33)."""

SPEAKER_NOTE_B5: float
"""The musical note B5 as frequency in Hz (987.77)."""

SPEAKER_NOTE_C6: float
"""The musical note C6 as frequency in Hz (1046.5)."""

SPEAKER_NOTE_CS6: float
"""The musical note C#6 as frequency in Hz (1108.73)."""

SPEAKER_NOTE_D6: float
"""The musical note D6 as frequency in Hz (1174.66)."""

SPEAKER_NOTE_DS6: float
"""The musical note D#6 as frequency in Hz (1244.51)."""

SPEAKER_NOTE_E6: float
"""The musical note E6 as frequency in Hz (1318.51)."""

SPEAKER_NOTE_F6: float
"""The musical note F6 as frequency in Hz (1396.91)."""

SPEAKER_NOTE_FS6: float
"""The musical note F#6 as frequency in Hz (1479.98)."""

SPEAKER_NOTE_G6: float
"""The musical note G6 as frequency in Hz (1567.98)."""

SPEAKER_NOTE_GS6: float
"""The musical note G#6 as frequency in Hz (1661.22)."""

SPEAKER_NOTE_A6: float
"""The musical note A6 as frequency in Hz (1760.0)."""

SPEAKER_NOTE_AS6: float
"""The musical note A#6 as frequency in Hz (1864.66)."""

SPEAKER_NOTE_B6: float
"""The musical note B6 as frequency in Hz (1975.53)."""

SPEAKER_NOTE_C7: float
"""The musical note C7 as frequency in Hz (2093.0)."""

SPEAKER_NOTE_CS7: float
"""The musical note C#7 as frequency in Hz (2217.46)."""

SPEAKER_NOTE_D7: float
"""The musical note D7 as frequency in Hz (2349.32)."""

SPEAKER_NOTE_DS7: float
"""The musical note D#7 as frequency in Hz (2489.02)."""

SPEAKER_NOTE_E7: float
"""The musical note E7 as frequency in Hz (2637.02)."""

SPEAKER_NOTE_F7: float
"""The musical note F7 as frequency in Hz (2793.83)."""

SPEAKER_NOTE_FS7: float
"""The musical note F#7 as frequency in Hz (2959.96)."""

SPEAKER_NOTE_G7: float
"""The musical note G7 as frequency in Hz (3135.96)."""

SPEAKER_NOTE_GS7: float
"""The musical note G#7 as frequency in Hz (3322.44)."""

SPEAKER_NOTE_A7: float
"""The musical note A7 as frequency in Hz (3520.0)."""

SPEAKER_NOTE_AS7: float
"""The musical note A#7 as frequency in Hz (3729.31)."""

SPEAKER_NOTE_B7: float
"""The musical note B7 as frequency in Hz (3951.07)."""

SPEAKER_NOTE_C8: float
"""The musical note C8 as frequency in Hz (4186.01)."""

SPEAKER_NOTE_CS8: float
"""The musical note C#8 as frequency in Hz (4434.92)."""

SPEAKER_NOTE_D8: float
"""The musical note D8 as frequency in Hz (4698.64)."""

SPEAKER_NOTE_DS8: float
"""The musical note D#8 as frequency in Hz (4978.03)."""

SPEAKER_NOTE_E8: float
"""The musical note E8 as frequency in Hz (5274.04)."""

SPEAKER_NOTE_F8: float
"""The musical note F8 as frequency in Hz (5587.65)."""

SPEAKER_NOTE_FS8: float
"""The musical note F#8 as frequency in Hz (5919.91)."""

SPEAKER_NOTE_G8: float
"""The musical note G8 as frequency in Hz (6271.93)."""

SPEAKER_NOTE_GS8: float
"""The musical note G#8 as frequency in Hz (6644.88)."""

SPEAKER_NOTE_A8: float
"""The musical note A8 as frequency in Hz (7040.0)."""

SPEAKER_NOTE_AS8: float
"""The musical note A#8 as frequency in Hz (7458.62)."""

SPEAKER_NOTE_B8: float
"""The musical note B8 as frequency in Hz (7902.13)."""

def vibro_set(state: bool) -> bool:
    """Turns the vibration motor on or off (non-blocking); returns the state."""

def light_set(light: int, brightness: int) -> None:
    """Sets the LED channels / backlight in the LIGHT_* mask to brightness 0-255."""

def light_blink_start(light: int, brightness: int, on_time: int, period: int) -> None:
    """Starts hardware blinking of the LIGHT_* mask: on for on_time ms every period ms."""

def light_blink_set_color(light: int) -> None:
    """Changes the colour (LIGHT_* mask) of the running blink."""

def light_blink_stop() -> None:
    """Stops blinking."""

def speaker_start(frequency: float, volume: float) -> bool:
    """Starts a steady tone (Hz, volume 0.0-1.0), non-blocking; False if the speaker is busy."""

def speaker_set_volume(volume: float) -> bool:
    """Changes the volume of the running tone; False if none runs."""

def speaker_stop() -> bool:
    """Stops the tone; False if none ran."""

def on_input(handler: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """Decorator: the one global input handler, called as handler(button, type); a second one replaces it."""

def canvas_width() -> int:
    """The screen width: 128."""

def canvas_height() -> int:
    """The screen height: 64."""

def canvas_text_width(text: str) -> int:
    """Width of text in pixels in the current font."""

def canvas_text_height() -> int:
    """Height of the current font in pixels."""

def canvas_draw_dot(x: int, y: int) -> None:
    """Draws one pixel in the current colour."""

def canvas_draw_box(x: int, y: int, width: int, height: int, r: int = 0) -> None:
    """Draws a filled box; r is the corner radius."""

def canvas_draw_frame(x: int, y: int, width: int, height: int, r: int = 0) -> None:
    """Draws a box outline; r is the corner radius."""

def canvas_draw_line(x0: int, y0: int, x1: int, y1: int) -> None:
    """Draws a line, both ends included."""

def canvas_draw_circle(x: int, y: int, r: int) -> None:
    """Draws a circle outline centred on (x, y)."""

def canvas_draw_disc(x: int, y: int, r: int) -> None:
    """Draws a filled circle centred on (x, y)."""

def canvas_set_font(font: int) -> None:
    """Sets the text font (FONT_PRIMARY or FONT_SECONDARY)."""

def canvas_set_color(color: int) -> None:
    """Sets the drawing colour (CANVAS_BLACK or CANVAS_WHITE)."""

def canvas_set_text(x: int, y: int, text: str) -> None:
    """Draws text at (x, y) with the current font, colour and alignment."""

def canvas_set_text_align(x: int, y: int) -> None:
    """Sets the horizontal and vertical text alignment (ALIGN_*)."""

def canvas_clear() -> None:
    """Clears the drawing buffer."""

def canvas_update() -> None:
    """Shows the drawing buffer on the screen."""

def dialog_message_set_header(text: str, x: int, y: int, h: int = ALIGN_BEGIN, v: int = ALIGN_BEGIN) -> None:
    """Sets the dialog's header text, position and alignment."""

def dialog_message_set_text(text: str, x: int, y: int, h: int = ALIGN_BEGIN, v: int = ALIGN_BEGIN) -> None:
    """Sets the dialog's body text, position and alignment."""

def dialog_message_set_button(text: str, button: int) -> None:
    """Sets the label of the LEFT, OK or RIGHT dialog button."""

def dialog_message_show() -> int:
    """Shows the dialog and blocks until a button is pressed; returns it (BACK included)."""

def dialog_message_clear() -> None:
    """Clears the dialog's header, text and buttons."""

def gpio_init_pin(pin: int, mode: int, pull: int = GPIO_PULL_NO, speed: int = GPIO_SPEED_LOW) -> bool:
    """Configures a GPIO pin; True on success."""

def gpio_deinit_pin(pin: int) -> None:
    """Releases a GPIO pin."""

def gpio_set_pin(pin: int, state: bool) -> None:
    """Drives an output pin high (True) or low."""

def gpio_get_pin(pin: int) -> bool:
    """Reads a pin's level."""

def on_gpio(handler: Callable[[int], None]) -> Callable[[int], None]:
    """Decorator: the one global GPIO interrupt handler, called as handler(pin)."""

def adc_read_pin_value(pin: int) -> int:
    """Raw ADC reading 0-4095 of a pin in GPIO_MODE_ANALOG (PC0 PC1 PC3 PA4 PA6 PA7)."""

def adc_read_pin_voltage(pin: int) -> float:
    """ADC reading of a pin in volts (0-2.048)."""

def pwm_start(pin: int, frequency: int, duty: int) -> bool:
    """Starts PWM on PA4 or PA7 (Hz, duty in percent); True on success."""

def pwm_stop(pin: int) -> None:
    """Stops PWM on a pin."""

def pwm_is_running(pin: int) -> bool:
    """Whether PWM runs on a pin."""

def infrared_receive(timeout: int = 1000000) -> List[int]:
    """Captures a raw IR signal (blocking up to timeout us): mark/space durations in us, starting with a mark."""

def infrared_transmit(signal: List[int], repeat: int = 1, use_external_pin: bool = False, frequency: int = 38000, duty: float = 0.33) -> bool:
    """Sends a raw IR signal (durations in us); True on success."""

def infrared_is_busy() -> bool:
    """Whether an IR transmission runs."""

class UART:
    """The UART handle uart_open returns (reads are non-blocking); a context
    manager that closes it, and an iterator over the available lines."""

    def read(self, size: int = -1) -> bytes:
        """Reads up to size available bytes (b'' when none)."""

    def readline(self, size: int = -1) -> bytes:
        """Reads one line, newline included, or what is available (at most size bytes)."""

    def readlines(self) -> List[bytes]:
        """Reads all available lines."""

    def write(self, data: bytes) -> int:
        """Writes data; returns the number of bytes written."""

    def flush(self) -> None:
        """Waits until written data is sent."""

    def close(self) -> None:
        """Closes the UART."""

    def __enter__(self) -> "UART":
        """Returns the handle."""

    def __exit__(self, *exc: object) -> None:
        """Closes the UART."""

    def __iter__(self) -> "UART":
        """Returns the handle."""

    def __next__(self) -> bytes:
        """The next available line; StopIteration when none is."""

def uart_open(mode: int, baud_rate: int) -> UART:
    """Opens the UART (UART_MODE_*); OSError(EBUSY) if it is taken."""
