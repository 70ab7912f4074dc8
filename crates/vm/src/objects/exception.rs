//! Exceptions: EXCEPTION `[type][args][traceback][cause][context][suppress][dict]`.
//! `type` is a builtin exception type immediate or a CLASS deriving from one.
//! Tracebacks are TRACEBACK chains `[next][code][line]`, outermost frame first.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{PyResult, Raised, Vm};

/// EXCEPTION payload words.
pub mod exc {
    /// Its class.
    pub const TYPE: usize = 0;
    /// `args` tuple.
    pub const ARGS: usize = 1;
    /// `__traceback__` (TRACEBACK or NULL).
    pub const TRACEBACK: usize = 2;
    /// `__cause__`
    pub const CAUSE: usize = 3;
    /// `__context__`
    pub const CONTEXT: usize = 4;
    /// `__suppress_context__` (bool).
    pub const SUPPRESS: usize = 5;
    /// Attribute dict or NULL.
    pub const DICT: usize = 6;
    /// Payload size.
    pub const SIZE: usize = 7;
}

/// Methods of BaseException.
pub static METHODS: &[NativeDef] = &[
    def("__init__", exc_init),
    def("with_traceback", exc_with_traceback),
];

impl Vm {
    /// A new exception of class `t` with `args` (a tuple, or NULL for ()).
    /// Uses the heap reserve so that raising works when the heap is full.
    pub fn new_exception(&mut self, t: Value, args: Value) -> PyResult<Value> {
        use crate::heap::root::NEW_EXC;
        self.heap.set_root(NEW_EXC, t);
        self.heap.set_root(NEW_EXC + 1, args);
        let r = self.heap.alloc_reserve(kind::EXCEPTION, exc::SIZE);
        let (t, args) = (self.heap.root(NEW_EXC), self.heap.root(NEW_EXC + 1));
        self.heap.set_root(NEW_EXC, Value::NULL);
        self.heap.set_root(NEW_EXC + 1, Value::NULL);
        // No MemoryError from here: the caller falls back to a bare type.
        let e = r.map_err(|_| crate::vm::Raised)?;
        self.heap.set(e, exc::TYPE, t);
        self.heap.set(e, exc::ARGS, args);
        self.heap.set(e, exc::CAUSE, Value::NONE);
        self.heap.set(e, exc::CONTEXT, Value::NONE);
        self.heap.set(e, exc::SUPPRESS, Value::FALSE);
        Ok(e)
    }

    /// Whether `v` is an exception instance.
    pub fn is_exception(&self, v: Value) -> bool {
        self.heap.kind(v) == kind::EXCEPTION
    }

    /// The args tuple of an exception (an empty tuple when NULL).
    pub fn exc_args(&mut self, e: Value) -> PyResult<Value> {
        let a = self.heap.get(e, exc::ARGS);
        if a.is_null() {
            self.push(e)?;
            let t = self.new_tuple(0);
            let e = self.pop();
            let t = t?;
            self.heap.set(e, exc::ARGS, t);
            return Ok(t);
        }
        Ok(a)
    }

    /// Raises the OSError subclass for `errno` (FileNotFoundError ...) with
    /// args `(errno, strerror)` and, unless NULL, `filename`: its str is
    /// CPython's `[Errno 2] No such file or directory: 'name'`.
    pub fn raise_os_error(&mut self, errno: i32, filename: Value) -> Raised {
        let base = self.sp();
        let r = (|| {
            self.push(filename)?;
            let s = self.new_str_reserve(crate::files::strerror(errno))?;
            self.push(s)?;
            let args = self.new_tuple(2)?;
            self.heap.set(args, 0, Value::int(errno));
            self.heap.set(args, 1, self.slot(base + 1));
            self.push(args)?;
            let t = Value::imm(imm::TYPE, crate::files::error_type(errno) as u32);
            let e = self.new_exception(t, args)?;
            self.push(e)?;
            if !self.slot(base).is_null() {
                let d = self.new_dict()?;
                self.push(d)?;
                self.dict_set_str(d, "filename", self.slot(base))?;
                self.heap
                    .set(self.slot(base + 3), exc::DICT, self.slot(base + 4));
            }
            PyResult::Ok(self.slot(base + 3))
        })();
        self.heap.truncate(base);
        match r {
            Ok(e) => self.raise(e),
            Err(_) => self.raise_memory_error(),
        }
    }

    /// `errno`, `strerror` or `filename` (`which` 0, 1, 2) of an OSError
    /// that has not set it as an attribute: from `args` when there are two
    /// or more (CPython's rule), else None.
    pub(crate) fn os_error_attr(&mut self, e: Value, which: usize) -> PyResult<Value> {
        if which == 2 {
            return Ok(Value::NONE);
        }
        let a = self.exc_args(e)?;
        Ok(if self.tuple_len(a) >= 2 {
            self.tuple_get(a, which)
        } else {
            Value::NONE
        })
    }

    /// Whether exception `e`'s class is builtin type `t` or derives from it.
    pub fn exc_matches(&self, e: Value, t: TypeId) -> bool {
        if e.is_imm_of(imm::TYPE) {
            return self.is_subclass(e, Value::imm(imm::TYPE, t as u32));
        }
        self.is_instance_of(e, t)
    }

    /// Makes sure the pending exception is an exception instance (a bare
    /// MemoryError type stands for one when the heap was full).
    pub fn normalize_exception(&mut self) -> Value {
        let e = self.exception();
        if e.is_imm_of(imm::TYPE) {
            if let Ok(x) = self.new_exception(e, Value::NULL) {
                self.heap.set_root(crate::heap::root::EXC, x);
                return x;
            }
        }
        e
    }

    /// Adds a traceback entry for (code, line) at the front of `e`'s chain.
    pub fn add_traceback(&mut self, e: Value, code: Value, line: u32) {
        if self.heap.kind(e) != kind::EXCEPTION {
            return;
        }
        self.heap.set_root(crate::heap::root::TMP0, e);
        self.heap.set_root(crate::heap::root::TMP0 + 1, code);
        let r = self.heap.alloc_reserve(kind::TRACEBACK, 3);
        let e = self.heap.root(crate::heap::root::TMP0);
        let code = self.heap.root(crate::heap::root::TMP0 + 1);
        self.heap.set_root(crate::heap::root::TMP0, Value::NULL);
        self.heap.set_root(crate::heap::root::TMP0 + 1, Value::NULL);
        if let Ok(tb) = r {
            let next = self.heap.get(e, exc::TRACEBACK);
            self.heap.set(tb, 0, next);
            self.heap.set(tb, 1, code);
            self.heap.set(tb, 2, Value::int(line as i32));
            self.heap.set(e, exc::TRACEBACK, tb);
        }
    }
}

/// Builtin exception types are constructed by the call machinery (which
/// knows the type); this entry only exists so the types are callable.
pub fn new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.raise_msg(TypeId::SystemError, "exception constructor called directly"))
}

/// `BaseException.__init__(self, *args)`: sets `args`.
fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.npos();
    if n == 0 || !vm.is_exception(vm.slot(args.base)) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "descriptor '__init__' requires an exception",
        ));
    }
    let t = vm.tuple_from_stack(args.base + 1, n - 1)?;
    let e = vm.slot(args.base);
    vm.heap.set(e, exc::ARGS, t);
    Ok(Value::NONE)
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "with_traceback", 2, 2)?;
    let (e, tb) = (vm.slot(args.base), vm.slot(args.base + 1));
    if vm.is_exception(e) {
        let tb = if tb.is_none() { Value::NULL } else { tb };
        vm.heap.set(e, exc::TRACEBACK, tb);
    }
    Ok(e)
}
