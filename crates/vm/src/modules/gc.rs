//! `gc`: control of the collector, plus MicroPython's `mem_free` /
//! `mem_alloc` (heap bytes free / in use).

use crate::native::{def, Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Functions of `gc`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("collect", gc_collect),
    def("enable", gc_enable),
    def("disable", gc_disable),
    def("isenabled", gc_isenabled),
    def("mem_free", gc_mem_free),
    def("mem_alloc", gc_mem_alloc),
];

fn gc_collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "collect", 0, 1)?;
    let before = vm.heap.used_bytes();
    vm.heap.collect();
    let freed = before.saturating_sub(vm.heap.used_bytes());
    // CPython returns the number of unreachable objects; this is an estimate
    // (freed bytes / 16).
    vm.new_int((freed / 16) as i64)
}

fn gc_enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "enable", 0, 0)?;
    vm.heap.enabled = true;
    Ok(Value::NONE)
}

fn gc_disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "disable", 0, 0)?;
    vm.heap.enabled = false;
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "isenabled", 0, 0)?;
    Ok(Value::bool(vm.heap.enabled))
}

fn gc_mem_free(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "mem_free", 0, 0)?;
    vm.new_int(vm.heap.free_bytes() as i64)
}

fn gc_mem_alloc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "mem_alloc", 0, 0)?;
    vm.new_int(vm.heap.used_bytes() as i64)
}
