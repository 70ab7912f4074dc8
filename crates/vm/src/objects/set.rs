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

    /// Adds `key` to a set.
    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        self.dict_set(s, key, Value::NULL)
    }

    /// Whether the set contains `key`.
    pub fn set_contains(&mut self, s: Value, key: Value) -> PyResult<bool> {
        self.push(s)?;
        let h = self.hash(key);
        let s = self.pop();
        h?;
        // Values are NULL, so probe via the dict lookup and the entry's presence.
        Ok(self.table_find(s, key)?.is_some())
    }

    /// Entry index of `key` in a table, if present.
    pub fn table_find(&mut self, t: Value, key: Value) -> PyResult<Option<usize>> {
        let base = self.sp();
        self.push(t)?;
        let r = self.dict_get(t, key);
        let t = self.slot(base);
        self.heap.truncate(base);
        match r? {
            Some(_) => {
                // Locate the entry (identity or equal key) for the caller.
                for i in 0..self.dict_used(t) {
                    if let Some((k, _)) = self.dict_entry(t, i) {
                        if k == key {
                            return Ok(Some(i));
                        }
                    }
                }
                Ok(Some(usize::MAX))
            }
            None => Ok(None),
        }
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
