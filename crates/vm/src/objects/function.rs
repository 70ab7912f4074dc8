//! Functions, code objects, cells, bound methods, property, staticmethod,
//! classmethod, modules.
//!
//! FUNCTION `[code][globals][defaults][kwdefaults][closure][name][qualname][dict][module]`
//! CODE `[bytecode][consts][names][slots][lines][exceptions][name][qualname]
//! [filename][flags][argcount][posonly][kwonly][nfree][stacksize][firstlineno][doc]`
//! (bytecode/lines/exceptions are BYTES; the rest values; see `load.rs`).

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// FUNCTION payload words.
pub mod func {
    /// CODE object.
    pub const CODE: usize = 0;
    /// Globals dict.
    pub const GLOBALS: usize = 1;
    /// Tuple of positional defaults or NULL.
    pub const DEFAULTS: usize = 2;
    /// Dict of keyword-only defaults or NULL.
    pub const KWDEFAULTS: usize = 3;
    /// Tuple of cells or NULL.
    pub const CLOSURE: usize = 4;
    /// `__name__`
    pub const NAME: usize = 5;
    /// `__qualname__`
    pub const QUALNAME: usize = 6;
    /// `__dict__` or NULL.
    pub const DICT: usize = 7;
    /// `__module__`
    pub const MODULE: usize = 8;
    /// Stable identity number (int, assigned on first use) or NULL.
    pub const ID: usize = 9;
    /// Payload size.
    pub const SIZE: usize = 10;
}

/// CODE payload words.
pub mod code {
    /// BYTES of instructions.
    pub const BYTECODE: usize = 0;
    /// Tuple of constants.
    pub const CONSTS: usize = 1;
    /// Tuple of names (str).
    pub const NAMES: usize = 2;
    /// Tuple of slot names (str).
    pub const SLOTS: usize = 3;
    /// BYTES of (u16 offset, u32 line) pairs.
    pub const LINES: usize = 4;
    /// BYTES of (start, end, target, depth) u16 quadruples.
    pub const EXCEPTIONS: usize = 5;
    /// `co_name`
    pub const NAME: usize = 6;
    /// `co_qualname`
    pub const QUALNAME: usize = 7;
    /// `co_filename`
    pub const FILENAME: usize = 8;
    /// CO_* flags (int).
    pub const FLAGS: usize = 9;
    /// Positional parameters (int).
    pub const ARGCOUNT: usize = 10;
    /// Positional-only parameters (int).
    pub const POSONLY: usize = 11;
    /// Keyword-only parameters (int).
    pub const KWONLY: usize = 12;
    /// Free variables (int).
    pub const NFREE: usize = 13;
    /// Value stack size (int).
    pub const STACKSIZE: usize = 14;
    /// First line (int).
    pub const FIRSTLINE: usize = 15;
    /// Docstring or None.
    pub const DOC: usize = 16;
    /// Payload size.
    pub const SIZE: usize = 17;
}

/// The methods of function objects.
pub static METHODS: &[NativeDef] = &[];
/// The methods of property objects.
pub static PROPERTY_METHODS: &[NativeDef] = &[
    crate::native::def("setter", property_setter),
    crate::native::def("getter", property_getter),
    crate::native::def("deleter", property_deleter),
];

impl Vm {
    /// Small int payload word `i` of a code object.
    #[inline]
    pub fn code_int(&self, code: Value, i: usize) -> usize {
        self.heap.get(code, i).small_value() as usize
    }

    /// The line of the instruction at `pc` in a code object.
    pub fn code_line(&self, code: Value, pc: usize) -> u32 {
        let lines = self.heap.get(code, code::LINES);
        let b = self.bytes_data(lines);
        let mut line = self.code_int(code, code::FIRSTLINE) as u32;
        for rec in b.chunks_exact(6) {
            let off = u16::from_le_bytes([rec[0], rec[1]]) as usize;
            if off > pc {
                break;
            }
            line = u32::from_le_bytes([rec[2], rec[3], rec[4], rec[5]]);
        }
        line
    }

    /// A new cell holding `v`.
    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        self.push(v)?;
        let c = self.alloc(kind::CELL, 1);
        let v = self.pop();
        let c = c?;
        self.heap.set(c, 0, v);
        Ok(c)
    }

    /// A bound method `[self][function]`.
    pub fn new_method(&mut self, this: Value, f: Value) -> PyResult<Value> {
        self.push(this)?;
        self.push(f)?;
        let m = self.alloc(kind::METHOD, 2);
        let f = self.pop();
        let this = self.pop();
        let m = m?;
        self.heap.set(m, 0, this);
        self.heap.set(m, 1, f);
        Ok(m)
    }

    /// A native method bound to `this`.
    pub fn new_native_method(&mut self, this: Value, native: Value) -> PyResult<Value> {
        self.push(this)?;
        let m = self.alloc(kind::NATIVE_METHOD, 2);
        let this = self.pop();
        let m = m?;
        self.heap.set(m, 0, this);
        self.heap.set(m, 1, native);
        Ok(m)
    }

    /// A one-field wrapper (staticmethod, classmethod).
    fn wrap1(&mut self, k: u8, f: Value) -> PyResult<Value> {
        self.push(f)?;
        let w = self.alloc(k, 1);
        let f = self.pop();
        let w = w?;
        self.heap.set(w, 0, f);
        Ok(w)
    }

    /// A new module object `[name][dict]`.
    pub fn new_module(&mut self, name: Value) -> PyResult<Value> {
        self.push(name)?;
        let d = self.new_dict();
        let d = match d {
            Ok(d) => d,
            Err(e) => {
                self.pop();
                return Err(e);
            }
        };
        self.push(d)?;
        let m = self.alloc(kind::MODULE, 2);
        let d = self.pop();
        let name = self.pop();
        let m = m?;
        self.heap.set(m, 0, name);
        self.heap.set(m, 1, d);
        self.push(m)?;
        let (d, name) = (self.heap.get(m, 1), self.heap.get(m, 0));
        let r = self.dict_set_str(d, "__name__", name);
        let m = self.pop();
        r.map(|_| m)
    }
}

/// `staticmethod(f)`
pub fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "staticmethod", 1, 1)?;
    let f = vm.slot(args.base);
    vm.wrap1(kind::STATICMETHOD, f)
}

/// `classmethod(f)`
pub fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "classmethod", 1, 1)?;
    let f = vm.slot(args.base);
    vm.wrap1(kind::CLASSMETHOD, f)
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`
pub fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "property", 0, 4)?;
    let p = vm.alloc(kind::PROPERTY, 4)?;
    for i in 0..4 {
        let v = vm
            .opt_arg(args, i, ["fget", "fset", "fdel", "doc"][i])
            .unwrap_or(Value::NONE);
        vm.heap.set(p, i, v);
    }
    Ok(p)
}

fn property_copy_with(vm: &mut Vm, args: Args, field: usize) -> PyResult<Value> {
    vm.check_args(args, "property", 2, 2)?;
    let p = vm.alloc(kind::PROPERTY, 4)?;
    let old = vm.slot(args.base);
    for i in 0..4 {
        let v = vm.heap.get(old, i);
        vm.heap.set(p, i, v);
    }
    let f = vm.slot(args.base + 1);
    vm.heap.set(p, field, f);
    Ok(p)
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy_with(vm, args, 2)
}
