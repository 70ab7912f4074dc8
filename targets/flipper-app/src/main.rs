//! fzpy as a Flipper Zero app: runs a Python file (`.py`, or compiled `.fzb`) from
//! the SD card, with the `flipperzero` module driving the device.
//!
//! Started with an argument (`loader open /ext/apps/Tools/fzpy.fap /ext/x.py`) it
//! runs that file; without one it opens a file browser on [`SCRIPTS_DIR`]. Output
//! goes to a console on the screen and to the firmware log; an uncaught exception's
//! traceback stays on the screen until Back is pressed. Holding Back stops a script.
//! While the app is open, the CLI has a `py` command ([`cli`]). See
//! `docs/flipper-app.md`.
#![no_std]
#![no_main]

extern crate alloc;
// The global allocator (the firmware's `aligned_malloc`).
extern crate flipperzero_alloc;
// The panic handler.
extern crate flipperzero_rt;

mod board;
mod cli;
mod console;
mod gpio;
mod infrared;
mod ir_signal;
mod keys;
mod line_edit;
mod platform;
mod screen;
mod serial;
mod sizing;
mod storage;
mod text_entry;

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec;
use cli::Session;
use core::cell::RefCell;
use core::ffi::CStr;
use flipperzero_rt::{entry, manifest};
use flipperzero_sys as sys;
use fzpy_vm::{Config, Exit, Vm};
use platform::FapPlatform;
use screen::Screen;
use storage::Storage;

/// The folder the file browser opens (created when missing).
const SCRIPTS_DIR: &str = "/ext/apps_data/fzpy";

/// The app thread's stack (measured on the QEMU build, `docs/targets.md`): about
/// 8 KB for the app, the interpreter loop, a builtin and the traceback printer
/// ([`STACK_BASE_BYTES`]); the rest, 16 KB with the compiler, 8 KB without, is for
/// nesting: the parser's nesting limit, the `.fzb` loader's and nested native
/// interpreter runs (~2.6 KB each: `map`, `sorted(key=)`, `next(gen)`) are each
/// derived from it. The loader allocates the stack from the same SRAM as the Python
/// heap, so it is not made larger.
#[cfg(feature = "compiler")]
pub(crate) const STACK_BYTES: u16 = 24 * 1024;
#[cfg(not(feature = "compiler"))]
pub(crate) const STACK_BYTES: u16 = 16 * 1024;

/// Native stack the interpreter needs before any nesting.
const STACK_BASE_BYTES: usize = 8 * 1024;

/// Native stack one parser nesting level may take, with a margin (measured on the QEMU
/// build of the same crates: up to about 510 bytes): 28 levels in a 24 KB stack.
#[cfg(feature = "compiler")]
const STACK_PER_PARSE_LEVEL: usize = 576;

/// Native stack one level of code-unit nesting takes while a `.fzb` file is decoded and
/// verified, with a margin (measured on the QEMU build: about 680 bytes a nested
/// function): 16 levels with the compiler's stack, 8 without.
const STACK_PER_FZB_LEVEL: usize = 1024;

/// Free memory left outside the Python heap: the firmware and GUI (dialogs, the
/// file browser, timers, services) and this app's own allocations (console lines,
/// module tables), and with the compiler its syntax tree and code while it compiles
/// a module. The firmware stops with "out of memory" when an allocation fails, so
/// this errs on the large side.
#[cfg(feature = "compiler")]
const RESERVE_BYTES: usize = 32 * 1024;
#[cfg(not(feature = "compiler"))]
const RESERVE_BYTES: usize = 12 * 1024;

/// The smallest heap worth running a script in.
const MIN_HEAP_BYTES: usize = 8 * 1024;

manifest!(
    name = "fzpy",
    app_version = 1,
    has_icon = true,
    icon = "../icon.icon",
    stack_size = STACK_BYTES,
);

entry!(main);

/// The Python heap's size: the largest free block of the firmware's heap minus
/// [`RESERVE_BYTES`], rounded down to 1 KB; None if that is below [`MIN_HEAP_BYTES`].
fn heap_size() -> Option<usize> {
    // SAFETY: plain reads of the memory manager's counters.
    let (free, block) = unsafe {
        (
            sys::memmgr_get_free_heap(),
            sys::memmgr_heap_get_max_free_block(),
        )
    };
    let heap = sizing::heap_bytes(block, RESERVE_BYTES, MIN_HEAP_BYTES);
    let msg = format!(
        "free memory {free} B, largest block {block} B, Python heap {} B",
        heap.unwrap_or(0)
    );
    if let Ok(c) = alloc::ffi::CString::new(msg) {
        // SAFETY: the format is "%s" and its one argument a C string.
        unsafe {
            sys::furi_log_print_format(
                sys::FuriLogLevelInfo,
                c"fzpy".as_ptr(),
                c"%s".as_ptr(),
                c.as_ptr(),
            )
        };
    }
    heap
}

/// Asks for a script with the file browser; None if none was chosen.
fn browse() -> Option<String> {
    let dir = alloc::ffi::CString::new(SCRIPTS_DIR).ok()?;
    // SAFETY: the options are filled by `dialog_file_browser_set_basic_options` before
    // use; the strings are freed and the record closed before returning.
    unsafe {
        let mut opts = core::mem::MaybeUninit::<sys::DialogsFileBrowserOptions>::zeroed();
        sys::dialog_file_browser_set_basic_options(
            opts.as_mut_ptr(),
            c"*".as_ptr(),
            core::ptr::null(),
        );
        let mut opts = opts.assume_init();
        opts.base_path = dir.as_ptr();
        opts.skip_assets = true;
        opts.hide_dot_files = true;
        // Both .py and .fzb files are listed: keep the extensions visible.
        opts.hide_ext = false;
        let dialogs = sys::furi_record_open(c"dialogs".as_ptr()) as *mut sys::DialogsApp;
        let start = sys::furi_string_alloc_set_str(dir.as_ptr());
        let result = sys::furi_string_alloc();
        let chosen = sys::dialog_file_browser_show(dialogs, result, start, &opts);
        let path = CStr::from_ptr(sys::furi_string_get_cstr(result))
            .to_str()
            .ok()
            .map(String::from);
        sys::furi_string_free(result);
        sys::furi_string_free(start);
        sys::furi_record_close(c"dialogs".as_ptr());
        if chosen {
            path
        } else {
            None
        }
    }
}

/// The compiler handed to the VM (none in the runtime-only build).
fn compiler() -> Option<Box<dyn fzpy_vm::Compiler>> {
    #[cfg(feature = "compiler")]
    return Some(Box::new(fzpy_compiler::VmCompiler));
    #[cfg(not(feature = "compiler"))]
    return None;
}

/// A script as read from the card.
enum Source {
    /// A decoded `.fzb` file.
    Code(fzpy_bytecode::code::CodeUnit),
    /// Python source.
    Text(String),
}

/// Where a run's own messages go: the screen's console, and the CLI session when the
/// script was started from the CLI.
struct Output {
    screen: Rc<RefCell<Screen>>,
    session: Option<Rc<RefCell<Session>>>,
}

impl Output {
    fn say(&self, text: &str) {
        if let Some(s) = &self.session {
            s.borrow().write(text.as_bytes());
        }
        self.screen.borrow_mut().print(text);
    }
}

/// Runs `path`; prints its traceback if it fails. The exit status.
fn run(out: &Output, storage: Storage, path: &str) -> i32 {
    let fzb = path.ends_with(".fzb");
    if !fzb && !path.ends_with(".py") {
        out.say(&format!("fzpy: {path}: not a .py or .fzb file\n"));
        return 2;
    }
    let Some(bytes) = storage.read(path) else {
        out.say(&format!("fzpy: can't open file '{path}'\n"));
        return 2;
    };
    // Decoded or checked before the heap is taken, and the file's bytes dropped: only
    // the code (decoded, or compiled below) stays while the script runs.
    let source = if fzb {
        match fzpy_bytecode::fzb::decode(&bytes) {
            Ok(cu) => Source::Code(cu),
            Err(e) => {
                out.say(&format!("fzpy: {path}: bad .fzb file: {e}\n"));
                return 1;
            }
        }
    } else {
        match String::from_utf8(bytes) {
            Ok(t) => Source::Text(t),
            Err(_) => {
                out.say(&format!("fzpy: {path} is not UTF-8 text\n"));
                return 1;
            }
        }
    };
    let Some(mut vm) = start_vm(out, storage, path) else {
        return 1;
    };
    let result = match source {
        Source::Code(cu) => vm.run_main_code(&cu),
        Source::Text(src) => match vm.compile_cached(&src, path) {
            Ok(cu) => {
                drop(src);
                vm.run_main_code(&cu)
            }
            Err(e) => Err(e),
        },
    };
    let status = match result {
        Ok(()) => 0,
        Err(_) => match vm.report_exception() {
            Exit::Status(n) => n,
        },
    };
    finish(&mut vm);
    status
}

/// A VM with the Python heap sized from the free memory and the `flipperzero`
/// module installed; `argv0` is `sys.argv[0]` (its folder is where imports are
/// found). None, with a message, when there is not enough memory for a heap.
fn start_vm(out: &Output, storage: Storage, argv0: &str) -> Option<Vm> {
    let Some(heap_bytes) = heap_size() else {
        out.say("fzpy: not enough free memory for a Python heap\n");
        return None;
    };
    out.say(&format!("heap: {} KB\n", heap_bytes / 1024));
    fzpy_bytecode::fzb::set_max_nesting(sizing::nesting_limit(
        STACK_BYTES as usize,
        STACK_BASE_BYTES,
        STACK_PER_FZB_LEVEL,
    ) as usize);
    #[cfg(feature = "compiler")]
    fzpy_compiler::set_max_depth(sizing::nesting_limit(
        STACK_BYTES as usize,
        STACK_BASE_BYTES,
        STACK_PER_PARSE_LEVEL,
    ));
    let config = Config {
        heap_bytes,
        // The VM allows one nested native run per 4 KB of this (4 with the compiler, 2
        // without), so the base is left out.
        native_stack_bytes: STACK_BYTES as usize - STACK_BASE_BYTES,
        argv: vec![argv0.to_string()],
        path0: sizing::script_dir(argv0).to_string(),
        bytecode_cache: true,
        ..Config::default()
    };
    let platform = FapPlatform::new(out.screen.clone(), storage, out.session.clone());
    let mut vm = Vm::new(config, Box::new(platform), compiler());
    fzpy_flipper::install(
        &mut vm,
        Box::new(board::DeviceBoard::new(out.screen.clone())),
    );
    Some(vm)
}

/// Releases what the script left on (speaker, LED, vibro, pins, UART, infrared) and
/// closes its files.
fn finish(vm: &mut Vm) {
    fzpy_flipper::release_all(vm);
    vm.close_files();
    vm.platform.flush();
}

/// The `py` command of the CLI ([`cli`]), on the command's thread with the
/// interpreter lock held: `py FILE` runs FILE (relative to [`SCRIPTS_DIR`] unless it
/// starts with `/`), `py` alone starts the prompt.
pub(crate) fn run_from_cli(session: Session, arg: &str) {
    let out = Output {
        screen: Rc::new(RefCell::new(Screen::open())),
        session: Some(Rc::new(RefCell::new(session))),
    };
    if arg.is_empty() {
        repl(&out);
    } else {
        let path = if arg.starts_with('/') {
            arg.to_string()
        } else {
            format!("{SCRIPTS_DIR}/{arg}")
        };
        run(&out, Storage::open(), &path);
    }
    out.screen.borrow_mut().redraw(true);
}

/// The interactive prompt over the CLI: `>>>` / `...` continuation (a block ends at
/// a blank line), `_`, Ctrl+C drops the line or interrupts running code, Ctrl+D
/// (or `raise SystemExit`) ends it.
#[cfg(feature = "compiler")]
fn repl(out: &Output) {
    let Some(mut vm) = start_vm(out, Storage::open(), "<stdin>") else {
        return;
    };
    let Some(session) = out.session.clone() else {
        return;
    };
    session.borrow().write(
        format!(
            "fzpy {} (Python 3.11 compatible) on the Flipper. Ctrl+D exits.\n",
            env!("CARGO_PKG_VERSION")
        )
        .as_bytes(),
    );
    let mut entry = fzpy_compiler::ReplEntry::default();
    loop {
        let prompt: &[u8] = if entry.is_empty() { b">>> " } else { b"... " };
        session.borrow().write(prompt);
        let line = session.borrow_mut().read_line();
        let src = match line {
            cli::Typed::End => break,
            cli::Typed::Cancel => {
                entry.clear();
                session.borrow().write(b"KeyboardInterrupt\n");
                continue;
            }
            cli::Typed::Line(line) => match entry.push_line(&line) {
                Some(src) => src,
                None => continue,
            },
        };
        let r = vm.run_interactive(&src);
        vm.platform.flush();
        if r.is_err() {
            let e = vm.exception();
            if vm.exc_matches(e, fzpy_vm::types::TypeId::SystemExit) {
                break;
            }
            vm.report_exception();
            vm.platform.flush();
        }
    }
    session.borrow().write(b"\n");
    finish(&mut vm);
}

/// Without the compiler there is no prompt.
#[cfg(not(feature = "compiler"))]
fn repl(out: &Output) {
    out.say("fzpy: this build has no compiler: no prompt; run a .fzb file with `py FILE.fzb`\n");
}

/// Shows the console until Back is pressed.
fn wait_for_back(screen: &Rc<RefCell<Screen>>) {
    let mut s = screen.borrow_mut();
    // Buttons pressed while the script ran (e.g. the long Back that stopped it) are
    // not an answer to this.
    while s.poll_input().is_some() {}
    s.show_console();
    s.print("[Back: exit]");
    s.redraw(true);
    loop {
        if let Some((key, typ)) = s.wait_input(u32::MAX) {
            if key == keys::KEY_BACK && typ == keys::TYPE_SHORT {
                return;
            }
        }
    }
}

fn main(args: Option<&CStr>) -> i32 {
    // `py` on the CLI while the app is open; removed when `main` returns.
    let _py = cli::Command::register();
    let storage = Storage::open();
    storage.mkdirs(SCRIPTS_DIR);
    let arg = args
        .and_then(|a| a.to_str().ok())
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let path = match arg {
        Some(a) => a.to_string(),
        None => match browse() {
            Some(p) => p,
            None => return 0,
        },
    };
    // The display and the interpreter are the app's from here on: a `py` command
    // typed meanwhile waits, or is told the app is busy.
    let _guard = cli::lock(true);
    let out = Output {
        screen: Rc::new(RefCell::new(Screen::open())),
        session: None,
    };
    let status = run(&out, storage, &path);
    wait_for_back(&out.screen);
    status
}
