//! The `flipperzero` module's [`Board`] on the device: the direct-draw canvas, the
//! buttons, speaker, LED, backlight, vibration, the header's pins, infrared, UART and
//! dialogs. What the script leaves on is turned off by the module's `release_all` through
//! these calls when the script ends.

use crate::gpio::Pins;
use crate::infrared::Infrared;
use crate::keys;
use crate::screen::Screen;
use crate::serial::Serial;
use alloc::ffi::CString;
use alloc::rc::Rc;
use core::cell::RefCell;
use flipperzero_sys as sys;
use fzpy_flipper::{Align, Board, Color, Dialog, DialogText, Font};

/// The device.
pub struct DeviceBoard {
    screen: Rc<RefCell<Screen>>,
    color: Color,
    font: Font,
    /// The speaker is acquired (a tone plays).
    speaker: bool,
    pins: Pins,
    infrared: Infrared,
    serial: Serial,
}

impl DeviceBoard {
    /// A board drawing on `screen`.
    pub fn new(screen: Rc<RefCell<Screen>>) -> DeviceBoard {
        DeviceBoard {
            screen,
            color: Color::Black,
            font: Font::Primary,
            speaker: false,
            pins: Pins::default(),
            infrared: Infrared::new(),
            serial: Serial::default(),
        }
    }

    /// Runs `f` on the canvas (not while a dialog has the display). The first drawing
    /// call takes the screen from the console.
    fn draw(&mut self, f: impl FnOnce(*mut sys::Canvas)) {
        let mut s = self.screen.borrow_mut();
        let Some(c) = s.canvas() else { return };
        if !s.script_draws {
            s.script_draws = true;
            // SAFETY: `c` is the direct-draw canvas, used only on this thread.
            unsafe {
                sys::canvas_clear(c);
                sys::canvas_set_color(c, color(self.color));
                sys::canvas_set_font(c, font(self.font));
            }
        }
        f(c)
    }
}

fn color(c: Color) -> sys::Color {
    match c {
        Color::Black => sys::ColorBlack,
        Color::White => sys::ColorWhite,
    }
}

fn font(f: Font) -> sys::Font {
    match f {
        Font::Primary => sys::FontPrimary,
        Font::Secondary => sys::FontSecondary,
    }
}

fn h_align(a: Align) -> sys::Align {
    match a {
        Align::Begin => sys::AlignLeft,
        Align::Center => sys::AlignCenter,
        Align::End => sys::AlignRight,
    }
}

fn v_align(a: Align) -> sys::Align {
    match a {
        Align::Begin => sys::AlignTop,
        Align::Center => sys::AlignCenter,
        Align::End => sys::AlignBottom,
    }
}

/// A length for the SDK (negative: nothing to draw).
fn len(n: i32) -> usize {
    n.max(0) as usize
}

/// The SDK's light of `LIGHT_*` bit `mask` (the values are the same).
fn light(mask: u32) -> sys::Light {
    sys::Light((mask & 0xf) as u8)
}

/// A dialog element's text as a C string, with the element.
fn dialog_text(t: &Option<DialogText>) -> Option<(CString, &DialogText)> {
    t.as_ref().map(|d| (c_text(&d.text), d))
}

/// `text` as a C string, cut at a NUL.
fn c_text(text: &str) -> CString {
    let end = text.find('\0').unwrap_or(text.len());
    CString::new(&text[..end]).unwrap_or_default()
}

impl Board for DeviceBoard {
    fn canvas_clear(&mut self) {
        let (col, fnt) = (color(self.color), font(self.font));
        // SAFETY (all drawing calls): `c` is the direct-draw canvas; the SDK clips.
        self.draw(|c| unsafe {
            sys::canvas_clear(c);
            sys::canvas_set_color(c, col);
            sys::canvas_set_font(c, fnt);
        });
    }

    fn canvas_update(&mut self) {
        self.draw(|c| unsafe { sys::canvas_commit(c) });
    }

    fn canvas_set_color(&mut self, c: Color) {
        self.color = c;
        self.draw(|cv| unsafe { sys::canvas_set_color(cv, color(c)) });
    }

    fn canvas_set_font(&mut self, f: Font) {
        self.font = f;
        self.draw(|c| unsafe { sys::canvas_set_font(c, font(f)) });
    }

    fn canvas_draw_dot(&mut self, x: i32, y: i32) {
        self.draw(|c| unsafe { sys::canvas_draw_dot(c, x, y) });
    }

    fn canvas_draw_line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32) {
        self.draw(|c| unsafe { sys::canvas_draw_line(c, x0, y0, x1, y1) });
    }

    fn canvas_draw_box(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        self.draw(|c| unsafe {
            if r > 0 {
                sys::canvas_draw_rbox(c, x, y, len(w), len(h), len(r));
            } else {
                sys::canvas_draw_box(c, x, y, len(w), len(h));
            }
        });
    }

    fn canvas_draw_frame(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        self.draw(|c| unsafe {
            if r > 0 {
                sys::canvas_draw_rframe(c, x, y, len(w), len(h), len(r));
            } else {
                sys::canvas_draw_frame(c, x, y, len(w), len(h));
            }
        });
    }

    fn canvas_draw_circle(&mut self, x: i32, y: i32, r: i32) {
        self.draw(|c| unsafe { sys::canvas_draw_circle(c, x, y, len(r)) });
    }

    fn canvas_draw_disc(&mut self, x: i32, y: i32, r: i32) {
        self.draw(|c| unsafe { sys::canvas_draw_disc(c, x, y, len(r)) });
    }

    fn canvas_draw_text(&mut self, x: i32, y: i32, h: Align, v: Align, text: &str) {
        let t = c_text(text);
        self.draw(|c| unsafe {
            sys::canvas_draw_str_aligned(c, x, y, h_align(h), v_align(v), t.as_ptr())
        });
    }

    fn canvas_text_width(&mut self, text: &str) -> i32 {
        let t = c_text(text);
        let mut w = 0;
        self.draw(|c| w = i32::from(unsafe { sys::canvas_string_width(c, t.as_ptr()) }));
        w
    }

    fn canvas_text_height(&mut self) -> i32 {
        let mut h = 0;
        self.draw(|c| h = unsafe { sys::canvas_current_font_height(c) } as i32);
        h
    }

    /// A button event as the module's `INPUT_BUTTON_*` / `INPUT_TYPE_*` bits.
    fn input_poll(&mut self) -> Option<(u32, u32)> {
        loop {
            let (key, typ) = self.screen.borrow_mut().poll_input()?;
            if let Some(ev) = keys::module_event(key, typ) {
                return Some(ev);
            }
        }
    }

    fn vibro_set(&mut self, on: bool) {
        // SAFETY: a plain motor switch.
        unsafe { sys::furi_hal_vibro_on(on) };
    }

    fn light_set(&mut self, mask: u32, brightness: u8) {
        // SAFETY: `light` is a valid channel mask.
        unsafe { sys::furi_hal_light_set(light(mask), brightness) };
    }

    fn light_blink_start(&mut self, mask: u32, brightness: u8, on_ms: u32, period_ms: u32) {
        let (on, period) = (
            on_ms.min(u16::MAX as u32) as u16,
            period_ms.min(u16::MAX as u32) as u16,
        );
        // SAFETY: `light` is a valid channel mask.
        unsafe { sys::furi_hal_light_blink_start(light(mask), brightness, on, period) };
    }

    fn light_blink_set_color(&mut self, mask: u32) {
        // SAFETY: `light` is a valid channel mask.
        unsafe { sys::furi_hal_light_blink_set_color(light(mask)) };
    }

    fn light_blink_stop(&mut self) {
        // SAFETY: stopping is allowed when not blinking.
        unsafe { sys::furi_hal_light_blink_stop() };
    }

    fn speaker_start(&mut self, freq: f32, volume: f32) -> bool {
        // SAFETY: the speaker is used only while acquired; released in `speaker_stop`
        // (the module calls it when the script ends with a tone on).
        unsafe {
            if !self.speaker {
                if !sys::furi_hal_speaker_acquire(100) {
                    return false;
                }
                self.speaker = true;
            }
            sys::furi_hal_speaker_start(freq, volume);
        }
        true
    }

    fn speaker_set_volume(&mut self, volume: f32) -> bool {
        if self.speaker {
            // SAFETY: the speaker is acquired and plays.
            unsafe { sys::furi_hal_speaker_set_volume(volume) };
        }
        self.speaker
    }

    fn speaker_stop(&mut self) -> bool {
        if !self.speaker {
            return false;
        }
        // SAFETY: the speaker is acquired by this app.
        unsafe {
            sys::furi_hal_speaker_stop();
            sys::furi_hal_speaker_release();
        }
        self.speaker = false;
        true
    }

    fn gpio_init_pin(&mut self, pin: u32, mode: u32, pull: u32, speed: u32) -> bool {
        self.pins.init(pin, mode, pull, speed)
    }

    fn gpio_deinit_pin(&mut self, pin: u32) {
        self.pins.deinit(pin)
    }

    fn gpio_set_pin(&mut self, pin: u32, state: bool) {
        self.pins.write(pin, state)
    }

    fn gpio_get_pin(&mut self, pin: u32) -> bool {
        self.pins.read(pin)
    }

    fn gpio_poll_interrupt(&mut self) -> Option<u32> {
        self.pins.poll_interrupt()
    }

    fn adc_read(&mut self, pin: u32) -> u16 {
        self.pins.adc_read(pin)
    }

    fn pwm_start(&mut self, pin: u32, freq: u32, duty: u32) -> bool {
        self.pins.pwm_start(pin, freq, duty)
    }

    fn pwm_stop(&mut self, pin: u32) {
        self.pins.pwm_stop(pin)
    }

    fn pwm_is_running(&mut self, pin: u32) -> bool {
        self.pins.pwm_is_running(pin)
    }

    fn infrared_receive(&mut self, timeout_us: u32) -> usize {
        self.infrared.receive(timeout_us)
    }

    fn infrared_timing(&mut self, i: usize) -> u32 {
        self.infrared.timing(i)
    }

    fn infrared_transmit(
        &mut self,
        signal: &[u32],
        repeat: u32,
        external: bool,
        frequency: u32,
        duty: f32,
    ) -> bool {
        self.infrared
            .transmit(signal, repeat, external, frequency, duty)
    }

    fn infrared_is_busy(&mut self) -> bool {
        // SAFETY: a status read.
        unsafe { sys::furi_hal_infrared_is_busy() }
    }

    fn infrared_stop(&mut self) {
        // Transmissions end before `transmit` returns; this frees the capture.
        self.infrared.stop()
    }

    fn uart_open(&mut self, mode: u32, baud: u32) -> bool {
        self.serial.open(mode, baud)
    }

    fn uart_read(&mut self, buf: &mut [u8]) -> usize {
        self.serial.read(buf)
    }

    fn uart_write(&mut self, data: &[u8]) -> usize {
        self.serial.write(data)
    }

    fn uart_flush(&mut self) {
        self.serial.flush()
    }

    fn uart_close(&mut self) {
        self.serial.close()
    }

    /// Shows the dialog with the GUI's dialog service (the display is handed back to
    /// the GUI meanwhile); the pressed button as `INPUT_BUTTON_*`.
    fn dialog_show(&mut self, dialog: &Dialog) -> u32 {
        let (header, body) = (dialog_text(&dialog.header), dialog_text(&dialog.text));
        let buttons = dialog.buttons.clone().map(|b| b.map(|s| c_text(&s)));
        let ptr = |b: &Option<CString>| b.as_ref().map_or(core::ptr::null(), |s| s.as_ptr());
        let coord = |n: i32| n.clamp(0, 255) as u8;
        self.screen.borrow_mut().release();
        // SAFETY: the strings outlive the message, which is freed before returning;
        // the dialogs record is closed after use.
        let pressed = unsafe {
            let msg = sys::dialog_message_alloc();
            if let Some((s, d)) = &header {
                sys::dialog_message_set_header(
                    msg,
                    s.as_ptr(),
                    coord(d.x),
                    coord(d.y),
                    h_align(d.h),
                    v_align(d.v),
                );
            }
            if let Some((s, d)) = &body {
                sys::dialog_message_set_text(
                    msg,
                    s.as_ptr(),
                    coord(d.x),
                    coord(d.y),
                    h_align(d.h),
                    v_align(d.v),
                );
            }
            sys::dialog_message_set_buttons(
                msg,
                ptr(&buttons[0]),
                ptr(&buttons[1]),
                ptr(&buttons[2]),
            );
            let dialogs = sys::furi_record_open(c"dialogs".as_ptr()) as *mut sys::DialogsApp;
            let b = sys::dialog_message_show(dialogs, msg);
            sys::furi_record_close(c"dialogs".as_ptr());
            sys::dialog_message_free(msg);
            b
        };
        self.screen.borrow_mut().acquire();
        match pressed {
            sys::DialogMessageButtonLeft => 8,
            sys::DialogMessageButtonCenter => 16,
            sys::DialogMessageButtonRight => 4,
            _ => 32,
        }
    }
}
