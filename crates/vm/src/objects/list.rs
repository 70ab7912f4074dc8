//! list: `[len][ARRAY]`; the ARRAY's payload is the capacity.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Payload word: length.
pub const LEN: usize = 0;
/// Payload word: the ARRAY holding the items.
pub const ITEMS: usize = 1;

/// The methods of list (in `seq_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::seq_methods::LIST_METHODS;

impl Vm {
    /// An empty list with room for `cap` items.
    pub fn new_list(&mut self, cap: usize) -> PyResult<Value> {
        let arr = self.alloc(kind::ARRAY, cap)?;
        self.push(arr)?;
        let l = self.alloc(kind::LIST, 2);
        let arr = self.pop();
        let l = l?;
        self.heap.set(l, LEN, Value::int(0));
        self.heap.set(l, ITEMS, arr);
        Ok(l)
    }

    /// A list holding stack slots `base..base + n`.
    pub fn list_from_stack(&mut self, base: usize, n: usize) -> PyResult<Value> {
        let l = self.new_list(n)?;
        let arr = self.heap.get(l, ITEMS);
        for i in 0..n {
            let v = self.slot(base + i);
            self.heap.set(arr, i, v);
        }
        self.heap.set(l, LEN, Value::from_usize(n));
        Ok(l)
    }

    /// Length of a list.
    #[inline]
    pub fn list_len(&self, l: Value) -> usize {
        self.heap.get(l, LEN).small_value() as usize
    }

    /// Item `i` (< len) of a list.
    #[inline]
    pub fn list_get(&self, l: Value, i: usize) -> Value {
        let arr = self.heap.get(l, ITEMS);
        self.heap.get(arr, i)
    }

    /// Sets item `i` (< len) of a list.
    #[inline]
    pub fn list_set(&mut self, l: Value, i: usize, v: Value) {
        let arr = self.heap.get(l, ITEMS);
        self.heap.set(arr, i, v);
    }

    /// Makes room for `extra` more items.
    pub fn list_reserve(&mut self, l: Value, extra: usize) -> PyResult<Value> {
        let len = self.list_len(l);
        let arr = self.heap.get(l, ITEMS);
        let cap = self.heap.payload_len(arr);
        if len + extra <= cap {
            return Ok(l);
        }
        let new_cap = (len + extra).max(cap + cap / 2 + 4);
        self.push(l)?;
        let r = self.alloc(kind::ARRAY, new_cap);
        let l = self.pop();
        let new = r?;
        let arr = self.heap.get(l, ITEMS);
        let (src, dst) = (arr.word() + 1, new.word() + 1);
        self.heap.words.copy_within(src..src + len, dst);
        self.heap.set(l, ITEMS, new);
        Ok(l)
    }

    /// Appends `v` (both rooted by this function across the allocation).
    pub fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let len = self.list_len(l);
        let arr = self.heap.get(l, ITEMS);
        if len < self.heap.payload_len(arr) {
            self.heap.set(arr, len, v);
            self.heap.set(l, LEN, Value::from_usize(len + 1));
            return Ok(());
        }
        self.push(v)?;
        let r = self.list_reserve(l, 1);
        let v = self.pop();
        let l = r?;
        let arr = self.heap.get(l, ITEMS);
        self.heap.set(arr, len, v);
        self.heap.set(l, LEN, Value::from_usize(len + 1));
        Ok(())
    }

    /// A list of everything `iterable` yields.
    pub fn list_from_iter(&mut self, iterable: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(iterable)?;
        let r = self.new_list(0).and_then(|l| {
            self.push(l)?;
            let it = self.slot(base);
            self.list_extend(l, it)?;
            Ok(self.slot(base + 1))
        });
        self.heap.truncate(base);
        r
    }

    /// Extends list `l` with the items of `iterable`.
    pub fn list_extend(&mut self, l: Value, iterable: Value) -> PyResult<()> {
        self.extend_with(l, iterable, |vm, l, v| vm.list_append(l, v))
    }

    /// Feeds every item of `iterable` to `add(target, item)`; target and
    /// iterator stay rooted on the stack throughout.
    pub fn extend_with(
        &mut self,
        target: Value,
        iterable: Value,
        add: fn(&mut Vm, Value, Value) -> PyResult<()>,
    ) -> PyResult<()> {
        let base = self.sp();
        self.push(target)?;
        self.push(iterable)?;
        let r = (|| {
            let it = self.slot(base + 1);
            let it = self.get_iter(it)?;
            self.set_slot(base + 1, it);
            loop {
                let it = self.slot(base + 1);
                let Some(v) = self.iter_next(it)? else {
                    return Ok(());
                };
                let target = self.slot(base);
                add(self, target, v)?;
            }
        })();
        self.heap.truncate(base);
        r
    }

    /// A tuple with the items of a list.
    pub fn list_to_tuple(&mut self, l: Value) -> PyResult<Value> {
        let n = self.list_len(l);
        self.push(l)?;
        let r = self.new_tuple(n);
        let l = self.pop();
        let t = r?;
        let arr = self.heap.get(l, ITEMS);
        let (src, dst) = (arr.word() + 1, t.word() + 1);
        self.heap.words.copy_within(src..src + n, dst);
        Ok(t)
    }
}

/// `list(iterable=())`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "list", 0, 1)?;
    if args.npos() == 0 {
        return vm.new_list(0);
    }
    let it = vm.slot(args.base);
    vm.list_from_iter(it)
}
