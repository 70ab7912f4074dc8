//! `fzpy sim --frames DIR`: every screen the app shows with
//! `canvas_update` saved as `DIR/frame_0001.png`, `frame_0002.png`, ...
//! (the look of `--screenshot`: 4x, Flipper orange).

use crate::screen::Canvas;
use std::path::{Path, PathBuf};

/// Most frames written; later ones are counted but not saved.
pub const MAX_FRAMES: u32 = 10_000;
/// Scale of the saved frames.
const SCALE: u32 = 4;

/// Where frames go, and how it went.
#[derive(Debug)]
pub struct Frames {
    dir: PathBuf,
    /// Frames shown so far (saved or not).
    shown: u32,
    /// Frames written.
    saved: u32,
    /// The first write error; nothing is written after it.
    error: Option<String>,
}

/// Whether `name` is one of ours: `frame_` digits `.png`.
fn is_frame(name: &str) -> bool {
    name.strip_prefix("frame_")
        .and_then(|n| n.strip_suffix(".png"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl Frames {
    /// Frames saved in `dir`, made if missing; frame files of an earlier
    /// run there are removed (other files stay).
    pub fn new(dir: &Path) -> Result<Frames, String> {
        let fail = |e: std::io::Error| format!("--frames {}: {e}", dir.display());
        std::fs::create_dir_all(dir).map_err(fail)?;
        for entry in std::fs::read_dir(dir).map_err(fail)? {
            let entry = entry.map_err(fail)?;
            if entry.file_name().to_str().is_some_and(is_frame) {
                std::fs::remove_file(entry.path()).map_err(fail)?;
            }
        }
        Ok(Frames {
            dir: dir.to_path_buf(),
            shown: 0,
            saved: 0,
            error: None,
        })
    }

    /// Saves `screen` as the next frame.
    pub fn save(&mut self, screen: &Canvas) {
        self.shown += 1;
        if self.error.is_some() || self.shown > MAX_FRAMES {
            return;
        }
        let path = self.dir.join(format!("frame_{:04}.png", self.shown));
        match std::fs::write(&path, crate::screenshot_png(screen, SCALE)) {
            Ok(()) => self.saved += 1,
            Err(e) => self.error = Some(format!("can't write '{}': {e}", path.display())),
        }
    }

    /// Frames shown.
    pub fn shown(&self) -> u32 {
        self.shown
    }

    /// Frames written (all shown, unless an error or [`MAX_FRAMES`] stopped it).
    pub fn saved(&self) -> u32 {
        self.saved
    }

    /// The write error that stopped the frames, if one did.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::is_frame;

    #[test]
    fn frame_names() {
        assert!(is_frame("frame_0001.png") && is_frame("frame_12345.png"));
        for other in [
            "frame_.png",
            "frame_01.jpg",
            "frame_1a.png",
            "x_0001.png",
            "shot.png",
        ] {
            assert!(!is_frame(other), "{other}");
        }
    }
}
