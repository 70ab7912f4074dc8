//! The recordings of a headless `fzpy sim` run: `--frames DIR` (every
//! screen shown, as PNGs) and `--wav OUT.wav` (the speaker's sound).

use fzpy_sim::SimState;

/// The recordings asked for.
#[derive(Debug, Default)]
pub struct Recordings {
    frames: Option<String>,
    wav: Option<String>,
}

impl Recordings {
    /// Options taking a value that this handles.
    pub const OPTIONS: &'static [&'static str] = &["--frames", "--wav"];

    /// Takes option `opt` (one of [`Self::OPTIONS`]) with its value.
    pub fn set(&mut self, opt: &str, value: String) {
        match opt {
            "--frames" => self.frames = Some(value),
            _ => self.wav = Some(value),
        }
    }

    /// Before the run: makes the frames folder and starts saving frames.
    pub fn start(&self, st: &mut SimState) -> Result<(), String> {
        if let Some(dir) = &self.frames {
            st.frames = Some(fzpy_sim::frames::Frames::new(dir.as_ref())?);
        }
        Ok(())
    }

    /// After the run: writes the WAV file and reports frames not saved.
    /// Problems are printed; false if a file could not be written.
    pub fn finish(&self, st: &SimState) -> bool {
        let mut ok = true;
        if let Some(f) = &st.frames {
            if let Some(e) = f.error() {
                eprintln!("fzpy sim: {e}");
                ok = false;
            } else if f.saved() < f.shown() {
                eprintln!(
                    "fzpy sim: --frames: saved the first {} of {} frames",
                    f.saved(),
                    f.shown()
                );
            }
        }
        if let Some(path) = &self.wav {
            let max_ns = fzpy_sim::wav::MAX_SECONDS * 1_000_000_000;
            if st.now_ns > max_ns {
                eprintln!(
                    "fzpy sim: --wav: kept the first {} s of {:.1} s",
                    fzpy_sim::wav::MAX_SECONDS,
                    st.now_ns as f64 / 1e9
                );
            }
            let rate = fzpy_sim::wav::RATE;
            let samples = st.tones.render(st.now_ns, rate);
            if let Err(e) = std::fs::write(path, fzpy_sim::wav::encode(&samples, rate)) {
                eprintln!("fzpy sim: can't write '{path}': {e}");
                ok = false;
            }
        }
        ok
    }
}
