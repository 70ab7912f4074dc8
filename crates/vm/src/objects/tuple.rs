//! tuple: an immutable array of values, `[items...]`.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The methods of tuple (in `seq_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::seq_methods::TUPLE_METHODS;

impl Vm {
    /// A tuple of `n` NULLs for the caller to fill.
    pub fn new_tuple(&mut self, n: usize) -> PyResult<Value> {
        self.alloc(kind::TUPLE, n)
    }

    /// A tuple of the given values (which must not be heap values that need
    /// rooting: use for immediates, or build with `new_tuple` + `set`).
    pub fn tuple_of(&mut self, items: &[Value]) -> PyResult<Value> {
        for &v in items {
            self.push(v)?;
        }
        let r = self.new_tuple(items.len());
        let base = self.sp() - items.len();
        if let Ok(t) = r {
            for i in 0..items.len() {
                let v = self.slot(base + i);
                self.heap.set(t, i, v);
            }
        }
        self.heap.truncate(base);
        r
    }

    /// Tuple built from stack slots `base..base + n`.
    pub fn tuple_from_stack(&mut self, base: usize, n: usize) -> PyResult<Value> {
        let t = self.new_tuple(n)?;
        for i in 0..n {
            let v = self.slot(base + i);
            self.heap.set(t, i, v);
        }
        Ok(t)
    }

    /// Length of a tuple.
    #[inline]
    pub fn tuple_len(&self, t: Value) -> usize {
        self.heap.payload_len(t)
    }

    /// Item `i` of a tuple.
    #[inline]
    pub fn tuple_get(&self, t: Value, i: usize) -> Value {
        self.heap.get(t, i)
    }
}

/// `tuple(iterable=())`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "tuple", 0, 1)?;
    if args.npos() == 0 {
        return vm.new_tuple(0);
    }
    let it = vm.slot(args.base);
    if vm.heap.kind(it) == kind::TUPLE {
        return Ok(it);
    }
    let l = vm.list_from_iter(it)?;
    vm.list_to_tuple(l)
}
