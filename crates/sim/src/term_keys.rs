//! Flipper input from a terminal's key bytes.
//!
//! A terminal reports keys as bytes (arrows as escape sequences) and never
//! reports a key going up, so key presses are synthesized:
//!
//! - a key byte is a tap: PRESS, SHORT, RELEASE at once;
//! - the same key again within [`HOLD_GAP_NS`] is the terminal's
//!   auto-repeat of a key held down: PRESS and LONG, then REPEAT every
//!   [`crate::press::PRESS_TICK_NS`] while the auto-repeat goes on, and
//!   RELEASE once no byte of that key came for [`RELEASE_GAP_NS`]. (The
//!   terminal's first auto-repeat, after its repeat delay, still counts as
//!   one more tap.)
//!
//! Keys: arrows, Enter (OK), Backspace or Esc (BACK); `q` or Ctrl+C quit.
//! A lone Esc is told from the start of an escape sequence by waiting
//! [`ESC_WAIT_NS`] for the rest.

use crate::press::{Event, BACK, DOWN, LEFT, LONG, OK, PRESS, PRESS_TICK_NS, RELEASE};
use crate::press::{REPEAT, RIGHT, SHORT, UP};

/// Bytes of one key closer than this are auto-repeat.
pub const HOLD_GAP_NS: u64 = 100_000_000;
/// A held key is released once its auto-repeat stops for this long.
pub const RELEASE_GAP_NS: u64 = 150_000_000;
/// How long a lone Esc waits for the rest of an escape sequence.
pub const ESC_WAIT_NS: u64 = 30_000_000;

/// What a key byte sequence means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A Flipper button (`INPUT_BUTTON_*`).
    Button(u32),
    /// Quit the simulator.
    Quit,
}

/// A key held down (auto-repeating).
#[derive(Clone, Copy, Debug)]
struct Held {
    button: u32,
    /// Its last byte.
    last: u64,
    /// When the next REPEAT is due.
    next_repeat: u64,
}

/// Terminal bytes to Flipper input events.
#[derive(Clone, Debug, Default)]
pub struct TermInput {
    /// An escape sequence not complete yet.
    pending: Vec<u8>,
    /// When `pending` began.
    pending_since: u64,
    /// The last key byte: (button, time).
    last: Option<(u32, u64)>,
    held: Option<Held>,
}

impl TermInput {
    /// No key seen yet.
    pub fn new() -> TermInput {
        TermInput::default()
    }

    /// Takes bytes read at `now`: pushes input events to `out`; true if
    /// they asked to quit.
    pub fn bytes(&mut self, bytes: &[u8], now: u64, out: &mut Vec<Event>) -> bool {
        self.tick(now, out);
        if self.pending.is_empty() {
            self.pending_since = now;
        }
        self.pending.extend_from_slice(bytes);
        let mut quit = false;
        while let Some((key, used)) = decode(&self.pending, false) {
            self.pending.drain(..used);
            match key {
                Some(Key::Quit) => quit = true,
                Some(Key::Button(b)) => self.key(b, now, out),
                None => {}
            }
        }
        quit
    }

    /// Runs timers at `now`: a lone Esc, REPEATs and the release of a held
    /// key.
    pub fn tick(&mut self, now: u64, out: &mut Vec<Event>) {
        if !self.pending.is_empty() && now.saturating_sub(self.pending_since) >= ESC_WAIT_NS {
            // A lone Esc is BACK; the start of a sequence that never ended
            // is dropped.
            if self.pending == [0x1b] {
                self.key(BACK, now, out);
            }
            self.pending.clear();
        }
        if let Some(h) = &mut self.held {
            let end = h.last + RELEASE_GAP_NS;
            while h.next_repeat <= now.min(end) {
                out.push((h.button, REPEAT));
                h.next_repeat += PRESS_TICK_NS;
            }
            if now >= end {
                out.push((h.button, RELEASE));
                self.held = None;
            }
        }
    }

    /// One key byte of `button` at `now`.
    fn key(&mut self, button: u32, now: u64, out: &mut Vec<Event>) {
        match &mut self.held {
            Some(h) if h.button == button => {
                h.last = now;
                return;
            }
            Some(h) => {
                out.push((h.button, RELEASE));
                self.held = None;
            }
            None => {}
        }
        let repeat = matches!(self.last, Some((b, t)) if b == button && now - t < HOLD_GAP_NS);
        self.last = Some((button, now));
        if repeat {
            out.push((button, PRESS));
            out.push((button, LONG));
            self.held = Some(Held {
                button,
                last: now,
                next_repeat: now + PRESS_TICK_NS,
            });
        } else {
            out.extend([(button, PRESS), (button, SHORT), (button, RELEASE)]);
        }
    }
}

/// Decodes the first key of `buf`: `Some((key, bytes used))`, with key
/// None for bytes that mean nothing; None if `buf` is empty or holds only
/// the start of an escape sequence (a lone Esc when `eof`).
pub fn decode(buf: &[u8], eof: bool) -> Option<(Option<Key>, usize)> {
    let b = |k| Some(Key::Button(k));
    match *buf {
        [] => None,
        [0x1b] if eof => Some((b(BACK), 1)),
        [0x1b] => None,
        // CSI: ESC [ parameters final byte; SS3: ESC O final byte.
        [0x1b, b'[', ref rest @ ..] => {
            let end = rest.iter().position(|c| (0x40..=0x7e).contains(c))?;
            Some((arrow(rest[end]), end + 3))
        }
        [0x1b, b'O'] => None,
        [0x1b, b'O', c, ..] => Some((arrow(c), 3)),
        // Esc then another key (or Alt+key): the Esc alone.
        [0x1b, ..] => Some((b(BACK), 1)),
        [b'\r' | b'\n', ..] => Some((b(OK), 1)),
        [0x7f | 0x08, ..] => Some((b(BACK), 1)),
        [b'q' | b'Q' | 0x03, ..] => Some((Some(Key::Quit), 1)),
        [_, ..] => Some((None, 1)),
    }
}

fn arrow(c: u8) -> Option<Key> {
    match c {
        b'A' => Some(Key::Button(UP)),
        b'B' => Some(Key::Button(DOWN)),
        b'C' => Some(Key::Button(RIGHT)),
        b'D' => Some(Key::Button(LEFT)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000_000;

    /// Feeds (time ms, bytes) and ticks every ms up to `until_ms`.
    fn run(input: &[(u64, &[u8])], until_ms: u64) -> (Vec<(u64, u32, u32)>, bool) {
        let mut t = TermInput::new();
        let mut out = Vec::new();
        let mut log = Vec::new();
        let mut quit = false;
        for ms in 0..=until_ms {
            for (_, bytes) in input.iter().filter(|(at, _)| *at == ms) {
                quit |= t.bytes(bytes, ms * MS, &mut out);
            }
            t.tick(ms * MS, &mut out);
            log.extend(out.drain(..).map(|(b, ty)| (ms, b, ty)));
        }
        (log, quit)
    }

    #[test]
    fn decodes_keys() {
        let cases: &[(&[u8], Option<Key>, usize)] = &[
            (b"\x1b[A", Some(Key::Button(UP)), 3),
            (b"\x1b[B", Some(Key::Button(DOWN)), 3),
            (b"\x1bOC", Some(Key::Button(RIGHT)), 3),
            (b"\x1b[1;5D", Some(Key::Button(LEFT)), 6),
            (b"\x1b[5~", None, 4),
            (b"\r", Some(Key::Button(OK)), 1),
            (b"\x7f", Some(Key::Button(BACK)), 1),
            (b"\x1bx", Some(Key::Button(BACK)), 1),
            (b"q", Some(Key::Quit), 1),
            (b"\x03", Some(Key::Quit), 1),
            (b"z", None, 1),
        ];
        for &(bytes, key, used) in cases {
            assert_eq!(decode(bytes, false), Some((key, used)), "{bytes:?}");
        }
        assert_eq!(decode(b"\x1b[1;", false), None);
        assert_eq!(decode(b"\x1b", false), None);
        assert_eq!(decode(b"\x1b", true), Some((Some(Key::Button(BACK)), 1)));
    }

    #[test]
    fn taps_are_whole_presses() {
        let (log, quit) = run(&[(10, b"\x1b[A"), (300, b"\r")], 400);
        assert!(!quit);
        assert_eq!(
            log,
            [
                (10, UP, PRESS),
                (10, UP, SHORT),
                (10, UP, RELEASE),
                (300, OK, PRESS),
                (300, OK, SHORT),
                (300, OK, RELEASE),
            ]
        );
    }

    #[test]
    fn auto_repeat_is_a_long_press() {
        // Held Down: a tap, the repeat delay, then bytes every 40 ms.
        let mut input: Vec<(u64, &[u8])> = vec![(0, b"\x1b[B")];
        input.extend((0..10).map(|i| (500 + 40 * i, &b"\x1b[B"[..])));
        let (log, _) = run(&input, 1200);
        let last = 500 + 40 * 9;
        assert_eq!(
            log,
            [
                (0, DOWN, PRESS),
                (0, DOWN, SHORT),
                (0, DOWN, RELEASE),
                (500, DOWN, PRESS),
                (500, DOWN, SHORT),
                (500, DOWN, RELEASE),
                (540, DOWN, PRESS),
                (540, DOWN, LONG),
                (690, DOWN, REPEAT),
                (840, DOWN, REPEAT),
                (990, DOWN, REPEAT),
                (last + 150, DOWN, RELEASE),
            ]
        );
    }

    #[test]
    fn another_key_releases_the_held_one() {
        let (log, _) = run(&[(0, b"\x7f"), (50, b"\x7f"), (80, b"\x1b[C")], 200);
        assert_eq!(
            log,
            [
                (0, BACK, PRESS),
                (0, BACK, SHORT),
                (0, BACK, RELEASE),
                (50, BACK, PRESS),
                (50, BACK, LONG),
                (80, BACK, RELEASE),
                (80, RIGHT, PRESS),
                (80, RIGHT, SHORT),
                (80, RIGHT, RELEASE),
            ]
        );
    }

    #[test]
    fn lone_esc_and_split_sequences() {
        // Esc alone is BACK after the wait; a sequence split across reads
        // is one arrow.
        let (log, _) = run(&[(0, b"\x1b"), (100, b"\x1b["), (101, b"D")], 200);
        assert_eq!(
            log,
            [
                (30, BACK, PRESS),
                (30, BACK, SHORT),
                (30, BACK, RELEASE),
                (101, LEFT, PRESS),
                (101, LEFT, SHORT),
                (101, LEFT, RELEASE),
            ]
        );
        let (log, _) = run(&[(0, b"\x1b[1"), (50, b"\r")], 100);
        assert_eq!(log, [(50, OK, PRESS), (50, OK, SHORT), (50, OK, RELEASE)]);
        let (log, quit) = run(&[(5, b"q")], 10);
        assert!(quit && log.is_empty());
    }
}
