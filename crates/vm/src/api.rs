//! What an embedding calls: compile and run source, run code objects,
//! report uncaught exceptions the way CPython does.

use crate::frame::{F_LOCALS, HEADER};
use crate::heap::{kind, root};
use crate::interp::args_at;
use crate::objects::exception::exc;
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{CompileMode, Msg, PyResult, Raised, Vm};
use core::fmt::Write;
use fzpy_bytecode::CodeUnit;

/// Identical traceback entries in a row printed before the rest are counted.
const TB_REPEAT_CUTOFF: u32 = 3;

/// How a script ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Normally, or with this `SystemExit` status.
    Status(i32),
}

impl Vm {
    /// Closes the files the script left open (call when it has ended).
    pub fn close_files(&mut self) {
        self.platform.file_close_all();
    }

    /// Compiles with the embedding's compiler, raising SyntaxError on errors.
    pub fn compile(&mut self, src: &str, filename: &str, mode: CompileMode) -> PyResult<CodeUnit> {
        let Some(c) = self.compiler.as_ref() else {
            return Err(self.raise_msg(
                TypeId::RuntimeError,
                "this build has no compiler: run precompiled .fzb files",
            ));
        };
        match c.compile(src, filename, mode) {
            Ok(cu) => Ok(cu),
            Err(f) => Err(self.raise_syntax_error(f, filename, src)),
        }
    }

    fn raise_syntax_error(
        &mut self,
        f: crate::vm::CompileFailure,
        filename: &str,
        src: &str,
    ) -> Raised {
        // args = (msg, (filename, lineno, offset, text))
        let line_text = src
            .lines()
            .nth(f.line.saturating_sub(1) as usize)
            .unwrap_or("");
        let r = (|| -> PyResult<Value> {
            let msg = self.new_str(&f.msg)?;
            self.push(msg)?;
            let fname = self.new_str(filename)?;
            self.push(fname)?;
            let text = self.new_str(line_text)?;
            self.push(text)?;
            let base = self.sp() - 3;
            let detail = self.tuple_of(&[Value::NULL; 4])?;
            self.heap.set(detail, 0, self.slot(base + 1));
            self.heap.set(detail, 1, Value::int(f.line as i32));
            self.heap.set(detail, 2, Value::int(f.col as i32 + 1));
            self.heap.set(detail, 3, self.slot(base + 2));
            self.push(detail)?;
            let args = self.new_tuple(2)?;
            self.heap.set(args, 0, self.slot(base));
            self.heap.set(args, 1, self.slot(base + 3));
            self.heap.truncate(base);
            self.new_exception(Value::imm(crate::value::imm::TYPE, f.kind as u32), args)
        })();
        match r {
            Ok(e) => self.raise(e),
            Err(e) => e,
        }
    }

    /// Runs module code with `globals` as its namespace.
    pub fn exec_code(&mut self, code_obj: Value, globals: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(code_obj)?;
        self.push(globals)?;
        let f = self.alloc(kind::FUNCTION, func::SIZE)?;
        let (c, g) = (self.slot(base), self.slot(base + 1));
        self.heap.set(f, func::CODE, c);
        self.heap.set(f, func::GLOBALS, g);
        let n = self.heap.get(c, code::NAME);
        self.heap.set(f, func::NAME, n);
        self.heap.set(f, func::QUALNAME, n);
        self.push(f)?;
        let r = self.run_nested(|vm| {
            let (f, g) = (vm.slot(base + 2), vm.slot(base + 1));
            vm.push_frame(
                f,
                args_at(base, 0, crate::native::NO_KW, 0),
                base + 3,
                true,
                g,
            )
        });
        self.heap.truncate(base);
        r
    }

    /// Compiles and runs `src` as the `__main__` module.
    pub fn run_main(&mut self, src: &str, filename: &str) -> PyResult<()> {
        let cu = self.compile_cached(src, filename)?;
        self.run_main_code(&cu)
    }

    /// Decodes, verifies and runs a `.fzb` bytecode file as `__main__`;
    /// a corrupt file raises `ValueError: bad .fzb file: ...`.
    pub fn run_main_fzb(&mut self, bytes: &[u8]) -> PyResult<()> {
        match fzpy_bytecode::fzb::decode(bytes) {
            Ok(cu) => self.run_main_code(&cu),
            Err(e) => {
                let mut m = Msg::new();
                let _ = write!(m, "bad .fzb file: {e}");
                Err(self.raise_msg(TypeId::ValueError, m.as_str()))
            }
        }
    }

    /// Runs a compiled module as `__main__`.
    pub fn run_main_code(&mut self, cu: &CodeUnit) -> PyResult<()> {
        let g = self.main_globals()?;
        self.push(g)?;
        let v = self.new_str(&cu.filename)?;
        let g = self.heap.peek(0);
        self.dict_set_str(g, "__file__", v)?;
        let code = self.load_code(cu)?;
        let g = self.pop();
        self.exec_code(code, g).map(|_| ())
    }

    /// The `__main__` module's dict (created on first use).
    pub fn main_globals(&mut self) -> PyResult<Value> {
        let mods = self.modules_dict()?;
        if let Some(m) = self.dict_get_str(mods, "__main__") {
            return Ok(self.heap.get(m, 1));
        }
        let n = self.new_str("__main__")?;
        let m = self.new_module(n)?;
        self.push(m)?;
        let mods = self.modules_dict()?;
        let m = self.heap.peek(0);
        self.dict_set_str(mods, "__main__", m)?;
        let m = self.pop();
        Ok(self.heap.get(m, 1))
    }

    /// Runs one REPL entry in `__main__`.
    pub fn run_interactive(&mut self, src: &str) -> PyResult<()> {
        let cu = self.compile(src, "<stdin>", CompileMode::Single)?;
        let g = self.main_globals()?;
        self.push(g)?;
        let code = self.load_code(&cu);
        let g = self.pop();
        self.exec_code(code?, g).map(|_| ())
    }

    /// `locals()` of the running frame.
    pub(crate) fn frame_locals(&mut self) -> PyResult<Value> {
        let fb = self.frame;
        let l = self.slot(fb + F_LOCALS);
        if !l.is_null() {
            return Ok(l);
        }
        let d = self.new_dict()?;
        self.push(d)?;
        let c = self.frame_code(fb);
        let slots = self.heap.get(c, code::SLOTS);
        for i in 0..self.tuple_len(slots) {
            let mut v = self.slot(fb + HEADER + i);
            if self.heap.kind(v) == kind::CELL {
                v = self.heap.get(v, 0);
            }
            if v.is_null() {
                continue;
            }
            let c = self.frame_code(fb);
            let slots = self.heap.get(c, code::SLOTS);
            let k = self.tuple_get(slots, i);
            let d = self.heap.peek(0);
            self.dict_set(d, k, v)?;
        }
        Ok(self.pop())
    }

    /// Handles the pending exception at top level: SystemExit gives a
    /// status; anything else prints a traceback and gives status 1.
    pub fn report_exception(&mut self) -> Exit {
        let e = self.normalize_exception();
        self.take_exception();
        self.heap.set_root(root::HANDLED, Value::NULL);
        if self.exc_matches(e, TypeId::SystemExit) {
            let args = self.exc_args(e).unwrap_or(Value::NULL);
            let code = if args.is_null() || self.tuple_len(args) == 0 {
                Value::NONE
            } else {
                self.tuple_get(args, 0)
            };
            if code.is_none() {
                return Exit::Status(0);
            }
            if let Some(i) = self.int_to_i64(code) {
                return Exit::Status(i as i32);
            }
            if let Ok(s) = self.str(code) {
                let mut b = [0; 4];
                let t: alloc::vec::Vec<u8> = self.str_bytes_buf(s, &mut b).to_vec();
                self.platform.write_err(&t);
                self.platform.write_err(b"\n");
            }
            return Exit::Status(1);
        }
        let interrupted = self.exc_matches(e, TypeId::KeyboardInterrupt);
        self.print_exception(e);
        // Like a process ended by SIGINT (CPython re-raises the signal).
        Exit::Status(if interrupted { 130 } else { 1 })
    }

    /// Prints `e` with its chain and traceback to stderr, as CPython does.
    pub fn print_exception(&mut self, e: Value) {
        self.print_exception_chain(e, 0);
    }

    /// The line after a run of `n` identical traceback entries, the first
    /// [`TB_REPEAT_CUTOFF`] of them printed.
    fn print_repeated(&mut self, n: u32) {
        if n > TB_REPEAT_CUTOFF {
            let more = n - TB_REPEAT_CUTOFF;
            let mut m = Msg::new();
            let s = if more > 1 { "s" } else { "" };
            let _ = writeln!(m, "  [Previous line repeated {more} more time{s}]");
            self.platform.write_err(m.as_str().as_bytes());
        }
    }

    fn print_exception_chain(&mut self, e: Value, depth: u32) {
        if !self.is_exception(e) {
            self.platform.write_err(b"MemoryError\n");
            return;
        }
        let base = self.sp();
        if self.push(e).is_err() {
            self.platform.write_err(b"MemoryError\n");
            return;
        }
        // Context / cause first (a chain can loop: bounded like CPython's seen-set).
        let e = self.slot(base);
        let cause = self.heap.get(e, exc::CAUSE);
        let ctx = self.heap.get(e, exc::CONTEXT);
        let suppress = self.heap.get(e, exc::SUPPRESS) == Value::TRUE;
        let chained = depth < 16;
        if chained && self.is_exception(cause) && cause != e {
            self.print_exception_chain(cause, depth + 1);
            self.platform.write_err(
                b"\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if chained && !suppress && self.is_exception(ctx) && ctx != e {
            self.print_exception_chain(ctx, depth + 1);
            self.platform.write_err(
                b"\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let e = self.slot(base);
        let mut tb = self.heap.get(e, exc::TRACEBACK);
        if !tb.is_null() {
            self.platform
                .write_err(b"Traceback (most recent call last):\n");
        }
        // Like CPython, a run of more than three identical entries (deep
        // recursion) prints three and then a count.
        let (mut last, mut repeats) = ((Value::NULL, -1), 0u32);
        while self.heap.kind(tb) == kind::TRACEBACK {
            let c = self.heap.get(tb, 1);
            let line = self.heap.get(tb, 2).small_value();
            if (c, line) != last {
                self.print_repeated(repeats);
                (last, repeats) = ((c, line), 0);
            }
            repeats += 1;
            if repeats > TB_REPEAT_CUTOFF {
                tb = self.heap.get(tb, 0);
                continue;
            }
            let (f, n) = (
                self.heap.get(c, code::FILENAME),
                self.heap.get(c, code::NAME),
            );
            let mut b1 = [0; 4];
            let mut b2 = [0; 4];
            let file: alloc::string::String = self.str_text(f, &mut b1).into();
            let mut m = Msg::new();
            let _ = writeln!(
                m,
                "  File \"{}\", line {}, in {}",
                file,
                line,
                self.str_text(n, &mut b2)
            );
            self.platform.write_err(m.as_str().as_bytes());
            if let Some(src) = self.platform.read_file(&file) {
                if let Some(l) = core::str::from_utf8(&src)
                    .ok()
                    .and_then(|s| s.lines().nth(line.max(1) as usize - 1))
                {
                    let mut m = Msg::new();
                    let _ = writeln!(m, "    {}", l.trim());
                    self.platform.write_err(m.as_str().as_bytes());
                }
            }
            tb = self.heap.get(tb, 0);
        }
        self.print_repeated(repeats);
        let e = self.slot(base);
        let t = self.type_of(e);
        let mut b = [0; 4];
        let mut m = Msg::new();
        let _ = m.write_str(self.class_name(t, &mut b));
        // SyntaxError: show the location lines.
        if self.exc_matches(e, TypeId::SyntaxError) {
            if let Ok(args) = self.exc_args(e) {
                if self.tuple_len(args) == 2 {
                    let d = self.tuple_get(args, 1);
                    if self.heap.kind(d) == kind::TUPLE && self.tuple_len(d) == 4 {
                        let mut b1 = [0; 4];
                        let mut b2 = [0; 4];
                        let mut h = Msg::new();
                        let _ = writeln!(
                            h,
                            "  File \"{}\", line {}",
                            self.str_text(self.tuple_get(d, 0), &mut b1),
                            self.tuple_get(d, 1).small_value()
                        );
                        let text = self.str_text(self.tuple_get(d, 3), &mut b2);
                        let trimmed = text.trim_start();
                        let indent = text.len() - trimmed.len();
                        let _ = writeln!(h, "    {}", trimmed.trim_end());
                        let col = (self.tuple_get(d, 2).small_value() as usize)
                            .saturating_sub(1 + indent);
                        let _ = write!(h, "    ");
                        for _ in 0..col {
                            let _ = h.write_str(" ");
                        }
                        let _ = writeln!(h, "^");
                        self.platform.write_err(h.as_str().as_bytes());
                        let msg = self.tuple_get(args, 0);
                        let mut b3 = [0; 4];
                        let _ = write!(m, ": {}", self.str_text(msg, &mut b3));
                        let _ = m.write_str("\n");
                        self.platform.write_err(m.as_str().as_bytes());
                        self.heap.truncate(base);
                        return;
                    }
                }
            }
        }
        if let Ok(s) = self.str(e) {
            let mut b = [0; 4];
            let text = self.str_text(s, &mut b);
            if !text.is_empty() {
                let _ = write!(m, ": {}", text);
            }
        }
        let _ = m.write_str("\n");
        self.platform.write_err(m.as_str().as_bytes());
        self.heap.truncate(base);
    }

    /// Heap bytes in use (objects + stack).
    pub fn heap_used(&self) -> usize {
        self.heap.used_bytes()
    }

    /// Unwinds from `pc` of the running frame (generator throw).
    pub(crate) fn unwind_from(&mut self, pc: usize) -> PyResult<usize> {
        self.unwind_at(pc)
    }

    /// Digits of an int in `radix` as a str (CPython's 4300-digit limit applies).
    pub fn int_to_str(&mut self, v: Value, radix: u32) -> PyResult<Value> {
        self.int_to_radix_str(v, radix, "")
    }
}
