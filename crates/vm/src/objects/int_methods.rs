//! The methods of int, and int().

use crate::native::{Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of int.
pub static METHODS: &[NativeDef] = &[];

/// `int(x=0)` / `int(x, base=10)`
pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "int", 0, 2)?;
    if args.npos() == 0 {
        return Ok(Value::int(0));
    }
    let v = vm.slot(args.base);
    if vm.is_int(v) {
        return Ok(if v.is_small() || !v.is_imm() {
            v
        } else {
            Value::int((v == Value::TRUE) as i32)
        });
    }
    if vm.is_float(v) {
        let f = vm.float_value(v);
        if f.is_nan() {
            return Err(vm.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        return vm.new_int(f as i64);
    }
    if vm.is_str(v) {
        let mut buf = [0; 4];
        let s = vm.str_text(v, &mut buf);
        if let Ok(i) = s.trim().parse::<i64>() {
            return vm.new_int(i);
        }
    }
    Err(vm.raise_msg(TypeId::ValueError, "invalid literal for int()"))
}
