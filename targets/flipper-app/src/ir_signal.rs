//! The order in which a raw infrared signal is sent: its timings (mark, space,
//! mark...), the whole signal `repeat` times.

use alloc::vec::Vec;

/// A signal being sent.
pub struct Sequence {
    signal: Vec<u32>,
    repeat: u32,
    index: usize,
    round: u32,
}

impl Sequence {
    /// `signal` (not empty; zero timings become 1 us) sent `repeat` times (at least once).
    pub fn new(signal: &[u32], repeat: u32) -> Sequence {
        debug_assert!(!signal.is_empty());
        Sequence {
            signal: signal.iter().map(|&t| t.max(1)).collect(),
            repeat: repeat.max(1),
            index: 0,
            round: 0,
        }
    }

    /// The next timing in microseconds, whether it is a mark (carrier on), and
    /// whether it is the last one.
    pub fn step(&mut self) -> (u32, bool, bool) {
        let t = self.signal[self.index];
        let mark = self.index.is_multiple_of(2);
        self.index += 1;
        let mut last = false;
        if self.index == self.signal.len() {
            self.index = 0;
            self.round += 1;
            last = self.round >= self.repeat;
        }
        (t, mark, last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(signal: &[u32], repeat: u32) -> Vec<(u32, bool)> {
        let mut s = Sequence::new(signal, repeat);
        let mut out = Vec::new();
        loop {
            let (t, mark, last) = s.step();
            out.push((t, mark));
            if last {
                return out;
            }
        }
    }

    #[test]
    fn marks_and_spaces_alternate_and_repeat() {
        assert_eq!(
            all(&[900, 450, 560], 1),
            [(900, true), (450, false), (560, true)]
        );
        assert_eq!(
            all(&[900, 0], 2),
            [(900, true), (1, false), (900, true), (1, false)]
        );
        assert_eq!(all(&[5], 0), [(5, true)]);
    }
}
