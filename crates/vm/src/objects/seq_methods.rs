//! The methods of list and tuple.

use crate::native::NativeDef;

/// Methods of list.
pub static LIST_METHODS: &[NativeDef] = &[];
/// Methods of tuple.
pub static TUPLE_METHODS: &[NativeDef] = &[];

use crate::heap::kind;
use crate::value::{imm, Value};
use crate::vm::{PyResult, Vm};

/// Removes item `i` (< len) of a list, shifting the rest down.
pub fn list_remove_at(vm: &mut Vm, l: Value, i: usize) {
    let n = vm.list_len(l);
    for j in i + 1..n {
        let v = vm.list_get(l, j);
        vm.list_set(l, j - 1, v);
    }
    vm.list_set(l, n - 1, Value::NULL);
    vm.heap
        .set(l, crate::objects::list::LEN, Value::from_usize(n - 1));
}

/// `l[slice] = iterable`.
pub fn list_set_slice(vm: &mut Vm, l: Value, s: Value, v: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(l)?;
    vm.push(s)?;
    let items = vm.list_from_iter(v)?;
    vm.push(items)?;
    let (l, s) = (vm.slot(base), vm.slot(base + 1));
    let len = vm.list_len(l);
    let (start, stop, step, n) = vm.slice_indices(s, len)?;
    let m = vm.list_len(items);
    if step != 1 {
        if m != n {
            vm.heap.truncate(base);
            return Err(vm.raise_fmt(
                crate::types::TypeId::ValueError,
                format_args!(
                    "attempt to assign sequence of size {m} to extended slice of size {n}"
                ),
            ));
        }
        for j in 0..n {
            let (l, items) = (vm.slot(base), vm.slot(base + 2));
            let x = vm.list_get(items, j);
            vm.list_set(l, (start + j as i64 * step) as usize, x);
        }
        vm.heap.truncate(base);
        return Ok(());
    }
    let start = start as usize;
    let stop = (stop.max(start as i64)) as usize;
    let removed = stop - start;
    let new_len = len - removed + m;
    if m > removed {
        let l = vm.slot(base);
        vm.list_reserve(l, m - removed)?;
    }
    let (l, items) = (vm.slot(base), vm.slot(base + 2));
    // Move the tail, then copy the new items in.
    if m != removed {
        let tail: alloc::vec::Vec<Value> = (stop..len).map(|j| vm.list_get(l, j)).collect();
        vm.heap.set(
            l,
            crate::objects::list::LEN,
            Value::from_usize(new_len.max(len)),
        );
        for (k, x) in tail.into_iter().enumerate() {
            vm.list_set(l, start + m + k, x);
        }
        for j in new_len..len {
            vm.list_set(l, j, Value::NULL);
        }
    }
    for j in 0..m {
        let x = vm.list_get(items, j);
        vm.list_set(l, start + j, x);
    }
    vm.heap
        .set(l, crate::objects::list::LEN, Value::from_usize(new_len));
    vm.heap.truncate(base);
    Ok(())
}

/// `del l[slice]`.
pub fn list_del_slice(vm: &mut Vm, l: Value, s: Value) -> PyResult<()> {
    let len = vm.list_len(l);
    vm.push(l)?;
    let r = vm.slice_indices(s, len);
    let l = vm.pop();
    let (start, _, step, n) = r?;
    let mut idx: alloc::vec::Vec<usize> =
        (0..n).map(|j| (start + j as i64 * step) as usize).collect();
    idx.sort_unstable();
    for (k, i) in idx.into_iter().enumerate() {
        list_remove_at(vm, l, i - k);
    }
    Ok(())
}

/// `seq * n` for str, bytes, bytearray, list, tuple.
pub fn repeat(vm: &mut Vm, seq: Value, n: usize, inplace: bool) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(seq)?;
    let r = repeat_rooted(vm, base, n, inplace);
    vm.heap.truncate(base);
    r
}

fn repeat_rooted(vm: &mut Vm, base: usize, n: usize, inplace: bool) -> PyResult<Value> {
    let seq = vm.slot(base);
    let len = vm.len(seq)?;
    let total = len
        .checked_mul(n)
        .filter(|&t| t < (1 << 28))
        .ok_or(crate::vm::Raised);
    let total = match total {
        Ok(t) => t,
        Err(_) => return Err(vm.raise_memory_error()),
    };
    if vm.is_str(seq) || seq.is_imm_of(imm::CHAR) {
        let out = vm.sp();
        for _ in 0..n {
            let s = vm.slot(base);
            vm.push(s)?;
        }
        return vm.join_strs_from_stack(out, n);
    }
    match vm.heap.kind(seq) {
        kind::LIST => {
            let l = if inplace { seq } else { vm.new_list(total)? };
            vm.push(l)?;
            let ls = vm.sp() - 1;
            vm.list_reserve(l, total)?;
            let l = vm.slot(ls);
            for j in 0..total {
                let src = vm.slot(base);
                let x = vm.list_get(src, j % len.max(1));
                vm.list_set(l, j, x);
            }
            vm.heap
                .set(l, crate::objects::list::LEN, Value::from_usize(total));
            Ok(l)
        }
        kind::TUPLE => {
            let t = vm.new_tuple(total)?;
            let src = vm.slot(base);
            for j in 0..total {
                let x = vm.tuple_get(src, j % len.max(1));
                vm.heap.set(t, j, x);
            }
            Ok(t)
        }
        _ => {
            let data: alloc::vec::Vec<u8> = vm.bytes_like_data(seq).to_vec();
            let is_ba = vm.heap.kind(seq) == kind::BYTEARRAY;
            let r = if is_ba {
                vm.new_bytearray(total)?
            } else {
                vm.alloc_bytes(total)?
            };
            for j in 0..total {
                let x = data[j % len.max(1)];
                if is_ba {
                    vm.bytearray_data_mut(r)[j] = x;
                } else {
                    vm.heap.bytes_mut(r, 2)[j] = x;
                }
            }
            Ok(r)
        }
    }
}
