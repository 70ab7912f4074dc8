//! float: an f64 in a FLOAT object `[low word][high word]`.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The methods of float (in `float_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::float_methods::METHODS;

impl Vm {
    /// A new float.
    pub fn new_float(&mut self, f: f64) -> PyResult<Value> {
        let v = self.alloc(kind::FLOAT, 2)?;
        let bits = f.to_bits();
        self.heap.set_raw(v, 0, bits as u32);
        self.heap.set_raw(v, 1, (bits >> 32) as u32);
        Ok(v)
    }

    /// Whether `v` is a float.
    #[inline]
    pub fn is_float(&self, v: Value) -> bool {
        self.heap.kind(v) == kind::FLOAT
    }

    /// The f64 of a float object.
    #[inline]
    pub fn float_value(&self, v: Value) -> f64 {
        let lo = self.heap.raw(v, 0) as u64;
        let hi = self.heap.raw(v, 1) as u64;
        f64::from_bits(lo | hi << 32)
    }
}

/// `float(x=0.0)`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::float_methods::float_new(vm, args)
}
