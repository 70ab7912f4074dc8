//! The window front end (X11 through `minifb`): the screen 4x in Flipper
//! orange with black pixels on a dark frame, and under it a status strip:
//! the LED's colour, vibro, speaker tone and backlight, written in the
//! Flipper's small font. The window can be resized (the picture keeps its
//! aspect ratio). While the vibration motor runs, the screen shakes.
//!
//! Keys: arrows, Enter (OK), Backspace or Esc (BACK), turned into input
//! events with the device's timing ([`crate::press`]). Closing the window
//! asks to quit.

use crate::press::{Event, Presses, BACK, DOWN, LEFT, OK, RIGHT, UP};
use crate::realtime::{Frontend, View};
use crate::screen::{HEIGHT, WIDTH};
use fzpy_flipper::Font;
use minifb::{Key, ScaleMode, WindowOptions};
use std::time::{Duration, Instant};

/// Screen pixels per Flipper pixel.
const SCALE: usize = 4;
/// Frame around the screen.
const PAD: usize = 16;
/// Height of the status strip.
const STATUS_H: usize = 52;
/// Window buffer size.
const W: usize = WIDTH as usize * SCALE + 2 * PAD;
const H: usize = HEIGHT as usize * SCALE + 2 * PAD + STATUS_H;
/// Shortest time between two redraws.
const FRAME: Duration = Duration::from_millis(16);
/// Redraw at least this often (after a resize, say).
const REFRESH: Duration = Duration::from_millis(250);

const FRAME_RGB: u32 = 0x20_20_20;
const ORANGE: u32 = 0xff_82_00;
/// The screen with the backlight off.
const ORANGE_DIM: u32 = 0x6e_3a_00;
const TEXT: u32 = 0xe0_e0_e0;
const TEXT_OFF: u32 = 0x70_70_70;

/// What was drawn last, to redraw only on change.
#[derive(PartialEq)]
struct Shown {
    pixels: [[bool; WIDTH as usize]; HEIGHT as usize],
    status: String,
    led: [u8; 3],
    backlight: u8,
    shake: i32,
}

/// The simulator window.
pub struct Window {
    win: minifb::Window,
    buf: Vec<u32>,
    presses: Presses,
    shown: Option<Shown>,
    last_draw: Option<Instant>,
}

impl Window {
    /// Opens the window; an error if there is no display.
    pub fn open(title: &str) -> Result<Window, String> {
        let opts = WindowOptions {
            resize: true,
            scale_mode: ScaleMode::AspectRatioStretch,
            ..WindowOptions::default()
        };
        let mut win = minifb::Window::new(title, W, H, opts).map_err(|e| e.to_string())?;
        // Pumps pace themselves: no sleeping in `update`.
        win.set_target_fps(0);
        Ok(Window {
            win,
            buf: vec![FRAME_RGB; W * H],
            presses: Presses::new(),
            shown: None,
            last_draw: None,
        })
    }

    /// The buttons held down.
    fn buttons(&self) -> u32 {
        self.win
            .get_keys()
            .iter()
            .map(|k| match k {
                Key::Up => UP,
                Key::Down => DOWN,
                Key::Left => LEFT,
                Key::Right => RIGHT,
                Key::Enter | Key::NumPadEnter => OK,
                Key::Backspace | Key::Escape => BACK,
                _ => 0,
            })
            .fold(0, |m, b| m | b)
    }
}

/// The picture of `s` in a `W` x `H` buffer.
fn render(buf: &mut [u32], s: &Shown, speaker_on: bool, vibro: bool) {
    buf.fill(FRAME_RGB);
    let bg = if s.backlight >= 128 {
        ORANGE
    } else {
        ORANGE_DIM
    };
    let x0 = (PAD as i32 + s.shake) as usize;
    for (y, row) in s.pixels.iter().enumerate() {
        for (x, &on) in row.iter().enumerate() {
            let c = if on { 0 } else { bg };
            for dy in 0..SCALE {
                let i = (PAD + y * SCALE + dy) * W + x0 + x * SCALE;
                buf[i..i + SCALE].fill(c);
            }
        }
    }
    // Status strip: the LED as a lamp, then the words.
    let top = PAD + HEIGHT as usize * SCALE + 10;
    let [r, g, b] = s.led;
    let lamp = if s.led == [0; 3] {
        0x40_40_40
    } else {
        u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b)
    };
    fill(buf, PAD, top, 20, 20, lamp);
    // Two lines: LED and vibro; speaker and backlight.
    let on = |b: bool| if b { TEXT } else { TEXT_OFF };
    let mut x = PAD + 28;
    for (i, word) in s.status.split("  ").enumerate() {
        let color = match i {
            0 => on(s.led != [0; 3]),
            1 => on(vibro),
            2 => on(speaker_on),
            _ => TEXT,
        };
        if i == 2 {
            x = PAD + 28;
        }
        let y = if i < 2 { top + 2 } else { top + 24 };
        x += text(buf, x, y, word, color) + 24;
    }
}

/// Fills a rectangle.
fn fill(buf: &mut [u32], x: usize, y: usize, w: usize, h: usize, c: u32) {
    for row in y..(y + h).min(H) {
        let end = (x + w).min(W);
        buf[row * W + x..row * W + end].fill(c);
    }
}

/// Writes `s` at 2x in the Flipper's secondary font, top-left at (x, y);
/// its width.
fn text(buf: &mut [u32], x: usize, y: usize, s: &str, c: u32) -> usize {
    let ascent = crate::font::ascent(Font::Secondary);
    crate::font::draw(Font::Secondary, 0, ascent, s, &mut |px, py| {
        let (px, py) = (x + 2 * px.max(0) as usize, y + 2 * py.max(0) as usize);
        if px + 2 <= W && py + 2 <= H {
            fill(buf, px, py, 2, 2, c);
        }
    });
    2 * crate::font::width(Font::Secondary, s).max(0) as usize
}

impl Frontend for Window {
    fn pump(&mut self, view: &View, out: &mut Vec<Event>) -> bool {
        let vibro = view.outputs.vibro;
        let shown = Shown {
            pixels: view.screen.pixels,
            status: view.outputs.summary(view.now_ns, view.speaker),
            led: view.outputs.led(view.now_ns),
            backlight: view.outputs.backlight,
            // Shake 2 px left and right every 30 ms.
            shake: if vibro {
                if (view.now_ns / 30_000_000) & 1 == 0 {
                    -2
                } else {
                    2
                }
            } else {
                0
            },
        };
        let since = self.last_draw.map(|t| t.elapsed());
        let changed = self.shown.as_ref() != Some(&shown);
        if since.is_none_or(|d| d >= REFRESH || (changed && d >= FRAME)) {
            render(&mut self.buf, &shown, view.speaker.is_some(), vibro);
            if self.win.update_with_buffer(&self.buf, W, H).is_err() {
                return false;
            }
            self.shown = Some(shown);
            self.last_draw = Some(Instant::now());
        } else {
            self.win.update();
        }
        if !self.win.is_open() {
            return false;
        }
        let held = self.buttons();
        self.presses.set(held, view.now_ns, out);
        true
    }
}
