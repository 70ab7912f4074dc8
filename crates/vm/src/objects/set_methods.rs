//! The methods of set and frozenset.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of set.
pub static SET_METHODS: &[NativeDef] = &[];
/// Methods of frozenset.
pub static FROZENSET_METHODS: &[NativeDef] = &[];

fn build(vm: &mut Vm, args: Args, k: u8, name: &str) -> PyResult<Value> {
    vm.check_args(args, name, 0, 1)?;
    let s = vm.new_table(k, 0)?;
    if args.npos() == 1 {
        vm.push(s)?;
        let it = vm.slot(args.base);
        vm.set_update(s, it)?;
        return Ok(vm.pop());
    }
    Ok(s)
}

/// `set(iterable=())`
pub fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    build(vm, args, kind::SET, "set")
}

/// `frozenset(iterable=())`
pub fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    build(vm, args, kind::FROZENSET, "frozenset")
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets.
pub fn set_binop(
    vm: &mut Vm,
    op: fzpy_bytecode::BinOp,
    a: Value,
    b: Value,
    inplace: bool,
) -> PyResult<Value> {
    use fzpy_bytecode::BinOp;
    let base = vm.sp();
    vm.push(a)?;
    vm.push(b)?;
    let k = vm.heap.kind(a);
    let out = if inplace && k == kind::SET {
        a
    } else {
        vm.new_table(k, 0)?
    };
    vm.push(out)?;
    let (a, b) = (vm.slot(base), vm.slot(base + 1));
    let r = (|| -> PyResult<()> {
        let keep = |vm: &mut Vm, x: Value, other: Value| -> PyResult<bool> {
            Ok(vm.dict_get(other, x)?.is_some())
        };
        let _ = (a, b);
        let pass = |vm: &mut Vm,
                    src_slot: usize,
                    other_slot: usize,
                    want_in: Option<bool>|
         -> PyResult<()> {
            let mut i = 0;
            loop {
                let src = vm.slot(src_slot);
                if i >= vm.dict_used(src) {
                    return Ok(());
                }
                if let Some((x, _)) = vm.dict_entry(src, i) {
                    let add = match want_in {
                        None => true,
                        Some(w) => {
                            let other = vm.slot(other_slot);
                            keep(vm, x, other)? == w
                        }
                    };
                    if add {
                        let src = vm.slot(src_slot);
                        let x = vm.dict_entry(src, i).map(|e| e.0).unwrap_or(x);
                        let out = vm.slot(base + 2);
                        vm.set_add(out, x)?;
                    }
                }
                i += 1;
            }
        };
        match op {
            BinOp::Or => {
                if !(inplace && k == kind::SET) {
                    pass(vm, base, base + 1, None)?;
                }
                pass(vm, base + 1, base, None)
            }
            BinOp::And => {
                if inplace && k == kind::SET {
                    let out = vm.new_table(k, 0)?;
                    vm.set_slot(base + 2, out);
                }
                pass(vm, base, base + 1, Some(true))?;
                if inplace && k == kind::SET {
                    let (a, out) = (vm.slot(base), vm.slot(base + 2));
                    copy_table(vm, a, out);
                    vm.set_slot(base + 2, a);
                }
                Ok(())
            }
            BinOp::Sub => {
                if inplace && k == kind::SET {
                    let out = vm.new_table(k, 0)?;
                    vm.set_slot(base + 2, out);
                }
                pass(vm, base, base + 1, Some(false))?;
                if inplace && k == kind::SET {
                    let (a, out) = (vm.slot(base), vm.slot(base + 2));
                    copy_table(vm, a, out);
                    vm.set_slot(base + 2, a);
                }
                Ok(())
            }
            _ => {
                if inplace && k == kind::SET {
                    let out = vm.new_table(k, 0)?;
                    vm.set_slot(base + 2, out);
                }
                pass(vm, base, base + 1, Some(false))?;
                pass(vm, base + 1, base, Some(false))?;
                if inplace && k == kind::SET {
                    let (a, out) = (vm.slot(base), vm.slot(base + 2));
                    copy_table(vm, a, out);
                    vm.set_slot(base + 2, a);
                }
                Ok(())
            }
        }
    })();
    let out = vm.slot(base + 2);
    vm.heap.truncate(base);
    r.map(|_| out)
}

/// Makes table `dst` share the contents of `src` (same layout).
fn copy_table(vm: &mut Vm, dst: Value, src: Value) {
    for i in 0..4 {
        let x = vm.heap.get(src, i);
        vm.heap.set(dst, i, x);
    }
}
