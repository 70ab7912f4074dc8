//! The VM: heap, platform, compiler hook, and the error plumbing every
//! other file uses.

use crate::files::{errno, FileResult, OpenFlags, Whence};
use crate::heap::{root, Heap, OutOfMemory};
use crate::types::TypeId;
use crate::value::{imm, Value};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use fzpy_bytecode::CodeUnit;

/// Marker of a raised exception; the exception itself is in root `EXC`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raised;

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, Raised>;

/// What the VM needs from the machine it runs on.
pub trait Platform {
    /// Writes to standard output.
    fn write_out(&mut self, bytes: &[u8]);
    /// Writes to standard error.
    fn write_err(&mut self, bytes: &[u8]);
    /// Flushes both outputs.
    fn flush(&mut self) {}
    /// Reads one line of input without its newline; None at end of input.
    fn read_line(&mut self) -> Option<String> {
        None
    }
    /// Reads a whole file (for imports and `open`); None if it cannot be read.
    fn read_file(&mut self, _path: &str) -> Option<Vec<u8>> {
        None
    }
    /// Whether `path` is a directory.
    fn is_dir(&mut self, _path: &str) -> bool {
        false
    }
    /// Writes a whole file, creating its directory; false if it cannot
    /// (used for the bytecode cache, which is best effort).
    fn write_file(&mut self, _path: &str, _data: &[u8]) -> bool {
        false
    }
    /// Nanoseconds since the Unix epoch.
    fn time_ns(&mut self) -> u64 {
        0
    }
    /// Monotonic nanoseconds (any origin).
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
    /// Sleeps; returns early when interrupted.
    fn sleep_ns(&mut self, _ns: u64) {}
    /// A seed for `random`.
    fn random_seed(&mut self) -> u64 {
        0x2545_f491_4f6c_dd1d
    }
    /// True once after the user asked to interrupt (Ctrl+C).
    fn interrupted(&mut self) -> bool {
        false
    }
    /// Opens a file (`path` already resolved: absolute, or relative to the
    /// process's directory) and returns its handle.
    fn file_open(&mut self, _path: &str, _flags: OpenFlags) -> FileResult<u32> {
        Err(errno::ENOSYS)
    }
    /// Reads up to `buf.len()` bytes at the file's position; 0 at the end.
    fn file_read(&mut self, _h: u32, _buf: &mut [u8]) -> FileResult<usize> {
        Err(errno::EBADF)
    }
    /// Writes at the file's position (at the end in append mode); returns
    /// how many bytes were written.
    fn file_write(&mut self, _h: u32, _data: &[u8]) -> FileResult<usize> {
        Err(errno::EBADF)
    }
    /// Moves the file's position and returns it.
    fn file_seek(&mut self, _h: u32, _offset: i64, _whence: Whence) -> FileResult<u64> {
        Err(errno::ESPIPE)
    }
    /// Pushes written data to the storage.
    fn file_flush(&mut self, _h: u32) -> FileResult<()> {
        Ok(())
    }
    /// Closes a handle (it may be reused afterwards).
    fn file_close(&mut self, _h: u32) -> FileResult<()> {
        Ok(())
    }
    /// Closes every handle still open (the script has ended).
    fn file_close_all(&mut self) {}
    /// Writes one `logging` record. `level` is 1 (NONE) .. 6 (TRACE); the
    /// default writes the Flipper log's line format without its tick
    /// count: `[I][fzpy] message` on standard error.
    fn log(&mut self, level: u8, msg: &str) {
        let letter = match level {
            2 => "E",
            3 => "W",
            4 => "I",
            5 => "D",
            6 => "T",
            _ => " ",
        };
        let mut line = Msg::new();
        let _ = write!(line, "[{letter}][fzpy] ");
        self.write_err(line.as_str().as_bytes());
        self.write_err(msg.as_bytes());
        self.write_err(b"\n");
    }
    /// The system's log level (the device's setting): records above it
    /// are dropped whatever `logging.level` says. 6 (TRACE) lets all pass.
    fn log_level(&mut self) -> u8 {
        6
    }
}

/// Raises TypeError naming `v`'s type between `before` and `after`
/// (`"... must be str, not int"`).
pub(crate) fn type_error_for(vm: &mut Vm, before: &str, v: Value, after: &str) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "{before}{}{after}", vm.type_name(v, &mut buf));
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// Compilation modes (mirrors the compiler's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module.
    Exec,
    /// One expression.
    Eval,
    /// One REPL entry.
    Single,
}

/// A compile error reported by the compiler hook.
#[derive(Clone, Debug)]
pub struct CompileFailure {
    /// SyntaxError, IndentationError or TabError.
    pub kind: TypeId,
    /// Message.
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 0-based column.
    pub col: u32,
    /// The input ended too early.
    pub incomplete: bool,
}

/// The compiler, as the embedding hands it to the VM.
pub trait Compiler {
    /// Compiles `source`.
    fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> Result<CodeUnit, CompileFailure>;
}

/// Interpreter settings fixed at creation.
#[derive(Clone, Debug)]
pub struct Config {
    /// Heap size in bytes (the whole block).
    pub heap_bytes: usize,
    /// Collect at every allocation.
    pub gc_stress: bool,
    /// Native stack available to the VM, in bytes: bounds native re-entry.
    pub native_stack_bytes: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path[0]`: the script's directory ("" for the current one).
    pub path0: String,
    /// Keep compiled modules in `__pycache__/NAME.fzb` beside their source
    /// and reuse them while the source is unchanged.
    pub bytecode_cache: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            heap_bytes: 64 * 1024,
            gc_stress: false,
            native_stack_bytes: 256 * 1024,
            argv: Vec::new(),
            path0: String::new(),
            bytecode_cache: false,
        }
    }
}

/// Native stack bytes one nested run of the interpreter may take (measured
/// generously; see docs/architecture.md).
pub const NATIVE_FRAME_BYTES: usize = 4096;

/// The virtual machine.
pub struct Vm {
    /// All Python objects and the value stack.
    pub heap: Heap,
    /// The machine.
    pub platform: Box<dyn Platform>,
    /// The compiler, when linked in.
    pub compiler: Option<Box<dyn Compiler>>,
    /// Base slot of the running frame (`NO_FRAME` outside any).
    pub(crate) frame: usize,
    /// Python frames on the stack.
    pub(crate) depth: u32,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// Nested native -> Python re-entries.
    pub(crate) native_depth: u32,
    /// Limit of `native_depth`, from the native stack size.
    pub(crate) native_limit: u32,
    /// Instructions until the next interrupt poll.
    pub(crate) poll_countdown: u32,
    /// `random` state.
    pub(crate) rng: [u64; 2],
    /// Last identity number handed out (id(), default hashes).
    pub(crate) next_id: u32,
    /// Stack slots of containers being repr'd (cycle detection).
    pub(crate) repr_stack: [usize; 32],
    /// Entries used in `repr_stack`.
    pub(crate) repr_stack_len: usize,
    /// Special methods some user class has defined (bits of
    /// `objects::class::special`): lets attribute access skip their lookup.
    pub(crate) specials_seen: u32,
    /// How the last generator run ended.
    pub(crate) gen_exit: crate::interp::GenExit,
    /// Settings.
    pub config: Config,
    /// Builtin modules added by the embedding ([`Vm::register_module`]).
    pub(crate) ext_modules: [Option<&'static crate::modules::ModuleDef>; MAX_EXT_MODULES],
    /// State of extension modules (the `flipperzero` module keeps its board
    /// here and reaches it with `downcast_mut`).
    pub ext: Option<Box<dyn core::any::Any>>,
    /// Run between bytecodes (at every interrupt poll) and during
    /// `time.sleep*`: delivers an extension's pending events (input callbacks).
    pub event_hook: Option<EventHook>,
}

/// Most modules [`Vm::register_module`] accepts.
pub const MAX_EXT_MODULES: usize = 4;

/// An extension's event hook: may call Python code; an error propagates
/// from the bytecode or sleep where it ran.
pub type EventHook = fn(&mut Vm) -> PyResult<()>;

/// `frame` when no frame runs.
pub const NO_FRAME: usize = usize::MAX;

impl Vm {
    /// A VM with a fresh heap.
    pub fn new(
        config: Config,
        platform: Box<dyn Platform>,
        compiler: Option<Box<dyn Compiler>>,
    ) -> Vm {
        let mut heap = Heap::new(config.heap_bytes);
        heap.stress = config.gc_stress;
        let native_limit = (config.native_stack_bytes / NATIVE_FRAME_BYTES).clamp(2, 200) as u32;
        let mut vm = Vm {
            heap,
            platform,
            compiler,
            frame: NO_FRAME,
            depth: 0,
            recursion_limit: 1000,
            native_depth: 0,
            native_limit,
            poll_countdown: 1000,
            rng: [0; 2],
            next_id: 0,
            repr_stack: [0; 32],
            repr_stack_len: 0,
            specials_seen: 0,
            gen_exit: crate::interp::GenExit::None,
            config,
            ext_modules: [None; MAX_EXT_MODULES],
            ext: None,
            event_hook: None,
        };
        let seed = vm.platform.random_seed();
        vm.seed_rng(seed);
        vm
    }

    /// Adds a builtin module defined outside the VM (such as `flipperzero`):
    /// importable by name, its functions natives like the VM's own. False
    /// when [`MAX_EXT_MODULES`] are registered already; registering the same
    /// name again replaces the table.
    pub fn register_module(&mut self, def: &'static crate::modules::ModuleDef) -> bool {
        let slot = self
            .ext_modules
            .iter()
            .position(|m| m.is_some_and(|m| m.name == def.name))
            .or_else(|| self.ext_modules.iter().position(|m| m.is_none()));
        match slot {
            Some(i) => {
                self.ext_modules[i] = Some(def);
                true
            }
            None => false,
        }
    }

    // ---- raising ------------------------------------------------------------

    /// Raises an existing exception object.
    pub fn raise(&mut self, exc: Value) -> Raised {
        self.heap.set_root(root::EXC, exc);
        Raised
    }

    /// The pending exception.
    pub fn exception(&self) -> Value {
        self.heap.root(root::EXC)
    }

    /// Takes the pending exception out of its root.
    pub fn take_exception(&mut self) -> Value {
        let e = self.heap.root(root::EXC);
        self.heap.set_root(root::EXC, Value::NULL);
        e
    }

    /// Raises `t` with message `msg`.
    pub fn raise_msg(&mut self, t: TypeId, msg: &str) -> Raised {
        match self.new_str_reserve(msg) {
            Ok(s) => self.raise_with_arg(t, s),
            Err(_) => self.raise_memory_error(),
        }
    }

    /// Raises `t` with a formatted message (truncated at 512 bytes).
    pub fn raise_fmt(&mut self, t: TypeId, args: core::fmt::Arguments) -> Raised {
        let mut m = Msg::new();
        let _ = m.write_fmt(args);
        let text = m.as_str();
        // Copy out of the stack buffer before allocating (borrow ends here).
        self.raise_msg(t, text)
    }

    /// Raises `t` with no arguments.
    pub fn raise_empty(&mut self, t: TypeId) -> Raised {
        match self.new_exception(Value::imm(imm::TYPE, t as u32), Value::NULL) {
            Ok(e) => self.raise(e),
            Err(_) => self.raise_memory_error(),
        }
    }

    /// Raises `t(arg)`.
    pub fn raise_with_arg(&mut self, t: TypeId, arg: Value) -> Raised {
        self.heap.set_root(root::EXC, arg);
        let r = self.heap.alloc_reserve(crate::heap::kind::TUPLE, 1);
        let arg = self.heap.root(root::EXC);
        let Ok(args) = r else {
            return self.raise_memory_error();
        };
        self.heap.set(args, 0, arg);
        match self.new_exception(Value::imm(imm::TYPE, t as u32), args) {
            Ok(e) => self.raise(e),
            Err(_) => self.raise_memory_error(),
        }
    }

    /// Raises MemoryError (never fails: uses the heap's reserve, and if even
    /// that is gone, the bare type stands for the exception).
    pub fn raise_memory_error(&mut self) -> Raised {
        let t = Value::imm(imm::TYPE, TypeId::MemoryError as u32);
        match self.new_exception(t, Value::NULL) {
            Ok(e) => self.raise(e),
            Err(_) => self.raise(t),
        }
    }

    /// Converts an allocation failure into a raised MemoryError.
    #[inline]
    pub fn oom(&mut self, _: OutOfMemory) -> Raised {
        self.raise_memory_error()
    }

    /// Shorthand for TypeError.
    pub fn type_error(&mut self, args: core::fmt::Arguments) -> Raised {
        self.raise_fmt(TypeId::TypeError, args)
    }

    /// Shorthand for ValueError.
    pub fn value_error(&mut self, args: core::fmt::Arguments) -> Raised {
        self.raise_fmt(TypeId::ValueError, args)
    }

    // ---- allocation helpers ---------------------------------------------------

    /// Allocates, raising MemoryError when full.
    #[inline]
    pub fn alloc(&mut self, kind: u8, payload: usize) -> PyResult<Value> {
        match self.heap.alloc(kind, payload) {
            Ok(v) => Ok(v),
            Err(e) => Err(self.oom(e)),
        }
    }

    /// Pushes a value on the stack to keep it alive across allocations.
    #[inline]
    pub fn push(&mut self, v: Value) -> PyResult<()> {
        self.heap.push_checked(v).map_err(|e| self.oom(e))
    }

    /// Pops a value pushed with [`Vm::push`].
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.heap.pop()
    }

    /// Stack slot `i` (absolute).
    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        self.heap.slot(i)
    }

    /// Sets stack slot `i` (absolute).
    #[inline]
    pub fn set_slot(&mut self, i: usize, v: Value) {
        self.heap.set_slot(i, v)
    }

    /// Current stack depth.
    #[inline]
    pub fn sp(&self) -> usize {
        self.heap.sp()
    }
}

/// A fixed stack buffer for building messages without the heap.
pub struct Msg {
    buf: [u8; 512],
    len: usize,
}

impl Msg {
    /// An empty message.
    pub fn new() -> Msg {
        Msg {
            buf: [0; 512],
            len: 0,
        }
    }

    /// The text so far.
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 sequences are ever appended (see write_str).
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl Default for Msg {
    fn default() -> Self {
        Msg::new()
    }
}

impl Write for Msg {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let room = self.buf.len() - self.len;
        let mut n = s.len().min(room);
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

impl Vm {
    /// Seeds the `random` generator (xorshift128+; never all zero).
    pub fn seed_rng(&mut self, seed: u64) {
        let a = seed ^ 0x9e37_79b9_7f4a_7c15;
        let b = seed.rotate_left(31) ^ 0xbf58_476d_1ce4_e5b9;
        self.rng = [a | 1, b];
    }

    /// Next 64 random bits.
    pub fn next_random(&mut self) -> u64 {
        let [mut s1, s0] = self.rng;
        self.rng[0] = s0;
        s1 ^= s1 << 23;
        s1 ^= s1 >> 17;
        s1 ^= s0 ^ (s0 >> 26);
        self.rng[1] = s1;
        s1.wrapping_add(s0)
    }
}
