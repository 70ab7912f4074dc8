//! `dialog_message_show` as the firmware shows it: the DialogEx view the
//! dialogs service puts up, drawn and answered the same way.
//!
//! Drawing ([`draw`]), after the firmware's `dialog_ex` draw callback: a
//! cleared screen, the header in FONT_PRIMARY and the text in
//! FONT_SECONDARY, each placed like `elements_multiline_text_aligned` (lines
//! split at `\n` and wrapped with a dash when too wide for the room the
//! alignment leaves, then shifted up for bottom or centre alignment), and
//! the left / centre / right buttons like `elements_button_left`,
//! `_center`, `_right`: a black 12 px tab on the bottom edge with stepped
//! corners, the arrow or OK hint icon and the label in white.
//!
//! Answering ([`Answer`]): a short press of LEFT, OK or RIGHT answers with
//! that button if it has a label, a short BACK answers BACK; other keys do
//! nothing. As the firmware's view holder does, a key counts only if it
//! was pressed while the dialog showed.

use crate::font;
use crate::press::{BACK, LEFT, OK, PRESS, RELEASE, RIGHT, SHORT};
use crate::screen::{Canvas, HEIGHT, WIDTH};
use crate::SimState;
use fzpy_flipper::{Align, Color, Dialog, DialogText, Font};

/// The firmware's `ButtonLeft_4x7` icon, top row first (`#` is ink).
const ICON_LEFT: [&str; 7] = ["...#", "..##", ".###", "####", ".###", "..##", "...#"];
/// `ButtonRight_4x7`.
const ICON_RIGHT: [&str; 7] = ["#...", "##..", "###.", "####", "###.", "##..", "#..."];
/// `ButtonCenter_7x7`: a ring around a dot.
const ICON_OK: [&str; 7] = [
    "..###..", ".#...#.", "#.###.#", "#.###.#", "#.###.#", ".#...#.", "..###..",
];

/// Height of a button tab.
const BUTTON_H: i32 = 12;
/// Label baseline and icon bottom above the screen's bottom edge.
const BUTTON_V_OFFSET: i32 = 3;
/// Gap between a hint icon and its label.
const ICON_GAP: i32 = 3;

/// Shows the dialog on the simulated clock: it becomes the screen (a
/// frame), the key script's next events answer it (time moves to each),
/// and the answer's release goes with it. Without an answer before the
/// key script ends, time runs to the timeout and the answer is BACK.
/// Afterwards the drawing buffer is reset, as mp-flipper's re-acquired
/// canvas is (blank, black, FONT_SECONDARY); the dialog stays on the
/// screen until the next `canvas_update`.
pub fn show(s: &mut SimState, d: &Dialog) -> u32 {
    s.screen = draw(d);
    s.updates += 1;
    s.log("dialog shown".into());
    let mut answer = Answer::new();
    let mut got = BACK;
    loop {
        let Some((t, b, ty)) = s.input.pop_front() else {
            s.now_ns = s.now_ns.max(s.timeout_ns);
            break;
        };
        s.now_ns = s.now_ns.max(t);
        if let Some(a) = answer.take(d, b, ty) {
            if matches!(s.input.front(), Some(&(_, b2, RELEASE)) if b2 == b) {
                s.input.pop_front();
            }
            got = a;
            break;
        }
    }
    s.canvas = Canvas::default();
    got
}

/// The dialog's screen.
pub fn draw(d: &Dialog) -> Canvas {
    let mut c = Canvas {
        font: Font::Primary,
        ..Canvas::default()
    };
    if let Some(t) = &d.header {
        multiline(&mut c, t);
    }
    c.font = Font::Secondary;
    if let Some(t) = &d.text {
        multiline(&mut c, t);
    }
    if let Some(l) = &d.buttons[0] {
        button_left(&mut c, l);
    }
    if let Some(l) = &d.buttons[1] {
        button_center(&mut c, l);
    }
    if let Some(l) = &d.buttons[2] {
        button_right(&mut c, l);
    }
    c
}

/// An icon with its top left at (x, y), opaque as U8g2 draws bitmaps by
/// default: ink in the drawing colour, the rest in the other one.
fn icon(c: &mut Canvas, x: i32, y: i32, rows: &[&str]) {
    let ink = c.color;
    let paper = match ink {
        Color::Black => Color::White,
        Color::White => Color::Black,
    };
    for (dy, row) in rows.iter().enumerate() {
        for (dx, px) in row.bytes().enumerate() {
            c.color = if px == b'#' { ink } else { paper };
            c.dot(x + dx as i32, y + dy as i32);
        }
    }
    c.color = ink;
}

/// Icon and label in white on the tab just drawn (`canvas_invert_color`).
fn inverted(c: &mut Canvas, f: impl FnOnce(&mut Canvas)) {
    c.color = Color::White;
    f(c);
    c.color = Color::Black;
}

fn button_left(c: &mut Canvas, label: &str) {
    let h_offset = 3;
    let w = c.text_width(label) + h_offset * 2 + ICON_LEFT[0].len() as i32 + ICON_GAP;
    let y = HEIGHT;
    c.fill_box(0, y - BUTTON_H, w, BUTTON_H, 0);
    for i in 0..3 {
        c.line(w + i, y, w + i, y - BUTTON_H + i);
    }
    inverted(c, |c| {
        icon(
            c,
            h_offset,
            y - ICON_LEFT.len() as i32 - BUTTON_V_OFFSET,
            &ICON_LEFT,
        );
        let x = h_offset + ICON_LEFT[0].len() as i32 + ICON_GAP;
        c.draw_str(x, y - BUTTON_V_OFFSET, label);
    });
}

fn button_right(c: &mut Canvas, label: &str) {
    let h_offset = 3;
    let iw = ICON_RIGHT[0].len() as i32;
    let w = c.text_width(label) + h_offset * 2 + iw + ICON_GAP;
    let (x, y) = (WIDTH, HEIGHT);
    c.fill_box(x - w, y - BUTTON_H, w, BUTTON_H, 0);
    for i in 0..3 {
        c.line(x - w - 1 - i, y, x - w - 1 - i, y - BUTTON_H + i);
    }
    inverted(c, |c| {
        c.draw_str(x - w + h_offset, y - BUTTON_V_OFFSET, label);
        let iy = y - ICON_RIGHT.len() as i32 - BUTTON_V_OFFSET;
        icon(c, x - h_offset - iw, iy, &ICON_RIGHT);
    });
}

fn button_center(c: &mut Canvas, label: &str) {
    let h_offset = 1;
    let iw = ICON_OK[0].len() as i32;
    let w = c.text_width(label) + h_offset * 2 + iw + ICON_GAP;
    let (x, y) = ((WIDTH - w) / 2, HEIGHT);
    c.fill_box(x, y - BUTTON_H, w, BUTTON_H, 0);
    for i in 0..3 {
        c.line(x - 1 - i, y, x - 1 - i, y - BUTTON_H + i);
        c.line(x + w + i, y, x + w + i, y - BUTTON_H + i);
    }
    inverted(c, |c| {
        let iy = y - ICON_OK.len() as i32 - BUTTON_V_OFFSET;
        icon(c, x + h_offset, iy, &ICON_OK);
        c.draw_str(x + h_offset + iw + ICON_GAP, y - BUTTON_V_OFFSET, label);
    });
}

/// How many bytes of the line starting `text` fit in the room alignment
/// `h` leaves at `x` (`elements_get_max_chars_to_fit`): the whole line
/// (up to `\n`) if it fits, else about as many characters fewer as the
/// excess is wide, at least 5 fewer, and one more for the dash. Where the
/// firmware's arithmetic would underflow (no room at all), the whole line.
fn chars_to_fit(c: &Canvas, h: Align, text: &str, x: i32) -> usize {
    let size = text.find('\n').unwrap_or(text.len());
    let len_px = c.text_width(&text[..size]) as u16;
    // The room is a byte in the firmware.
    let room = match h {
        Align::Center if x > WIDTH / 2 => (WIDTH - x) * 2,
        Align::Center => x * 2,
        Align::Begin => WIDTH - x,
        Align::End => x,
    } as u8;
    if len_px <= u16::from(room) || size == 0 {
        return size;
    }
    let per_char = f32::from(len_px) / size as f32;
    let excess = (f32::from(len_px - u16::from(room)) / per_char).ceil() as usize;
    if excess == 0 {
        return size;
    }
    match size.checked_sub(excess.max(5) + 1) {
        Some(n) if n > 0 => floor_boundary(text, n),
        _ => size,
    }
}

/// `n`, moved back to a character boundary of `s`.
fn floor_boundary(s: &str, mut n: usize) -> usize {
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// `elements_multiline_text_aligned` with the canvas's font.
fn multiline(c: &mut Canvas, t: &DialogText) {
    // The dialog keeps positions in bytes.
    let (x, mut y) = (i32::from(t.x as u8), i32::from(t.y as u8));
    let font_h = font::height(c.font);
    let mut lines = 0;
    let mut rest = t.text.as_str();
    while !rest.is_empty() {
        let n = chars_to_fit(c, t.h, rest, x);
        lines += 1;
        rest = &rest[n..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    match t.v {
        Align::End => y -= font_h * (lines - 1).max(0),
        Align::Center => y -= font_h * (lines - 1).max(0) / 2,
        Align::Begin => {}
    }
    let mut rest = t.text.as_str();
    while !rest.is_empty() {
        let mut n = chars_to_fit(c, t.h, rest, x);
        let line = match rest.as_bytes().get(n) {
            None | Some(b'\n') => rest[..n].to_string(),
            Some(_) if y + font_h > HEIGHT => format!("{}...\n", &rest[..n]),
            Some(_) => {
                n = floor_boundary(rest, n - 1);
                format!("{}-\n", &rest[..n])
            }
        };
        c.text(x, y, t.h, t.v, &line);
        y += font_h;
        if y > HEIGHT {
            break;
        }
        rest = &rest[n..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
}

/// The keys a shown dialog has seen, deciding its answer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Answer {
    /// Buttons pressed while the dialog showed and not released yet.
    held: u32,
}

impl Answer {
    /// A dialog that has seen no key yet.
    pub fn new() -> Answer {
        Answer::default()
    }

    /// Takes input event (button, type): the answer (an `INPUT_BUTTON_*`)
    /// if this event gives one.
    pub fn take(&mut self, d: &Dialog, button: u32, ty: u32) -> Option<u32> {
        match ty {
            PRESS => self.held |= button,
            RELEASE => self.held &= !button,
            // A short, long or repeat of a key pressed before: ignored.
            _ if self.held & button == 0 => return None,
            _ => {}
        }
        if ty != SHORT {
            return None;
        }
        let labelled = |i: usize| d.buttons[i].is_some();
        match button {
            LEFT if labelled(0) => Some(LEFT),
            OK if labelled(1) => Some(OK),
            RIGHT if labelled(2) => Some(RIGHT),
            BACK => Some(BACK),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::press::{LONG, UP};

    fn yes_no() -> Dialog {
        Dialog {
            buttons: [Some("No".into()), None, Some("Yes".into())],
            ..Dialog::default()
        }
    }

    #[test]
    fn only_labelled_buttons_and_back_answer() {
        let d = yes_no();
        let mut a = Answer::new();
        for b in [OK, UP] {
            assert_eq!(a.take(&d, b, PRESS), None);
            assert_eq!(a.take(&d, b, SHORT), None);
            assert_eq!(a.take(&d, b, RELEASE), None);
        }
        assert_eq!(a.take(&d, BACK, PRESS), None);
        assert_eq!(a.take(&d, BACK, LONG), None);
        assert_eq!(a.take(&d, BACK, RELEASE), None);
        assert_eq!(a.take(&d, RIGHT, PRESS), None);
        assert_eq!(a.take(&d, RIGHT, SHORT), Some(RIGHT));
        let mut a = Answer::new();
        a.take(&d, BACK, PRESS);
        assert_eq!(a.take(&d, BACK, SHORT), Some(BACK));
    }

    #[test]
    fn a_key_pressed_before_the_dialog_does_not_answer() {
        let d = yes_no();
        let mut a = Answer::new();
        assert_eq!(a.take(&d, LEFT, SHORT), None);
        assert_eq!(a.take(&d, LEFT, RELEASE), None);
        a.take(&d, LEFT, PRESS);
        assert_eq!(a.take(&d, LEFT, SHORT), Some(LEFT));
    }

    #[test]
    fn long_lines_wrap_with_a_dash_and_stop_at_the_bottom() {
        let text = |s: &str, y| DialogText {
            text: s.into(),
            x: 0,
            y,
            h: Align::Begin,
            v: Align::Begin,
        };
        let mut c = Canvas::default();
        let long = "a".repeat(60);
        // 60 'a' at 5 px: 300 px for 128 of room.
        let n = chars_to_fit(&c, Align::Begin, &long, 0);
        assert!(n < 60 && c.text_width(&long[..n]) <= 128, "{n}");
        // Narrow room: no wrap where the firmware would underflow.
        assert_eq!(chars_to_fit(&c, Align::End, "abcdef", 0), 6);
        multiline(&mut c, &text(&long, 0));
        let rows: Vec<bool> = (0..HEIGHT)
            .map(|y| (0..WIDTH).any(|x| c.get(x, y)))
            .collect();
        // Three lines of 11 px: ink starts on rows 0, 11 and 22 or so.
        assert!(rows[2] && rows[13] && rows[24] && !rows[40], "{}", c.dump());
    }
}
