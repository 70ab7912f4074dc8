//! The methods of dict and its views.

use crate::native::{Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of dict.
pub static METHODS: &[NativeDef] = &[];
/// Methods of dict views.
pub static VIEW_METHODS: &[NativeDef] = &[];

/// The type of a dict view (`[dict][which]`: 0 keys, 1 values, 2 items).
pub fn view_type(vm: &Vm, v: Value) -> TypeId {
    match vm.heap.get(v, 1).small_value() {
        0 => TypeId::DictKeys,
        1 => TypeId::DictValues,
        _ => TypeId::DictItems,
    }
}

/// Copies every item of dict `src` into `dst`.
pub fn dict_update_from(vm: &mut Vm, dst: Value, src: Value) -> PyResult<()> {
    vm.dict_merge(dst, src, false, Value::NULL)
}

/// `dict(mapping_or_iterable=(), **kwargs)`
pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = vm.new_dict()?;
    vm.push(d)?;
    if args.npos() > 1 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("dict expected at most 1 argument, got {}", args.npos()),
        ));
    }
    if args.npos() == 1 {
        let src = vm.slot(args.base);
        let d = vm.heap.peek(0);
        vm.dict_merge(d, src, false, Value::NULL)?;
    }
    for k in 0..args.nkw {
        let name = vm.tuple_get(args.kwnames, k);
        let v = vm.slot(args.base + args.npos() + k);
        let d = vm.heap.peek(0);
        vm.dict_set(d, name, v)?;
    }
    Ok(vm.pop())
}
