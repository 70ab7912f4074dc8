//! Code units: the compiler's output and the VM's input.
//!
//! A [`CodeUnit`] is one compiled body (module, function, class body,
//! comprehension) with everything the VM needs to run it. The VM copies it
//! into its heap when loading; the `.fzb` file format serialises it.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// The body is a generator function: calling it returns a generator.
pub const CO_GENERATOR: u16 = 1;
/// The function takes `*args` (its slot follows the keyword-only parameters).
pub const CO_VARARGS: u16 = 2;
/// The function takes `**kwargs` (its slot follows `*args`, if any).
pub const CO_VARKEYWORDS: u16 = 4;
/// The body runs with a locals dict (module and class bodies, `exec`):
/// it uses LOAD_NAME / STORE_NAME.
pub const CO_NAMESPACE: u16 = 8;
/// The body is a class body: it returns the `__class__` cell (or None),
/// which the class builder fills with the new class.
pub const CO_CLASS_BODY: u16 = 16;

/// A constant in a code unit's constant pool.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An integer that fits in an `i64`.
    Int(i64),
    /// A non-negative integer too large for `i64`: little-endian base 2**32 digits.
    BigInt(Vec<u32>),
    /// A float.
    Float(f64),
    /// A str.
    Str(String),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants (e.g. keyword-argument names, default values).
    Tuple(Vec<Const>),
    /// A nested code unit (for MAKE_FUNCTION).
    Code(Box<CodeUnit>),
}

/// One row of the exception table: an exception raised by an instruction
/// starting in `start..end` truncates the value stack to `depth` items,
/// pushes the exception and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First covered byte offset.
    pub start: u16,
    /// One past the last covered byte offset.
    pub end: u16,
    /// Handler byte offset.
    pub target: u16,
    /// Value-stack depth at the handler, before the exception is pushed.
    pub depth: u16,
}

/// A compiled body.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeUnit {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>` ...).
    pub name: String,
    /// Qualified name (`Outer.method.<locals>.inner`).
    pub qualname: String,
    /// Source file name as shown in tracebacks.
    pub filename: String,
    /// `CO_*` flags.
    pub flags: u16,
    /// Positional parameters, positional-only ones included.
    pub argcount: u16,
    /// How many of the positional parameters are positional-only.
    pub posonlyargcount: u16,
    /// Keyword-only parameters (they follow the positional ones).
    pub kwonlyargcount: u16,
    /// Names of the frame's slots, in order: positional parameters, keyword-only
    /// parameters, `*args`, `**kwargs`, other locals, cell-only variables, and
    /// last the `nfree` free variables. LOAD_FAST, LOAD_DEREF ... index this.
    pub slots: Vec<String>,
    /// Free variables: the last `nfree` slots, filled by COPY_FREE_VARS.
    pub nfree: u16,
    /// Deepest value stack the body needs.
    pub stacksize: u16,
    /// Line of the `def` / `class` / first line of the module.
    pub firstlineno: u32,
    /// Instructions (see [`crate::Op`]).
    pub code: Vec<u8>,
    /// Constant pool (LOAD_CONST).
    pub consts: Vec<Const>,
    /// Names used by global, attribute, import and LOAD_NAME instructions.
    pub names: Vec<String>,
    /// `(byte offset, line)` pairs, offsets ascending: an instruction's line is
    /// that of the last pair whose offset is <= the instruction's offset.
    pub lines: Vec<(u16, u32)>,
    /// Exception handlers; the first matching row wins, so inner handlers come first.
    pub exceptions: Vec<ExceptionEntry>,
    /// Docstring of the function/class/module, if any.
    pub doc: Option<String>,
}

impl CodeUnit {
    /// The source line of the instruction at byte offset `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        let mut line = self.firstlineno;
        for &(off, l) in &self.lines {
            if off as usize > pc {
                break;
            }
            line = l;
        }
        line
    }

    /// Number of parameter slots (positional, keyword-only, `*args`, `**kwargs`).
    pub fn nparams(&self) -> usize {
        let mut n = self.argcount as usize + self.kwonlyargcount as usize;
        if self.flags & CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
