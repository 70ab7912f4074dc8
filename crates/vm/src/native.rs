//! Native (Rust) functions callable from Python.
//!
//! A native function receives its arguments on the VM's value stack: they
//! stay rooted there while it allocates, so it reads them through
//! [`Args`] each time instead of keeping copies across allocations.
//! A builtin function value is the immediate `imm(NATIVE, table << 16 | index)`,
//! naming an entry of a static table: a type's methods, the builtins, or a
//! module's functions.

use crate::types::{TypeId, TYPES};
use crate::value::{imm, Value};
use crate::vm::{PyResult, Vm};

/// Signature of every native function.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A named native function in a static table.
pub struct NativeDef {
    /// Python-visible name.
    pub name: &'static str,
    /// The function.
    pub f: NativeFn,
}

/// Shorthand constructor for tables.
pub const fn def(name: &'static str, f: NativeFn) -> NativeDef {
    NativeDef { name, f }
}

/// `Args::kw` when there are no keyword arguments.
pub const NO_KW: usize = usize::MAX;

/// Table number of the builtins namespace functions.
pub const TABLE_BUILTINS: u32 = 200;
/// First table number of builtin modules' functions (plus module index).
pub const TABLE_MODULES: u32 = 210;

/// Where a native call's arguments are: stack slots `base..base + len`;
/// the last `nkw` of them are keyword arguments named by the tuple in stack
/// slot `kw` (read it with `Vm::kwname`; a slot, because the tuple moves).
#[derive(Clone, Copy, Debug)]
pub struct Args {
    /// First argument's stack slot.
    pub base: usize,
    /// Number of arguments, keyword ones included.
    pub len: usize,
    /// Stack slot of the tuple of keyword names (meaningful when `nkw > 0`).
    pub kw: usize,
    /// Number of keyword arguments.
    pub nkw: usize,
}

impl Args {
    /// Positional argument count.
    #[inline]
    pub fn npos(&self) -> usize {
        self.len - self.nkw
    }

    /// No arguments at all, at the same place (for constructors that take none).
    #[inline]
    pub fn first_only(self) -> Args {
        Args {
            len: 0,
            nkw: 0,
            ..self
        }
    }

    /// The same arguments without the first positional one (after `self`).
    #[inline]
    pub fn skip1(self) -> Args {
        Args {
            base: self.base + 1,
            len: self.len - 1,
            ..self
        }
    }
}

/// The value of the native `index` of table `table`.
pub const fn native_value(table: u32, index: u32) -> Value {
    Value::imm(imm::NATIVE, (table << 16) | index)
}

/// Resolves a native value's payload to its definition.
pub fn native_def(payload: u32) -> Option<&'static NativeDef> {
    let table = payload >> 16;
    let index = (payload & 0xffff) as usize;
    let defs: &[NativeDef] = if (table as usize) < TYPES.len() {
        TYPES[table as usize].methods
    } else if table == TABLE_BUILTINS {
        crate::builtins::FUNCTIONS
    } else if table == crate::builtins_more::TABLE {
        crate::builtins_more::FUNCTIONS
    } else if table >= TABLE_MODULES {
        crate::modules::MODULES
            .get((table - TABLE_MODULES) as usize)?
            .functions
    } else {
        return None;
    };
    defs.get(index)
}

/// Finds `name` in a type's method table.
pub fn find_method(t: TypeId, name: &[u8]) -> Option<Value> {
    let defs = t.info().methods;
    defs.iter()
        .position(|d| d.name.as_bytes() == name)
        .map(|i| native_value(t as u32, i as u32))
}
