//! dict (and the hash table behind set/frozenset): insertion-ordered.
//!
//! Layout `[len][used][entries][index]`: `entries` is an ARRAY of
//! `(hash, key, value)` triples in insertion order (a deleted entry has a
//! NULL key), `used` counts entries written so far; `index` is NULL while
//! the table is small (lookups scan the entries) and otherwise a RAW object
//! of u32 slots (0 = empty, else entry number + 1), probed linearly.
//! Lookups compare hashes first, then identity, then equality; equality may
//! run Python code, so the table is re-read from a stack slot after it.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Payload word: number of live entries.
pub const LEN: usize = 0;
/// Payload word: entries written (live or deleted).
pub const USED: usize = 1;
/// Payload word: the entries ARRAY.
pub const ENTRIES: usize = 2;
/// Payload word: the index RAW (or NULL).
pub const INDEX: usize = 3;

/// Tables up to this many entries have no index.
const LINEAR_MAX: usize = 8;

/// The methods of dict (in `dict_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::dict_methods::METHODS;
/// The methods of dict views.
pub static VIEW_METHODS: &[NativeDef] = crate::objects::dict_methods::VIEW_METHODS;

/// Where a lookup ended.
enum Probe {
    /// Found at entry `i`.
    Found(usize),
    /// Not present.
    Missing,
}

impl Vm {
    /// A new empty table of kind DICT, SET or FROZENSET.
    pub fn new_table(&mut self, k: u8, cap: usize) -> PyResult<Value> {
        let d = self.alloc(k, 4)?;
        self.heap.set(d, LEN, Value::int(0));
        self.heap.set(d, USED, Value::int(0));
        if cap > 0 {
            self.push(d)?;
            let r = self.alloc(kind::ARRAY, cap * 3);
            let d = self.pop();
            let e = r?;
            self.heap.set(d, ENTRIES, e);
            return Ok(d);
        }
        Ok(d)
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        self.new_table(kind::DICT, 0)
    }

    /// Number of items.
    #[inline]
    pub fn dict_len(&self, d: Value) -> usize {
        self.heap.get(d, LEN).small_value() as usize
    }

    /// Entries written (iterate `0..dict_used` with [`Vm::dict_entry`]).
    #[inline]
    pub fn dict_used(&self, d: Value) -> usize {
        self.heap.get(d, USED).small_value() as usize
    }

    /// Entry `i` as `(key, value)`, or None if deleted.
    pub fn dict_entry(&self, d: Value, i: usize) -> Option<(Value, Value)> {
        let e = self.heap.get(d, ENTRIES);
        let k = self.heap.get(e, i * 3 + 1);
        if k.is_null() {
            None
        } else {
            Some((k, self.heap.get(e, i * 3 + 2)))
        }
    }

    /// Sets the value of live entry `i`.
    pub fn dict_set_entry_value(&mut self, d: Value, i: usize, v: Value) {
        let e = self.heap.get(d, ENTRIES);
        self.heap.set(e, i * 3 + 2, v);
    }

    /// Looks `key` up; the table and key are rooted here while equality
    /// (which may run Python code) is decided.
    fn probe(&mut self, d: Value, key: Value, hash: u32) -> PyResult<Probe> {
        let base = self.sp();
        self.push(d)?;
        self.push(key)?;
        let r = self.probe_rooted(base, hash);
        self.heap.truncate(base);
        r
    }

    fn probe_rooted(&mut self, base: usize, hash: u32) -> PyResult<Probe> {
        let hv = Value::int(hash as i32);
        let d = self.slot(base);
        let index = self.heap.get(d, INDEX);
        if index.is_null() {
            let mut i = 0;
            while i < self.dict_used(self.slot(base)) {
                if self.entry_matches(base, i, hv)? {
                    return Ok(Probe::Found(i));
                }
                i += 1;
            }
            return Ok(Probe::Missing);
        }
        let mask = self.heap.payload_len(index) - 1;
        let mut pos = hash as usize & mask;
        loop {
            let d = self.slot(base);
            let index = self.heap.get(d, INDEX);
            if index.is_null() || self.heap.payload_len(index) != mask + 1 {
                // The table was rebuilt by Python code run during equality.
                return self.probe_rooted(base, hash);
            }
            let slot = self.heap.raw(index, pos);
            if slot == 0 {
                return Ok(Probe::Missing);
            }
            let i = slot as usize - 1;
            if self.entry_matches(base, i, hv)? {
                return Ok(Probe::Found(i));
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Whether entry `i` of the table in slot `base` has the key in slot `base + 1`.
    fn entry_matches(&mut self, base: usize, i: usize, hv: Value) -> PyResult<bool> {
        let d = self.slot(base);
        let key = self.slot(base + 1);
        let e = self.heap.get(d, ENTRIES);
        if i >= self.dict_used(d) {
            return Ok(false);
        }
        let k = self.heap.get(e, i * 3 + 1);
        if k.is_null() || self.heap.get(e, i * 3) != hv {
            return Ok(false);
        }
        if k == key {
            return Ok(true);
        }
        self.eq(k, key)
    }

    /// `d[key]`, or None when missing.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        self.push(d)?;
        let r = self.probe(d, key, h);
        let d = self.pop();
        match r? {
            Probe::Found(i) => Ok(self.dict_entry(d, i).map(|(_, v)| v)),
            Probe::Missing => Ok(None),
        }
    }

    /// Looks up a str key given as Rust text (no allocation, no Python code).
    pub fn dict_get_str(&self, d: Value, name: &str) -> Option<Value> {
        let h = Value::int(crate::objects::str::hash_bytes(name.as_bytes()) as i32);
        let e = self.heap.get(d, ENTRIES);
        if e.is_null() {
            return None;
        }
        for i in 0..self.dict_used(d) {
            if self.heap.get(e, i * 3) != h {
                continue;
            }
            let k = self.heap.get(e, i * 3 + 1);
            if !k.is_null() && self.is_str(k) && self.str_is(k, name) {
                return Some(self.heap.get(e, i * 3 + 2));
            }
        }
        None
    }

    /// `d[key] = value` (all three rooted here across allocations).
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        let base = self.sp();
        self.push(d)?;
        self.push(key)?;
        self.push(value)?;
        let r = self.dict_set_rooted(base, h);
        self.heap.truncate(base);
        r
    }

    fn dict_set_rooted(&mut self, base: usize, h: u32) -> PyResult<()> {
        let (d, key) = (self.slot(base), self.slot(base + 1));
        if let Probe::Found(i) = self.probe(d, key, h)? {
            let (d, v) = (self.slot(base), self.slot(base + 2));
            self.dict_set_entry_value(d, i, v);
            return Ok(());
        }
        let d = self.slot(base);
        let used = self.dict_used(d);
        let e = self.heap.get(d, ENTRIES);
        let cap = if e.is_null() {
            0
        } else {
            self.heap.payload_len(e) / 3
        };
        if used == cap {
            self.table_resize(base)?;
        }
        let d = self.slot(base);
        let used = self.dict_used(d);
        let e = self.heap.get(d, ENTRIES);
        self.heap.set(e, used * 3, Value::int(h as i32));
        let (k, v) = (self.slot(base + 1), self.slot(base + 2));
        self.heap.set(e, used * 3 + 1, k);
        self.heap.set(e, used * 3 + 2, v);
        self.heap.set(d, USED, Value::from_usize(used + 1));
        let len = self.dict_len(d);
        self.heap.set(d, LEN, Value::from_usize(len + 1));
        let index = self.heap.get(d, INDEX);
        if !index.is_null() {
            let slots = self.heap.payload_len(index);
            if (used + 1) * 3 > slots * 2 {
                self.table_resize(base)?;
            } else {
                Self::index_insert(&mut self.heap, index, h, used);
            }
        } else if used + 1 > LINEAR_MAX {
            self.table_resize(base)?;
        }
        Ok(())
    }

    fn index_insert(heap: &mut crate::heap::Heap, index: Value, h: u32, entry: usize) {
        let mask = heap.payload_len(index) - 1;
        let mut pos = h as usize & mask;
        while heap.raw(index, pos) != 0 {
            pos = (pos + 1) & mask;
        }
        heap.set_raw(index, pos, entry as u32 + 1);
    }

    /// Rebuilds the table in slot `base` with dead entries dropped and room
    /// to grow; adds an index when it is large.
    fn table_resize(&mut self, base: usize) -> PyResult<()> {
        let d = self.slot(base);
        let len = self.dict_len(d);
        let cap = (len * 2).max(4);
        let e = self.alloc(kind::ARRAY, cap * 3)?;
        let d = self.slot(base);
        let old = self.heap.get(d, ENTRIES);
        let mut n = 0;
        for i in 0..self.dict_used(d) {
            let k = self.heap.get(old, i * 3 + 1);
            if k.is_null() {
                continue;
            }
            for j in 0..3 {
                let x = self.heap.get(old, i * 3 + j);
                self.heap.set(e, n * 3 + j, x);
            }
            n += 1;
        }
        self.heap.set(d, ENTRIES, e);
        self.heap.set(d, USED, Value::from_usize(n));
        self.heap.set(d, INDEX, Value::NULL);
        if cap > LINEAR_MAX {
            let slots = (cap * 3 / 2).next_power_of_two();
            let index = self.alloc(kind::RAW, slots)?;
            let d = self.slot(base);
            self.heap.set(d, INDEX, index);
            let e = self.heap.get(d, ENTRIES);
            for i in 0..n {
                let h = self.heap.get(e, i * 3).small_value() as u32;
                Self::index_insert(&mut self.heap, index, h, i);
            }
        }
        Ok(())
    }

    /// Removes `key`; returns its value, or None when missing.
    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        self.push(d)?;
        let r = self.probe(d, key, h);
        let d = self.pop();
        match r? {
            Probe::Found(i) => {
                let e = self.heap.get(d, ENTRIES);
                let v = self.heap.get(e, i * 3 + 2);
                self.heap.set(e, i * 3 + 1, Value::NULL);
                self.heap.set(e, i * 3 + 2, Value::NULL);
                let len = self.dict_len(d);
                self.heap.set(d, LEN, Value::from_usize(len - 1));
                if len == 1 {
                    // Empty again: forget dead entries so `used` stays small.
                    self.heap.set(d, USED, Value::int(0));
                    self.heap.set(d, INDEX, Value::NULL);
                }
                Ok(Some(v))
            }
            Probe::Missing => Ok(None),
        }
    }

    /// Removes every item.
    pub fn dict_clear(&mut self, d: Value) {
        self.heap.set(d, LEN, Value::int(0));
        self.heap.set(d, USED, Value::int(0));
        self.heap.set(d, ENTRIES, Value::NULL);
        self.heap.set(d, INDEX, Value::NULL);
    }

    /// Whether `v` is a dict (or a dict subclass instance's base value).
    pub fn is_dict(&self, v: Value) -> bool {
        self.heap.kind(v) == kind::DICT
    }
}

/// `dict(mapping_or_iterable=(), **kwargs)`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::dict_methods::dict_new(vm, args)
}
