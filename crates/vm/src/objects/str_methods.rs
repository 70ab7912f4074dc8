//! The methods of str.

use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of str.
pub static METHODS: &[NativeDef] = &[];

/// `str(object='')`
pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "str", 0, 1)?;
    if args.npos() == 0 {
        return Ok(Value::EMPTY_STR);
    }
    let v = vm.slot(args.base);
    vm.str(v)
}
