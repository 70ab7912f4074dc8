//! bytes `[hash][len][bytes...]` and bytearray `[len][RAW]` (RAW's payload
//! words hold the bytes; its size is the capacity).

use crate::heap::{kind, words_for};
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of bytes (in `bytes_methods.rs`).
pub static BYTES_METHODS: &[NativeDef] = crate::objects::bytes_methods::BYTES_METHODS;
/// Methods of bytearray (in `bytes_methods.rs`).
pub static BYTEARRAY_METHODS: &[NativeDef] = crate::objects::bytes_methods::BYTEARRAY_METHODS;

impl Vm {
    /// A bytes object of `n` zero bytes for the caller to fill.
    pub fn alloc_bytes(&mut self, n: usize) -> PyResult<Value> {
        let v = self.alloc(kind::BYTES, 2 + words_for(n))?;
        self.heap.set_raw(v, 1, n as u32);
        Ok(v)
    }

    /// A bytes object copied from data outside the heap.
    pub fn new_bytes(&mut self, data: &[u8]) -> PyResult<Value> {
        let v = self.alloc_bytes(data.len())?;
        self.heap.bytes_mut(v, 2)[..data.len()].copy_from_slice(data);
        Ok(v)
    }

    /// The contents of a bytes object.
    #[inline]
    pub fn bytes_data(&self, v: Value) -> &[u8] {
        let n = self.heap.raw(v, 1) as usize;
        &self.heap.bytes(v, 2)[..n]
    }

    /// The contents of a bytes or bytearray object.
    pub fn bytes_like_data(&self, v: Value) -> &[u8] {
        if self.heap.kind(v) == kind::BYTEARRAY {
            let n = self.heap.get(v, 0).small_value() as usize;
            let raw = self.heap.get(v, 1);
            if raw.is_null() {
                return &[];
            }
            return &self.heap.bytes(raw, 0)[..n];
        }
        self.bytes_data(v)
    }

    /// Whether `v` is bytes or bytearray.
    pub fn is_bytes_like(&self, v: Value) -> bool {
        matches!(self.heap.kind(v), kind::BYTES | kind::BYTEARRAY)
    }

    /// A new bytearray of `n` zero bytes.
    pub fn new_bytearray(&mut self, n: usize) -> PyResult<Value> {
        let raw = self.alloc(kind::RAW, words_for(n.max(1)))?;
        self.push(raw)?;
        let b = self.alloc(kind::BYTEARRAY, 2);
        let raw = self.pop();
        let b = b?;
        self.heap.set(b, 0, Value::from_usize(n));
        self.heap.set(b, 1, raw);
        Ok(b)
    }

    /// Resizes a bytearray to `n` bytes (new bytes are zero).
    pub fn bytearray_resize(&mut self, b: Value, n: usize) -> PyResult<()> {
        let raw = self.heap.get(b, 1);
        let cap = self.heap.payload_len(raw) * 4;
        if n > cap {
            let len = self.heap.get(b, 0).small_value() as usize;
            self.push(b)?;
            let new = self.alloc(kind::RAW, words_for(n.max(cap + cap / 2 + 8)));
            let b = self.pop();
            let new = new?;
            let raw = self.heap.get(b, 1);
            let (src, dst) = (raw.word() + 1, new.word() + 1);
            self.heap.words.copy_within(src..src + words_for(len), dst);
            self.heap.set(b, 1, new);
            self.heap.set(b, 0, Value::from_usize(n));
            return Ok(());
        }
        let len = self.heap.get(b, 0).small_value() as usize;
        if n > len {
            self.heap.bytes_mut(raw, 0)[len..n].fill(0);
        }
        self.heap.set(b, 0, Value::from_usize(n));
        Ok(())
    }

    /// Mutable contents of a bytearray.
    pub fn bytearray_data_mut(&mut self, b: Value) -> &mut [u8] {
        let n = self.heap.get(b, 0).small_value() as usize;
        let raw = self.heap.get(b, 1);
        &mut self.heap.bytes_mut(raw, 0)[..n]
    }
}

/// `bytes(...)`
pub fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::bytes_methods::bytes_new(vm, args)
}

/// `bytearray(...)`
pub fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::bytes_methods::bytearray_new(vm, args)
}
