//! The hardware behind the `flipperzero` module: one trait, implemented by
//! the device build and by the desktop simulator (`fzpy-sim`).
//!
//! Arguments reaching a [`Board`] are already checked (pins, ranges,
//! alignment values), so implementations need no validation of their own.

/// Horizontal or vertical text alignment (`ALIGN_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Left / top.
    Begin,
    /// Centred.
    Center,
    /// Right / bottom.
    End,
}

/// Drawing colour (`CANVAS_*` / `COLOR_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Pixels on.
    Black,
    /// Pixels off.
    White,
}

/// Text font (`FONT_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    /// helvB08 on the device.
    Primary,
    /// haxrcorp_4089 on the device.
    Secondary,
}

/// A text element of a dialog: text, position, alignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogText {
    /// The text.
    pub text: alloc::string::String,
    /// X coordinate.
    pub x: i32,
    /// Y coordinate.
    pub y: i32,
    /// Horizontal alignment.
    pub h: Align,
    /// Vertical alignment.
    pub v: Align,
}

/// A dialog message as built by `dialog_message_set_*`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dialog {
    /// Header (bold line).
    pub header: Option<DialogText>,
    /// Body text.
    pub text: Option<DialogText>,
    /// Labels of the LEFT, OK (centre) and RIGHT buttons.
    pub buttons: [Option<alloc::string::String>; 3],
}

/// The machine the `flipperzero` module drives. Pins are `GPIO_PIN_*`
/// numbers (0-7), buttons and event types are the `INPUT_*` bit values.
pub trait Board {
    // ---- display: a 128x64 1-bit frame buffer owned by the board ----
    /// Clears the drawing buffer.
    fn canvas_clear(&mut self);
    /// Shows the drawing buffer on the screen.
    fn canvas_update(&mut self);
    /// Sets the drawing colour.
    fn canvas_set_color(&mut self, color: Color);
    /// Sets the text font.
    fn canvas_set_font(&mut self, font: Font);
    /// One pixel.
    fn canvas_draw_dot(&mut self, x: i32, y: i32);
    /// A line, both ends included.
    fn canvas_draw_line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32);
    /// A filled box with corner radius `r` (0: square corners).
    fn canvas_draw_box(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32);
    /// A box outline with corner radius `r`.
    fn canvas_draw_frame(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32);
    /// A circle outline.
    fn canvas_draw_circle(&mut self, x: i32, y: i32, r: i32);
    /// A filled circle.
    fn canvas_draw_disc(&mut self, x: i32, y: i32, r: i32);
    /// Text in the current font and colour, aligned on (x, y).
    fn canvas_draw_text(&mut self, x: i32, y: i32, h: Align, v: Align, text: &str);
    /// Width of `text` in pixels in the current font.
    fn canvas_text_width(&mut self, text: &str) -> i32;
    /// Height of the current font in pixels.
    fn canvas_text_height(&mut self) -> i32;

    // ---- input ----
    /// The next input event that is due, as (button, type).
    fn input_poll(&mut self) -> Option<(u32, u32)>;

    // ---- outputs ----
    /// Vibration motor on or off.
    fn vibro_set(&mut self, on: bool);
    /// Sets the LED channels / backlight in `mask` to `brightness`.
    fn light_set(&mut self, mask: u32, brightness: u8);
    /// Starts hardware blinking.
    fn light_blink_start(&mut self, mask: u32, brightness: u8, on_ms: u32, period_ms: u32);
    /// Changes the blinking colour.
    fn light_blink_set_color(&mut self, mask: u32);
    /// Stops blinking.
    fn light_blink_stop(&mut self);
    /// Starts a tone; false if the speaker is busy.
    fn speaker_start(&mut self, freq: f32, volume: f32) -> bool;
    /// Changes the volume of the running tone; false if none runs.
    fn speaker_set_volume(&mut self, volume: f32) -> bool;
    /// Stops the tone; false if none ran.
    fn speaker_stop(&mut self) -> bool;

    // ---- GPIO, ADC, PWM ----
    /// Configures a pin; false on failure.
    fn gpio_init_pin(&mut self, pin: u32, mode: u32, pull: u32, speed: u32) -> bool;
    /// Releases a pin.
    fn gpio_deinit_pin(&mut self, pin: u32);
    /// Drives an output pin.
    fn gpio_set_pin(&mut self, pin: u32, state: bool);
    /// Reads a pin.
    fn gpio_get_pin(&mut self, pin: u32) -> bool;
    /// The next pending GPIO interrupt (a pin number).
    fn gpio_poll_interrupt(&mut self) -> Option<u32>;
    /// Raw ADC value 0-4095 of an analog pin.
    fn adc_read(&mut self, pin: u32) -> u16;
    /// Starts PWM; false on failure.
    fn pwm_start(&mut self, pin: u32, freq: u32, duty: u32) -> bool;
    /// Stops PWM.
    fn pwm_stop(&mut self, pin: u32);
    /// Whether PWM runs on `pin`.
    fn pwm_is_running(&mut self, pin: u32) -> bool;

    // ---- infrared ----
    /// Captures a raw signal (blocking up to `timeout_us`); returns the
    /// number of timings, read with [`Board::infrared_timing`].
    fn infrared_receive(&mut self, timeout_us: u32) -> usize;
    /// Timing `i` of the last capture, in microseconds.
    fn infrared_timing(&mut self, i: usize) -> u32;
    /// Sends a raw signal; false if busy.
    fn infrared_transmit(
        &mut self,
        signal: &[u32],
        repeat: u32,
        use_external_pin: bool,
        frequency: u32,
        duty: f32,
    ) -> bool;
    /// Whether a transmission runs.
    fn infrared_is_busy(&mut self) -> bool;
    /// Ends the script's use of infrared: stops a transmission that still
    /// runs and frees capture buffers.
    fn infrared_stop(&mut self);

    // ---- UART ----
    /// Opens the UART; false if taken.
    fn uart_open(&mut self, mode: u32, baud: u32) -> bool;
    /// Reads available bytes into `buf` (non-blocking); the count.
    fn uart_read(&mut self, buf: &mut [u8]) -> usize;
    /// Writes bytes; the count written.
    fn uart_write(&mut self, data: &[u8]) -> usize;
    /// Waits until written bytes are sent.
    fn uart_flush(&mut self);
    /// Closes the UART.
    fn uart_close(&mut self);

    // ---- dialog ----
    /// Shows a dialog and blocks until a button is pressed: the button.
    fn dialog_show(&mut self, dialog: &Dialog) -> u32;
}
