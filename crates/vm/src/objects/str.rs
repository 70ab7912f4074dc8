//! str: UTF-8 text indexed by code point.
//!
//! Layout `[hash][nchars][nbytes][bytes...]`. Strings of zero or one code
//! point are immediates (`imm::CHAR`), never heap objects, so iterating or
//! indexing a str allocates nothing; every constructor here keeps to that,
//! which makes equality of short strings an identity test.

use crate::heap::{kind, words_for};
use crate::native::{Args, NativeDef};
use crate::value::{imm, Value, EMPTY_STR_PAYLOAD};
use crate::vm::{PyResult, Vm};

/// Payload word of the cached hash (0 = not yet computed).
pub const HASH: usize = 0;
/// Payload word of the length in code points.
pub const NCHARS: usize = 1;
/// Payload word of the length in bytes.
pub const NBYTES: usize = 2;
/// First payload word of the UTF-8 bytes.
pub const DATA: usize = 3;

/// The methods of str (filled in `str_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::str_methods::METHODS;

/// Bytes of single ASCII characters, for views of CHAR immediates.
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = i as u8;
        i += 1;
    }
    t
};

/// FNV-1a over the bytes, folded to 30 bits and never 0 (0 means "not cached").
pub fn hash_bytes(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in b {
        h ^= x as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    let h = (h ^ (h >> 30)) & 0x3fff_ffff;
    if h == 0 {
        1
    } else {
        h
    }
}

/// Counts code points in valid UTF-8.
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xc0) != 0x80).count()
}

impl Vm {
    /// Whether `v` is a str (immediate or heap).
    #[inline]
    pub fn is_str(&self, v: Value) -> bool {
        v.is_imm_of(imm::CHAR) || self.heap.kind(v) == kind::STR
    }

    /// A new str from Rust text.
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        self.new_str_inner(s, false)
    }

    /// Like new_str, but may use the heap reserve (for exception messages).
    pub fn new_str_reserve(&mut self, s: &str) -> PyResult<Value> {
        self.new_str_inner(s, true)
    }

    fn new_str_inner(&mut self, s: &str, reserve: bool) -> PyResult<Value> {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => return Ok(Value::EMPTY_STR),
            (Some(c), None) => return Ok(Value::char(c)),
            _ => {}
        }
        let v = self.alloc_str_raw(s.len(), count_chars(s.as_bytes()), reserve)?;
        self.heap.bytes_mut(v, DATA)[..s.len()].copy_from_slice(s.as_bytes());
        Ok(v)
    }

    /// Allocates a heap str of `nbytes` bytes / `nchars` code points for the
    /// caller to fill (with valid UTF-8!). Only for nchars >= 2: shorter
    /// strings must be immediates (use [`Vm::finish_str`] when unsure).
    pub fn alloc_str_raw(
        &mut self,
        nbytes: usize,
        nchars: usize,
        reserve: bool,
    ) -> PyResult<Value> {
        let words = DATA + words_for(nbytes);
        let v = if reserve {
            self.heap.alloc_reserve(kind::STR, words)
        } else {
            self.heap.alloc(kind::STR, words)
        };
        let v = v.map_err(|e| self.oom(e))?;
        self.heap.set_raw(v, NCHARS, nchars as u32);
        self.heap.set_raw(v, NBYTES, nbytes as u32);
        Ok(v)
    }

    /// Canonicalises a heap str that may hold fewer than two code points.
    pub fn finish_str(&mut self, v: Value) -> Value {
        if self.heap.kind(v) != kind::STR || self.heap.raw(v, NCHARS) >= 2 {
            return v;
        }
        let b = self.str_bytes(v);
        match core::str::from_utf8(b).ok().and_then(|s| s.chars().next()) {
            Some(c) => Value::char(c),
            None => Value::EMPTY_STR,
        }
    }

    /// A str from bytes known to be valid UTF-8 that live outside the heap.
    pub fn new_str_from_utf8(&mut self, b: &[u8]) -> PyResult<Value> {
        match core::str::from_utf8(b) {
            Ok(s) => self.new_str(s),
            Err(_) => {
                Err(self.raise_msg(crate::types::TypeId::UnicodeDecodeError, "invalid utf-8"))
            }
        }
    }

    /// The UTF-8 bytes of a str; `buf` backs one-character immediates.
    pub fn str_bytes_buf<'a>(&'a self, v: Value, buf: &'a mut [u8; 4]) -> &'a [u8] {
        if v.is_imm_of(imm::CHAR) {
            let p = v.payload();
            if p == EMPTY_STR_PAYLOAD {
                return &[];
            }
            let c = char::from_u32(p).unwrap_or('\u{fffd}');
            return c.encode_utf8(buf).as_bytes();
        }
        let n = self.heap.raw(v, NBYTES) as usize;
        &self.heap.bytes(v, DATA)[..n]
    }

    /// The UTF-8 bytes of a str that is a heap object or an ASCII/empty
    /// immediate; for other immediates use [`Vm::str_bytes_buf`].
    pub fn str_bytes(&self, v: Value) -> &[u8] {
        if v.is_imm_of(imm::CHAR) {
            let p = v.payload() as usize;
            if p < 128 {
                return &ASCII[p..p + 1];
            }
            return &[];
        }
        let n = self.heap.raw(v, NBYTES) as usize;
        &self.heap.bytes(v, DATA)[..n]
    }

    /// The text of a str; `buf` backs one-character immediates.
    pub fn str_text<'a>(&'a self, v: Value, buf: &'a mut [u8; 4]) -> &'a str {
        let b = self.str_bytes_buf(v, buf);
        // Every str is built from valid UTF-8 (constructors check or copy from &str).
        core::str::from_utf8(b).unwrap_or("\u{fffd}")
    }

    /// Length in code points.
    pub fn str_len(&self, v: Value) -> usize {
        if v.is_imm_of(imm::CHAR) {
            usize::from(v.payload() != EMPTY_STR_PAYLOAD)
        } else {
            self.heap.raw(v, NCHARS) as usize
        }
    }

    /// The hash of a str (cached in heap strings).
    pub fn str_hash(&mut self, v: Value) -> u32 {
        if v.is_heap() {
            let h = self.heap.raw(v, HASH);
            if h != 0 {
                return h;
            }
            let h = hash_bytes(self.str_bytes(v));
            self.heap.set_raw(v, HASH, h);
            return h;
        }
        let mut buf = [0; 4];
        hash_bytes(self.str_bytes_buf(v, &mut buf))
    }

    /// Equality of two strs.
    pub fn str_eq(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        if !a.is_heap() || !b.is_heap() {
            return false;
        }
        self.str_bytes(a) == self.str_bytes(b)
    }

    /// Whether the str equals `s`.
    pub fn str_is(&self, v: Value, s: &str) -> bool {
        let mut buf = [0; 4];
        self.str_bytes_buf(v, &mut buf) == s.as_bytes()
    }

    /// Concatenates two strs.
    pub fn str_concat(&mut self, a: Value, b: Value) -> PyResult<Value> {
        if a == Value::EMPTY_STR {
            return Ok(b);
        }
        if b == Value::EMPTY_STR {
            return Ok(a);
        }
        let (na, nb) = (self.str_byte_len(a), self.str_byte_len(b));
        let chars = self.str_len(a) + self.str_len(b);
        self.push(a)?;
        self.push(b)?;
        let r = self.alloc_str_raw(na + nb, chars, false);
        let b = self.pop();
        let a = self.pop();
        let r = r?;
        self.copy_str_into(r, 0, a);
        self.copy_str_into(r, na, b);
        Ok(r)
    }

    /// Byte length of a str.
    pub fn str_byte_len(&self, v: Value) -> usize {
        let mut buf = [0; 4];
        self.str_bytes_buf(v, &mut buf).len()
    }

    /// Copies the bytes of str `src` into heap str `dst` at byte `at`.
    pub fn copy_str_into(&mut self, dst: Value, at: usize, src: Value) {
        let mut buf = [0u8; 4];
        if src.is_heap() {
            let n = self.heap.raw(src, NBYTES) as usize;
            let from = (src.word() + 1 + DATA) * 4;
            let to = (dst.word() + 1 + DATA) * 4 + at;
            let bytes = crate::heap::words_as_bytes_mut(&mut self.heap.words);
            bytes.copy_within(from..from + n, to);
        } else {
            let n = {
                let b = self.str_bytes_buf(src, &mut buf);
                b.len()
            };
            self.heap.bytes_mut(dst, DATA)[at..at + n].copy_from_slice(&buf[..n]);
        }
    }

    /// The byte offset of code point `i` (ASCII strings: `i` itself).
    pub fn str_char_offset(&self, v: Value, i: usize) -> usize {
        let b = self.str_bytes(v);
        if !v.is_heap() || self.heap.raw(v, NCHARS) as usize == b.len() {
            return i.min(b.len());
        }
        let mut n = 0;
        for (off, &c) in b.iter().enumerate() {
            if c & 0xc0 != 0x80 {
                if n == i {
                    return off;
                }
                n += 1;
            }
        }
        b.len()
    }

    /// The substring of code points `start..end` (clamped).
    pub fn str_slice_chars(&mut self, v: Value, start: usize, end: usize) -> PyResult<Value> {
        let len = self.str_len(v);
        let end = end.min(len);
        if start >= end {
            return Ok(Value::EMPTY_STR);
        }
        if start == 0 && end == len {
            return Ok(v);
        }
        let (bs, be) = (self.str_char_offset(v, start), self.str_char_offset(v, end));
        self.str_from_byte_range(v, bs, be, end - start)
    }

    /// A new str from bytes `bs..be` of heap str `v` holding `nchars` code points.
    pub fn str_from_byte_range(
        &mut self,
        v: Value,
        bs: usize,
        be: usize,
        nchars: usize,
    ) -> PyResult<Value> {
        if nchars <= 1 {
            let b = &self.str_bytes(v)[bs..be];
            return Ok(
                match core::str::from_utf8(b).ok().and_then(|s| s.chars().next()) {
                    Some(c) => Value::char(c),
                    None => Value::EMPTY_STR,
                },
            );
        }
        self.push(v)?;
        let r = self.alloc_str_raw(be - bs, nchars, false);
        let v = self.pop();
        let r = r?;
        let from = (v.word() + 1 + DATA) * 4 + bs;
        let to = (r.word() + 1 + DATA) * 4;
        crate::heap::words_as_bytes_mut(&mut self.heap.words)
            .copy_within(from..from + (be - bs), to);
        Ok(r)
    }

    /// The code point at index `i` (< len) as a one-character str.
    pub fn str_char_at(&self, v: Value, i: usize) -> Value {
        if !v.is_heap() {
            return v;
        }
        let off = self.str_char_offset(v, i);
        let b = &self.str_bytes(v)[off..];
        let end = b.len().min(4);
        let s = match core::str::from_utf8(&b[..end]) {
            Ok(s) => s,
            Err(e) => core::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
        };
        s.chars()
            .next()
            .map(Value::char)
            .unwrap_or(Value::EMPTY_STR)
    }
}

/// `str(object='')`: the str constructor.
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::str_methods::str_new(vm, args)
}
