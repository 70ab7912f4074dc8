//! The VM's `Platform` on the Flipper: printed text goes to the console on the screen
//! and, line by line, to the firmware log (and to the terminal for a script run from
//! the CLI's `py` command); files are on the SD card; clocks are the kernel tick and
//! the RTC.

use crate::cli::{Session, Typed};
use crate::screen::Screen;
use crate::storage::{OpenFiles, Storage};
use alloc::ffi::CString;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use flipperzero_sys as sys;
use fzpy_vm::files::{FileResult, OpenFlags, Whence};

/// The log tag of everything a script prints.
const LOG_TAG: &core::ffi::CStr = c"fzpy";

/// Bytes of a line kept for the log before it is written out anyway.
const LOG_LINE_MAX: usize = 120;

/// The Flipper platform.
pub struct FapPlatform {
    screen: Rc<RefCell<Screen>>,
    storage: Storage,
    /// The files the script opened.
    files: OpenFiles,
    /// The unfinished lines of stdout and stderr (for the log).
    out_line: Vec<u8>,
    err_line: Vec<u8>,
    /// The monotonic clock: the last tick read and the ticks before it (the 32-bit
    /// millisecond tick wraps after 49 days).
    last_tick: u32,
    ticks_high: u64,
    /// The CLI session the script was started from, if any: it also gets the text,
    /// and `input()` reads from it.
    session: Option<Rc<RefCell<Session>>>,
}

impl FapPlatform {
    /// A platform printing to `screen`, and to the CLI `session` if there is one.
    pub fn new(
        screen: Rc<RefCell<Screen>>,
        storage: Storage,
        session: Option<Rc<RefCell<Session>>>,
    ) -> FapPlatform {
        FapPlatform {
            screen,
            storage,
            files: OpenFiles::default(),
            out_line: Vec::new(),
            err_line: Vec::new(),
            last_tick: 0,
            ticks_high: 0,
            session,
        }
    }
}

/// Writes one line to the firmware log.
fn log_line(level: sys::FuriLogLevel, line: &[u8]) {
    let text = String::from_utf8_lossy(line);
    let Ok(c) = CString::new(text.replace('\0', " ")) else {
        return;
    };
    // SAFETY: the format is "%s" and its one argument a C string.
    unsafe { sys::furi_log_print_format(level, LOG_TAG.as_ptr(), c"%s".as_ptr(), c.as_ptr()) };
}

/// Appends `bytes` to `line`, logging every completed line.
fn log_bytes(level: sys::FuriLogLevel, line: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        if b == b'\n' || line.len() >= LOG_LINE_MAX {
            log_line(level, line);
            line.clear();
        }
        if b != b'\n' {
            line.push(b);
        }
    }
}

impl fzpy_vm::Platform for FapPlatform {
    fn write_out(&mut self, bytes: &[u8]) {
        if let Some(s) = &self.session {
            s.borrow().write(bytes);
        }
        log_bytes(sys::FuriLogLevelInfo, &mut self.out_line, bytes);
        self.screen
            .borrow_mut()
            .print(&String::from_utf8_lossy(bytes));
    }

    fn write_err(&mut self, bytes: &[u8]) {
        if let Some(s) = &self.session {
            s.borrow().write(bytes);
        }
        log_bytes(sys::FuriLogLevelError, &mut self.err_line, bytes);
        self.screen
            .borrow_mut()
            .print(&String::from_utf8_lossy(bytes));
    }

    fn flush(&mut self) {
        for (level, line) in [
            (sys::FuriLogLevelInfo, &mut self.out_line),
            (sys::FuriLogLevelError, &mut self.err_line),
        ] {
            if !line.is_empty() {
                log_line(level, line);
                line.clear();
            }
        }
        self.screen.borrow_mut().redraw(true);
    }

    /// A line typed on the on-screen keyboard, or in the terminal for a script run
    /// from the CLI; None (EOFError) when Back, Ctrl+C or Ctrl+D cancels it.
    fn read_line(&mut self) -> Option<String> {
        self.flush();
        if let Some(s) = &self.session {
            return match s.borrow_mut().read_line() {
                Typed::Line(l) => Some(l),
                Typed::Cancel | Typed::End => None,
            };
        }
        self.screen.borrow_mut().ask_line()
    }

    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        self.storage.read(path)
    }

    fn is_dir(&mut self, path: &str) -> bool {
        self.storage.is_dir(path)
    }

    fn write_file(&mut self, path: &str, data: &[u8]) -> bool {
        self.storage.write(path, data)
    }

    fn file_open(&mut self, path: &str, flags: OpenFlags) -> FileResult<u32> {
        self.files.open(&self.storage, path, flags)
    }

    fn file_read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        self.files.read(h, buf)
    }

    fn file_write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        self.files.write(h, data)
    }

    fn file_seek(&mut self, h: u32, offset: i64, whence: Whence) -> FileResult<u64> {
        self.files.seek(h, offset, whence)
    }

    fn file_flush(&mut self, h: u32) -> FileResult<()> {
        self.files.flush(h)
    }

    fn file_close(&mut self, h: u32) -> FileResult<()> {
        self.files.close(h)
    }

    fn file_close_all(&mut self) {
        self.files.close_all();
    }

    /// The RTC, to the second.
    fn time_ns(&mut self) -> u64 {
        // SAFETY: a plain RTC read.
        u64::from(unsafe { sys::furi_hal_rtc_get_timestamp() }) * 1_000_000_000
    }

    /// The kernel tick (1 ms), extended past its 32-bit wrap.
    fn monotonic_ns(&mut self) -> u64 {
        // SAFETY: plain kernel reads.
        let (tick, freq) = unsafe { (sys::furi_get_tick(), sys::furi_kernel_get_tick_frequency()) };
        if tick < self.last_tick {
            self.ticks_high += 1 << 32;
        }
        self.last_tick = tick;
        (self.ticks_high + u64::from(tick)) * 1_000_000_000 / u64::from(freq.max(1))
    }

    /// Sleeps (the VM sleeps in short slices and delivers button events between them).
    fn sleep_ns(&mut self, ns: u64) {
        self.screen.borrow_mut().redraw(true);
        let us = ns / 1000;
        // SAFETY: plain delays.
        unsafe {
            if us >= 1000 {
                sys::furi_delay_ms((us / 1000).min(u64::from(u32::MAX)) as u32);
            } else if us > 0 {
                sys::furi_delay_us(us as u32);
            }
        }
    }

    /// The hardware random number generator.
    fn random_seed(&mut self) -> u64 {
        // SAFETY: plain RNG reads.
        let (a, b) = unsafe { (sys::furi_hal_random_get(), sys::furi_hal_random_get()) };
        (u64::from(a) << 32) | u64::from(b)
    }

    /// Back held for a few seconds, or Ctrl+C in the CLI session. (A long Back,
    /// when the script has no input handler, is turned into KeyboardInterrupt by the
    /// `flipperzero` module's event hook; this catches scripts whose handler ignores
    /// Back.)
    fn interrupted(&mut self) -> bool {
        let ctrl_c = self
            .session
            .as_ref()
            .is_some_and(|s| s.borrow().interrupted());
        ctrl_c || self.screen.borrow().take_interrupt()
    }
}
