//! set and frozenset: the dict table with keys only (values stay NULL).

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The methods of set (in `set_methods.rs`).
pub static SET_METHODS: &[NativeDef] = crate::objects::set_methods::SET_METHODS;
/// The methods of frozenset.
pub static FROZENSET_METHODS: &[NativeDef] = crate::objects::set_methods::FROZENSET_METHODS;

impl Vm {
    /// Whether `v` is a set or frozenset.
    pub fn is_anyset(&self, v: Value) -> bool {
        matches!(self.heap.kind(v), kind::SET | kind::FROZENSET)
    }

    /// Adds `key` to a set (both rooted here).
    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        self.table_insert(s, key, Value::NULL, None)
    }

    /// Whether the set contains `key`.
    pub fn set_contains(&mut self, s: Value, key: Value) -> PyResult<bool> {
        Ok(self.table_find(s, key)?.is_some())
    }
}

/// `set(iterable=())`
pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::set_methods::set_new(vm, args)
}

/// `frozenset(iterable=())`
pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::set_methods::frozenset_new(vm, args)
}
