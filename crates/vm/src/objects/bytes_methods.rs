//! The methods of bytes and bytearray, and their constructors.

use crate::native::{Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of bytes.
pub static BYTES_METHODS: &[NativeDef] = &[];
/// Methods of bytearray.
pub static BYTEARRAY_METHODS: &[NativeDef] = &[];

/// `bytes(...)`
pub fn bytes_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.raise_msg(TypeId::NotImplementedError, "bytes()"))
}

/// `bytearray(...)`
pub fn bytearray_new(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.raise_msg(TypeId::NotImplementedError, "bytearray()"))
}
