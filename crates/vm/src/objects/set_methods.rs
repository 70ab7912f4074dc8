//! The methods of set and frozenset, and the set operators `| & - ^`
//! (also on dict keys and items views).
//!
//! Helpers work on stack slots: a slot holds a set, frozenset, dict, dict
//! view, subclass instance or any iterable, and is re-read after every call
//! that may allocate or run Python code. Tables (sets, frozensets, dicts and
//! keys views) are walked entry by entry with their stored hashes, so keys
//! are never hashed twice.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::BinOp;

/// Methods of set.
pub static SET_METHODS: &[NativeDef] = &[
    def("add", add),
    def("remove", remove),
    def("discard", discard),
    def("pop", pop),
    def("clear", clear),
    def("copy", copy),
    def("update", update),
    def("union", union),
    def("intersection", intersection),
    def("difference", difference),
    def("symmetric_difference", symmetric_difference),
    def("intersection_update", intersection_update),
    def("difference_update", difference_update),
    def("symmetric_difference_update", symmetric_difference_update),
    def("issubset", issubset),
    def("issuperset", issuperset),
    def("isdisjoint", isdisjoint),
    def("__contains__", contains),
    def("__len__", len),
    def("__iter__", iter),
];

/// Methods of frozenset.
pub static FROZENSET_METHODS: &[NativeDef] = &[
    def("copy", copy),
    def("union", union),
    def("intersection", intersection),
    def("difference", difference),
    def("symmetric_difference", symmetric_difference),
    def("issubset", issubset),
    def("issuperset", issuperset),
    def("isdisjoint", isdisjoint),
    def("__contains__", contains),
    def("__len__", len),
    def("__iter__", iter),
];

// ---- tables in slots ------------------------------------------------------------

/// The hash table behind `v`: a set, frozenset or dict (or such a subclass
/// instance's base value), or the dict of a keys view.
fn table_of(vm: &Vm, v: Value) -> Option<Value> {
    let v = vm.unwrap_base(v);
    match vm.heap.kind(v) {
        kind::SET | kind::FROZENSET | kind::DICT => Some(v),
        kind::DICT_VIEW if vm.heap.get(v, 1).small_value() == 0 => Some(vm.heap.get(v, 0)),
        _ => None,
    }
}

/// The table in slot `s` (which must hold one).
fn tbl(vm: &Vm, s: usize) -> Value {
    let v = vm.slot(s);
    table_of(vm, v).unwrap_or(v)
}

/// Calls `f(vm, item, hash)` for every item of the iterable in slot `src`
/// until it returns false; tables pass their stored hashes.
fn each(
    vm: &mut Vm,
    src: usize,
    mut f: impl FnMut(&mut Vm, Value, Option<u32>) -> PyResult<bool>,
) -> PyResult<()> {
    if table_of(vm, vm.slot(src)).is_some() {
        let mut i = 0;
        loop {
            let t = tbl(vm, src);
            if i >= vm.dict_used(t) {
                return Ok(());
            }
            if let Some((k, h)) = vm.table_entry_hash(t, i) {
                if !f(vm, k, Some(h))? {
                    return Ok(());
                }
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
            Ok(Some(v)) => match f(vm, v, None) {
                Ok(true) => {}
                Ok(false) => break Ok(()),
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.heap.truncate(base);
    r
}

/// Adds every item of slot `src` to the table in slot `dst`.
fn add_all(vm: &mut Vm, dst: usize, src: usize) -> PyResult<()> {
    each(vm, src, |vm, x, h| {
        let d = tbl(vm, dst);
        vm.table_insert(d, x, Value::NULL, h)?;
        Ok(true)
    })
}

/// Removes every item of slot `src` from the table in slot `dst`.
fn discard_all(vm: &mut Vm, dst: usize, src: usize) -> PyResult<()> {
    if same_table(vm, dst, src) {
        let d = tbl(vm, dst);
        vm.dict_clear(d);
        return Ok(());
    }
    each(vm, src, |vm, x, h| {
        let d = tbl(vm, dst);
        if let Some(i) = vm.table_find_hashed(d, x, h)? {
            let d = tbl(vm, dst);
            vm.table_remove_at(d, i);
        }
        Ok(true)
    })
}

/// Adds to the table in slot `out` the items of table `src` that are
/// (`want_in`) or are not in table `other`.
fn filter(vm: &mut Vm, src: usize, other: usize, want_in: bool, out: usize) -> PyResult<()> {
    each(vm, src, |vm, x, h| {
        vm.push(x)?;
        let o = tbl(vm, other);
        let found = vm.table_find_hashed(o, x, h);
        let x = vm.pop();
        if found?.is_some() == want_in {
            let d = tbl(vm, out);
            vm.table_insert(d, x, Value::NULL, h)?;
        }
        Ok(true)
    })
}

/// Toggles the membership of every item of table `src` in table `dst`.
fn toggle_all(vm: &mut Vm, dst: usize, src: usize) -> PyResult<()> {
    if same_table(vm, dst, src) {
        let d = tbl(vm, dst);
        vm.dict_clear(d);
        return Ok(());
    }
    each(vm, src, |vm, x, h| {
        vm.push(x)?;
        let d = tbl(vm, dst);
        let found = vm.table_find_hashed(d, x, h);
        let x = vm.pop();
        let d = tbl(vm, dst);
        match found? {
            Some(i) => {
                vm.table_remove_at(d, i);
            }
            None => vm.table_insert(d, x, Value::NULL, h)?,
        }
        Ok(true)
    })
}

/// Whether the items of table `a` are all in table `b`.
fn all_in(vm: &mut Vm, a: usize, b: usize) -> PyResult<bool> {
    let mut all = true;
    each(vm, a, |vm, x, h| {
        let t = tbl(vm, b);
        all = vm.table_find_hashed(t, x, h)?.is_some();
        Ok(all)
    })?;
    Ok(all)
}

fn same_table(vm: &Vm, a: usize, b: usize) -> bool {
    let (x, y) = (vm.slot(a), vm.slot(b));
    table_of(vm, x).is_some() && table_of(vm, x) == table_of(vm, y)
}

/// Makes slot `s` hold a table: an iterable that is not one becomes a set.
fn make_table(vm: &mut Vm, s: usize) -> PyResult<()> {
    if table_of(vm, vm.slot(s)).is_some() {
        return Ok(());
    }
    let t = vm.new_table(kind::SET, 0)?;
    vm.push(t)?;
    let r = add_all(vm, vm.sp() - 1, s);
    let t = vm.pop();
    r?;
    vm.set_slot(s, t);
    Ok(())
}

/// Gives table `dst` the contents of table `src` (which is dropped).
fn take_contents(vm: &mut Vm, dst: Value, src: Value) {
    for i in 0..4 {
        let x = vm.heap.get(src, i);
        vm.heap.set(dst, i, x);
    }
}

// ---- constructors and operators -------------------------------------------------

fn build(vm: &mut Vm, args: Args, k: u8, name: &str) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name}() takes no keyword arguments"),
        ));
    }
    vm.check_args(args, name, 0, 1)?;
    if args.npos() == 0 {
        return vm.new_table(k, 0);
    }
    let src = vm.slot(args.base);
    if k == kind::FROZENSET && vm.heap.kind(src) == kind::FROZENSET {
        return Ok(src);
    }
    if let Some(t) = table_of(vm, src) {
        if vm.is_anyset(t) {
            return vm.table_copy(t, k);
        }
    }
    let s = vm.new_table(k, 0)?;
    vm.push(s)?;
    let r = add_all(vm, vm.sp() - 1, args.base);
    let s = vm.pop();
    r.map(|_| s)
}

/// `set(iterable=())`
pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    build(vm, args, kind::SET, "set")
}

/// `frozenset(iterable=())`
pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    build(vm, args, kind::FROZENSET, "frozenset")
}

/// Whether `v` is a dict keys or items view (those support set operators).
fn is_setlike_view(vm: &Vm, v: Value) -> bool {
    vm.heap.kind(v) == kind::DICT_VIEW && vm.heap.get(v, 1).small_value() != 1
}

/// `a OP b` for `| & - ^` when one side is a set-like dict view or both
/// are sets/frozensets; None when these operands are not for sets.
pub fn set_like_binop(
    vm: &mut Vm,
    op: BinOp,
    a: Value,
    b: Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return Ok(None);
    }
    let sets = vm.is_anyset(a) && vm.is_anyset(b);
    if sets || is_setlike_view(vm, a) || is_setlike_view(vm, b) {
        return set_binop(vm, op, a, b, inplace).map(Some);
    }
    Ok(None)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets (and with `inplace`, the
/// augmented forms, which update a set `a` in place). Either side may also
/// be a dict view or, opposite a view, any iterable: the result is then a set.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let base = vm.sp();
    vm.push_many(&[a, b])?;
    let r = binop_rooted(vm, op, base, inplace);
    vm.heap.truncate(base);
    r
}

fn binop_rooted(vm: &mut Vm, op: BinOp, base: usize, inplace: bool) -> PyResult<Value> {
    let (a, b) = (vm.slot(base), vm.slot(base + 1));
    let k = if vm.is_anyset(a) && vm.is_anyset(b) {
        vm.heap.kind(a)
    } else {
        kind::SET
    };
    let in_place = inplace && vm.heap.kind(a) == kind::SET;
    make_table(vm, base)?;
    make_table(vm, base + 1)?;
    let out = base + 2;
    match op {
        BinOp::Or | BinOp::Xor => {
            let t = if in_place {
                vm.slot(base)
            } else {
                vm.table_copy(tbl(vm, base), k)?
            };
            vm.push(t)?;
            if op == BinOp::Or {
                add_all(vm, out, base + 1)?;
            } else {
                toggle_all(vm, out, base + 1)?;
            }
        }
        BinOp::Sub if in_place => {
            discard_all(vm, base, base + 1)?;
            vm.push(vm.slot(base))?;
        }
        _ => {
            let t = vm.new_table(k, 0)?;
            vm.push(t)?;
            filter(vm, base, base + 1, op == BinOp::And, out)?;
            if in_place {
                let (a, t) = (vm.slot(base), vm.slot(out));
                take_contents(vm, a, t);
                vm.set_slot(out, a);
            }
        }
    }
    Ok(vm.slot(out))
}

// ---- methods ------------------------------------------------------------------

/// Checks the receiver of a method call: a set (`mutating`) or any set.
fn recv(vm: &mut Vm, args: Args, name: &str, mutating: bool) -> PyResult<()> {
    if args.npos() == 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("unbound method set.{name}() needs an argument"),
        ));
    }
    let s = vm.unwrap_base(vm.slot(args.base));
    let ok = if mutating {
        vm.heap.kind(s) == kind::SET
    } else {
        vm.is_anyset(s)
    };
    if !ok {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            vm.type_name(s, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if args.nkw > 0 {
        let t = type_name_of(vm, s);
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{t}.{name}() takes no keyword arguments"),
        ));
    }
    Ok(())
}

fn type_name_of(vm: &Vm, s: Value) -> &'static str {
    if vm.heap.kind(s) == kind::SET {
        "set"
    } else {
        "frozenset"
    }
}

/// Receiver check plus an exact positional count (after self).
fn recv_n(vm: &mut Vm, args: Args, name: &str, mutating: bool, n: usize) -> PyResult<()> {
    recv(vm, args, name, mutating)?;
    let s = vm.unwrap_base(vm.slot(args.base));
    let t = type_name_of(vm, s);
    let mut full = Msg::new();
    let _ = write!(full, "{t}.{name}");
    vm.check_args(args.skip1(), full.as_str(), n, n)
}

/// Finds `key` (slot `k`) in the set of slot `s`; a set key is looked up
/// as a frozenset, as CPython does.
fn find_key(vm: &mut Vm, s: usize, k: usize) -> PyResult<Option<usize>> {
    let key = vm.slot(k);
    if vm.heap.kind(key) == kind::SET {
        let f = vm.table_copy(key, kind::FROZENSET)?;
        let t = tbl(vm, s);
        return vm.table_find(t, f);
    }
    let t = tbl(vm, s);
    vm.table_find(t, key)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "add", true, 1)?;
    let (s, x) = (tbl(vm, args.base), vm.slot(args.base + 1));
    vm.set_add(s, x)?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "remove", true, 1)?;
    match find_key(vm, args.base, args.base + 1)? {
        Some(i) => {
            let s = tbl(vm, args.base);
            vm.table_remove_at(s, i);
            Ok(Value::NONE)
        }
        None => {
            let key = vm.slot(args.base + 1);
            Err(vm.raise_with_arg(TypeId::KeyError, key))
        }
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "discard", true, 1)?;
    if let Some(i) = find_key(vm, args.base, args.base + 1)? {
        let s = tbl(vm, args.base);
        vm.table_remove_at(s, i);
    }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "pop", true, 0)?;
    let s = tbl(vm, args.base);
    let first = (0..vm.dict_used(s)).find_map(|i| vm.table_entry_hash(s, i).map(|(k, _)| (i, k)));
    let Some((i, k)) = first else {
        return Err(vm.raise_msg(TypeId::KeyError, "pop from an empty set"));
    };
    vm.table_remove_at(s, i);
    // Popping from the front leaves dead entries there: squeeze them out
    // once they outnumber the live ones (in place, amortised O(1)).
    if vm.dict_used(s) - vm.dict_len(s) > vm.dict_len(s) {
        vm.table_compact(s);
    }
    Ok(k)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "clear", true, 0)?;
    let s = tbl(vm, args.base);
    vm.dict_clear(s);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "copy", false, 0)?;
    let this = vm.slot(args.base);
    if vm.heap.kind(this) == kind::FROZENSET {
        return Ok(this);
    }
    let s = tbl(vm, args.base);
    vm.table_copy(s, vm.heap.kind(s))
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "update", true)?;
    for i in 1..args.npos() {
        add_all(vm, args.base, args.base + i)?;
    }
    Ok(Value::NONE)
}

fn union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "union", false)?;
    let s = tbl(vm, args.base);
    let out = vm.table_copy(s, vm.heap.kind(s))?;
    vm.push(out)?;
    let slot = vm.sp() - 1;
    for i in 1..args.npos() {
        add_all(vm, slot, args.base + i)?;
    }
    Ok(vm.pop())
}

/// The intersection of the receiver with every other argument, as a new
/// table of the receiver's kind.
fn intersect_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = tbl(vm, args.base);
    let k = vm.heap.kind(s);
    if args.npos() == 1 {
        return vm.table_copy(s, k);
    }
    let base = vm.sp();
    vm.push(s)?;
    vm.push(Value::NULL)?;
    for i in 1..args.npos() {
        vm.set_slot(base + 1, vm.slot(args.base + i));
        make_table(vm, base + 1)?;
        let t = vm.new_table(k, 0)?;
        vm.push(t)?;
        filter(vm, base, base + 1, true, base + 2)?;
        let t = vm.pop();
        vm.set_slot(base, t);
    }
    let r = vm.slot(base);
    vm.heap.truncate(base);
    Ok(r)
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "intersection", false)?;
    intersect_all(vm, args)
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "intersection_update", true)?;
    let t = intersect_all(vm, args)?;
    let s = tbl(vm, args.base);
    take_contents(vm, s, t);
    Ok(Value::NONE)
}

fn difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "difference", false)?;
    let s = tbl(vm, args.base);
    let out = vm.table_copy(s, vm.heap.kind(s))?;
    vm.push(out)?;
    let slot = vm.sp() - 1;
    for i in 1..args.npos() {
        if same_table(vm, args.base, args.base + i) {
            let o = vm.slot(slot);
            vm.dict_clear(o);
        } else {
            discard_all(vm, slot, args.base + i)?;
        }
    }
    Ok(vm.pop())
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "difference_update", true)?;
    for i in 1..args.npos() {
        discard_all(vm, args.base, args.base + i)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "symmetric_difference", false, 1)?;
    let s = tbl(vm, args.base);
    let out = vm.table_copy(s, vm.heap.kind(s))?;
    let base = vm.sp();
    vm.push(out)?;
    vm.push(vm.slot(args.base + 1))?;
    let r = if same_table(vm, args.base, base + 1) {
        let o = vm.slot(base);
        vm.dict_clear(o);
        Ok(())
    } else {
        make_table(vm, base + 1).and_then(|_| toggle_all(vm, base, base + 1))
    };
    let out = vm.slot(base);
    vm.heap.truncate(base);
    r.map(|_| out)
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "symmetric_difference_update", true, 1)?;
    let base = vm.sp();
    vm.push(vm.slot(args.base + 1))?;
    let r = make_table(vm, base).and_then(|_| toggle_all(vm, args.base, base));
    vm.heap.truncate(base);
    r.map(|_| Value::NONE)
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "issubset", false, 1)?;
    let base = vm.sp();
    vm.push(vm.slot(args.base + 1))?;
    let r = make_table(vm, base).and_then(|_| {
        let (s, o) = (tbl(vm, args.base), tbl(vm, base));
        if vm.dict_len(s) > vm.dict_len(o) {
            return Ok(false);
        }
        all_in(vm, args.base, base)
    });
    vm.heap.truncate(base);
    r.map(Value::bool)
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "issuperset", false, 1)?;
    if let Some(o) = table_of(vm, vm.slot(args.base + 1)) {
        if vm.dict_len(o) > vm.dict_len(tbl(vm, args.base)) {
            return Ok(Value::FALSE);
        }
    }
    all_in(vm, args.base + 1, args.base).map(Value::bool)
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "isdisjoint", false, 1)?;
    let this = args.base;
    let mut disjoint = true;
    each(vm, args.base + 1, |vm, x, h| {
        let s = tbl(vm, this);
        disjoint = vm.table_find_hashed(s, x, h)?.is_none();
        Ok(disjoint)
    })?;
    Ok(Value::bool(disjoint))
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__contains__", false, 1)?;
    Ok(Value::bool(
        find_key(vm, args.base, args.base + 1)?.is_some(),
    ))
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__len__", false, 0)?;
    Ok(Value::from_usize(vm.dict_len(tbl(vm, args.base))))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, "__iter__", false, 0)?;
    let s = tbl(vm, args.base);
    vm.get_iter(s)
}
