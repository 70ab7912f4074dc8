//! dict (and the hash table behind set/frozenset): insertion-ordered.
//!
//! Layout `[len][used][entries][index]`: `entries` is an ARRAY of
//! `(hash, key, value)` triples in insertion order (a deleted entry has a
//! NULL key; sets keep NULL values), `used` counts entries written so far
//! (entry `used - 1` is always live: removals trim dead entries off the
//! end); `entries` is NULL only while `used` is 0. `index` is NULL while
//! the table is small (lookups scan the entries) and otherwise a RAW object
//! of u32 slots (0 = empty, else entry number + 1), a power of two in size,
//! probed linearly. Exactly the live entries have an index slot: removal
//! clears the slot and shifts the rest of its probe run back, so no
//! tombstones are needed.
//!
//! Lookups compare hashes first, then identity, then equality; equality may
//! run Python code that changes the table, so lookups re-read everything
//! from stack slots after it and start over when the table changed.

use crate::heap::{kind, root};
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

/// How comparing one entry with the key went.
enum Match {
    Yes,
    No,
    /// Python code run by `==` changed the table: start over.
    Changed,
}

/// Index slots for a table of `n` entries (load factor at most 2/3).
fn index_slots(n: usize) -> usize {
    (n * 3 / 2 + 1).next_power_of_two().max(16)
}

impl Vm {
    /// A new empty table of kind DICT, SET or FROZENSET with room for `cap` entries.
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

    /// Entry `i` (< used) as `(key, value)`, or None if deleted.
    pub fn dict_entry(&self, d: Value, i: usize) -> Option<(Value, Value)> {
        let e = self.heap.get(d, ENTRIES);
        let k = self.heap.get(e, i * 3 + 1);
        if k.is_null() {
            None
        } else {
            Some((k, self.heap.get(e, i * 3 + 2)))
        }
    }

    /// Entry `i` as `(key, stored hash)`, or None if deleted or `i >= used`.
    pub fn table_entry_hash(&self, t: Value, i: usize) -> Option<(Value, u32)> {
        if i >= self.dict_used(t) {
            return None;
        }
        let e = self.heap.get(t, ENTRIES);
        let k = self.heap.get(e, i * 3 + 1);
        if k.is_null() {
            return None;
        }
        Some((k, self.heap.get(e, i * 3).small_value() as u32))
    }

    /// Sets the value of live entry `i`.
    pub fn dict_set_entry_value(&mut self, d: Value, i: usize, v: Value) {
        let e = self.heap.get(d, ENTRIES);
        self.heap.set(e, i * 3 + 2, v);
    }

    /// Looks up the key in slot `base + 1` in the table in slot `base`,
    /// hashing it first unless `h` is given.
    fn lookup_rooted(&mut self, base: usize, h: Option<u32>) -> PyResult<Option<usize>> {
        let h = match h {
            Some(h) => h,
            None => self.hash(self.slot(base + 1))?,
        };
        'restart: loop {
            let d = self.slot(base);
            let index = self.heap.get(d, INDEX);
            if index.is_null() {
                let hv = Value::int(h as i32).0;
                let mut i = 0;
                loop {
                    // Read again after each comparison that may have run Python
                    // code (and moved objects).
                    let d = self.slot(base);
                    let (used, key) = (self.dict_used(d), self.slot(base + 1));
                    let ew = self.heap.get(d, ENTRIES).word() + 1;
                    // Skip entries whose stored hash differs, and take identical
                    // keys (interned names) at once.
                    while i < used && self.heap.words[ew + i * 3] != hv {
                        i += 1;
                    }
                    if i >= used {
                        return Ok(None);
                    }
                    if self.heap.words[ew + i * 3 + 1] == key.0 {
                        return Ok(Some(i));
                    }
                    match self.entry_matches(base, i, h)? {
                        Match::Yes => return Ok(Some(i)),
                        Match::No => i += 1,
                        Match::Changed => continue 'restart,
                    }
                }
            }
            let mask = self.heap.payload_len(index) - 1;
            let mut pos = h as usize & mask;
            // Bounded by the table size: the index always has a free slot,
            // but a lookup must end even if that were ever not so.
            for _ in 0..=mask {
                let index = self.heap.get(self.slot(base), INDEX);
                if index.is_null() || self.heap.payload_len(index) != mask + 1 {
                    continue 'restart;
                }
                let s = self.heap.raw(index, pos);
                if s == 0 {
                    return Ok(None);
                }
                match self.entry_matches(base, s as usize - 1, h)? {
                    Match::Yes => return Ok(Some(s as usize - 1)),
                    Match::No => pos = (pos + 1) & mask,
                    Match::Changed => continue 'restart,
                }
            }
            return Ok(None);
        }
    }

    /// Whether entry `i` of the table in slot `base` has the key in slot `base + 1`.
    fn entry_matches(&mut self, base: usize, i: usize, h: u32) -> PyResult<Match> {
        let d = self.slot(base);
        let used = self.dict_used(d);
        if i >= used {
            return Ok(Match::No);
        }
        let e = self.heap.get(d, ENTRIES);
        let k = self.heap.get(e, i * 3 + 1);
        if k.is_null() || self.heap.get(e, i * 3) != Value::int(h as i32) {
            return Ok(Match::No);
        }
        if k == self.slot(base + 1) {
            return Ok(Match::Yes);
        }
        // `==` may run Python code: remember the entries array and the key
        // to notice changes to the table.
        let len = self.dict_len(d);
        let sp = self.sp();
        self.push_many(&[e, k])?;
        let (k, key) = (self.slot(sp + 1), self.slot(base + 1));
        let r = self.eq(k, key);
        let (e, k) = (self.slot(sp), self.slot(sp + 1));
        self.heap.truncate(sp);
        let same = r?;
        let d = self.slot(base);
        let changed = self.heap.get(d, ENTRIES) != e
            || self.dict_used(d) != used
            || self.dict_len(d) != len
            || self.heap.get(e, i * 3 + 1) != k;
        Ok(if changed {
            Match::Changed
        } else if same {
            Match::Yes
        } else {
            Match::No
        })
    }

    /// Pushes `vals` (at most 8), keeping them rooted while the stack
    /// grows: pushing them one by one could move the later ones.
    pub fn push_many(&mut self, vals: &[Value]) -> PyResult<()> {
        if self.sp() + vals.len() <= self.heap.reserved() {
            for &v in vals {
                self.heap.push(v);
            }
            return Ok(());
        }
        for (i, &v) in vals.iter().enumerate() {
            self.heap.set_root(root::TMP0 + i, v);
        }
        let r = self.heap.reserve_stack(vals.len());
        for i in 0..vals.len() {
            let v = self.heap.root(root::TMP0 + i);
            self.heap.set_root(root::TMP0 + i, Value::NULL);
            if r.is_ok() {
                self.heap.push(v);
            }
        }
        r.map_err(|e| self.oom(e))
    }

    /// Entry number of `key` in a table, if present.
    pub fn table_find(&mut self, t: Value, key: Value) -> PyResult<Option<usize>> {
        self.table_find_hashed(t, key, None)
    }

    /// [`Vm::table_find`] with the key's hash when already known.
    pub fn table_find_hashed(
        &mut self,
        t: Value,
        key: Value,
        h: Option<u32>,
    ) -> PyResult<Option<usize>> {
        let base = self.sp();
        self.push_many(&[t, key])?;
        let r = self.lookup_rooted(base, h);
        self.heap.truncate(base);
        r
    }

    /// `d[key]`, or None when missing (Some(NULL) for a set member).
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let base = self.sp();
        self.push_many(&[d, key])?;
        let r = self.lookup_rooted(base, None);
        let d = self.slot(base);
        self.heap.truncate(base);
        Ok(r?.and_then(|i| self.dict_entry(d, i).map(|(_, v)| v)))
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
        self.table_insert(d, key, value, None)
    }

    /// `t[key] = value` with the key's hash when already known (sets pass
    /// a NULL value). All values are rooted here.
    pub fn table_insert(
        &mut self,
        t: Value,
        key: Value,
        value: Value,
        h: Option<u32>,
    ) -> PyResult<()> {
        let base = self.sp();
        self.push_many(&[t, key, value])?;
        let r = self.insert_rooted(base, h);
        self.heap.truncate(base);
        r
    }

    fn insert_rooted(&mut self, base: usize, h: Option<u32>) -> PyResult<()> {
        let h = match h {
            Some(h) => h,
            None => self.hash(self.slot(base + 1))?,
        };
        if let Some(i) = self.lookup_rooted(base, Some(h))? {
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
        // Grow first, so that a MemoryError leaves the table as it was.
        let index = self.heap.get(d, INDEX);
        let index_full = if index.is_null() {
            used + 1 > LINEAR_MAX
        } else {
            (used + 1) * 3 > self.heap.payload_len(index) * 2
        };
        if used == cap || index_full {
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
            if (used + 1) * 3 > self.heap.payload_len(index) * 2 {
                // The index could not grow (out of memory): scan instead.
                self.heap.set(d, INDEX, Value::NULL);
            } else {
                Self::index_insert(&mut self.heap, index, h, used);
            }
        }
        Ok(())
    }

    fn index_insert(heap: &mut crate::heap::Heap, index: Value, h: u32, entry: usize) {
        let mask = heap.payload_len(index) - 1;
        let mut pos = h as usize & mask;
        for _ in 0..=mask {
            if heap.raw(index, pos) == 0 {
                heap.set_raw(index, pos, entry as u32 + 1);
                return;
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Clears the index slot of entry `entry` (hash `h`) and moves later
    /// members of its probe run back so every key stays reachable.
    fn index_remove(&mut self, t: Value, h: u32, entry: usize) {
        let index = self.heap.get(t, INDEX);
        let e = self.heap.get(t, ENTRIES);
        let mask = self.heap.payload_len(index) - 1;
        let mut hole = h as usize & mask;
        let mut found = false;
        for _ in 0..=mask {
            let s = self.heap.raw(index, hole);
            if s == 0 {
                return; // not indexed
            }
            if s as usize == entry + 1 {
                found = true;
                break;
            }
            hole = (hole + 1) & mask;
        }
        if !found {
            return;
        }
        let mut q = hole;
        loop {
            self.heap.set_raw(index, hole, 0);
            loop {
                q = (q + 1) & mask;
                let s = self.heap.raw(index, q);
                if s == 0 {
                    return;
                }
                let home = self.heap.get(e, (s as usize - 1) * 3).small_value() as usize & mask;
                // The slot at q may move to the hole unless its home lies
                // cyclically in (hole, q].
                let stays = if hole <= q {
                    hole < home && home <= q
                } else {
                    hole < home || home <= q
                };
                if !stays {
                    self.heap.set_raw(index, hole, s);
                    hole = q;
                    break;
                }
            }
        }
    }

    /// Builds the index of the table in slot `base` from its entries.
    fn build_index(&mut self, base: usize) -> PyResult<()> {
        let d = self.slot(base);
        let n = self.dict_used(d);
        let index = self.alloc(kind::RAW, index_slots(n))?;
        let d = self.slot(base);
        self.heap.set(d, INDEX, index);
        self.reindex(d);
        Ok(())
    }

    /// Refills the (existing) index of `t` from its live entries.
    fn reindex(&mut self, t: Value) {
        let index = self.heap.get(t, INDEX);
        if index.is_null() {
            return;
        }
        // An index that would be over 2/3 full is dropped: lookups then scan
        // the entries (slower, never wrong, never endless).
        if self.dict_len(t) * 3 > self.heap.payload_len(index) * 2 {
            self.heap.set(t, INDEX, Value::NULL);
            return;
        }
        self.heap.payload_mut(index, 0).fill(0);
        for i in 0..self.dict_used(t) {
            if let Some((_, h)) = self.table_entry_hash(t, i) {
                Self::index_insert(&mut self.heap, index, h, i);
            }
        }
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
            self.build_index(base)?;
        }
        Ok(())
    }

    /// Moves the live entries of `t` down over the dead ones, in place
    /// (no allocation), and rebuilds its index.
    pub fn table_compact(&mut self, t: Value) {
        let used = self.dict_used(t);
        if used == self.dict_len(t) {
            return;
        }
        let e = self.heap.get(t, ENTRIES);
        let mut n = 0;
        for i in 0..used {
            if self.heap.get(e, i * 3 + 1).is_null() {
                continue;
            }
            if i != n {
                let w = e.word() + 1;
                self.heap
                    .words
                    .copy_within(w + i * 3..w + i * 3 + 3, w + n * 3);
            }
            n += 1;
        }
        let w = e.word() + 1;
        self.heap.words[w + n * 3..w + used * 3].fill(Value::NULL.0);
        self.heap.set(t, USED, Value::from_usize(n));
        self.reindex(t);
    }

    /// Removes live entry `i` of a table and returns its value (NULL for
    /// sets). Never allocates.
    pub fn table_remove_at(&mut self, t: Value, i: usize) -> Value {
        let e = self.heap.get(t, ENTRIES);
        let h = self.heap.get(e, i * 3).small_value() as u32;
        let v = self.heap.get(e, i * 3 + 2);
        if !self.heap.get(t, INDEX).is_null() {
            self.index_remove(t, h, i);
        }
        self.heap.set(e, i * 3 + 1, Value::NULL);
        self.heap.set(e, i * 3 + 2, Value::NULL);
        let len = self.dict_len(t) - 1;
        self.heap.set(t, LEN, Value::from_usize(len));
        // Trim dead entries off the end so `used - 1` stays live.
        let mut used = self.dict_used(t);
        while used > 0 && self.heap.get(e, (used - 1) * 3 + 1).is_null() {
            used -= 1;
        }
        self.heap.set(t, USED, Value::from_usize(used));
        v
    }

    /// Removes `key`; returns its value (NULL for sets), or None when missing.
    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let base = self.sp();
        self.push_many(&[d, key])?;
        let r = self.lookup_rooted(base, None);
        let d = self.slot(base);
        self.heap.truncate(base);
        Ok(r?.map(|i| self.table_remove_at(d, i)))
    }

    /// `d[name] = value` with a str key made from Rust text (d and value rooted here).
    pub fn dict_set_str(&mut self, d: Value, name: &str, value: Value) -> PyResult<()> {
        let base = self.sp();
        self.push_many(&[d, value])?;
        let r = self.new_str(name);
        let (d, value) = (self.slot(base), self.slot(base + 1));
        self.heap.truncate(base);
        self.dict_set(d, r?, value)
    }

    /// Removes every item.
    pub fn dict_clear(&mut self, d: Value) {
        self.heap.set(d, LEN, Value::int(0));
        self.heap.set(d, USED, Value::int(0));
        self.heap.set(d, ENTRIES, Value::NULL);
        self.heap.set(d, INDEX, Value::NULL);
    }

    /// A new table of kind `k` (DICT, SET or FROZENSET) with the entries of
    /// table `t`, hashes included (no hashing, no Python code).
    pub fn table_copy(&mut self, t: Value, k: u8) -> PyResult<Value> {
        let base = self.sp();
        self.push(t)?;
        let r = self.table_copy_rooted(base, k);
        self.heap.truncate(base);
        r
    }

    fn table_copy_rooted(&mut self, base: usize, k: u8) -> PyResult<Value> {
        let n = self.dict_len(self.slot(base));
        let c = self.new_table(k, n)?;
        self.push(c)?;
        let t = self.slot(base);
        if n > 0 {
            let (src, dst) = (self.heap.get(t, ENTRIES), self.heap.get(c, ENTRIES));
            let mut j = 0;
            for i in 0..self.dict_used(t) {
                if self.heap.get(src, i * 3 + 1).is_null() {
                    continue;
                }
                let (s, d) = (src.word() + 1 + i * 3, dst.word() + 1 + j * 3);
                self.heap.words.copy_within(s..s + 3, d);
                j += 1;
            }
            if k != kind::DICT {
                // Sets keep NULL values (the source may be a dict).
                for j in 0..n {
                    self.heap.set(dst, j * 3 + 2, Value::NULL);
                }
            }
            self.heap.set(c, USED, Value::from_usize(n));
            self.heap.set(c, LEN, Value::from_usize(n));
            if n > LINEAR_MAX {
                self.build_index(base + 1)?;
            }
        }
        Ok(self.slot(base + 1))
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
