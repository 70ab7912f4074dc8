//! The bytecode cache: a module's compiled form is kept in
//! `__pycache__/NAME.fzb` beside its source and reused while the source (and
//! its path) are unchanged, so a script is not recompiled at every start.
//!
//! A cache file is `FZPC`, the source length (u32 LE), a hash of the source
//! and of its path (u32 LE each), then a `.fzb` file. Anything that does not
//! match or does not decode is ignored and the source is compiled again:
//! the cache can never make a program fail.

use crate::objects::str::hash_bytes;
use crate::vm::{CompileMode, PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use fzpy_bytecode::{fzb, CodeUnit};

const MAGIC: &[u8; 4] = b"FZPC";

/// Where the cache of `file` lives, or None for sources that are no file.
pub fn cache_path(file: &str) -> Option<String> {
    let stem_start = file.rfind('/').map_or(0, |i| i + 1);
    let stem = file[stem_start..].strip_suffix(".py")?;
    if stem.is_empty() {
        return None;
    }
    Some(alloc::format!(
        "{}__pycache__/{}.fzb",
        &file[..stem_start],
        stem
    ))
}

fn key(src: &str, file: &str) -> [u8; 12] {
    let mut k = [0u8; 12];
    k[0..4].copy_from_slice(&(src.len() as u32).to_le_bytes());
    k[4..8].copy_from_slice(&hash_bytes(src.as_bytes()).to_le_bytes());
    k[8..12].copy_from_slice(&hash_bytes(file.as_bytes()).to_le_bytes());
    k
}

impl Vm {
    /// Compiles module source, through the bytecode cache when enabled.
    pub fn compile_cached(&mut self, src: &str, file: &str) -> PyResult<CodeUnit> {
        let path = if self.config.bytecode_cache {
            cache_path(file)
        } else {
            None
        };
        let Some(path) = path else {
            return self.compile(src, file, CompileMode::Exec);
        };
        let k = key(src, file);
        if let Some(bytes) = self.platform.read_file(&path) {
            if bytes.len() > 16 && &bytes[..4] == MAGIC && bytes[4..16] == k {
                if let Ok(cu) = fzb::decode(&bytes[16..]) {
                    return Ok(cu);
                }
            }
        }
        let cu = self.compile(src, file, CompileMode::Exec)?;
        let mut out: Vec<u8> = Vec::with_capacity(64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&k);
        out.extend_from_slice(&fzb::encode(&cu));
        // Best effort: a read-only directory just means no cache.
        let _ = self.platform.write_file(&path, &out);
        Ok(cu)
    }
}

#[cfg(test)]
mod tests {
    use super::cache_path;

    #[test]
    fn cache_paths() {
        assert_eq!(
            cache_path("a/b/mod.py").as_deref(),
            Some("a/b/__pycache__/mod.fzb")
        );
        assert_eq!(cache_path("mod.py").as_deref(), Some("__pycache__/mod.fzb"));
        assert_eq!(cache_path("<string>"), None);
        assert_eq!(cache_path("x.fzb"), None);
    }
}
