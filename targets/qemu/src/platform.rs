//! The QEMU board's `Platform`: ARM semihosting for output, host files and clocks.

use alloc::string::String;
use alloc::vec::Vec;
use fzpy_vm::files::{errno, FileResult, Handles, OpenFlags, Whence};
use semihosting::io::{Read, Seek, SeekFrom, Write};
use semihosting::sys::arm_compat::{sys_clock, sys_time};

/// Bytes of stdout kept before they are written out (each write is one semihosting call).
const OUT_BUFFER: usize = 512;

/// Files `open()` may have open at once (more fail with EMFILE).
const MAX_FILES: usize = 16;

/// A file `open()` opened. Semihosting seeks only to absolute positions,
/// so the position is kept here.
struct OpenFile {
    file: semihosting::fs::File,
    pos: u64,
    append: bool,
}

/// The semihosting platform. Output handles are opened lazily; a failed open means the
/// output is dropped (there is nowhere else to report it).
pub struct Semihost {
    out: Vec<u8>,
    stdout: Option<semihosting::io::Stdout>,
    stderr: Option<semihosting::io::Stderr>,
    /// The monotonic clock's last reading, so it never goes backwards.
    last_ns: u64,
    /// `open()`'s files by handle.
    files: Handles<OpenFile>,
}

impl Semihost {
    /// A platform writing to the host's stdout and stderr.
    pub fn new() -> Semihost {
        Semihost {
            out: Vec::new(),
            stdout: None,
            stderr: None,
            last_ns: 0,
            files: Handles::new(MAX_FILES),
        }
    }

    /// Writes a message to stderr (after flushing stdout).
    pub fn err(&mut self, s: &str) {
        fzpy_vm::Platform::write_err(self, s.as_bytes());
    }

    /// Reads a whole host file (relative paths are relative to QEMU's working directory).
    pub fn read(&mut self, path: &str) -> Option<Vec<u8>> {
        let mut file = semihosting::fs::File::open(c_path(path)?.as_c_str()).ok()?;
        let len = file.metadata().ok()?.len() as usize;
        let mut buf = Vec::new();
        buf.try_reserve_exact(len).ok()?;
        buf.resize(len, 0);
        let mut got = 0;
        while got < len {
            match file.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(_) => return None,
            }
        }
        if got == 0 && len > 0 {
            // A directory: it opens and has a size, but reads nothing (see `is_dir`).
            return None;
        }
        buf.truncate(got);
        Some(buf)
    }
}

impl Semihost {
    fn slot(&mut self, h: u32) -> FileResult<&mut OpenFile> {
        self.files.get(h)
    }

    /// Opens a host file. Semihosting has neither `O_EXCL` nor `stat`:
    /// `x` fails when the file opens for reading, and a file that opens
    /// read-only with a size but reads nothing is a directory (see `is_dir`).
    fn open_file(&mut self, path: &str, f: OpenFlags) -> FileResult<u32> {
        self.files.check_room()?;
        let p = c_path(path).ok_or(errno::EINVAL)?;
        if f.exclusive && semihosting::fs::File::open(p.as_c_str()).is_ok() {
            return Err(errno::EEXIST);
        }
        let mut file = semihosting::fs::File::options()
            .read(f.read)
            .write(f.write)
            .append(f.append)
            .truncate(f.truncate || f.exclusive)
            .create(f.create)
            .open(p.as_c_str())
            .map_err(|e| code(&e))?;
        if !f.write && file.metadata().map_err(|e| code(&e))?.len() > 0 {
            let mut byte = [0u8; 1];
            if !matches!(file.read(&mut byte), Ok(1)) {
                return Err(errno::EISDIR);
            }
            file.seek(SeekFrom::Start(0)).map_err(|e| code(&e))?;
        }
        self.files.insert(OpenFile {
            file,
            pos: 0,
            append: f.append,
        })
    }
}

/// The host's errno for a semihosting error (EIO when it gave none).
fn code(e: &semihosting::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(errno::EIO)
}

impl Default for Semihost {
    fn default() -> Self {
        Semihost::new()
    }
}

/// `path` as a NUL-terminated C string (None if it contains a NUL).
fn c_path(path: &str) -> Option<alloc::ffi::CString> {
    alloc::ffi::CString::new(path).ok()
}

impl fzpy_vm::Platform for Semihost {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        if self.out.len() >= OUT_BUFFER {
            self.flush();
        }
    }

    fn write_err(&mut self, bytes: &[u8]) {
        self.flush();
        if self.stderr.is_none() {
            self.stderr = semihosting::io::stderr().ok();
        }
        if let Some(e) = self.stderr.as_mut() {
            let _ = e.write_all(bytes);
        }
    }

    fn flush(&mut self) {
        if self.out.is_empty() {
            return;
        }
        if self.stdout.is_none() {
            self.stdout = semihosting::io::stdout().ok();
        }
        if let Some(o) = self.stdout.as_mut() {
            let _ = o.write_all(&self.out);
        }
        self.out.clear();
    }

    fn read_line(&mut self) -> Option<String> {
        self.flush();
        let mut stdin = semihosting::io::stdin().ok()?;
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            match stdin.read(&mut byte) {
                Ok(1) if byte[0] == b'\n' => break,
                Ok(1) => line.push(byte[0]),
                _ if line.is_empty() => return None,
                _ => break,
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some(String::from_utf8_lossy(&line).into_owned())
    }

    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        self.read(path)
    }

    /// Semihosting has no `stat`. QEMU opens host directories (read-only) and reports
    /// their size, but reading one returns no bytes (its EISDIR becomes "end of file"): a
    /// path that opens, has a size and reads nothing is a directory.
    fn is_dir(&mut self, path: &str) -> bool {
        let Some(p) = c_path(path) else { return false };
        let Ok(mut file) = semihosting::fs::File::open(p.as_c_str()) else {
            return false;
        };
        if !matches!(file.metadata(), Ok(m) if m.len() > 0) {
            return false;
        }
        let mut byte = [0u8; 1];
        !matches!(file.read(&mut byte), Ok(1))
    }

    fn file_open(&mut self, path: &str, flags: OpenFlags) -> FileResult<u32> {
        self.open_file(path, flags)
    }

    fn file_read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        let f = self.slot(h)?;
        let n = f.file.read(buf).map_err(|e| code(&e))?;
        f.pos += n as u64;
        Ok(n)
    }

    fn file_write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        let f = self.slot(h)?;
        let n = f.file.write(data).map_err(|e| code(&e))?;
        f.pos = if f.append {
            f.file.metadata().map_err(|e| code(&e))?.len()
        } else {
            f.pos + n as u64
        };
        Ok(n)
    }

    fn file_seek(&mut self, h: u32, off: i64, whence: Whence) -> FileResult<u64> {
        let f = self.slot(h)?;
        let origin = match whence {
            Whence::Set => 0,
            Whence::Cur => f.pos as i64,
            Whence::End => f.file.metadata().map_err(|e| code(&e))?.len() as i64,
        };
        let to = u64::try_from(origin.saturating_add(off)).map_err(|_| errno::EINVAL)?;
        f.file.seek(SeekFrom::Start(to)).map_err(|e| code(&e))?;
        f.pos = to;
        Ok(to)
    }

    fn file_close(&mut self, h: u32) -> FileResult<()> {
        self.files.close(h)
    }

    fn file_close_all(&mut self) {
        self.files.close_all();
    }

    fn time_ns(&mut self) -> u64 {
        sys_time().map(|s| s as u64 * 1_000_000_000).unwrap_or(0)
    }

    /// The host's process clock, in centiseconds (SYS_CLOCK).
    fn monotonic_ns(&mut self) -> u64 {
        let now = sys_clock().map(|cs| cs as u64 * 10_000_000).unwrap_or(0);
        self.last_ns = self.last_ns.max(now);
        self.last_ns
    }

    fn sleep_ns(&mut self, ns: u64) {
        self.flush();
        let end = self.monotonic_ns().saturating_add(ns);
        while self.monotonic_ns() < end {}
    }

    fn random_seed(&mut self) -> u64 {
        let t = sys_time().unwrap_or(1) as u64;
        let c = sys_clock().unwrap_or(0) as u64;
        (t << 20) ^ c ^ 0x2545_f491_4f6c_dd1d
    }
}

/// The compiler, as the VM sees it.
#[cfg(feature = "compiler")]
pub use fzpy_compiler::VmCompiler as DeviceCompiler;
