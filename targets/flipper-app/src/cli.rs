//! The `py` command on the Flipper's CLI (USB serial) while the app is open:
//! `py FILE` runs a script (a relative path is taken in the scripts folder), `py`
//! alone starts an interactive prompt. Text goes over the CLI session; the screen,
//! buttons and the rest of the `flipperzero` module work as in a script started
//! from the app.
//!
//! The firmware runs each command in a thread of its own (its stack is the app's,
//! [`crate::STACK_BYTES`]). One interpreter runs at a time: the app's own script and
//! CLI sessions take [`lock`] first, and `py` answers "busy" while the lock is
//! held. The command is removed when the app ends ([`Command`]'s drop), after
//! waiting for a running session, since the command's code is the app's.

use crate::line_edit::{terminal_lines, Key, LineEdit};
use alloc::string::String;
use core::ffi::{c_void, CStr};
use core::sync::atomic::{AtomicPtr, AtomicU32, Ordering};
use flipperzero_sys as sys;

/// The CLI's record (its command registry).
const RECORD_CLI: &CStr = c"cli";
/// The command's name.
const NAME: &CStr = c"py";

/// The one-interpreter-at-a-time lock (a FuriMutex), null before [`Command::register`].
static LOCK: AtomicPtr<sys::FuriMutex> = AtomicPtr::new(core::ptr::null_mut());
/// `py` commands whose callback has not returned yet.
static RUNNING: AtomicU32 = AtomicU32::new(0);

/// Holds the interpreter lock; released on drop.
pub struct Guard(*mut sys::FuriMutex);

impl Drop for Guard {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the mutex was acquired by this thread in `lock`.
            unsafe { sys::furi_mutex_release(self.0) };
        }
    }
}

/// Takes the interpreter lock, waiting for it when `wait`; None if it is held and
/// `wait` is false. Without a registered command there is nothing to exclude.
pub fn lock(wait: bool) -> Option<Guard> {
    let m = LOCK.load(Ordering::Acquire);
    if m.is_null() {
        return Some(Guard(m));
    }
    let timeout = if wait { u32::MAX } else { 0 };
    // SAFETY: `m` is the live mutex (freed only after the command is removed and
    // no callback runs).
    let status = unsafe { sys::furi_mutex_acquire(m, timeout) };
    (status == sys::FuriStatusOk).then_some(Guard(m))
}

/// The `py` command, registered while this value lives.
pub struct Command {
    registry: *mut sys::CliRegistry,
}

impl Command {
    /// Registers `py` with the CLI.
    pub fn register() -> Command {
        // SAFETY: plain SDK calls; the callback is a `'static` function of this app
        // and is unregistered (after any running call ends) before the app ends.
        unsafe {
            LOCK.store(
                sys::furi_mutex_alloc(sys::FuriMutexTypeNormal),
                Ordering::Release,
            );
            let registry = sys::furi_record_open(RECORD_CLI.as_ptr()) as *mut sys::CliRegistry;
            sys::cli_registry_add_command_ex(
                registry,
                NAME.as_ptr(),
                // The app is running: only parallel-safe commands may run now.
                sys::CliCommandFlagParallelSafe,
                Some(py_command),
                core::ptr::null_mut(),
                crate::STACK_BYTES as usize,
            );
            Command { registry }
        }
    }
}

impl Drop for Command {
    fn drop(&mut self) {
        // With the lock held no session runs; new calls see the command gone, or
        // find the lock taken and return at once.
        let guard = lock(true);
        // SAFETY: the registry is the open record; the command was added by `register`.
        unsafe {
            sys::cli_registry_delete_command(self.registry, NAME.as_ptr());
            sys::furi_record_close(RECORD_CLI.as_ptr());
        }
        drop(guard);
        while RUNNING.load(Ordering::Acquire) > 0 {
            // SAFETY: a plain delay.
            unsafe { sys::furi_delay_ms(10) };
        }
        // A returning callback decrements RUNNING just before its last instructions.
        // SAFETY: a plain delay.
        unsafe { sys::furi_delay_ms(10) };
        let m = LOCK.swap(core::ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: no thread holds or waits for the mutex any more.
        unsafe { sys::furi_mutex_free(m) };
    }
}

/// Runs on a thread the CLI starts for each `py` command.
unsafe extern "C" fn py_command(
    pipe: *mut sys::PipeSide,
    args: *mut sys::FuriString,
    _: *mut c_void,
) {
    RUNNING.fetch_add(1, Ordering::AcqRel);
    // SAFETY: the CLI passes its argument string, valid during the call.
    let arg = unsafe { CStr::from_ptr(sys::furi_string_get_cstr(args)) };
    let arg = String::from(arg.to_str().unwrap_or("").trim());
    let session = Session::new(pipe);
    match lock(false) {
        Some(_guard) => crate::run_from_cli(session, &arg),
        None => session.write(b"fzpy: busy (a script is running on the Flipper)\n"),
    }
    RUNNING.fetch_sub(1, Ordering::AcqRel);
}

/// What a terminal line read gave.
pub enum Typed {
    /// A line (Enter).
    Line(String),
    /// Ctrl+C.
    Cancel,
    /// Ctrl+D on an empty line, or the session closed.
    End,
}

/// A CLI session: the command's pipe and the line being typed.
pub struct Session {
    pipe: *mut sys::PipeSide,
    edit: LineEdit,
}

impl Session {
    fn new(pipe: *mut sys::PipeSide) -> Session {
        Session {
            pipe,
            edit: LineEdit::default(),
        }
    }

    /// Sends text, with the line ends a terminal wants.
    pub fn write(&self, text: &[u8]) {
        terminal_lines(text, |s| self.send(s));
    }

    fn send(&self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        // SAFETY: the pipe lives while the command runs; the buffer is valid.
        unsafe { sys::pipe_send(self.pipe, bytes.as_ptr() as *const c_void, bytes.len()) };
    }

    /// Reads a line typed in the terminal, echoing it.
    pub fn read_line(&mut self) -> Typed {
        loop {
            let mut b = 0u8;
            // SAFETY: one byte into `b`; returns early (0) when the session closes.
            let n = unsafe { sys::pipe_receive(self.pipe, &mut b as *mut u8 as *mut c_void, 1) };
            if n != 1 {
                return Typed::End;
            }
            match self.edit.feed(b) {
                Key::Echo(s) => self.send(s),
                Key::EchoByte(c) => self.send(&[c]),
                Key::Line(l) => {
                    self.send(b"\r\n");
                    return Typed::Line(l);
                }
                Key::Cancel => {
                    self.send(b"^C\r\n");
                    return Typed::Cancel;
                }
                Key::End => return Typed::End,
            }
        }
    }

    /// Ctrl+C was typed, or the session closed (takes one typed byte, if any).
    pub fn interrupted(&self) -> bool {
        // SAFETY: the command's own pipe, installed as this thread's stdio by the CLI.
        unsafe { sys::cli_is_pipe_broken_or_is_etx_next_char(self.pipe) }
    }
}
