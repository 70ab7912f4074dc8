//! The builtins namespace: functions (static table) and the builtin types
//! and exceptions visible by name.

use crate::heap::{kind, root};
use crate::native::{def, native_value, Args, NativeDef, TABLE_BUILTINS};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

/// Builtin functions, in the order of their native ids.
pub static FUNCTIONS: &[NativeDef] = &[
    def("__build_class__", build_class),
    def("print", print),
    def("len", len),
    def("repr", repr),
    def("isinstance", isinstance),
    def("issubclass", issubclass),
    def("id", id),
    def("hash", hash),
    def("iter", iter),
    def("next", next),
    def("getattr", getattr),
    def("setattr", setattr),
    def("hasattr", hasattr),
    def("delattr", delattr),
    def("callable", callable),
    def("abs", abs),
    def("globals", globals),
    def("locals", locals),
    def("chr", chr),
    def("ord", ord),
    def("format", format),
    def("ascii", ascii),
    def("__import__", import),
];

/// Builtin type names exported by name.
const TYPE_NAMES: &[TypeId] = &[
    TypeId::Object,
    TypeId::Type,
    TypeId::Int,
    TypeId::Bool,
    TypeId::Float,
    TypeId::Str,
    TypeId::Bytes,
    TypeId::ByteArray,
    TypeId::List,
    TypeId::Tuple,
    TypeId::Dict,
    TypeId::Set,
    TypeId::FrozenSet,
    TypeId::Range,
    TypeId::Slice,
    TypeId::Property,
    TypeId::StaticMethod,
    TypeId::ClassMethod,
    TypeId::Super,
    TypeId::Enumerate,
    TypeId::Zip,
    TypeId::Map,
    TypeId::Filter,
    TypeId::Reversed,
];

/// The value of `__build_class__`.
pub fn build_class_value() -> Value {
    native_value(TABLE_BUILTINS, 0)
}

impl Vm {
    /// The name of an immediate type, native or module (registered
    /// extension modules included).
    pub fn imm_name(&self, v: Value) -> &'static str {
        match v.imm_kind() {
            imm::TYPE => TypeId::from_index(v.payload())
                .map(|t| t.name())
                .unwrap_or("?"),
            imm::NATIVE => self
                .native_def_of(v.payload())
                .map(|d| d.name)
                .unwrap_or("?"),
            imm::MODULE => self.module_def_of(v).map(|m| m.name).unwrap_or("?"),
            _ => "?",
        }
    }
}

/// Sets the REPL's `_`.
pub fn set_underscore(vm: &mut Vm, v: Value) -> PyResult<()> {
    let mut d = vm.heap.root(root::BUILTINS);
    if d.is_null() {
        vm.push(v)?;
        let nd = vm.new_dict();
        vm.pop();
        d = nd?;
        vm.heap.set_root(root::BUILTINS, d);
    }
    let d = vm.heap.root(root::BUILTINS);
    vm.dict_set_str(d, "_", v)
}

impl Vm {
    /// Looks a name up in the builtins.
    pub fn load_builtin(&mut self, name: Value) -> PyResult<Option<Value>> {
        let d = self.heap.root(root::BUILTINS);
        if !d.is_null() {
            if let Some(v) = self.dict_get(d, name)? {
                return Ok(Some(v));
            }
        }
        let mut buf = [0; 4];
        let n = self.str_text(name, &mut buf);
        if n == "__name__" {
            // The builtins module's own name (seen by code run with bare globals).
            return self.new_str("builtins").map(Some);
        }
        Ok(lookup_static(n))
    }
}

/// Every name the builtins namespace defines (for completion), sorted.
pub fn builtin_names() -> alloc::vec::Vec<&'static str> {
    let mut v: alloc::vec::Vec<&'static str> = FUNCTIONS
        .iter()
        .map(|d| d.name)
        .chain(crate::builtins_more::FUNCTIONS.iter().map(|d| d.name))
        .chain(TYPE_NAMES.iter().map(|t| t.name()))
        .chain(
            TypeId::ALL
                .iter()
                .filter(|t| t.is_exception())
                .map(|t| t.name()),
        )
        .chain([
            "None",
            "True",
            "False",
            "Ellipsis",
            "NotImplemented",
            "open",
        ])
        .filter(|n| !n.starts_with("__"))
        .collect();
    v.sort_unstable();
    v
}

/// A builtin by name, from static tables only.
pub fn lookup_static(n: &str) -> Option<Value> {
    if let Some(i) = FUNCTIONS.iter().position(|d| d.name == n) {
        return Some(native_value(TABLE_BUILTINS, i as u32));
    }
    if let Some(v) = crate::builtins_more::lookup(n) {
        return Some(v);
    }
    if let Some(t) = TYPE_NAMES.iter().find(|t| t.name() == n) {
        return Some(Value::imm(imm::TYPE, *t as u32));
    }
    if let Some(t) = TypeId::ALL
        .iter()
        .find(|t| t.is_exception() && t.name() == n)
    {
        return Some(Value::imm(imm::TYPE, *t as u32));
    }
    match n {
        "None" => Some(Value::NONE),
        "True" => Some(Value::TRUE),
        "False" => Some(Value::FALSE),
        "Ellipsis" => Some(Value::ELLIPSIS),
        "NotImplemented" => Some(Value::NOT_IMPLEMENTED),
        "EnvironmentError" | "IOError" => Some(Value::imm(imm::TYPE, TypeId::OSError as u32)),
        // The same function as `io.open`.
        "open" => crate::modules::native_of("io", "open"),
        _ => None,
    }
}

fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.npos() < 2 {
        return Err(vm.raise_msg(TypeId::TypeError, "__build_class__: not enough arguments"));
    }
    let f = vm.slot(args.base);
    let name = vm.slot(args.base + 1);
    if !vm.is_function(f) || !vm.is_str(name) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "__build_class__: func must be a function",
        ));
    }
    let mut meta = vm.kwarg(args, "metaclass").unwrap_or(Value::NULL);
    if meta.is_null() {
        // Inherit a user metaclass from the bases.
        for i in 2..args.npos() {
            let t = vm.type_of(vm.slot(args.base + i));
            if vm.heap.kind(t) == kind::CLASS {
                meta = t;
                break;
            }
        }
    }
    vm.push(meta)?;
    let bases = vm.tuple_from_stack(args.base + 2, args.npos() - 2);
    let meta = vm.pop();
    let bases = bases?;
    let base = vm.sp();
    vm.push(bases)?;
    vm.push(meta)?;
    let ns = vm.new_dict()?;
    vm.push(ns)?;
    let f = vm.slot(args.base);
    let cell = vm.call_with_locals(f, ns)?;
    vm.push(cell)?;
    let (name, bases, ns, meta) = (
        vm.slot(args.base + 1),
        vm.slot(base),
        vm.slot(base + 2),
        vm.slot(base + 1),
    );
    let c = if !meta.is_null() && vm.heap.kind(meta) == kind::CLASS {
        // A user metaclass: call it like type(name, bases, ns).
        vm.call(meta, &[name, bases, ns])?
    } else {
        vm.new_class(name, bases, ns, meta)?
    };
    let cell = vm.slot(base + 3);
    if vm.heap.kind(cell) == kind::CELL {
        vm.heap.set(cell, 0, c);
    }
    vm.heap.truncate(base);
    // __set_name__ and __init_subclass__ hooks.
    vm.push(c)?;
    let r = crate::builtins_more::after_class_created(vm, c);
    let c = vm.pop();
    r.map(|_| c)
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "print", &["sep", "end", "file", "flush"])?;
    let sep = vm.kwarg(args, "sep").filter(|v| !v.is_none());
    let end = vm.kwarg(args, "end").filter(|v| !v.is_none());
    let file = vm.kwarg(args, "file").filter(|v| !v.is_none());
    for (v, what) in [(sep, "sep"), (end, "end")] {
        if let Some(v) = v {
            if !vm.is_str(v) {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "{} must be None or a string, not {}",
                    what,
                    vm.type_name(v, &mut buf)
                );
                return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
    }
    let mut b = vm.builder(32)?;
    let r = (|| {
        for i in 0..args.npos() {
            if i > 0 {
                match vm.kwarg(args, "sep").filter(|v| !v.is_none()) {
                    Some(s) => vm.builder_push_str(&mut b, s)?,
                    None => vm.builder_push(&mut b, " ")?,
                }
            }
            let v = vm.slot(args.base + i);
            vm.write_str(&mut b, v)?;
        }
        match vm.kwarg(args, "end").filter(|v| !v.is_none()) {
            Some(s) => vm.builder_push_str(&mut b, s),
            None => vm.builder_push(&mut b, "\n"),
        }
    })();
    if let Err(e) = r {
        vm.builder_drop(b);
        return Err(e);
    }
    let s = vm.builder_finish(b)?;
    match file {
        Some(f) => {
            vm.push(s)?;
            let w = vm.new_str("write");
            let f = vm.kwarg(args, "file").unwrap_or(f);
            let m = match w {
                Ok(w) => vm.getattr(f, w),
                Err(e) => Err(e),
            };
            let s = vm.pop();
            vm.call(m?, &[s])?;
        }
        None => {
            let mut buf = [0; 4];
            let bytes: alloc::vec::Vec<u8> = vm.str_bytes_buf(s, &mut buf).to_vec();
            vm.platform.write_out(&bytes);
        }
    }
    let _ = (sep, end);
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "len", 1, 1)?;
    let v = vm.slot(args.base);
    let n = vm.len(v)?;
    vm.new_int(n as i64)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "repr", 1, 1)?;
    let v = vm.slot(args.base);
    vm.repr(v)
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "ascii", 1, 1)?;
    let v = vm.slot(args.base);
    let r = vm.repr(v)?;
    crate::format::ascii_of(vm, r)
}

/// isinstance/issubclass with a class or a tuple of classes.
fn class_check(vm: &mut Vm, v: Value, c: Value, sub: bool, name: &str) -> PyResult<bool> {
    if vm.heap.kind(c) == kind::TUPLE {
        for i in 0..vm.tuple_len(c) {
            let x = vm.tuple_get(c, i);
            if class_check(vm, v, x, sub, name)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !vm.is_class(c) {
        let msg = if sub {
            "issubclass() arg 2 must be a class, a tuple of classes, or a union"
        } else {
            "isinstance() arg 2 must be a type, a tuple of types, or a union"
        };
        let _ = name;
        return Err(vm.raise_msg(TypeId::TypeError, msg));
    }
    if sub {
        if !vm.is_class(v) {
            return Err(vm.raise_msg(TypeId::TypeError, "issubclass() arg 1 must be a class"));
        }
        return Ok(vm.is_subclass(v, c));
    }
    Ok(vm.is_instance(v, c))
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "isinstance", 2, 2)?;
    let (v, c) = (vm.slot(args.base), vm.slot(args.base + 1));
    class_check(vm, v, c, false, "isinstance").map(Value::bool)
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "issubclass", 2, 2)?;
    let (v, c) = (vm.slot(args.base), vm.slot(args.base + 1));
    class_check(vm, v, c, true, "issubclass").map(Value::bool)
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "id", 1, 1)?;
    let v = vm.slot(args.base);
    let h = vm.identity_hash(v);
    vm.new_int(h as i64)
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "hash", 1, 1)?;
    let v = vm.slot(args.base);
    let h = vm.py_hash(v)?;
    vm.new_int(h)
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "iter", 1, 2)?;
    let v = vm.slot(args.base);
    if args.npos() == 2 {
        let is_callable = v.is_imm_of(imm::NATIVE)
            || v.is_imm_of(imm::TYPE)
            || matches!(
                vm.heap.kind(v),
                kind::FUNCTION | kind::CLASS | kind::METHOD | kind::NATIVE_METHOD
            )
            || vm.user_special(v, "__call__").is_some();
        if !is_callable {
            return Err(vm.raise_msg(TypeId::TypeError, "iter(v, w): v must be callable"));
        }
        let s = vm.slot(args.base + 1);
        return vm.new_iter(crate::objects::iter::T_CALLABLE, v, s, Value::NULL);
    }
    vm.get_iter(v)
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "next", 1, 2)?;
    let it = vm.slot(args.base);
    let is_iter = matches!(
        vm.heap.kind(it),
        kind::SEQ_ITER | kind::ITER | kind::GENERATOR
    ) || vm.user_special(it, "__next__").is_some();
    if !is_iter {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'{}' object is not an iterator",
            vm.type_name(it, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if vm.heap.kind(it) == kind::GENERATOR {
        match vm.gen_resume(it, Value::NONE, false)? {
            (crate::interp::GenExit::Yielded, v) => return Ok(v),
            (_, r) => {
                if args.npos() == 2 {
                    return Ok(vm.slot(args.base + 1));
                }
                return Err(if r.is_none() {
                    vm.raise_empty(TypeId::StopIteration)
                } else {
                    vm.raise_with_arg(TypeId::StopIteration, r)
                });
            }
        }
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None if args.npos() == 2 => Ok(vm.slot(args.base + 1)),
        None => Err(vm.raise_empty(TypeId::StopIteration)),
    }
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if !vm.is_str(v) {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "attribute name must be string, not '{}'",
            vm.type_name(v, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    Ok(v)
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "getattr", 2, 3)?;
    let (o, n) = (vm.slot(args.base), vm.slot(args.base + 1));
    let n = attr_name(vm, n)?;
    match vm.getattr(o, n) {
        Ok(v) => Ok(v),
        Err(e) => {
            let exc = vm.exception();
            if args.npos() == 3 && vm.exc_matches(exc, TypeId::AttributeError) {
                vm.take_exception();
                Ok(vm.slot(args.base + 2))
            } else {
                Err(e)
            }
        }
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "setattr", 3, 3)?;
    let (o, n, v) = (
        vm.slot(args.base),
        vm.slot(args.base + 1),
        vm.slot(args.base + 2),
    );
    let n = attr_name(vm, n)?;
    vm.setattr(o, n, v)?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "hasattr", 2, 2)?;
    let (o, n) = (vm.slot(args.base), vm.slot(args.base + 1));
    let n = attr_name(vm, n)?;
    match vm.getattr(o, n) {
        Ok(_) => Ok(Value::TRUE),
        Err(e) => {
            let exc = vm.exception();
            if vm.exc_matches(exc, TypeId::AttributeError) {
                vm.take_exception();
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "delattr", 2, 2)?;
    let (o, n) = (vm.slot(args.base), vm.slot(args.base + 1));
    let n = attr_name(vm, n)?;
    vm.delattr(o, n)?;
    Ok(Value::NONE)
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "callable", 1, 1)?;
    let v = vm.slot(args.base);
    let c = v.is_imm_of(imm::NATIVE)
        || v.is_imm_of(imm::TYPE)
        || matches!(
            vm.heap.kind(v),
            kind::FUNCTION | kind::CLASS | kind::METHOD | kind::NATIVE_METHOD
        )
        || vm.user_special(v, "__call__").is_some();
    Ok(Value::bool(c))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "abs", 1, 1)?;
    let v = vm.slot(args.base);
    if let Some(i) = vm.int_to_i64(v) {
        if i >= 0 {
            return vm.new_int(i);
        }
        return vm.unary_op(
            fzpy_bytecode::Op::UNARY_NEGATIVE,
            Value::small(i).unwrap_or(v),
        );
    }
    if vm.is_float(v) {
        let f = vm.float_value(v);
        return vm.new_float(f.abs());
    }
    if vm.heap.kind(v) == kind::BIGINT {
        let (neg, _) = vm.bigint_parts(v);
        return if neg {
            vm.unary_op(fzpy_bytecode::Op::UNARY_NEGATIVE, v)
        } else {
            Ok(v)
        };
    }
    if let Some(m) = vm.user_special(v, "__abs__") {
        return vm.call(m, &[v]);
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "bad operand type for abs(): '{}'",
        vm.type_name(v, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "globals", 0, 0)?;
    Ok(vm.globals())
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "locals", 0, 0)?;
    vm.frame_locals()
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "chr", 1, 1)?;
    let v = vm.slot(args.base);
    let i = vm.index_value(v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::char(c)),
        None if (0xd800..0xe000).contains(&i) => Ok(Value::char('\u{fffd}')),
        None => Err(vm.raise_msg(TypeId::ValueError, "chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "ord", 1, 1)?;
    let v = vm.slot(args.base);
    if v.is_imm_of(imm::CHAR) && v != Value::EMPTY_STR {
        return Ok(Value::int(v.payload() as i32));
    }
    if vm.is_bytes_like(v) {
        let d = vm.bytes_like_data(v);
        if d.len() == 1 {
            return Ok(Value::int(d[0] as i32));
        }
        let n = d.len();
        let mut m = Msg::new();
        let _ = write!(
            m,
            "ord() expected a character, but string of length {n} found"
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if vm.is_str(v) {
        let n = vm.str_len(v);
        let mut m = Msg::new();
        let _ = write!(
            m,
            "ord() expected a character, but string of length {n} found"
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "ord() expected string of length 1, but {} found",
        vm.type_name(v, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "format", 1, 2)?;
    let v = vm.slot(args.base);
    let spec = if args.npos() == 2 {
        vm.slot(args.base + 1)
    } else {
        Value::EMPTY_STR
    };
    crate::format::format(vm, v, spec)
}

fn import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__import__", 1, 5)?;
    let name = vm.slot(args.base);
    vm.import_name(name, Value::NONE, Value::int(0))
}
