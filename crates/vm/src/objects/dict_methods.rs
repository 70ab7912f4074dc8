//! The methods of dict and of its views.
//!
//! A view is a DICT_VIEW object `[dict][which]` (0 keys, 1 values, 2 items)
//! that reads the dict live. Keys and items views are set-like: the set
//! operators on them are in `set_methods.rs` ([`set_like_binop`]).
//!
//! [`set_like_binop`]: crate::objects::set_methods::set_like_binop

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::BinOp;

/// Methods of dict.
pub static METHODS: &[NativeDef] = &[
    def("keys", keys),
    def("values", values),
    def("items", items),
    def("get", get),
    def("setdefault", setdefault),
    def("pop", pop),
    def("popitem", popitem),
    def("update", update),
    def("clear", clear),
    def("copy", copy),
    def("fromkeys", fromkeys),
    def("__getitem__", getitem),
    def("__setitem__", setitem),
    def("__delitem__", delitem),
    def("__contains__", contains),
    def("__len__", len),
    def("__iter__", iter),
    def("__reversed__", reversed),
];

/// Methods of dict views.
pub static VIEW_METHODS: &[NativeDef] = &[
    def("__len__", view_len),
    def("__iter__", view_iter),
    def("__contains__", view_contains),
    def("isdisjoint", view_isdisjoint),
    def("__and__", view_and),
    def("__or__", view_or),
    def("__sub__", view_sub),
    def("__xor__", view_xor),
    def("__rand__", view_rand),
    def("__ror__", view_ror),
    def("__rsub__", view_rsub),
    def("__rxor__", view_rxor),
];

/// The type of a dict view (`[dict][which]`: 0 keys, 1 values, 2 items).
pub fn view_type(vm: &Vm, v: Value) -> TypeId {
    match vm.heap.get(v, 1).small_value() {
        0 => TypeId::DictKeys,
        1 => TypeId::DictValues,
        _ => TypeId::DictItems,
    }
}

/// Copies every item of dict `src` into `dst`.
pub fn dict_update_from(vm: &mut Vm, dst: Value, src: Value) -> PyResult<()> {
    vm.dict_merge(dst, src, false, Value::NULL)
}

/// Adds the keyword arguments of a call to the dict in slot `d`.
fn add_kwargs(vm: &mut Vm, d: usize, args: Args) -> PyResult<()> {
    for k in 0..args.nkw {
        let name = vm.kwname(args, k);
        let v = vm.slot(args.base + args.npos() + k);
        let d = vm.unwrap_base(vm.slot(d));
        vm.dict_set(d, name, v)?;
    }
    Ok(())
}

/// `dict(mapping_or_iterable=(), **kwargs)`
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.npos() > 1 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("dict expected at most 1 argument, got {}", args.npos()),
        ));
    }
    let d = vm.new_dict()?;
    let base = vm.sp();
    vm.push(d)?;
    let mut r = Ok(());
    if args.npos() == 1 {
        let (d, src) = (vm.slot(base), vm.slot(args.base));
        r = vm.dict_merge(d, src, false, Value::NULL);
    }
    if r.is_ok() {
        r = add_kwargs(vm, base, args);
    }
    let d = vm.slot(base);
    vm.heap.truncate(base);
    r.map(|_| d)
}

// ---- receivers --------------------------------------------------------------------

/// Checks that a method got a dict (or dict subclass instance) as self
/// and, unless it takes them, no keyword arguments.
fn recv(vm: &mut Vm, args: Args, name: &str, kwargs: bool) -> PyResult<()> {
    if args.npos() == 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("unbound method dict.{name}() needs an argument"),
        ));
    }
    let d = this(vm, args);
    if vm.heap.kind(d) != kind::DICT {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(d, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if args.nkw > 0 && !kwargs {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("dict.{name}() takes no keyword arguments"),
        ));
    }
    Ok(())
}

/// Receiver check plus CPython's `dict.name() takes ...` count check.
fn recv_n(vm: &mut Vm, args: Args, name: &str, n: usize) -> PyResult<()> {
    recv(vm, args, name, false)?;
    let mut full = Msg::new();
    let _ = write!(full, "dict.{name}");
    vm.check_args(args.skip1(), full.as_str(), n, n)
}

/// The dict a method works on (re-read it after allocations).
fn this(vm: &Vm, args: Args) -> Value {
    vm.unwrap_base(vm.slot(args.base))
}

/// Argument `i` after self.
fn arg(vm: &Vm, args: Args, i: usize) -> Value {
    vm.slot(args.base + 1 + i)
}

// ---- dict methods -----------------------------------------------------------------

fn new_view(vm: &mut Vm, d: Value, which: i32) -> PyResult<Value> {
    vm.push(d)?;
    let v = vm.alloc(kind::DICT_VIEW, 2);
    let d = vm.pop();
    let v = v?;
    vm.heap.set(v, 0, d);
    vm.heap.set(v, 1, Value::int(which));
    Ok(v)
}

fn keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "keys", 0)?;
    new_view(vm, this(vm, args), 0)
}

fn values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "values", 0)?;
    new_view(vm, this(vm, args), 1)
}

fn items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "items", 0)?;
    new_view(vm, this(vm, args), 2)
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "get", false)?;
    vm.check_args(args.skip1(), "get", 1, 2)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    match vm.dict_get(d, k)? {
        Some(v) => Ok(v),
        None if args.npos() == 3 => Ok(arg(vm, args, 1)),
        None => Ok(Value::NONE),
    }
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "setdefault", false)?;
    vm.check_args(args.skip1(), "setdefault", 1, 2)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    if let Some(i) = vm.table_find(d, k)? {
        let d = this(vm, args);
        if let Some((_, v)) = vm.dict_entry(d, i) {
            return Ok(v);
        }
    }
    let v = if args.npos() == 3 {
        arg(vm, args, 1)
    } else {
        Value::NONE
    };
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    vm.dict_set(d, k, v)?;
    Ok(if args.npos() == 3 {
        arg(vm, args, 1)
    } else {
        Value::NONE
    })
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "pop", false)?;
    vm.check_args(args.skip1(), "pop", 1, 2)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    match vm.dict_remove(d, k)? {
        Some(v) => Ok(v),
        None if args.npos() == 3 => Ok(arg(vm, args, 1)),
        None => {
            let k = arg(vm, args, 0);
            Err(vm.raise_with_arg(TypeId::KeyError, k))
        }
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "popitem", 0)?;
    if vm.dict_len(this(vm, args)) == 0 {
        return Err(vm.raise_msg(TypeId::KeyError, "popitem(): dictionary is empty"));
    }
    let t = vm.new_tuple(2)?;
    let d = this(vm, args);
    // The last entry is live unless code outside this file left dead ones.
    let mut i = vm.dict_used(d);
    let (k, v) = loop {
        i -= 1;
        if let Some(e) = vm.dict_entry(d, i) {
            break e;
        }
    };
    vm.heap.set(t, 0, k);
    vm.heap.set(t, 1, v);
    vm.table_remove_at(d, i);
    Ok(t)
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "update", true)?;
    vm.check_args(args.skip1(), "update", 0, 1)?;
    if args.npos() == 2 {
        let (d, src) = (this(vm, args), arg(vm, args, 0));
        vm.dict_merge(d, src, false, Value::NULL)?;
    }
    add_kwargs(vm, args.base, args)?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "clear", 0)?;
    let d = this(vm, args);
    vm.dict_clear(d);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "copy", 0)?;
    vm.table_copy(this(vm, args), kind::DICT)
}

/// `dict.fromkeys(iterable, value=None)`. Called on the type the native
/// gets `(iterable[, value])`; called on a dict, `(d, iterable[, value])`.
/// Two arguments with a dict first are taken as the second form.
fn fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_msg(TypeId::TypeError, "fromkeys() takes no keyword arguments"));
    }
    let n = args.npos();
    let first_is_dict = n > 0 && vm.heap.kind(vm.unwrap_base(vm.slot(args.base))) == kind::DICT;
    let a = if n == 3 || (n == 2 && first_is_dict) {
        args.skip1()
    } else {
        args
    };
    vm.check_args(a, "fromkeys", 1, 2)?;
    let d = vm.new_dict()?;
    let base = vm.sp();
    vm.push(d)?;
    let value = if a.npos() == 2 {
        a.base + 1
    } else {
        vm.push(Value::NONE)?;
        base + 1
    };
    let r = for_each_key(vm, a.base, |vm, k, h| {
        let (d, v) = (vm.slot(base), vm.slot(value));
        vm.table_insert(d, k, v, h)
    });
    let d = vm.slot(base);
    vm.heap.truncate(base);
    r.map(|_| d)
}

/// Calls `f(vm, key, hash)` for every item of the iterable in slot `src`
/// (tables give their stored hashes).
fn for_each_key(
    vm: &mut Vm,
    src: usize,
    mut f: impl FnMut(&mut Vm, Value, Option<u32>) -> PyResult<()>,
) -> PyResult<()> {
    let t = vm.unwrap_base(vm.slot(src));
    if matches!(vm.heap.kind(t), kind::DICT | kind::SET | kind::FROZENSET) {
        let mut i = 0;
        loop {
            let t = vm.unwrap_base(vm.slot(src));
            if i >= vm.dict_used(t) {
                return Ok(());
            }
            if let Some((k, h)) = vm.table_entry_hash(t, i) {
                f(vm, k, Some(h))?;
            }
            i += 1;
        }
    }
    let base = vm.sp();
    let it = vm.get_iter(vm.slot(src))?;
    vm.push(it)?;
    let r = loop {
        let it = vm.slot(base);
        match vm.iter_next(it) {
            Ok(Some(k)) => {
                if let Err(e) = f(vm, k, None) {
                    break Err(e);
                }
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.heap.truncate(base);
    r
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "__getitem__", false)?;
    vm.check_args(args.skip1(), "dict.__getitem__", 1, 1)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    if let Some(v) = vm.dict_get(d, k)? {
        return Ok(v);
    }
    let (s, k) = (vm.slot(args.base), arg(vm, args, 0));
    if let Some(m) = vm.user_special(s, "__missing__") {
        return vm.call(m, &[s, k]);
    }
    Err(vm.raise_with_arg(TypeId::KeyError, k))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "__setitem__", false)?;
    vm.check_args(args.skip1(), "__setitem__", 2, 2)?;
    let (d, k, v) = (this(vm, args), arg(vm, args, 0), arg(vm, args, 1));
    vm.dict_set(d, k, v)?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "__delitem__", false)?;
    vm.check_args(args.skip1(), "dict.__delitem__", 1, 1)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    match vm.dict_remove(d, k)? {
        Some(_) => Ok(Value::NONE),
        None => {
            let k = arg(vm, args, 0);
            Err(vm.raise_with_arg(TypeId::KeyError, k))
        }
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "__contains__", false)?;
    vm.check_args(args.skip1(), "dict.__contains__", 1, 1)?;
    let (d, k) = (this(vm, args), arg(vm, args, 0));
    Ok(Value::bool(vm.table_find(d, k)?.is_some()))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__len__", 0)?;
    Ok(Value::from_usize(vm.dict_len(this(vm, args))))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__iter__", 0)?;
    vm.get_iter(this(vm, args))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__reversed__", 0)?;
    let l = vm.list_from_iter(this(vm, args))?;
    let n = vm.list_len(l) as i32;
    vm.new_iter(
        crate::objects::iter::T_REVERSED,
        l,
        Value::int(n - 1),
        Value::NULL,
    )
}

// ---- views ------------------------------------------------------------------------

fn view_recv(vm: &mut Vm, args: Args, name: &str, n: usize) -> PyResult<Value> {
    let v = if args.npos() > 0 {
        vm.slot(args.base)
    } else {
        Value::NONE
    };
    if vm.heap.kind(v) != kind::DICT_VIEW {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "descriptor '{name}' for 'dict_keys' objects doesn't apply to a '{}' object",
            vm.type_name(v, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    vm.check_args(args.skip1(), name, n, n)?;
    Ok(v)
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = view_recv(vm, args, "__len__", 0)?;
    Ok(Value::from_usize(vm.dict_len(vm.heap.get(v, 0))))
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = view_recv(vm, args, "__iter__", 0)?;
    vm.get_iter(v)
}

/// Whether the view in slot `view` contains `x`.
fn view_has(vm: &mut Vm, view: usize, x: Value) -> PyResult<bool> {
    let v = vm.slot(view);
    match vm.heap.get(v, 1).small_value() {
        0 => Ok(vm.table_find(vm.heap.get(v, 0), x)?.is_some()),
        2 => {
            if vm.heap.kind(x) != kind::TUPLE || vm.tuple_len(x) != 2 {
                return Ok(false);
            }
            let base = vm.sp();
            vm.push(x)?;
            let (d, x) = (vm.heap.get(vm.slot(view), 0), vm.slot(base));
            let r = vm.dict_get(d, vm.tuple_get(x, 0));
            let r = match r {
                Ok(Some(have)) => {
                    let want = vm.tuple_get(vm.slot(base), 1);
                    if have == want {
                        Ok(true)
                    } else {
                        vm.eq(have, want)
                    }
                }
                Ok(None) => Ok(false),
                Err(e) => Err(e),
            };
            vm.heap.truncate(base);
            r
        }
        _ => vm.contains(v, x),
    }
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_recv(vm, args, "__contains__", 1)?;
    let x = vm.slot(args.base + 1);
    view_has(vm, args.base, x).map(Value::bool)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_recv(vm, args, "isdisjoint", 1)?;
    let view = args.base;
    let mut disjoint = true;
    let base = vm.sp();
    let it = vm.get_iter(vm.slot(args.base + 1))?;
    vm.push(it)?;
    let r = loop {
        let it = vm.slot(base);
        match vm.iter_next(it) {
            Ok(Some(x)) => match view_has(vm, view, x) {
                Ok(true) => {
                    disjoint = false;
                    break Ok(());
                }
                Ok(false) => {}
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.heap.truncate(base);
    r.map(|_| Value::bool(disjoint))
}

fn view_binop(vm: &mut Vm, args: Args, op: BinOp, swap: bool) -> PyResult<Value> {
    view_recv(vm, args, op.dunder(), 1)?;
    let (mut a, mut b) = (vm.slot(args.base), vm.slot(args.base + 1));
    if swap {
        core::mem::swap(&mut a, &mut b);
    }
    Ok(
        crate::objects::set_methods::set_like_binop(vm, op, a, b, false)?
            .unwrap_or(Value::NOT_IMPLEMENTED),
    )
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::And, false)
}

fn view_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Or, false)
}

fn view_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Sub, false)
}

fn view_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Xor, false)
}

fn view_rand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::And, true)
}

fn view_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Or, true)
}

fn view_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Sub, true)
}

fn view_rxor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, args, BinOp::Xor, true)
}
