//! The methods of list and tuple, `list.sort`, and the list slice and
//! repetition helpers the interpreter uses.
//!
//! Everything works in the heap: lists and arrays are re-read from stack
//! slots after every call that may allocate or run Python code, and item
//! moves are word copies inside the heap (no Rust buffers).

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::objects::list::{ITEMS, LEN};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::CmpOp;

/// Methods of list.
pub static LIST_METHODS: &[NativeDef] = &[
    def("append", append),
    def("extend", extend),
    def("insert", insert),
    def("remove", remove),
    def("pop", pop),
    def("clear", clear),
    def("index", list_index),
    def("count", list_count),
    def("reverse", reverse),
    def("copy", copy),
    def("sort", sort),
    def("__len__", list_len),
    def("__getitem__", getitem),
    def("__setitem__", setitem),
    def("__delitem__", delitem),
    def("__contains__", contains),
    def("__iter__", iter),
    def("__reversed__", reversed),
];

/// Methods of tuple.
pub static TUPLE_METHODS: &[NativeDef] = &[
    def("index", tuple_index),
    def("count", tuple_count),
    def("__len__", tuple_len),
    def("__getitem__", getitem),
    def("__contains__", contains),
    def("__iter__", iter),
];

// ---- receivers ------------------------------------------------------------------

/// Checks that a method of `tname` got such an object (or a subclass
/// instance) as self, and no keyword arguments.
fn recv(vm: &mut Vm, args: Args, k: u8, name: &str) -> PyResult<()> {
    let tname = if k == kind::LIST { "list" } else { "tuple" };
    if args.npos() == 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("unbound method {tname}.{name}() needs an argument"),
        ));
    }
    let s = this(vm, args);
    if vm.heap.kind(s) != k {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "descriptor '{name}' for '{tname}' objects doesn't apply to a '{}' object",
            vm.type_name(s, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if args.nkw > 0 && name != "sort" {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{tname}.{name}() takes no keyword arguments"),
        ));
    }
    Ok(())
}

/// Receiver check plus CPython's `list.name() takes ...` count check.
fn recv_n(vm: &mut Vm, args: Args, k: u8, name: &str, n: usize) -> PyResult<()> {
    recv(vm, args, k, name)?;
    let mut full = Msg::new();
    let tname = if k == kind::LIST { "list" } else { "tuple" };
    let _ = write!(full, "{tname}.{name}");
    vm.check_args(args.skip1(), full.as_str(), n, n)
}

/// The list or tuple a method works on (re-read it after allocations).
fn this(vm: &Vm, args: Args) -> Value {
    vm.unwrap_base(vm.slot(args.base))
}

/// Argument `i` after self.
fn arg(vm: &Vm, args: Args, i: usize) -> Value {
    vm.slot(args.base + 1 + i)
}

/// Item `i` of a list or tuple.
fn item(vm: &Vm, s: Value, i: usize) -> Value {
    if vm.heap.kind(s) == kind::LIST {
        vm.list_get(s, i)
    } else {
        vm.tuple_get(s, i)
    }
}

fn seq_len(vm: &Vm, s: Value) -> usize {
    if vm.heap.kind(s) == kind::LIST {
        vm.list_len(s)
    } else {
        vm.tuple_len(s)
    }
}

/// `a is b or a == b`, the containers' equality.
fn same_or_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    vm.eq(a, b)
}

/// Position of the first item equal to `x` (slot `xs`) in the list or tuple
/// `self` between `start` and `stop` (the length is re-read as it goes).
fn find(vm: &mut Vm, args: Args, xs: usize, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let s = this(vm, args);
        if i >= stop.min(seq_len(vm, s)) {
            return Ok(None);
        }
        let (v, x) = (item(vm, s, i), vm.slot(xs));
        if same_or_eq(vm, v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

/// A start/stop argument of `index()`, clamped like a slice index.
fn slice_bound(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let i = match vm.int_to_i64(v) {
        Some(i) => i,
        None if vm.heap.kind(v) == kind::BIGINT => {
            if vm.compare(CmpOp::Lt, v, Value::int(0))? == Value::TRUE {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }
        }
        None if vm.user_special(v, "__index__").is_some() => vm.index_value(v)?,
        None => {
            return Err(vm.raise_msg(
                TypeId::TypeError,
                "slice indices must be integers or have an __index__ method",
            ))
        }
    };
    let len = len as i64;
    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
}

/// `seq.index(x, start=0, stop=len)` for lists and tuples.
fn index_impl(vm: &mut Vm, args: Args, k: u8) -> PyResult<Value> {
    recv(vm, args, k, "index")?;
    vm.check_args(args.skip1(), "index", 1, 3)?;
    let len = seq_len(vm, this(vm, args));
    let start = match args.npos() {
        3 | 4 => slice_bound(vm, arg(vm, args, 1), len)?,
        _ => 0,
    };
    let stop = match args.npos() {
        4 => slice_bound(vm, arg(vm, args, 2), len)?,
        _ => usize::MAX,
    };
    if let Some(i) = find(vm, args, args.base + 1, start, stop)? {
        return Ok(Value::from_usize(i));
    }
    if k == kind::TUPLE {
        return Err(vm.raise_msg(TypeId::ValueError, "tuple.index(x): x not in tuple"));
    }
    let r = vm.repr(arg(vm, args, 0))?;
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "{} is not in list", vm.str_text(r, &mut buf));
    Err(vm.raise_msg(TypeId::ValueError, m.as_str()))
}

/// `seq.count(x)` for lists and tuples.
fn count_impl(vm: &mut Vm, args: Args, k: u8) -> PyResult<Value> {
    recv_n(vm, args, k, "count", 1)?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let s = this(vm, args);
        if i >= seq_len(vm, s) {
            return Ok(Value::from_usize(n));
        }
        let (v, x) = (item(vm, s, i), arg(vm, args, 0));
        if same_or_eq(vm, v, x)? {
            n += 1;
        }
        i += 1;
    }
}

// ---- list methods -----------------------------------------------------------------

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "append", 1)?;
    let (l, x) = (this(vm, args), arg(vm, args, 0));
    vm.list_append(l, x)?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "extend", 1)?;
    let (l, src) = (this(vm, args), arg(vm, args, 0));
    let src = vm.unwrap_base(src);
    if matches!(vm.heap.kind(src), kind::LIST | kind::TUPLE) {
        // Copy the items directly (also right for `l.extend(l)`).
        let n = seq_len(vm, src);
        let l = vm.list_reserve(l, n)?;
        let src = vm.unwrap_base(arg(vm, args, 0));
        let len = vm.list_len(l);
        let from = if vm.heap.kind(src) == kind::LIST {
            vm.heap.get(src, ITEMS).word() + 1
        } else {
            src.word() + 1
        };
        let to = vm.heap.get(l, ITEMS).word() + 1 + len;
        vm.heap.words.copy_within(from..from + n, to);
        vm.heap.set(l, LEN, Value::from_usize(len + n));
        return Ok(Value::NONE);
    }
    vm.list_extend(l, src)?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, kind::LIST, "insert")?;
    if args.npos() != 3 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("insert expected 2 arguments, got {}", args.npos() - 1),
        ));
    }
    let i = vm.index_value(arg(vm, args, 0))?;
    let l = vm.list_reserve(this(vm, args), 1)?;
    let len = vm.list_len(l) as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let w = vm.heap.get(l, ITEMS).word() + 1;
    vm.heap
        .words
        .copy_within(w + i..w + len as usize, w + i + 1);
    let x = arg(vm, args, 1);
    vm.list_set(l, i, x);
    vm.heap.set(l, LEN, Value::from_usize(len as usize + 1));
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "remove", 1)?;
    match find(vm, args, args.base + 1, 0, usize::MAX)? {
        Some(i) => {
            let l = this(vm, args);
            list_remove_at(vm, l, i);
            Ok(Value::NONE)
        }
        None => Err(vm.raise_msg(TypeId::ValueError, "list.remove(x): x not in list")),
    }
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, kind::LIST, "pop")?;
    vm.check_args(args.skip1(), "pop", 0, 1)?;
    let i = if args.npos() == 2 {
        vm.index_value(arg(vm, args, 0))?
    } else {
        -1
    };
    let l = this(vm, args);
    let len = vm.list_len(l);
    if len == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty list"));
    }
    let Some(i) = Vm::norm_index(i, len) else {
        return Err(vm.raise_msg(TypeId::IndexError, "pop index out of range"));
    };
    let v = vm.list_get(l, i);
    list_remove_at(vm, l, i);
    Ok(v)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "clear", 0)?;
    let l = this(vm, args);
    list_clear(vm, l);
    Ok(Value::NONE)
}

/// Empties a list and gives back its item storage (no allocation).
fn list_clear(vm: &mut Vm, l: Value) {
    let arr = vm.heap.get(l, ITEMS);
    vm.heap.payload_mut(arr, 0).fill(Value::NULL.0);
    vm.heap.shrink(arr, 0);
    vm.heap.set(l, LEN, Value::int(0));
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    index_impl(vm, args, kind::LIST)
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    count_impl(vm, args, kind::LIST)
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    index_impl(vm, args, kind::TUPLE)
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    count_impl(vm, args, kind::TUPLE)
}

/// Reverses words `from..from + n` of the heap in place.
fn reverse_words(vm: &mut Vm, from: usize, n: usize) {
    vm.heap.words[from..from + n].reverse();
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "reverse", 0)?;
    let l = this(vm, args);
    let n = vm.list_len(l);
    let w = vm.heap.get(l, ITEMS).word() + 1;
    reverse_words(vm, w, n);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "copy", 0)?;
    let n = vm.list_len(this(vm, args));
    let c = vm.new_list(n)?;
    let l = this(vm, args);
    let (from, to) = (
        vm.heap.get(l, ITEMS).word() + 1,
        vm.heap.get(c, ITEMS).word() + 1,
    );
    vm.heap.words.copy_within(from..from + n, to);
    vm.heap.set(c, LEN, Value::from_usize(n));
    Ok(c)
}

/// `list.sort(*, key=None, reverse=False)`
fn sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, kind::LIST, "sort")?;
    if args.npos() > 1 {
        return Err(vm.raise_msg(TypeId::TypeError, "sort() takes no positional arguments"));
    }
    for k in 0..args.nkw {
        let n = vm.kwname(args, k);
        if !vm.str_is(n, "key") && !vm.str_is(n, "reverse") {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' is an invalid keyword argument for sort()",
                vm.str_text(n, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    let reverse = match vm.kwarg(args, "reverse") {
        Some(r) if !vm.is_int(r) => {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(r, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let key = vm.kwarg(args, "key").unwrap_or(Value::NULL);
    list_sort(vm, this(vm, args), key, reverse)?;
    Ok(Value::NONE)
}

fn list_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "__len__", 0)?;
    Ok(Value::from_usize(vm.list_len(this(vm, args))))
}

fn tuple_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::TUPLE, "__len__", 0)?;
    Ok(Value::from_usize(vm.tuple_len(this(vm, args))))
}

/// The list or tuple receiver of a shared dunder method.
fn recv_seq(vm: &mut Vm, args: Args, name: &str, n: usize) -> PyResult<()> {
    let k = if args.npos() > 0 && vm.heap.kind(this(vm, args)) == kind::TUPLE {
        kind::TUPLE
    } else {
        kind::LIST
    };
    recv_n(vm, args, k, name, n)
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_seq(vm, args, "__getitem__", 1)?;
    vm.getitem(this(vm, args), arg(vm, args, 0))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "__setitem__", 2)?;
    vm.setitem(this(vm, args), arg(vm, args, 0), arg(vm, args, 1))?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "__delitem__", 1)?;
    vm.delitem(this(vm, args), arg(vm, args, 0))?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_seq(vm, args, "__contains__", 1)?;
    Ok(Value::bool(
        find(vm, args, args.base + 1, 0, usize::MAX)?.is_some(),
    ))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_seq(vm, args, "__iter__", 0)?;
    vm.get_iter(this(vm, args))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv_n(vm, args, kind::LIST, "__reversed__", 0)?;
    let l = this(vm, args);
    let n = vm.list_len(l) as i32;
    vm.new_iter(
        crate::objects::iter::T_REVERSED,
        l,
        Value::int(n - 1),
        Value::NULL,
    )
}

// ---- sorting ----------------------------------------------------------------------

/// Runs shorter than this are sorted by binary insertion before merging.
const RUN: usize = 32;

/// Sorts list `l` in place: stable, `key(item)` called once per item (none
/// when `key` is NULL or None), descending with `reverse` (still stable).
///
/// Like CPython, the list looks empty while it is sorted; if Python code
/// run by `key` or a comparison puts items in it, the sort still ends with
/// the sorted items and raises `ValueError: list modified during sort`.
/// Errors from `key` leave the list unchanged; errors from comparisons
/// leave it in some order with all its items. Scratch space is one heap
/// ARRAY of `n / 2` words (`2n + n` with a key function).
pub fn list_sort(vm: &mut Vm, l: Value, key: Value, reverse: bool) -> PyResult<()> {
    let l = vm.unwrap_base(l);
    let n = vm.list_len(l);
    let keyed = !key.is_null() && !key.is_none();
    if n < 2 && !keyed {
        return Ok(());
    }
    let base = vm.sp();
    vm.push_many(&[l, key])?;
    let r = sort_rooted(vm, base, n, keyed, reverse);
    vm.heap.truncate(base);
    r
}

/// Slots: `base` list, `+1` key function; pushed here: `+2` the empty
/// array the list holds meanwhile, `+3` the items, `+4` scratch.
fn sort_rooted(vm: &mut Vm, base: usize, n: usize, keyed: bool, reverse: bool) -> PyResult<()> {
    let half = n / 2;
    let empty = vm.alloc(kind::ARRAY, 0)?;
    vm.push(empty)?;
    let aux = vm.alloc(kind::ARRAY, if keyed { n + 2 * half } else { half })?;
    // Take the items out of the list.
    let l = vm.slot(base);
    let items = vm.heap.get(l, ITEMS);
    vm.push_many(&[items, aux])?;
    let (l, empty) = (vm.slot(base), vm.slot(base + 2));
    vm.heap.set(l, ITEMS, empty);
    vm.heap.set(l, LEN, Value::int(0));
    let s = Sorter {
        items: base + 3,
        aux: base + 4,
        keyed,
        tmp: if keyed { n } else { 0 },
        tmp_keys: n + half,
    };
    // Keys first: an error there leaves the list as it was.
    let mut r = Ok(());
    if keyed {
        for i in 0..n {
            let (f, x) = (vm.slot(base + 1), s.item(vm, i));
            match vm.call(f, &[x]) {
                Ok(k) => {
                    let aux = vm.slot(s.aux);
                    vm.heap.set(aux, i, k);
                }
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
    }
    if r.is_ok() {
        if reverse {
            s.reverse(vm, n);
        }
        r = s.sort(vm, n);
        let l = vm.slot(base);
        let modified = vm.heap.get(l, ITEMS) != vm.slot(base + 2) || vm.list_len(l) != 0;
        if r.is_ok() && modified {
            r = Err(vm.raise_msg(TypeId::ValueError, "list modified during sort"));
        }
        if reverse {
            s.reverse(vm, n);
        }
    }
    // Put the items back (dropping whatever was added meanwhile).
    let (l, items) = (vm.slot(base), vm.slot(base + 3));
    vm.heap.set(l, ITEMS, items);
    vm.heap.set(l, LEN, Value::from_usize(n));
    r
}

/// An item and its key (NULL without a key function).
#[derive(Clone, Copy)]
struct Rec(Value, Value);

/// A merge sort over the items array in slot `items` (with the keys at the
/// start of the scratch array in slot `aux`), merging through scratch
/// space at `tmp` (items) and `tmp_keys` (keys) of the scratch array.
/// Arrays are re-read from their slots after every comparison.
struct Sorter {
    items: usize,
    aux: usize,
    keyed: bool,
    tmp: usize,
    tmp_keys: usize,
}

impl Sorter {
    fn item(&self, vm: &Vm, i: usize) -> Value {
        vm.heap.get(vm.slot(self.items), i)
    }

    fn key(&self, vm: &Vm, i: usize) -> Value {
        if self.keyed {
            vm.heap.get(vm.slot(self.aux), i)
        } else {
            self.item(vm, i)
        }
    }

    fn get(&self, vm: &Vm, i: usize) -> Rec {
        let k = if self.keyed {
            vm.heap.get(vm.slot(self.aux), i)
        } else {
            Value::NULL
        };
        Rec(self.item(vm, i), k)
    }

    fn set(&self, vm: &mut Vm, i: usize, r: Rec) {
        let items = vm.slot(self.items);
        vm.heap.set(items, i, r.0);
        if self.keyed {
            let aux = vm.slot(self.aux);
            vm.heap.set(aux, i, r.1);
        }
    }

    fn tkey(&self, vm: &Vm, j: usize) -> Value {
        let aux = vm.slot(self.aux);
        if self.keyed {
            vm.heap.get(aux, self.tmp_keys + j)
        } else {
            vm.heap.get(aux, self.tmp + j)
        }
    }

    fn tget(&self, vm: &Vm, j: usize) -> Rec {
        let aux = vm.slot(self.aux);
        let k = if self.keyed {
            vm.heap.get(aux, self.tmp_keys + j)
        } else {
            Value::NULL
        };
        Rec(vm.heap.get(aux, self.tmp + j), k)
    }

    fn tset(&self, vm: &mut Vm, j: usize, r: Rec) {
        let aux = vm.slot(self.aux);
        vm.heap.set(aux, self.tmp + j, r.0);
        if self.keyed {
            vm.heap.set(aux, self.tmp_keys + j, r.1);
        }
    }

    /// `a < b` (may run Python code: re-read everything afterwards).
    fn lt(&self, vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
        if a.is_small() && b.is_small() {
            return Ok(a.small_value() < b.small_value());
        }
        let r = vm.compare(CmpOp::Lt, a, b)?;
        if r == Value::TRUE || r == Value::FALSE {
            return Ok(r == Value::TRUE);
        }
        vm.truthy(r)
    }

    fn reverse(&self, vm: &mut Vm, n: usize) {
        let w = vm.slot(self.items).word() + 1;
        reverse_words(vm, w, n);
        if self.keyed {
            let w = vm.slot(self.aux).word() + 1;
            reverse_words(vm, w, n);
        }
    }

    /// Moves records `i..j` up by one (`j` < length).
    fn shift_up(&self, vm: &mut Vm, i: usize, j: usize) {
        let w = vm.slot(self.items).word() + 1;
        vm.heap.words.copy_within(w + i..w + j, w + i + 1);
        if self.keyed {
            let w = vm.slot(self.aux).word() + 1;
            vm.heap.words.copy_within(w + i..w + j, w + i + 1);
        }
    }

    fn sort(&self, vm: &mut Vm, n: usize) -> PyResult<()> {
        let mut lo = 0;
        while lo < n {
            let hi = (lo + RUN).min(n);
            self.insertion_sort(vm, lo, hi)?;
            lo = hi;
        }
        let mut width = RUN;
        while width < n {
            let mut lo = 0;
            while lo + width < n {
                let hi = (lo + 2 * width).min(n);
                self.merge(vm, lo, lo + width, hi)?;
                lo = hi;
            }
            width *= 2;
        }
        Ok(())
    }

    /// Binary insertion sort of `lo..hi`.
    fn insertion_sort(&self, vm: &mut Vm, lo: usize, hi: usize) -> PyResult<()> {
        for i in lo + 1..hi {
            let (p, prev) = (self.key(vm, i), self.key(vm, i - 1));
            if !self.lt(vm, p, prev)? {
                continue;
            }
            let (mut a, mut b) = (lo, i - 1);
            while a < b {
                let m = (a + b) / 2;
                let (p, km) = (self.key(vm, i), self.key(vm, m));
                if self.lt(vm, p, km)? {
                    b = m;
                } else {
                    a = m + 1;
                }
            }
            let r = self.get(vm, i);
            self.shift_up(vm, a, i);
            self.set(vm, a, r);
        }
        Ok(())
    }

    /// Merges the sorted runs `lo..mid` and `mid..hi`, copying the shorter
    /// one out to the scratch space. On an error every item is still in
    /// `lo..hi`.
    fn merge(&self, vm: &mut Vm, lo: usize, mid: usize, hi: usize) -> PyResult<()> {
        let (a, b) = (self.key(vm, mid), self.key(vm, mid - 1));
        if !self.lt(vm, a, b)? {
            return Ok(()); // already in order
        }
        if mid - lo <= hi - mid {
            self.merge_lo(vm, lo, mid, hi)
        } else {
            self.merge_hi(vm, lo, mid, hi)
        }
    }

    fn merge_lo(&self, vm: &mut Vm, lo: usize, mid: usize, hi: usize) -> PyResult<()> {
        let nl = mid - lo;
        for j in 0..nl {
            let r = self.get(vm, lo + j);
            self.tset(vm, j, r);
        }
        // The free places are always k..j, as many as tmp[i..nl].
        let (mut i, mut j, mut k) = (0, mid, lo);
        let mut res = Ok(());
        while i < nl && j < hi {
            let (a, b) = (self.key(vm, j), self.tkey(vm, i));
            let r = match self.lt(vm, a, b) {
                Ok(true) => {
                    j += 1;
                    self.get(vm, j - 1)
                }
                Ok(false) => {
                    i += 1;
                    self.tget(vm, i - 1)
                }
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            self.set(vm, k, r);
            k += 1;
        }
        while i < nl {
            let r = self.tget(vm, i);
            self.set(vm, k, r);
            i += 1;
            k += 1;
        }
        res
    }

    fn merge_hi(&self, vm: &mut Vm, lo: usize, mid: usize, hi: usize) -> PyResult<()> {
        let nr = hi - mid;
        for j in 0..nr {
            let r = self.get(vm, mid + j);
            self.tset(vm, j, r);
        }
        // Filling from the top; the free places are always i..k, as many
        // as tmp[..j].
        let (mut i, mut j, mut k) = (mid, nr, hi);
        let mut res = Ok(());
        while i > lo && j > 0 {
            let (a, b) = (self.tkey(vm, j - 1), self.key(vm, i - 1));
            let r = match self.lt(vm, a, b) {
                Ok(true) => {
                    i -= 1;
                    self.get(vm, i)
                }
                Ok(false) => {
                    j -= 1;
                    self.tget(vm, j)
                }
                Err(e) => {
                    res = Err(e);
                    break;
                }
            };
            k -= 1;
            self.set(vm, k, r);
        }
        for t in 0..j {
            let r = self.tget(vm, t);
            self.set(vm, i + t, r);
        }
        res
    }
}

// ---- helpers for the interpreter ------------------------------------------------------

/// Removes item `i` (< len) of a list, shifting the rest down.
pub fn list_remove_at(vm: &mut Vm, l: Value, i: usize) {
    let n = vm.list_len(l);
    let w = vm.heap.get(l, ITEMS).word() + 1;
    vm.heap.words.copy_within(w + i + 1..w + n, w + i);
    vm.heap.words[w + n - 1] = Value::NULL.0;
    vm.heap.set(l, LEN, Value::from_usize(n - 1));
}

/// Resolves slice `s` (slot `ss`) against the current length of the list in
/// slot `ls`, again if `__index__` code changed the length meanwhile.
fn resolve_slice(vm: &mut Vm, ls: usize, ss: usize) -> PyResult<(i64, i64, i64, usize)> {
    loop {
        let len = vm.list_len(vm.slot(ls));
        let r = vm.slice_indices(vm.slot(ss), len)?;
        if vm.list_len(vm.slot(ls)) == len {
            return Ok(r);
        }
    }
}

/// `l[slice] = iterable`.
pub fn list_set_slice(vm: &mut Vm, l: Value, s: Value, v: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push_many(&[l, s, v])?;
    let r = set_slice_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn set_slice_rooted(vm: &mut Vm, base: usize) -> PyResult<()> {
    // The new items: a list or tuple as it is (a copy if it is the list
    // itself), anything else collected into a new list first.
    let v = vm.unwrap_base(vm.slot(base + 2));
    let direct = match vm.heap.kind(v) {
        kind::TUPLE => true,
        kind::LIST => v != vm.unwrap_base(vm.slot(base)),
        _ => false,
    };
    if !direct {
        if !vm.is_iterable(v) {
            let s = vm.slot(base + 1);
            let extended = !vm.heap.get(s, 2).is_none();
            return Err(vm.raise_msg(
                TypeId::TypeError,
                if extended {
                    "must assign iterable to extended slice"
                } else {
                    "can only assign an iterable"
                },
            ));
        }
        let items = vm.list_from_iter(vm.slot(base + 2))?;
        vm.set_slot(base + 2, items);
    } else {
        vm.set_slot(base + 2, v);
    }
    let l = vm.unwrap_base(vm.slot(base));
    vm.set_slot(base, l);
    let (start, stop, step, n) = resolve_slice(vm, base, base + 1)?;
    let items = vm.slot(base + 2);
    let m = seq_len(vm, items);
    let items_word = |vm: &Vm| {
        let items = vm.slot(base + 2);
        if vm.heap.kind(items) == kind::LIST {
            vm.heap.get(items, ITEMS).word() + 1
        } else {
            items.word() + 1
        }
    };
    if step != 1 {
        if m != n {
            return Err(vm.raise_fmt(
                TypeId::ValueError,
                format_args!(
                    "attempt to assign sequence of size {m} to extended slice of size {n}"
                ),
            ));
        }
        let (l, from) = (vm.slot(base), items_word(vm));
        let w = vm.heap.get(l, ITEMS).word() + 1;
        for j in 0..n {
            let at = (start + j as i64 * step) as usize;
            vm.heap.words[w + at] = vm.heap.words[from + j];
        }
        return Ok(());
    }
    let l = vm.slot(base);
    let len = vm.list_len(l);
    let start = start as usize;
    let stop = (stop.max(start as i64)) as usize;
    let removed = stop - start;
    if m > removed {
        vm.list_reserve(l, m - removed)?;
    }
    let l = vm.slot(base);
    let w = vm.heap.get(l, ITEMS).word() + 1;
    let new_len = len - removed + m;
    // Move the tail, clear what it left behind, copy the new items in.
    vm.heap.words.copy_within(w + stop..w + len, w + start + m);
    if new_len < len {
        vm.heap.words[w + new_len..w + len].fill(Value::NULL.0);
    }
    let from = items_word(vm);
    vm.heap.words.copy_within(from..from + m, w + start);
    vm.heap.set(l, LEN, Value::from_usize(new_len));
    Ok(())
}

/// `del l[slice]`.
pub fn list_del_slice(vm: &mut Vm, l: Value, s: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push_many(&[l, s])?;
    let r = resolve_slice(vm, base, base + 1);
    let l = vm.slot(base);
    vm.heap.truncate(base);
    let (start, _, step, n) = r?;
    if n == 0 {
        return Ok(());
    }
    // Walk the deleted positions upwards: first, step, count n.
    let (first, step) = if step < 0 {
        ((start + (n as i64 - 1) * step) as usize, (-step) as usize)
    } else {
        (start as usize, step as usize)
    };
    let len = vm.list_len(l);
    let w = vm.heap.get(l, ITEMS).word() + 1;
    let last = first + (n - 1) * step;
    let mut to = first;
    for i in first..len {
        let deleted = i <= last && (i - first) % step == 0;
        if !deleted {
            vm.heap.words[w + to] = vm.heap.words[w + i];
            to += 1;
        }
    }
    vm.heap.words[w + to..w + len].fill(Value::NULL.0);
    vm.heap.set(l, LEN, Value::from_usize(to));
    Ok(())
}

/// `seq * n` for str, bytes, bytearray, list, tuple (with `inplace`,
/// lists and bytearrays are repeated in place).
pub fn repeat(vm: &mut Vm, seq: Value, n: usize, inplace: bool) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(seq)?;
    let r = repeat_rooted(vm, base, n, inplace);
    vm.heap.truncate(base);
    r
}

/// Doubles the first `len` words at `w` until `total` words are filled.
fn fill_words(vm: &mut Vm, w: usize, len: usize, total: usize) {
    let mut filled = len.min(total);
    while filled < total {
        let c = filled.min(total - filled);
        vm.heap.words.copy_within(w..w + c, w + filled);
        filled += c;
    }
}

/// Doubles the first `len` bytes at byte address `b` until `total` are filled.
fn fill_bytes(vm: &mut Vm, b: usize, len: usize, total: usize) {
    let bytes = crate::heap::words_as_bytes_mut(&mut vm.heap.words);
    let mut filled = len.min(total);
    while filled < total {
        let c = filled.min(total - filled);
        bytes.copy_within(b..b + c, b + filled);
        filled += c;
    }
}

/// Byte address of the data of a bytes or bytearray object.
fn bytes_addr(vm: &Vm, v: Value) -> usize {
    if vm.heap.kind(v) == kind::BYTEARRAY {
        (vm.heap.get(v, 1).word() + 1) * 4
    } else {
        (v.word() + 3) * 4
    }
}

fn repeat_rooted(vm: &mut Vm, base: usize, n: usize, inplace: bool) -> PyResult<Value> {
    let seq = vm.slot(base);
    let len = vm.len(seq)?;
    let total = match len.checked_mul(n).filter(|&t| t < (1 << 28)) {
        Some(t) => t,
        None => return Err(vm.raise_memory_error()),
    };
    if vm.is_str(seq) {
        if total <= 1 || n == 1 {
            return Ok(if total == 0 { Value::EMPTY_STR } else { seq });
        }
        let nbytes = vm.str_byte_len(seq);
        let r = vm.alloc_str_raw(nbytes * n, total, false)?;
        let seq = vm.slot(base);
        vm.copy_str_into(r, 0, seq);
        let b = (r.word() + 1 + crate::objects::str::DATA) * 4;
        fill_bytes(vm, b, nbytes, nbytes * n);
        return Ok(r);
    }
    match vm.heap.kind(seq) {
        kind::LIST => {
            let l = if inplace {
                if total == 0 {
                    list_clear(vm, seq);
                    return Ok(seq);
                }
                vm.list_reserve(seq, total - len)?
            } else {
                let l = vm.new_list(total)?;
                let (src, l) = (vm.slot(base), l);
                let from = vm.heap.get(src, ITEMS).word() + 1;
                let to = vm.heap.get(l, ITEMS).word() + 1;
                vm.heap.words.copy_within(from..from + len.min(total), to);
                l
            };
            let w = vm.heap.get(l, ITEMS).word() + 1;
            fill_words(vm, w, len, total);
            vm.heap.set(l, LEN, Value::from_usize(total));
            Ok(l)
        }
        kind::TUPLE => {
            if n == 1 || len == 0 {
                return Ok(seq);
            }
            let t = vm.new_tuple(total)?;
            let src = vm.slot(base);
            let from = src.word() + 1;
            vm.heap
                .words
                .copy_within(from..from + len.min(total), t.word() + 1);
            fill_words(vm, t.word() + 1, len, total);
            Ok(t)
        }
        _ => {
            let r = if inplace && vm.heap.kind(seq) == kind::BYTEARRAY {
                vm.bytearray_resize(seq, total)?;
                vm.slot(base)
            } else {
                let r = if vm.heap.kind(seq) == kind::BYTEARRAY {
                    vm.new_bytearray(total)?
                } else {
                    vm.alloc_bytes(total)?
                };
                let src = vm.slot(base);
                let (from, to) = (bytes_addr(vm, src), bytes_addr(vm, r));
                let bytes = crate::heap::words_as_bytes_mut(&mut vm.heap.words);
                bytes.copy_within(from..from + len.min(total), to);
                r
            };
            let b = bytes_addr(vm, r);
            fill_bytes(vm, b, len, total);
            Ok(r)
        }
    }
}
