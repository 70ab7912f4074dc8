//! The methods of float, and float().

use crate::native::{Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of float.
pub static METHODS: &[NativeDef] = &[];

/// `float(x=0.0)`
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "float", 0, 1)?;
    if args.npos() == 0 {
        return vm.new_float(0.0);
    }
    let v = vm.slot(args.base);
    if vm.is_float(v) {
        return Ok(v);
    }
    if let Some(i) = vm.int_to_i64(v) {
        return vm.new_float(i as f64);
    }
    Err(vm.raise_msg(
        TypeId::TypeError,
        "float() argument must be a string or a real number",
    ))
}
