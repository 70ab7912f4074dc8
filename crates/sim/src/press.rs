//! Key timing of the Flipper's input service, on any clock: from key down
//! and key up times to the `INPUT_TYPE_*` events an app receives.
//!
//! As on the device, a key down sends PRESS and starts a timer that ticks
//! every [`PRESS_TICK_NS`] (the firmware's `INPUT_PRESS_TICKS`, 150 ms).
//! The tick that brings the tick count to [`LONG_PRESS_COUNTS`] (2) sends
//! LONG, so at 300 ms; every later tick sends REPEAT (450 ms, 600 ms, ...).
//! A key up sends SHORT if the key was released before LONG, then RELEASE.
//! Keys are independent of each other.

/// `INPUT_TYPE_PRESS`.
pub const PRESS: u32 = 64;
/// `INPUT_TYPE_RELEASE`.
pub const RELEASE: u32 = 128;
/// `INPUT_TYPE_SHORT`.
pub const SHORT: u32 = 256;
/// `INPUT_TYPE_LONG`.
pub const LONG: u32 = 512;
/// `INPUT_TYPE_REPEAT`.
pub const REPEAT: u32 = 1024;

/// `INPUT_BUTTON_UP`.
pub const UP: u32 = 1;
/// `INPUT_BUTTON_DOWN`.
pub const DOWN: u32 = 2;
/// `INPUT_BUTTON_RIGHT`.
pub const RIGHT: u32 = 4;
/// `INPUT_BUTTON_LEFT`.
pub const LEFT: u32 = 8;
/// `INPUT_BUTTON_OK`.
pub const OK: u32 = 16;
/// `INPUT_BUTTON_BACK`.
pub const BACK: u32 = 32;

/// Period of the press timer (`INPUT_PRESS_TICKS`).
pub const PRESS_TICK_NS: u64 = 150_000_000;
/// Timer ticks until a press is long (`INPUT_LONG_PRESS_COUNTS`).
pub const LONG_PRESS_COUNTS: u32 = 2;

/// One key held down.
#[derive(Clone, Copy, Debug)]
struct Held {
    /// When the press timer ticks next.
    next_tick: u64,
    /// Timer ticks so far.
    ticks: u32,
}

/// The input service's state: which keys are down and their timers.
#[derive(Clone, Debug, Default)]
pub struct Presses {
    /// Per button bit (UP .. BACK).
    keys: [Option<Held>; 6],
}

/// An input event: (button, type).
pub type Event = (u32, u32);

fn slot(button: u32) -> Option<usize> {
    match button {
        UP | DOWN | RIGHT | LEFT | OK | BACK => Some(button.trailing_zeros() as usize),
        _ => None,
    }
}

impl Presses {
    /// A state with no key down.
    pub fn new() -> Presses {
        Presses::default()
    }

    /// The buttons held down, as a mask.
    pub fn held(&self) -> u32 {
        (0..6)
            .filter(|&i| self.keys[i].is_some())
            .fold(0, |m, i| m | 1 << i)
    }

    /// Key `button` went down at `now` (ignored if already down).
    pub fn down(&mut self, button: u32, now: u64, out: &mut Vec<Event>) {
        let Some(i) = slot(button) else { return };
        self.tick(now, out);
        if self.keys[i].is_none() {
            self.keys[i] = Some(Held {
                next_tick: now + PRESS_TICK_NS,
                ticks: 0,
            });
            out.push((button, PRESS));
        }
    }

    /// Key `button` went up at `now` (ignored if not down).
    pub fn up(&mut self, button: u32, now: u64, out: &mut Vec<Event>) {
        let Some(i) = slot(button) else { return };
        self.tick(now, out);
        if let Some(h) = self.keys[i].take() {
            if h.ticks < LONG_PRESS_COUNTS {
                out.push((button, SHORT));
            }
            out.push((button, RELEASE));
        }
    }

    /// Sets the keys down to the buttons in `mask`: downs and ups for the
    /// differences.
    pub fn set(&mut self, mask: u32, now: u64, out: &mut Vec<Event>) {
        let old = self.held();
        for i in 0..6 {
            let b = 1u32 << i;
            if old & b != 0 && mask & b == 0 {
                self.up(b, now, out);
            } else if old & b == 0 && mask & b != 0 {
                self.down(b, now, out);
            }
        }
        self.tick(now, out);
    }

    /// Runs the timers due by `now`: LONG and REPEAT events, in time order.
    pub fn tick(&mut self, now: u64, out: &mut Vec<Event>) {
        loop {
            // The key whose timer is due first.
            let due = (0..6)
                .filter_map(|i| self.keys[i].map(|h| (h.next_tick, i)))
                .filter(|&(t, _)| t <= now)
                .min();
            let Some((_, i)) = due else { return };
            let h = self.keys[i].as_mut().expect("due key is held");
            h.next_tick += PRESS_TICK_NS;
            h.ticks = h.ticks.saturating_add(1);
            let b = 1u32 << i;
            if h.ticks == LONG_PRESS_COUNTS {
                out.push((b, LONG));
            } else if h.ticks > LONG_PRESS_COUNTS {
                out.push((b, REPEAT));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000_000;

    /// Runs `steps` (time ms, buttons down) and ticks every ms in between;
    /// the events with their times.
    fn run(steps: &[(u64, u32)], until_ms: u64) -> Vec<(u64, u32, u32)> {
        let mut p = Presses::new();
        let mut out = Vec::new();
        let mut log = Vec::new();
        let mut mask = 0;
        for t in 0..=until_ms {
            if let Some(&(_, m)) = steps.iter().find(|(at, _)| *at == t) {
                mask = m;
            }
            p.set(mask, t * MS, &mut out);
            log.extend(out.drain(..).map(|(b, ty)| (t, b, ty)));
        }
        log
    }

    #[test]
    fn tap_is_press_short_release() {
        assert_eq!(
            run(&[(10, OK), (110, 0)], 1000),
            [(10, OK, PRESS), (110, OK, SHORT), (110, OK, RELEASE)]
        );
    }

    #[test]
    fn hold_is_long_then_repeats_every_tick() {
        assert_eq!(
            run(&[(0, UP), (800, 0)], 1000),
            [
                (0, UP, PRESS),
                (300, UP, LONG),
                (450, UP, REPEAT),
                (600, UP, REPEAT),
                (750, UP, REPEAT),
                (800, UP, RELEASE),
            ]
        );
    }

    #[test]
    fn release_just_before_and_at_long() {
        assert_eq!(
            run(&[(0, BACK), (299, 0)], 500),
            [(0, BACK, PRESS), (299, BACK, SHORT), (299, BACK, RELEASE)]
        );
        // The timer runs before the release at the same instant.
        assert_eq!(
            run(&[(0, BACK), (300, 0)], 500),
            [(0, BACK, PRESS), (300, BACK, LONG), (300, BACK, RELEASE)]
        );
    }

    #[test]
    fn keys_are_independent() {
        assert_eq!(
            run(
                &[(0, LEFT), (100, LEFT | RIGHT), (200, RIGHT), (500, 0)],
                600
            ),
            [
                (0, LEFT, PRESS),
                (100, RIGHT, PRESS),
                (200, LEFT, SHORT),
                (200, LEFT, RELEASE),
                (400, RIGHT, LONG),
                (500, RIGHT, RELEASE),
            ]
        );
    }

    #[test]
    fn late_polls_catch_up_in_order() {
        // Polled rarely: every due timer still fires, oldest first.
        let mut p = Presses::new();
        let mut out = Vec::new();
        p.down(UP, 0, &mut out);
        p.down(DOWN, 100 * MS, &mut out);
        p.up(UP, 500 * MS, &mut out);
        assert_eq!(
            out,
            [
                (UP, PRESS),
                (DOWN, PRESS),
                (UP, LONG),
                (DOWN, LONG),
                (UP, REPEAT),
                (UP, RELEASE),
            ]
        );
        assert_eq!(p.held(), DOWN);
        // Repeated downs and ups of unknown keys change nothing.
        out.clear();
        p.down(DOWN, 501 * MS, &mut out);
        p.up(UP, 501 * MS, &mut out);
        p.down(3, 501 * MS, &mut out);
        assert!(out.is_empty());
    }
}
