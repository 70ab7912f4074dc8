//! The desktop platform: stdout/stderr, files, clocks, Ctrl+C.

use fzpy_vm::files::{FileResult, OpenFlags, Whence};
use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Set by the Ctrl+C handler, taken by `interrupted`.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The host platform.
pub struct Host {
    start: Instant,
    out: std::io::BufWriter<std::io::Stdout>,
    files: fzpy_sim::files::HostFiles,
}

impl Host {
    /// A host platform writing to the process's stdout.
    pub fn new() -> Host {
        Host {
            start: Instant::now(),
            out: std::io::BufWriter::new(std::io::stdout()),
            files: fzpy_sim::files::HostFiles::new(),
        }
    }
}

impl Default for Host {
    fn default() -> Self {
        Host::new()
    }
}

impl fzpy_vm::Platform for Host {
    fn write_out(&mut self, bytes: &[u8]) {
        let _ = self.out.write_all(bytes);
        if bytes.contains(&b'\n') && bytes.len() < 4096 {
            // Keep interleaving with stderr sensible for line-sized output.
        }
    }

    fn write_err(&mut self, bytes: &[u8]) {
        let _ = self.out.flush();
        let _ = std::io::stderr().write_all(bytes);
    }

    fn flush(&mut self) {
        let _ = self.out.flush();
    }

    fn read_line(&mut self) -> Option<String> {
        let _ = self.out.flush();
        let mut s = String::new();
        match std::io::stdin().lock().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                if s.ends_with('\n') {
                    s.pop();
                    if s.ends_with('\r') {
                        s.pop();
                    }
                }
                Some(s)
            }
        }
    }

    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }

    fn is_dir(&mut self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }

    fn write_file(&mut self, path: &str, data: &[u8]) -> bool {
        // Written beside and renamed into place, so that a reader never sees
        // half a file (the cache is read without locking).
        let p = std::path::Path::new(path);
        if let Some(dir) = p.parent() {
            if !dir.as_os_str().is_empty() && std::fs::create_dir_all(dir).is_err() {
                return false;
            }
        }
        let tmp = format!("{path}.{}.tmp", std::process::id());
        std::fs::write(&tmp, data).is_ok() && std::fs::rename(&tmp, path).is_ok()
    }

    fn time_ns(&mut self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
    }

    fn monotonic_ns(&mut self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    fn sleep_ns(&mut self, ns: u64) {
        let _ = self.out.flush();
        let end = Instant::now() + std::time::Duration::from_nanos(ns);
        while Instant::now() < end {
            if INTERRUPTED.load(Ordering::Relaxed) {
                return;
            }
            let left = end.saturating_duration_since(Instant::now());
            std::thread::sleep(left.min(std::time::Duration::from_millis(20)));
        }
    }

    fn random_seed(&mut self) -> u64 {
        let t = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        t ^ (std::process::id() as u64) << 32
    }

    fn interrupted(&mut self) -> bool {
        INTERRUPTED.swap(false, Ordering::Relaxed)
    }

    fn file_open(&mut self, path: &str, flags: OpenFlags) -> FileResult<u32> {
        self.files.open(path, flags)
    }

    fn file_read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        self.files.read(h, buf)
    }

    fn file_write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        self.files.write(h, data)
    }

    fn file_seek(&mut self, h: u32, off: i64, whence: Whence) -> FileResult<u64> {
        self.files.seek(h, off, whence)
    }

    fn file_flush(&mut self, h: u32) -> FileResult<()> {
        self.files.flush(h)
    }

    fn file_close(&mut self, h: u32) -> FileResult<()> {
        self.files.close(h)
    }

    fn file_close_all(&mut self) {
        self.files.close_all()
    }
}

/// The compiler, as the VM sees it.
pub use fzpy_compiler::VmCompiler as HostCompiler;
