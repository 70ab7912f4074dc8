//! repr() and str() of every builtin type, into strs on the heap.
//!
//! Text is built in a [`StrBuilder`]: a growable RAW buffer kept in a stack
//! slot (so it survives collections), finished into a str.

use crate::heap::{kind, words_for};
use crate::objects::class::cls;
use crate::objects::function::func;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

/// A str under construction: RAW buffer in stack slot `slot`, `len` bytes used.
pub struct StrBuilder {
    slot: usize,
    len: usize,
    chars: usize,
}

/// Nesting limit for repr of nested containers (recursion guard).
const REPR_DEPTH: u32 = 64;

impl Vm {
    /// Starts a builder with room for `cap` bytes.
    pub fn builder(&mut self, cap: usize) -> PyResult<StrBuilder> {
        let raw = self.alloc(kind::RAW, words_for(cap.max(16)))?;
        self.push(raw)?;
        Ok(StrBuilder {
            slot: self.sp() - 1,
            len: 0,
            chars: 0,
        })
    }

    fn builder_room(&mut self, b: &mut StrBuilder, n: usize) -> PyResult<()> {
        let raw = self.slot(b.slot);
        let cap = self.heap.payload_len(raw) * 4;
        if b.len + n <= cap {
            return Ok(());
        }
        let new_cap = (b.len + n).max(cap * 2);
        let new = self.alloc(kind::RAW, words_for(new_cap))?;
        let raw = self.slot(b.slot);
        let (src, dst) = (raw.word() + 1, new.word() + 1);
        self.heap
            .words
            .copy_within(src..src + words_for(b.len), dst);
        self.set_slot(b.slot, new);
        Ok(())
    }

    /// Appends Rust text (not from the heap).
    pub fn builder_push(&mut self, b: &mut StrBuilder, s: &str) -> PyResult<()> {
        self.builder_room(b, s.len())?;
        let raw = self.slot(b.slot);
        self.heap.bytes_mut(raw, 0)[b.len..b.len + s.len()].copy_from_slice(s.as_bytes());
        b.len += s.len();
        b.chars += crate::objects::str::count_chars(s.as_bytes());
        Ok(())
    }

    /// Appends one character.
    pub fn builder_push_char(&mut self, b: &mut StrBuilder, c: char) -> PyResult<()> {
        let mut buf = [0; 4];
        self.builder_push(b, c.encode_utf8(&mut buf))
    }

    /// Appends a str value.
    pub fn builder_push_str(&mut self, b: &mut StrBuilder, s: Value) -> PyResult<()> {
        let n = self.str_byte_len(s);
        let chars = self.str_len(s);
        self.push(s)?;
        let r = self.builder_room(b, n);
        let s = self.pop();
        r?;
        let raw = self.slot(b.slot);
        if s.is_heap() {
            let from = (s.word() + 1 + crate::objects::str::DATA) * 4;
            let to = (raw.word() + 1) * 4 + b.len;
            crate::heap::words_as_bytes_mut(&mut self.heap.words).copy_within(from..from + n, to);
        } else {
            let mut buf = [0; 4];
            let bytes: [u8; 4] = {
                let t = self.str_bytes_buf(s, &mut buf);
                let mut x = [0u8; 4];
                x[..t.len()].copy_from_slice(t);
                x
            };
            self.heap.bytes_mut(raw, 0)[b.len..b.len + n].copy_from_slice(&bytes[..n]);
        }
        b.len += n;
        b.chars += chars;
        Ok(())
    }

    /// Finishes the builder into a str (and pops its slot).
    pub fn builder_finish(&mut self, b: StrBuilder) -> PyResult<Value> {
        let r = if b.chars <= 1 {
            let raw = self.slot(b.slot);
            let bytes = &self.heap.bytes(raw, 0)[..b.len];
            Ok(
                match core::str::from_utf8(bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    Some(c) => Value::char(c),
                    None => Value::EMPTY_STR,
                },
            )
        } else {
            match self.alloc_str_raw(b.len, b.chars, false) {
                Ok(s) => {
                    let raw = self.slot(b.slot);
                    let from = (raw.word() + 1) * 4;
                    let to = (s.word() + 1 + crate::objects::str::DATA) * 4;
                    crate::heap::words_as_bytes_mut(&mut self.heap.words)
                        .copy_within(from..from + b.len, to);
                    Ok(s)
                }
                Err(e) => Err(e),
            }
        };
        self.heap.truncate(b.slot);
        r
    }

    /// Abandons a builder.
    pub fn builder_drop(&mut self, b: StrBuilder) {
        self.heap.truncate(b.slot);
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        let base = self.sp();
        let saved = self.repr_stack_len;
        self.push(v)?;
        let r = self.builder(16).and_then(|mut b| {
            let v = self.slot(base);
            match self.write_repr(&mut b, v, 0) {
                Ok(()) => self.builder_finish(b),
                Err(e) => {
                    self.builder_drop(b);
                    Err(e)
                }
            }
        });
        self.heap.truncate(base);
        self.repr_stack_len = saved;
        r
    }

    /// `str(v)`.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if self.is_str(v) {
            return Ok(v);
        }
        let base = self.sp();
        self.push(v)?;
        let r = self.builder(16).and_then(|mut b| {
            let v = self.slot(base);
            match self.write_str(&mut b, v) {
                Ok(()) => self.builder_finish(b),
                Err(e) => {
                    self.builder_drop(b);
                    Err(e)
                }
            }
        });
        self.heap.truncate(base);
        r
    }

    /// Writes `str(v)`.
    pub fn write_str(&mut self, b: &mut StrBuilder, v: Value) -> PyResult<()> {
        if self.is_str(v) {
            return self.builder_push_str(b, v);
        }
        match self.heap.kind(v) {
            kind::INSTANCE | kind::EXCEPTION => {
                if let Some(m) = self.user_special(v, "__str__") {
                    if self.heap.kind(m) == kind::FUNCTION {
                        let s = self.call(m, &[v])?;
                        return self.push_returned_str(b, s, "__str__");
                    }
                }
                if self.heap.kind(v) == kind::EXCEPTION {
                    return self.write_exception_str(b, v);
                }
                if self.user_special(v, "__repr__").is_none() {
                    let base = crate::objects::class::inst::BASE;
                    let bv = self.heap.get(v, base);
                    if !bv.is_null() && self.heap.kind(v) == kind::INSTANCE {
                        return self.write_str(b, bv);
                    }
                }
            }
            _ => {}
        }
        self.write_repr(b, v, 0)
    }

    fn push_returned_str(&mut self, b: &mut StrBuilder, s: Value, what: &str) -> PyResult<()> {
        if !self.is_str(s) {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "{} returned non-string (type {})",
                what,
                self.type_name(s, &mut buf)
            );
            return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
        }
        self.builder_push_str(b, s)
    }

    /// str() of an exception: its single arg, or the args tuple; an
    /// OSError with (errno, strerror) reads `[Errno N] text: 'filename'`.
    fn write_exception_str(&mut self, b: &mut StrBuilder, e: Value) -> PyResult<()> {
        let is_key_error = self.exc_matches(e, TypeId::KeyError);
        let args = self.exc_args(e)?;
        if self.exc_matches(e, TypeId::OSError)
            && self.tuple_len(args) == 2
            && self.tuple_get(args, 0).is_small()
        {
            return self.write_os_error_str(b, e);
        }
        match self.tuple_len(args) {
            0 => Ok(()),
            1 => {
                let a = self.tuple_get(args, 0);
                if is_key_error {
                    return self.write_repr(b, a, 0);
                }
                self.write_str(b, a)
            }
            _ => self.write_repr(b, args, 0),
        }
    }

    fn write_os_error_str(&mut self, b: &mut StrBuilder, e: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(e)?;
        let r = (|| {
            let args = self.exc_args(self.slot(base))?;
            let mut m = Msg::new();
            let _ = write!(m, "[Errno {}] ", self.tuple_get(args, 0).small_value());
            self.builder_push(b, m.as_str())?;
            let args = self.exc_args(self.slot(base))?;
            self.write_str(b, self.tuple_get(args, 1))?;
            let d = self
                .heap
                .get(self.slot(base), crate::objects::exception::exc::DICT);
            if d.is_null() {
                return Ok(());
            }
            match self.dict_get_str(d, "filename") {
                Some(f) if !f.is_none() => {
                    self.push(f)?;
                    self.builder_push(b, ": ")?;
                    let f = self.heap.peek(0);
                    self.write_repr(b, f, 1)
                }
                _ => Ok(()),
            }
        })();
        self.heap.truncate(base);
        r
    }

    /// Writes `repr(v)`; `depth` guards against runaway nesting.
    pub fn write_repr(&mut self, b: &mut StrBuilder, v: Value, depth: u32) -> PyResult<()> {
        if depth > REPR_DEPTH {
            return Err(self.raise_msg(
                TypeId::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let mut m = Msg::new();
        if v.is_small() {
            let _ = write!(m, "{}", v.small_value());
            return self.builder_push(b, m.as_str());
        }
        if v.is_imm() {
            match v.imm_kind() {
                imm::SPECIAL => {
                    let s = ["None", "False", "True", "Ellipsis", "NotImplemented"]
                        [v.payload() as usize % 5];
                    return self.builder_push(b, s);
                }
                imm::CHAR => return self.write_str_repr(b, v),
                imm::TYPE => {
                    let _ = write!(m, "<class '{}'>", self.imm_name(v));
                    return self.builder_push(b, m.as_str());
                }
                imm::NATIVE => {
                    let _ = write!(m, "<built-in function {}>", self.imm_name(v));
                    return self.builder_push(b, m.as_str());
                }
                _ => {
                    let _ = write!(m, "<module '{}' (built-in)>", self.imm_name(v));
                    return self.builder_push(b, m.as_str());
                }
            }
        }
        match self.heap.kind(v) {
            kind::STR => self.write_str_repr(b, v),
            kind::FLOAT => {
                let f = self.float_value(v);
                let mut buf = [0u8; fzpy_num::float_repr::REPR_MAX_LEN];
                let n = fzpy_num::float_repr::repr_to_buf(f, &mut buf);
                let s = core::str::from_utf8(&buf[..n]).unwrap_or("?");
                let _ = m.write_str(s);
                self.builder_push(b, m.as_str())
            }
            kind::BIGINT => {
                let s = self.int_to_str(v, 10)?;
                self.builder_push_str(b, s)
            }
            kind::LIST | kind::TUPLE => {
                let is_list = self.heap.kind(v) == kind::LIST;
                if self.repr_enter(v) {
                    return self.builder_push(b, if is_list { "[...]" } else { "(...)" });
                }
                self.push(v)?;
                let slot = self.sp() - 1;
                self.repr_register(slot);
                self.builder_push(b, if is_list { "[" } else { "(" })?;
                let mut i = 0;
                let r = loop {
                    let v = self.slot(slot);
                    let n = if is_list {
                        self.list_len(v)
                    } else {
                        self.tuple_len(v)
                    };
                    if i >= n {
                        break Ok(());
                    }
                    if i > 0 {
                        if let Err(e) = self.builder_push(b, ", ") {
                            break Err(e);
                        }
                    }
                    // The separator may have grown the buffer: read again.
                    let v = self.slot(slot);
                    let x = if is_list {
                        self.list_get(v, i)
                    } else {
                        self.tuple_get(v, i)
                    };
                    if let Err(e) = self.write_repr(b, x, depth + 1) {
                        break Err(e);
                    }
                    i += 1;
                };
                let v = self.slot(slot);
                self.heap.truncate(slot);
                self.repr_leave(v);
                r?;
                if !is_list && i == 1 {
                    self.builder_push(b, ",")?;
                }
                self.builder_push(b, if is_list { "]" } else { ")" })
            }
            kind::DICT => self.write_dict_repr(b, v, depth),
            kind::SET | kind::FROZENSET => {
                let frozen = self.heap.kind(v) == kind::FROZENSET;
                if self.dict_len(v) == 0 {
                    return self.builder_push(b, if frozen { "frozenset()" } else { "set()" });
                }
                self.push(v)?;
                let slot = self.sp() - 1;
                self.builder_push(b, if frozen { "frozenset({" } else { "{" })?;
                let mut first = true;
                let mut i = 0;
                let r = loop {
                    let v = self.slot(slot);
                    if i >= self.dict_used(v) {
                        break Ok(());
                    }
                    if self.dict_entry(v, i).is_some() {
                        if !first {
                            if let Err(e) = self.builder_push(b, ", ") {
                                break Err(e);
                            }
                        }
                        first = false;
                        let v = self.slot(slot);
                        let k = self.dict_entry(v, i).map(|e| e.0).unwrap_or(Value::NONE);
                        if let Err(e) = self.write_repr(b, k, depth + 1) {
                            break Err(e);
                        }
                    }
                    i += 1;
                };
                self.heap.truncate(slot);
                r?;
                self.builder_push(b, if frozen { "})" } else { "}" })
            }
            kind::BYTES | kind::BYTEARRAY => {
                let is_ba = self.heap.kind(v) == kind::BYTEARRAY;
                let v = if is_ba {
                    self.push(v)?;
                    let r = self.builder_push(b, "bytearray(");
                    let v = self.pop();
                    r?;
                    v
                } else {
                    v
                };
                self.write_bytes_repr(b, v)?;
                if is_ba {
                    self.builder_push(b, ")")?;
                }
                Ok(())
            }
            kind::RANGE => {
                let (a, e, s) = self.range_parts(v);
                if s == 1 {
                    let _ = write!(m, "range({a}, {e})");
                } else {
                    let _ = write!(m, "range({a}, {e}, {s})");
                }
                self.builder_push(b, m.as_str())
            }
            kind::SLICE => {
                self.push(v)?;
                let slot = self.sp() - 1;
                self.builder_push(b, "slice(")?;
                for i in 0..3 {
                    if i > 0 {
                        self.builder_push(b, ", ")?;
                    }
                    let x = self.heap.get(self.slot(slot), i);
                    self.write_repr(b, x, depth + 1)?;
                }
                self.heap.truncate(slot);
                self.builder_push(b, ")")
            }
            kind::FUNCTION => {
                let q = self.heap.get(v, func::QUALNAME);
                let mut qb = [0; 4];
                let _ = write!(
                    m,
                    "<function {} at 0x{:08x}>",
                    self.str_text(q, &mut qb),
                    v.0
                );
                self.builder_push(b, m.as_str())
            }
            kind::CLASS => {
                let d = self.heap.get(v, cls::DICT);
                let module = self.dict_get_str(d, "__module__");
                let q = self.heap.get(v, cls::QUALNAME);
                let _ = m.write_str("<class '");
                if let Some(mo) = module {
                    if self.is_str(mo) && !self.str_is(mo, "builtins") {
                        let mut mb = [0; 4];
                        let _ = write!(m, "{}.", self.str_text(mo, &mut mb));
                    }
                }
                let mut qb = [0; 4];
                let _ = write!(m, "{}'>", self.str_text(q, &mut qb));
                self.builder_push(b, m.as_str())
            }
            kind::INSTANCE | kind::EXCEPTION => {
                if let Some(r) = self.user_special(v, "__repr__") {
                    if self.heap.kind(r) == kind::FUNCTION {
                        let s = self.call(r, &[v])?;
                        return self.push_returned_str(b, s, "__repr__");
                    }
                }
                if self.heap.kind(v) == kind::EXCEPTION {
                    let t = self.type_of(v);
                    let mut buf = [0; 4];
                    let _ = m.write_str(self.class_name(t, &mut buf));
                    let args = self.exc_args(v)?;
                    self.push(args)?;
                    let r = self.builder_push(b, m.as_str());
                    let args = self.pop();
                    r?;
                    if self.tuple_len(args) == 1 {
                        let a = self.tuple_get(args, 0);
                        self.push(a)?;
                        let r = self.builder_push(b, "(");
                        let a = self.pop();
                        r?;
                        self.write_repr(b, a, depth + 1)?;
                        return self.builder_push(b, ")");
                    }
                    return self.write_repr(b, args, depth + 1);
                }
                let bv = self.heap.get(v, crate::objects::class::inst::BASE);
                if !bv.is_null() {
                    return self.write_repr(b, bv, depth + 1);
                }
                let s = self.default_repr(v)?;
                self.builder_push_str(b, s)
            }
            kind::METHOD => {
                let f = self.heap.get(v, 1);
                let q = if self.heap.kind(f) == kind::FUNCTION {
                    self.heap.get(f, func::QUALNAME)
                } else {
                    Value::EMPTY_STR
                };
                let mut qb = [0; 4];
                let _ = write!(m, "<bound method {} of ", self.str_text(q, &mut qb));
                self.push(v)?;
                self.builder_push(b, m.as_str())?;
                let v = self.pop();
                let this = self.heap.get(v, 0);
                self.write_repr(b, this, depth + 1)?;
                self.builder_push(b, ">")
            }
            kind::NATIVE_METHOD => {
                let n = self.heap.get(v, 1);
                let this = self.heap.get(v, 0);
                let mut buf = [0; 4];
                let _ = write!(
                    m,
                    "<built-in method {} of {} object at 0x{:08x}>",
                    self.imm_name(n),
                    self.type_name(this, &mut buf),
                    this.0
                );
                self.builder_push(b, m.as_str())
            }
            kind::MODULE => {
                let n = self.heap.get(v, 0);
                let mut nb = [0; 4];
                let _ = write!(m, "<module '{}'>", self.str_text(n, &mut nb));
                self.builder_push(b, m.as_str())
            }
            kind::GENERATOR => {
                let f = self.heap.get(v, crate::objects::generator::FUNC);
                let q = self.heap.get(f, func::QUALNAME);
                let mut qb = [0; 4];
                let _ = write!(
                    m,
                    "<generator object {} at 0x{:08x}>",
                    self.str_text(q, &mut qb),
                    v.0
                );
                self.builder_push(b, m.as_str())
            }
            kind::DICT_VIEW => {
                let which = self.heap.get(v, 1).small_value();
                let name = ["dict_keys(", "dict_values(", "dict_items("][which as usize % 3];
                self.push(v)?;
                let l = self.list_from_iter(v)?;
                self.pop();
                self.push(l)?;
                self.builder_push(b, name)?;
                let l = self.pop();
                self.write_repr(b, l, depth + 1)?;
                self.builder_push(b, ")")
            }
            _ => {
                let s = self.default_repr(v)?;
                self.builder_push_str(b, s)
            }
        }
    }

    /// Marks a container as being printed (for `[...]` on cycles).
    fn repr_enter(&self, v: Value) -> bool {
        // The containers being printed sit in stack slots (so the collector
        // keeps them current); compare against those.
        self.repr_stack[..self.repr_stack_len]
            .iter()
            .any(|&s| self.slot(s) == v)
    }

    /// Records the stack slot of a container being printed.
    fn repr_register(&mut self, slot: usize) {
        if self.repr_stack_len < self.repr_stack.len() {
            self.repr_stack[self.repr_stack_len] = slot;
            self.repr_stack_len += 1;
        }
    }

    fn repr_leave(&mut self, _v: Value) {
        self.repr_stack_len = self.repr_stack_len.saturating_sub(1);
    }

    fn write_dict_repr(&mut self, b: &mut StrBuilder, v: Value, depth: u32) -> PyResult<()> {
        if self.repr_enter(v) {
            return self.builder_push(b, "{...}");
        }
        self.push(v)?;
        let slot = self.sp() - 1;
        self.repr_register(slot);
        let r = (|| {
            self.builder_push(b, "{")?;
            let mut first = true;
            let mut i = 0;
            loop {
                let v = self.slot(slot);
                if i >= self.dict_used(v) {
                    break;
                }
                if self.dict_entry(v, i).is_some() {
                    if !first {
                        self.builder_push(b, ", ")?;
                    }
                    first = false;
                    let v = self.slot(slot);
                    let (k, x) = self.dict_entry(v, i).unwrap_or((Value::NONE, Value::NONE));
                    self.push(x)?;
                    self.write_repr(b, k, depth + 1)?;
                    self.builder_push(b, ": ")?;
                    let x = self.pop();
                    self.write_repr(b, x, depth + 1)?;
                }
                i += 1;
            }
            self.builder_push(b, "}")
        })();
        let v = self.slot(slot);
        self.heap.truncate(slot);
        self.repr_leave(v);
        r
    }

    /// `<module.Class object at 0x...>`
    pub fn default_repr(&mut self, v: Value) -> PyResult<Value> {
        let t = self.type_of(v);
        let mut m = Msg::new();
        let mut buf = [0; 4];
        let _ = m.write_str("<");
        if self.heap.kind(t) == kind::CLASS {
            let d = self.heap.get(t, cls::DICT);
            if let Some(mo) = self.dict_get_str(d, "__module__") {
                let mut b2 = [0; 4];
                if self.is_str(mo) {
                    let _ = write!(m, "{}.", self.str_text(mo, &mut b2));
                }
            }
            let q = self.heap.get(t, cls::QUALNAME);
            let _ = m.write_str(self.str_text(q, &mut buf));
        } else {
            let _ = m.write_str(self.class_name(t, &mut buf));
        }
        let id = self.identity_hash(v);
        let _ = write!(m, " object at 0x{:08x}>", id);
        self.new_str(m.as_str())
    }

    /// repr of a str with CPython's quoting and escapes.
    fn write_str_repr(&mut self, b: &mut StrBuilder, v: Value) -> PyResult<()> {
        let (quote, n) = {
            let mut cb = [0; 4];
            let t = self.str_bytes_buf(v, &mut cb);
            let q = if t.contains(&b'\'') && !t.contains(&b'"') {
                b'"'
            } else {
                b'\''
            };
            (q, t.len())
        };
        let qs = if quote == b'"' { "\"" } else { "'" };
        let base = self.sp();
        self.push(v)?;
        let r = (|| {
            self.builder_push(b, qs)?;
            let mut i = 0;
            while i < n {
                // A run of characters shown as themselves, else one escape.
                let mut tmp = [0u8; 64];
                let mut k = 0;
                let mut esc = Msg::new();
                {
                    let mut cb = [0; 4];
                    let t = self.str_bytes_buf(self.slot(base), &mut cb);
                    while i < n {
                        let (c, w) = crate::objects::str_methods::decode_at(t, i);
                        let x = c as u32;
                        let plain = !matches!(c, '\\' | '\n' | '\r' | '\t')
                            && x != quote as u32
                            && !is_unprintable(c);
                        if !plain {
                            if k == 0 {
                                let _ = match c {
                                    '\\' => esc.write_str("\\\\"),
                                    '\n' => esc.write_str("\\n"),
                                    '\r' => esc.write_str("\\r"),
                                    '\t' => esc.write_str("\\t"),
                                    _ if x == quote as u32 => write!(esc, "\\{c}"),
                                    _ if x <= 0xff => write!(esc, "\\x{x:02x}"),
                                    _ if x <= 0xffff => write!(esc, "\\u{x:04x}"),
                                    _ => write!(esc, "\\U{x:08x}"),
                                };
                                i += w;
                            }
                            break;
                        }
                        if k + w > tmp.len() {
                            break;
                        }
                        tmp[k..k + w].copy_from_slice(&t[i..i + w]);
                        k += w;
                        i += w;
                    }
                }
                if k > 0 {
                    self.builder_push(b, core::str::from_utf8(&tmp[..k]).unwrap_or(""))?;
                } else {
                    self.builder_push(b, esc.as_str())?;
                }
            }
            self.builder_push(b, qs)
        })();
        self.heap.truncate(base);
        r
    }

    /// repr of bytes: `b'...'`.
    fn write_bytes_repr(&mut self, b: &mut StrBuilder, v: Value) -> PyResult<()> {
        let (quote, n) = {
            let t = self.bytes_like_data(v);
            let q = if t.contains(&b'\'') && !t.contains(&b'"') {
                b'"'
            } else {
                b'\''
            };
            (q, t.len())
        };
        let qs = if quote == b'"' { "b\"" } else { "b'" };
        let base = self.sp();
        self.push(v)?;
        let r = (|| {
            self.builder_push(b, qs)?;
            let mut i = 0;
            while i < n {
                // Up to 16 source bytes at a time (at most 4 output bytes each).
                let mut tmp = [0u8; 64];
                let mut k = 0;
                {
                    let t = self.bytes_like_data(self.slot(base));
                    let end = n.min(i + 16).min(t.len());
                    for &c in &t[i..end] {
                        let mut put = |s: &[u8]| {
                            tmp[k..k + s.len()].copy_from_slice(s);
                            k += s.len();
                        };
                        match c {
                            b'\\' => put(b"\\\\"),
                            b'\n' => put(b"\\n"),
                            b'\r' => put(b"\\r"),
                            b'\t' => put(b"\\t"),
                            c if c == quote => put(&[b'\\', c]),
                            0x20..=0x7e => put(&[c]),
                            c => {
                                const HEX: &[u8; 16] = b"0123456789abcdef";
                                put(&[b'\\', b'x', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]])
                            }
                        }
                    }
                    i = end.max(i + 1);
                }
                self.builder_push(b, core::str::from_utf8(&tmp[..k]).unwrap_or(""))?;
            }
            self.builder_push(b, &qs[1..])
        })();
        self.heap.truncate(base);
        r
    }

    /// FORMAT_VALUE: conversion then format spec.
    pub(crate) fn format_value(&mut self, v: Value, conv: u8, spec: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(spec)?;
        let v = match conv {
            1 => self.str(v)?,
            2 => self.repr(v)?,
            3 => {
                let r = self.repr(v)?;
                crate::format::ascii_of(self, r)?
            }
            _ => v,
        };
        let spec = self.slot(base);
        self.heap.truncate(base);
        if (spec.is_null() || spec == Value::EMPTY_STR)
            && self.user_special(v, "__format__").is_none()
        {
            return self.str(v);
        }
        let spec = if spec.is_null() {
            Value::EMPTY_STR
        } else {
            spec
        };
        crate::format::format(self, v, spec)
    }

    /// PRINT_EXPR: the REPL's echo.
    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        crate::builtins::set_underscore(self, v)?;
        let r = self.repr(v)?;
        let mut buf = [0; 4];
        let bytes: alloc::vec::Vec<u8> = self.str_bytes_buf(r, &mut buf).to_vec();
        self.platform.write_out(&bytes);
        self.platform.write_out(b"\n");
        Ok(())
    }
}

/// Characters CPython's repr escapes: those for which `str.isprintable`
/// is false (see `str_methods::is_printable`).
fn is_unprintable(c: char) -> bool {
    !crate::objects::str_methods::is_printable(c)
}
