//! `fzpy sim --wav OUT.wav`: the speaker on the simulated timeline as
//! sound. The simulated board records every tone change ([`Tones`]);
//! [`Tones::render`] turns them into samples: a square wave at the tone's
//! frequency, as the piezo plays it, with an amplitude proportional to
//! the volume (full volume is half of full scale), silence while the
//! speaker is off. [`encode`] writes the samples as a mono 16-bit PCM WAV
//! file (RIFF).

/// Samples per second.
pub const RATE: u32 = 22_050;
/// Longest sound written, in simulated seconds; longer runs are cut.
pub const MAX_SECONDS: u64 = 600;
/// Peak sample value at volume 1.
const PEAK: f64 = 16_384.0;

/// A change of the speaker's state.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Change {
    /// A tone starts: frequency, volume.
    Start(f32, f32),
    /// The running tone's volume changes.
    Volume(f32),
    /// The speaker stops.
    Stop,
}

/// The speaker's state changes, in time order: (simulated ns, change).
#[derive(Clone, Debug, Default)]
pub struct Tones(Vec<(u64, Change)>);

impl Tones {
    /// `speaker_start(freq, volume)` at `t` ns.
    pub fn start(&mut self, t: u64, freq: f32, volume: f32) {
        self.0.push((t, Change::Start(freq, volume)));
    }

    /// `speaker_set_volume(volume)` at `t` ns (on a running tone).
    pub fn volume(&mut self, t: u64, volume: f32) {
        self.0.push((t, Change::Volume(volume)));
    }

    /// `speaker_stop()` at `t` ns.
    pub fn stop(&mut self, t: u64) {
        self.0.push((t, Change::Stop));
    }

    /// Whether the speaker never played.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The samples from 0 to `end_ns` (cut at [`MAX_SECONDS`]) at `rate`
    /// per second: sample `n` is the sound at `n / rate` s.
    pub fn render(&self, end_ns: u64, rate: u32) -> Vec<i16> {
        let end_ns = end_ns.min(MAX_SECONDS * 1_000_000_000);
        let rate = u64::from(rate.max(1));
        let count = (u128::from(end_ns) * u128::from(rate)).div_ceil(1_000_000_000) as usize;
        let mut out = Vec::with_capacity(count);
        // The tone in effect: start time, frequency, volume.
        let mut tone: Option<(u64, f64, f64)> = None;
        let mut changes = self.0.iter().peekable();
        for n in 0..count as u64 {
            let t = n * 1_000_000_000 / rate;
            while let Some(&&(at, change)) = changes.peek() {
                if at > t {
                    break;
                }
                tone = match change {
                    Change::Start(f, v) => Some((at, f64::from(f), f64::from(v))),
                    Change::Volume(v) => tone.map(|(s, f, _)| (s, f, f64::from(v))),
                    Change::Stop => None,
                };
                changes.next();
            }
            out.push(match tone {
                Some((start, f, v)) if f > 0.0 && v > 0.0 => {
                    // The phase from the tone's start, in periods.
                    let phase = ((t - start) as f64 * f / 1e9).fract();
                    let a = (v.min(1.0) * PEAK).round() as i16;
                    if phase < 0.5 {
                        a
                    } else {
                        -a
                    }
                }
                _ => 0,
            });
        }
        out
    }
}

/// A WAV file of mono 16-bit `samples` at `rate` per second.
pub fn encode(samples: &[i16], rate: u32) -> Vec<u8> {
    let data = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + data as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_wave_silence_and_volume() {
        let mut t = Tones::default();
        // 1 kHz from 1 ms to 3 ms at volume 1, then 0.5, stop at 5 ms.
        t.start(1_000_000, 1000.0, 1.0);
        t.volume(3_000_000, 0.5);
        t.stop(5_000_000);
        let s = t.render(6_000_000, 8000);
        assert_eq!(s.len(), 48);
        // 8 samples per ms: silence, then +,+,+,+,-,-,-,- per period.
        assert!(s[..8].iter().all(|&x| x == 0));
        assert_eq!(
            s[8..16],
            [16384, 16384, 16384, 16384, -16384, -16384, -16384, -16384]
        );
        assert_eq!(
            s[24..32],
            [8192, 8192, 8192, 8192, -8192, -8192, -8192, -8192]
        );
        assert!(s[40..].iter().all(|&x| x == 0));
    }

    #[test]
    fn length_is_capped() {
        let s = Tones::default().render((MAX_SECONDS + 5) * 1_000_000_000, 10);
        assert_eq!(s.len() as u64, MAX_SECONDS * 10);
    }

    #[test]
    fn header_fields() {
        let w = encode(&[1, -2, 3], 22050);
        assert_eq!(w.len(), 44 + 6);
        assert_eq!(&w[..4], b"RIFF");
        assert_eq!(u32::from_le_bytes(w[4..8].try_into().unwrap()), 42);
        assert_eq!(&w[8..16], b"WAVEfmt ");
        assert_eq!(u32::from_le_bytes(w[24..28].try_into().unwrap()), 22050);
        assert_eq!(u32::from_le_bytes(w[28..32].try_into().unwrap()), 44100);
        assert_eq!(&w[36..40], b"data");
        assert_eq!(u32::from_le_bytes(w[40..44].try_into().unwrap()), 6);
        assert_eq!(&w[44..], &[1, 0, 0xfe, 0xff, 3, 0]);
    }
}
