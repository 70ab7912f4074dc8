//! The iteration protocol and the builtin iterator objects.
//!
//! SEQ_ITER `[seq][index][len at start]` walks lists, tuples, strs, bytes,
//! ranges, dicts and sets by position. ITER `[tag][a][b][c]` is enumerate,
//! zip, map, filter, reversed and `iter(f, sentinel)` by `tag`.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::objects::class::inst;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

/// ITER tag: enumerate `[iter][count]`.
pub const T_ENUMERATE: i32 = 0;
/// ITER tag: zip `[tuple of iterators]`.
pub const T_ZIP: i32 = 1;
/// ITER tag: map `[function][tuple of iterators]`.
pub const T_MAP: i32 = 2;
/// ITER tag: filter `[function][iterator]`.
pub const T_FILTER: i32 = 3;
/// ITER tag: reversed `[sequence][next index]`.
pub const T_REVERSED: i32 = 4;
/// ITER tag: `iter(callable, sentinel)` `[callable][sentinel]`.
pub const T_CALLABLE: i32 = 5;

/// Methods shared by the iterator types.
pub static METHODS: &[NativeDef] = &[
    def("__next__", iter_next_method),
    def("__iter__", iter_self),
];

/// The builtin type of an iterator object.
pub fn iter_type(vm: &Vm, v: Value) -> TypeId {
    if vm.heap.kind(v) == kind::SEQ_ITER {
        return TypeId::Iterator;
    }
    match vm.heap.get(v, 0).small_value() as i32 {
        T_ENUMERATE => TypeId::Enumerate,
        T_ZIP => TypeId::Zip,
        T_MAP => TypeId::Map,
        T_FILTER => TypeId::Filter,
        T_REVERSED => TypeId::Reversed,
        _ => TypeId::Iterator,
    }
}

impl Vm {
    /// A SEQ_ITER over `seq`.
    pub fn new_seq_iter(&mut self, seq: Value, len: usize) -> PyResult<Value> {
        self.push(seq)?;
        let it = self.alloc(kind::SEQ_ITER, 3);
        let seq = self.pop();
        let it = it?;
        self.heap.set(it, 0, seq);
        self.heap.set(it, 1, Value::int(0));
        self.heap.set(it, 2, Value::from_usize(len));
        Ok(it)
    }

    /// An ITER object with tag and up to three fields.
    pub fn new_iter(&mut self, tag: i32, a: Value, b: Value, c: Value) -> PyResult<Value> {
        self.push(a)?;
        self.push(b)?;
        self.push(c)?;
        let it = self.alloc(kind::ITER, 4);
        let c = self.pop();
        let b = self.pop();
        let a = self.pop();
        let it = it?;
        self.heap.set(it, 0, Value::int(tag));
        self.heap.set(it, 1, a);
        self.heap.set(it, 2, b);
        self.heap.set(it, 3, c);
        Ok(it)
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        match self.heap.kind(v) {
            kind::LIST | kind::TUPLE | kind::STR | kind::BYTES | kind::BYTEARRAY | kind::RANGE => {
                return self.new_seq_iter(v, 0)
            }
            kind::DICT | kind::SET | kind::FROZENSET => {
                let n = self.dict_len(v);
                return self.new_seq_iter(v, n);
            }
            kind::DICT_VIEW => {
                let d = self.heap.get(v, 0);
                let n = self.dict_len(d);
                return self.new_seq_iter(v, n);
            }
            kind::SEQ_ITER | kind::ITER | kind::GENERATOR => return Ok(v),
            _ => {}
        }
        if v.is_imm_of(imm::CHAR) {
            return self.new_seq_iter(v, 0);
        }
        if let Some(m) = self.user_special(v, "__iter__") {
            let it = self.call(m, &[v])?;
            let is_iter = matches!(
                self.heap.kind(it),
                kind::SEQ_ITER | kind::ITER | kind::GENERATOR
            ) || self.user_special(it, "__next__").is_some();
            if !is_iter {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(it, &mut buf)
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
            return Ok(it);
        }
        if self.heap.kind(v) == kind::INSTANCE {
            let b = self.heap.get(v, inst::BASE);
            if !b.is_null() {
                return self.get_iter(b);
            }
            if self.user_special(v, "__getitem__").is_some() {
                return self.new_seq_iter(v, 0);
            }
        }
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'{}' object is not iterable",
            self.type_name(v, &mut buf)
        );
        Err(self.raise_msg(TypeId::TypeError, m.as_str()))
    }

    /// `next(it)`: Some(item), or None when exhausted (StopIteration is
    /// swallowed here and never allocated for builtin iterators).
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        match self.heap.kind(it) {
            kind::SEQ_ITER => self.seq_iter_next(it),
            kind::ITER => self.tagged_iter_next(it),
            kind::GENERATOR => self.gen_next_value(it),
            _ => {
                let Some(m) = self.user_special(it, "__next__") else {
                    let mut buf = [0; 4];
                    let mut msg = Msg::new();
                    let _ = write!(
                        msg,
                        "'{}' object is not an iterator",
                        self.type_name(it, &mut buf)
                    );
                    return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
                };
                match self.call(m, &[it]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        let exc = self.exception();
                        if self.exc_matches(exc, TypeId::StopIteration) {
                            self.take_exception();
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
        }
    }

    fn seq_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let seq = self.heap.get(it, 0);
        let i = self.heap.get(it, 1).small_value() as usize;
        let step = |vm: &mut Vm, it: Value, to: usize| vm.heap.set(it, 1, Value::from_usize(to));
        if seq.is_imm_of(imm::CHAR) {
            step(self, it, i + 1);
            return Ok(if i == 0 && seq != Value::EMPTY_STR {
                Some(seq)
            } else {
                None
            });
        }
        match self.heap.kind(seq) {
            kind::LIST if i < self.list_len(seq) => {
                step(self, it, i + 1);
                return Ok(Some(self.list_get(seq, i)));
            }
            kind::TUPLE if i < self.tuple_len(seq) => {
                step(self, it, i + 1);
                return Ok(Some(self.tuple_get(seq, i)));
            }
            kind::STR => {
                // i is a byte offset here.
                let b = self.str_bytes(seq);
                if i < b.len() {
                    let w = utf8_width(b[i]);
                    let c = core::str::from_utf8(&b[i..(i + w).min(b.len())])
                        .ok()
                        .and_then(|s| s.chars().next())
                        .unwrap_or('\u{fffd}');
                    step(self, it, i + w);
                    return Ok(Some(Value::char(c)));
                }
            }
            kind::BYTES | kind::BYTEARRAY => {
                let b = self.bytes_like_data(seq);
                if i < b.len() {
                    let x = b[i];
                    step(self, it, i + 1);
                    return Ok(Some(Value::int(x as i32)));
                }
            }
            kind::RANGE => {
                let n = self.range_len(seq)?;
                if i < n {
                    step(self, it, i + 1);
                    return self.range_item(seq, i).map(Some);
                }
            }
            kind::DICT | kind::SET | kind::FROZENSET | kind::DICT_VIEW => {
                let (d, which) = if self.heap.kind(seq) == kind::DICT_VIEW {
                    (self.heap.get(seq, 0), self.heap.get(seq, 1).small_value())
                } else {
                    (seq, 0)
                };
                let start_len = self.heap.get(it, 2).small_value() as usize;
                if self.dict_len(d) != start_len {
                    let what = if self.heap.kind(d) == kind::DICT {
                        "dictionary"
                    } else {
                        "Set"
                    };
                    let mut m = Msg::new();
                    let _ = write!(m, "{what} changed size during iteration");
                    return Err(self.raise_msg(TypeId::RuntimeError, m.as_str()));
                }
                let mut j = i;
                while j < self.dict_used(d) {
                    if let Some((k, v)) = self.dict_entry(d, j) {
                        step(self, it, j + 1);
                        return match which {
                            0 => Ok(Some(k)),
                            1 => Ok(Some(v)),
                            _ => {
                                let t = self.tuple_of(&[k, v])?;
                                Ok(Some(t))
                            }
                        };
                    }
                    j += 1;
                }
                step(self, it, j);
            }
            kind::INSTANCE => {
                // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
                let Some(m) = self.user_special(seq, "__getitem__") else {
                    return Ok(None);
                };
                step(self, it, i + 1);
                match self.call(m, &[seq, Value::from_usize(i)]) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) => {
                        let exc = self.exception();
                        if self.exc_matches(exc, TypeId::IndexError)
                            || self.exc_matches(exc, TypeId::StopIteration)
                        {
                            self.take_exception();
                            return Ok(None);
                        }
                        return Err(e);
                    }
                }
            }
            _ => {}
        }
        Ok(None)
    }

    /// `zip(strict=True)`: iterator `i` ended; all must end together.
    fn zip_strict_end(&mut self, base: usize, i: usize, n: usize) -> PyResult<Option<Value>> {
        let mut m = Msg::new();
        if i > 0 {
            let _ = write!(
                m,
                "zip() argument {} is shorter than argument{} 1",
                i + 1,
                if i > 1 { "s" } else { "" }
            );
            if i > 1 {
                let _ = write!(m, "-{i}");
            }
            return Err(self.raise_msg(TypeId::ValueError, m.as_str()));
        }
        for j in 1..n {
            let it = self.slot(base);
            let iters = self.heap.get(it, 1);
            let x = self.tuple_get(iters, j);
            if self.iter_next(x)?.is_some() {
                let _ = write!(
                    m,
                    "zip() argument {} is longer than argument{} 1",
                    j + 1,
                    if j > 1 { "s" } else { "" }
                );
                if j > 1 {
                    let _ = write!(m, "-{j}");
                }
                return Err(self.raise_msg(TypeId::ValueError, m.as_str()));
            }
        }
        Ok(None)
    }

    fn tagged_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let tag = self.heap.get(it, 0).small_value() as i32;
        let base = self.sp();
        self.push(it)?;
        let r = self.tagged_iter_next_rooted(tag, base);
        self.heap.truncate(base);
        r
    }

    fn tagged_iter_next_rooted(&mut self, tag: i32, base: usize) -> PyResult<Option<Value>> {
        let it = self.slot(base);
        match tag {
            T_ENUMERATE => {
                let inner = self.heap.get(it, 1);
                let Some(v) = self.iter_next(inner)? else {
                    return Ok(None);
                };
                self.push(v)?;
                let it = self.slot(base);
                let n = self.heap.get(it, 2);
                let next = self.add_one(n)?;
                let it = self.slot(base);
                self.heap.set(it, 2, next);
                let v = self.pop();
                self.push(v)?;
                let t = self.new_tuple(2)?;
                let v = self.pop();
                let it = self.slot(base);
                let n = self.heap.get(it, 2);
                let cur = self.sub_one(n)?;
                self.heap.set(t, 0, cur);
                self.heap.set(t, 1, v);
                Ok(Some(t))
            }
            T_ZIP => {
                let iters = self.heap.get(it, 1);
                let n = self.tuple_len(iters);
                if n == 0 {
                    return Ok(None);
                }
                let out = self.sp();
                for i in 0..n {
                    let it = self.slot(base);
                    let iters = self.heap.get(it, 1);
                    let x = self.tuple_get(iters, i);
                    match self.iter_next(x)? {
                        Some(v) => self.push(v)?,
                        None => {
                            let strict = self.heap.get(self.slot(base), 2) == Value::TRUE;
                            if strict {
                                return self.zip_strict_end(base, i, n);
                            }
                            return Ok(None);
                        }
                    }
                }
                let t = self.tuple_from_stack(out, n)?;
                Ok(Some(t))
            }
            T_MAP => {
                let iters = self.heap.get(it, 2);
                let n = self.tuple_len(iters);
                let out = self.sp();
                self.push(Value::NULL)?;
                let f = self.heap.get(self.slot(base), 1);
                self.push(f)?;
                for i in 0..n {
                    let it = self.slot(base);
                    let iters = self.heap.get(it, 2);
                    let x = self.tuple_get(iters, i);
                    match self.iter_next(x)? {
                        Some(v) => self.push(v)?,
                        None => return Ok(None),
                    }
                }
                self.call_stack(out, n, crate::native::NO_KW).map(Some)
            }
            T_FILTER => loop {
                let it = self.slot(base);
                let inner = self.heap.get(it, 2);
                let Some(v) = self.iter_next(inner)? else {
                    return Ok(None);
                };
                self.push(v)?;
                let f = self.heap.get(self.slot(base), 1);
                let keep = if f.is_none() {
                    self.truthy(v)?
                } else {
                    let r = self.call(f, &[v])?;
                    self.truthy(r)?
                };
                let v = self.pop();
                if keep {
                    return Ok(Some(v));
                }
            },
            T_REVERSED => {
                let i = self.heap.get(it, 2).small_value();
                if i < 0 {
                    return Ok(None);
                }
                self.heap.set(it, 2, Value::int(i as i32 - 1));
                let seq = self.heap.get(it, 1);
                let v = self.getitem(seq, Value::int(i as i32))?;
                Ok(Some(v))
            }
            T_CALLABLE => {
                let f = self.heap.get(it, 1);
                let v = self.call(f, &[])?;
                self.push(v)?;
                let s = self.heap.get(self.slot(base), 2);
                let v = self.slot(base + 1);
                let done = self.eq(v, s)?;
                Ok(if done {
                    None
                } else {
                    Some(self.slot(base + 1))
                })
            }
            _ => Ok(None),
        }
    }
}

/// Byte length of the UTF-8 sequence starting with `b`.
pub fn utf8_width(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn iter_next_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__next__", 1, 1)?;
    let it = vm.slot(args.base);
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.raise_empty(TypeId::StopIteration)),
    }
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__iter__", 1, 1)?;
    Ok(vm.slot(args.base))
}

/// `enumerate(iterable, start=0)`
pub fn enumerate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "enumerate", 1, 2)?;
    let start = vm.opt_arg(args, 1, "start").unwrap_or(Value::int(0));
    if !vm.is_int(start) {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(start, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let v = vm.slot(args.base);
    let it = vm.get_iter(v)?;
    let start = vm.opt_arg(args, 1, "start").unwrap_or(Value::int(0));
    vm.new_iter(T_ENUMERATE, it, start, Value::NULL)
}

/// `zip(*iterables)`
pub fn zip_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.npos();
    let t = vm.new_tuple(n)?;
    vm.push(t)?;
    for i in 0..n {
        let v = vm.slot(args.base + i);
        let it = vm.get_iter(v)?;
        let t = vm.heap.peek(0);
        vm.heap.set(t, i, it);
    }
    let t = vm.pop();
    vm.check_kwargs(args, "zip", &["strict"])?;
    let strict = match vm.kwarg(args, "strict") {
        Some(s) => Value::bool(vm.truthy(s)?),
        None => Value::FALSE,
    };
    vm.new_iter(T_ZIP, t, strict, Value::NULL)
}

/// `map(function, *iterables)`
pub fn map_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.npos();
    if n < 2 {
        return Err(vm.raise_msg(TypeId::TypeError, "map() must have at least two arguments."));
    }
    let t = vm.new_tuple(n - 1)?;
    vm.push(t)?;
    for i in 1..n {
        let v = vm.slot(args.base + i);
        let it = vm.get_iter(v)?;
        let t = vm.heap.peek(0);
        vm.heap.set(t, i - 1, it);
    }
    let t = vm.pop();
    let f = vm.slot(args.base);
    vm.new_iter(T_MAP, f, t, Value::NULL)
}

/// `filter(function, iterable)`
pub fn filter_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "filter", 2, 2)?;
    let v = vm.slot(args.base + 1);
    let it = vm.get_iter(v)?;
    let f = vm.slot(args.base);
    vm.new_iter(T_FILTER, f, it, Value::NULL)
}

/// `reversed(sequence)`
pub fn reversed_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "reversed", 1, 1)?;
    let seq = vm.slot(args.base);
    if let Some(m) = vm.user_special(seq, "__reversed__") {
        return vm.call(m, &[seq]);
    }
    let seq = match vm.heap.kind(seq) {
        kind::DICT | kind::DICT_VIEW => vm.list_from_iter(seq)?,
        _ => seq,
    };
    let ok = matches!(
        vm.heap.kind(seq),
        kind::LIST | kind::TUPLE | kind::STR | kind::RANGE | kind::BYTES | kind::BYTEARRAY
    ) || seq.is_imm_of(imm::CHAR)
        || vm.user_special(seq, "__getitem__").is_some();
    if !ok {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'{}' object is not reversible",
            vm.type_name(seq, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    vm.push(seq)?;
    let n = vm.len(seq)?;
    let seq = vm.pop();
    vm.new_iter(T_REVERSED, seq, Value::int(n as i32 - 1), Value::NULL)
}
