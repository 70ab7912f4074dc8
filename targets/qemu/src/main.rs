//! fzpy on a Cortex-M4 (QEMU `mps2-an386`): runs a Python file from the host in a
//! Flipper-sized heap and native stack, over ARM semihosting.
//!
//! Command line (from the semihosting command line, i.e. QEMU's `-append`):
//! `[--heap SIZE] [--gc-stress] [--stack-report] [--max-depth N] (-c CODE | FILE) [ARGS...]`,
//! like the `fzpy` command (`--stack-report` prints the native stack's high-water mark at the
//! end, `--max-depth` overrides the compiler's nesting limit). The script's stdout and stderr go to the host's, an uncaught exception prints a
//! CPython-style traceback and the image exits with the script's status (the `SystemExit`
//! code; 1 on an uncaught exception) through semihosting. See `docs/targets.md`.
#![no_std]
#![no_main]

extern crate alloc;

mod platform;

use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::mem::MaybeUninit;
use cortex_m_rt::entry;
// Links cortex-m's single-core `critical-section` implementation (the allocator uses it).
use cortex_m as _;
use fzpy_vm::{Config, Exit, Vm};
use platform::Semihost;

/// Bytes of the main stack: the `STACK` region of the generated `memory.x` (`build.rs`;
/// `FZPY_QEMU_STACK` at build time, 32 KB by default). A Flipper app declares its main
/// thread's stack in its manifest (at most 64 KB).
pub const STACK_BYTES: usize = parse_decimal(env!("FZPY_QEMU_STACK_BYTES"));

/// A decimal number at compile time.
const fn parse_decimal(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    n
}

/// Native stack the interpreter needs before any Python nesting: this image's start-up,
/// the interpreter loop, a builtin and the traceback printer (measured: 6-8 KB).
const STACK_BASE_BYTES: usize = 8 * 1024;

/// Native stack one level of the parser's nesting limit may take, with a margin (measured
/// on this build: up to about 510 bytes a level, for nested `with` blocks and calls; nested
/// brackets, comprehensions and lambdas take about 480, which the compiler's later passes
/// recurse over too). The limit is `(STACK_BYTES - STACK_BASE_BYTES) / STACK_PER_PARSE_LEVEL`:
/// 42 with the default stack, 14 with a 16 KB one.
#[cfg(feature = "compiler")]
const STACK_PER_PARSE_LEVEL: usize = 576;

/// Native stack one level of code-unit nesting takes while a `.fzb` file is decoded and
/// verified, with a margin (measured: about 680 bytes per nested function). The loader's
/// limit is `(STACK_BYTES - STACK_BASE_BYTES) / STACK_PER_FZB_LEVEL`: 24 with the default stack.
const STACK_PER_FZB_LEVEL: usize = 1024;

/// Bytes of the Rust allocator's arena: the Python heap (allocated once, at start) plus
/// what the compiler needs while it compiles a module, `eval` or `exec` string.
const ARENA_BYTES: usize = 1024 * 1024;

#[global_allocator]
static ALLOCATOR: embedded_alloc::LlffHeap = embedded_alloc::LlffHeap::empty();

/// Bytes on the semihosting command line (the image path, options, script and arguments).
const CMDLINE_BYTES: usize = 1024;

/// The command line's shape.
const USAGE: &str = "usage: fzpy-qemu [--heap SIZE] [--gc-stress] [--stack-report] \
                     [--max-depth N] [-c CODE | FILE] [ARGS...]\n";

/// Parses `16k`, `1m`, `65536` (4 KB at least, and at most what the arena can hold).
fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = if let Some(n) = s.strip_suffix('k') {
        (n, 1024)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 1024 * 1024)
    } else {
        (s.as_str(), 1)
    };
    num.parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(mul))
        .filter(|n| (4096..=ARENA_BYTES * 3 / 4).contains(n))
}

/// Bytes of the main stack that were ever used (the stack is painted at reset by
/// cortex-m-rt's `paint-stack`; this finds the lowest word that is no longer paint).
fn stack_high_water() -> usize {
    extern "C" {
        static _stack_end: u32;
        static _stack_start: u32;
    }
    // Only the symbols' addresses are taken (they come from the linker script).
    let (bottom, top) = (
        core::ptr::addr_of!(_stack_end) as usize,
        core::ptr::addr_of!(_stack_start) as usize,
    );
    let mut p = bottom;
    while p < top {
        // SAFETY: `p` is word-aligned and inside the stack region, which is mapped RAM.
        let w = unsafe { core::ptr::read_volatile(p as *const u32) };
        if w != cortex_m_rt::STACK_PAINT_VALUE {
            break;
        }
        p += 4;
    }
    top - p
}

/// Hands the arena to the allocator. Called once, first thing.
fn init_allocator() {
    static mut ARENA: [MaybeUninit<u8>; ARENA_BYTES] = [MaybeUninit::uninit(); ARENA_BYTES];
    // SAFETY: called once before any allocation; nothing else refers to ARENA.
    unsafe { ALLOCATOR.init(core::ptr::addr_of_mut!(ARENA) as usize, ARENA_BYTES) }
}

/// What to run.
enum Source {
    Code(String),
    File(String),
}

/// The parsed command line.
struct Options {
    config: Config,
    source: Option<Source>,
    stack_report: bool,
}

/// Reads the semihosting command line; the first word is the image's own path. Not
/// inlined: its buffer must not stay on the stack while the script runs.
#[inline(never)]
fn command_line() -> Result<Vec<String>, ()> {
    let args = semihosting::experimental::env::args::<CMDLINE_BYTES>().map_err(|_| ())?;
    let mut v = Vec::new();
    for a in &args {
        v.push(a.map_err(|_| ())?.to_string());
    }
    if !v.is_empty() {
        v.remove(0);
    }
    Ok(v)
}

/// Parses options like the `fzpy` command; `Err` holds the exit status after a message.
fn parse_options(out: &mut Semihost, args: &[String]) -> Result<Options, i32> {
    let mut config = Config {
        native_stack_bytes: STACK_BYTES,
        ..Config::default()
    };
    let mut stack_report = false;
    fzpy_bytecode::fzb::set_max_nesting((STACK_BYTES - STACK_BASE_BYTES) / STACK_PER_FZB_LEVEL);
    #[cfg(feature = "compiler")]
    fzpy_compiler::set_max_depth(((STACK_BYTES - STACK_BASE_BYTES) / STACK_PER_PARSE_LEVEL) as u32);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--heap" => {
                let Some(n) = args.get(i + 1).and_then(|s| parse_size(s)) else {
                    out.err("fzpy: --heap needs a size such as 16k, 64k or 256k\n");
                    return Err(2);
                };
                config.heap_bytes = n;
                i += 2;
            }
            "--gc-stress" => {
                config.gc_stress = true;
                i += 1;
            }
            #[cfg(feature = "compiler")]
            "--max-depth" => {
                let Some(n) = args.get(i + 1).and_then(|s| s.parse::<u32>().ok()) else {
                    out.err("fzpy: --max-depth needs a number\n");
                    return Err(2);
                };
                fzpy_compiler::set_max_depth(n);
                i += 2;
            }
            "--stack-report" => {
                stack_report = true;
                i += 1;
            }
            "-c" => {
                let Some(c) = args.get(i + 1) else {
                    out.err("fzpy: -c needs an argument\n");
                    out.err(USAGE);
                    return Err(2);
                };
                config.argv = core::iter::once("-c".to_string())
                    .chain(args[i + 2..].iter().cloned())
                    .collect();
                return Ok(Options {
                    config,
                    source: Some(Source::Code(c.clone())),
                    stack_report,
                });
            }
            a if a.starts_with('-') && a.len() > 1 => {
                out.err("fzpy: unknown option ");
                out.err(a);
                out.err("\n");
                out.err(USAGE);
                return Err(2);
            }
            _ => break,
        }
    }
    let source = args.get(i).map(|f| {
        config.argv = args[i..].to_vec();
        config.path0 = match f.rfind('/') {
            Some(k) => f[..k].to_string(),
            None => String::new(),
        };
        Source::File(f.clone())
    });
    Ok(Options {
        config,
        source,
        stack_report,
    })
}

/// Runs the command line; returns the exit status and whether to report the stack used.
#[inline(never)]
fn run() -> (i32, bool) {
    let mut host = Semihost::new();
    let Ok(args) = command_line() else {
        host.err("fzpy: cannot read the semihosting command line\n");
        return (2, false);
    };
    let opts = match parse_options(&mut host, &args) {
        Ok(o) => o,
        Err(status) => return (status, false),
    };
    let report = opts.stack_report;
    // A compiled .fzb file runs without the compiler (the runtime-only build).
    if let Some(Source::File(f)) = &opts.source {
        if f.ends_with(".fzb") {
            let Some(bytes) = host.read(f) else {
                host.err("fzpy: can't open file '");
                host.err(f);
                host.err("'\n");
                return (2, report);
            };
            let mut vm = Vm::new(opts.config, Box::new(host), compiler());
            let status = match vm.run_main_fzb(&bytes) {
                Ok(()) => 0,
                Err(_) => match vm.report_exception() {
                    Exit::Status(n) => n,
                },
            };
            vm.close_files();
            vm.platform.flush();
            return (status & 0xff, report);
        }
    }
    let (src, filename) = match opts.source {
        None => {
            host.err(USAGE);
            return (2, report);
        }
        Some(Source::Code(c)) => (c, String::from("<string>")),
        Some(Source::File(f)) => match host.read(&f) {
            Some(bytes) => match String::from_utf8(bytes) {
                Ok(text) => (text, f),
                Err(_) => {
                    host.err("fzpy: ");
                    host.err(&f);
                    host.err(" is not UTF-8 text\n");
                    return (1, report);
                }
            },
            None => {
                host.err("fzpy: can't open file '");
                host.err(&f);
                host.err("'\n");
                return (2, report);
            }
        },
    };
    let mut vm = Vm::new(opts.config, Box::new(host), compiler());
    let status = match vm.run_main(&src, &filename) {
        Ok(()) => 0,
        Err(_) => match vm.report_exception() {
            Exit::Status(n) => n,
        },
    };
    vm.close_files();
    vm.platform.flush();
    (status & 0xff, report)
}

/// The compiler handed to the VM (none in the runtime-only build).
fn compiler() -> Option<Box<dyn fzpy_vm::Compiler>> {
    #[cfg(feature = "compiler")]
    return Some(Box::new(platform::DeviceCompiler));
    #[cfg(not(feature = "compiler"))]
    return None;
}

#[entry]
fn main() -> ! {
    init_allocator();
    let (status, report) = run();
    if report {
        let mut host = Semihost::new();
        let mut msg = String::from("fzpy: stack used ");
        push_decimal(&mut msg, stack_high_water());
        msg.push_str(" of ");
        push_decimal(&mut msg, STACK_BYTES);
        msg.push_str(" bytes\n");
        host.err(&msg);
    }
    semihosting::process::exit(status)
}

/// Appends `n` in decimal (no `core::fmt` needed).
fn push_decimal(s: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut n = n;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        s.push(d as char);
    }
}

/// Ends the run when the CPU faults (e.g. a bad memory access): exit status 134, like an
/// aborted process, so a test runner sees a failure instead of a hang.
#[cortex_m_rt::exception]
unsafe fn HardFault(_frame: &cortex_m_rt::ExceptionFrame) -> ! {
    let mut host = Semihost::new();
    host.err("fzpy: HardFault\n");
    semihosting::process::exit(134)
}
