//! C3 linearisation of a new class's bases (`__mro__`).

use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Computes the MRO of the class in stack slot `cslot` (its bases are set).
/// Works on stack slots: a list per base MRO plus the bases list, merged.
pub fn compute_mro(vm: &mut Vm, cslot: usize) -> PyResult<Value> {
    let c = vm.slot(cslot);
    let bases = vm.heap.get(c, crate::objects::class::cls::BASES);
    let nb = vm.tuple_len(bases);
    // Single inheritance fast path: [c] + mro(base).
    let base0 = vm.tuple_get(bases, 0);
    if nb == 1 {
        let n = vm.mro_len(base0);
        let t = vm.new_tuple(n + 1)?;
        let c = vm.slot(cslot);
        vm.heap.set(t, 0, c);
        let bases = vm.heap.get(c, crate::objects::class::cls::BASES);
        let base0 = vm.tuple_get(bases, 0);
        for i in 0..n {
            let k = vm.mro_get(base0, i);
            vm.heap.set(t, i + 1, k);
        }
        return Ok(t);
    }
    // General case: sequences to merge live in lists on the stack.
    let seqs = vm.new_list(nb + 1)?;
    vm.push(seqs)?;
    let seqs_slot = vm.sp() - 1;
    for i in 0..nb {
        let c = vm.slot(cslot);
        let bases = vm.heap.get(c, crate::objects::class::cls::BASES);
        let b = vm.tuple_get(bases, i);
        let n = vm.mro_len(b);
        let l = vm.new_list(n)?;
        for j in 0..n {
            let c = vm.slot(cslot);
            let bases = vm.heap.get(c, crate::objects::class::cls::BASES);
            let b = vm.tuple_get(bases, i);
            let k = vm.mro_get(b, j);
            vm.list_append(l, k)?;
        }
        let seqs = vm.slot(seqs_slot);
        vm.list_append(seqs, l)?;
    }
    let c = vm.slot(cslot);
    let bases = vm.heap.get(c, crate::objects::class::cls::BASES);
    let bl = vm.list_from_iter(bases)?;
    let seqs = vm.slot(seqs_slot);
    vm.list_append(seqs, bl)?;
    let out = vm.new_list(4)?;
    let c = vm.slot(cslot);
    vm.list_append(out, c)?;
    vm.push(out)?;
    let out_slot = vm.sp() - 1;
    // Merge: repeatedly take the first head not in any tail.
    loop {
        let seqs = vm.slot(seqs_slot);
        let n = vm.list_len(seqs);
        let mut candidate = None;
        let mut any_left = false;
        for i in 0..n {
            let s = vm.list_get(seqs, i);
            if vm.list_len(s) == 0 {
                continue;
            }
            any_left = true;
            let head = vm.list_get(s, 0);
            let in_tail = (0..n).any(|j| {
                let t = vm.list_get(seqs, j);
                (1..vm.list_len(t)).any(|k| vm.list_get(t, k) == head)
            });
            if !in_tail {
                candidate = Some(head);
                break;
            }
        }
        if !any_left {
            break;
        }
        let Some(head) = candidate else {
            // CPython names the heads that could not be ordered.
            let mut m = crate::vm::Msg::new();
            let _ = core::fmt::Write::write_str(
                &mut m,
                "Cannot create a consistent method resolution\norder (MRO) for bases ",
            );
            let seqs = vm.slot(seqs_slot);
            let mut first = true;
            let mut seen = [Value::NULL; 16];
            let mut nseen = 0;
            for i in 0..vm.list_len(seqs) {
                let s = vm.list_get(seqs, i);
                if vm.list_len(s) == 0 {
                    continue;
                }
                let h = vm.list_get(s, 0);
                if seen[..nseen].contains(&h) {
                    continue;
                }
                if nseen < seen.len() {
                    seen[nseen] = h;
                    nseen += 1;
                }
                let mut buf = [0; 4];
                let name = vm.class_name(h, &mut buf);
                let _ = core::fmt::Write::write_fmt(
                    &mut m,
                    format_args!("{}{}", if first { "" } else { ", " }, name),
                );
                first = false;
            }
            vm.heap.truncate(seqs_slot);
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        };
        let out = vm.slot(out_slot);
        vm.list_append(out, head)?;
        // The append may have moved `head`: take it back from the list.
        let out = vm.slot(out_slot);
        let head = vm.list_get(out, vm.list_len(out) - 1);
        let seqs = vm.slot(seqs_slot);
        for i in 0..vm.list_len(seqs) {
            let s = vm.list_get(seqs, i);
            let len = vm.list_len(s);
            if len > 0 && vm.list_get(s, 0) == head {
                for k in 1..len {
                    let x = vm.list_get(s, k);
                    vm.list_set(s, k - 1, x);
                }
                vm.heap
                    .set(s, crate::objects::list::LEN, Value::from_usize(len - 1));
            }
        }
    }
    let out = vm.slot(out_slot);
    let t = vm.list_to_tuple(out);
    vm.heap.truncate(seqs_slot);
    let t = t?;
    Ok(t)
}
