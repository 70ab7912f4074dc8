//! `object`: the root of every class.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::objects::class::inst;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of object (reachable from every class through its MRO).
pub static METHODS: &[NativeDef] = &[
    def("__init__", object_init),
    def("__eq__", object_eq),
    def("__ne__", object_ne),
    def("__hash__", object_hash),
    def("__repr__", object_repr),
    def("__str__", object_str),
    def("__setattr__", object_setattr),
    def("__getattribute__", object_getattribute),
    def("__delattr__", object_delattr),
    def("__new__", object_new_method),
    def("__init_subclass__", object_init_subclass),
];

fn object_init_subclass(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `object()`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len > 0 {
        return Err(vm.raise_msg(
            crate::types::TypeId::TypeError,
            "object() takes no arguments",
        ));
    }
    let o = vm.alloc(kind::INSTANCE, inst::SIZE)?;
    vm.heap.set(
        o,
        inst::CLASS,
        Value::imm(crate::value::imm::TYPE, crate::types::TypeId::Object as u32),
    );
    Ok(o)
}

fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn object_new_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.npos() == 0 {
        return Err(vm.raise_msg(
            crate::types::TypeId::TypeError,
            "object.__new__(): not enough arguments",
        ));
    }
    let c = vm.slot(args.base);
    if vm.heap.kind(c) != kind::CLASS {
        if c.is_imm_of(crate::value::imm::TYPE) {
            // `int.__new__(int, 5)` and friends: the builtin constructor.
            let t = vm.class_builtin(c);
            if let Some(new) = t.info().new {
                if t != crate::types::TypeId::Object {
                    return new(vm, args.skip1());
                }
            }
        }
        return new(vm, args.skip1().first_only());
    }
    let builtin = vm.class_builtin(c);
    if builtin == crate::types::TypeId::Type {
        // A metaclass's __new__: the new class, whose type is the metaclass.
        let new_class = crate::objects::class::type_new(vm, args.skip1())?;
        let c = vm.slot(args.base);
        if vm.heap.kind(new_class) == kind::CLASS {
            vm.heap.set(new_class, crate::objects::class::cls::META, c);
        }
        return Ok(new_class);
    }
    if builtin.is_exception() {
        let a = vm.tuple_from_stack(args.base + 1, args.npos() - 1)?;
        let c = vm.slot(args.base);
        return vm.new_exception(c, a);
    }
    // Instances of builtin subclasses carry their builtin value.
    let base_value = match builtin.info().new {
        Some(new) if builtin != crate::types::TypeId::Object => new(vm, args.skip1())?,
        _ => Value::NULL,
    };
    vm.push(base_value)?;
    let o = vm.alloc(kind::INSTANCE, inst::SIZE);
    let base_value = vm.pop();
    let o = o?;
    let c = vm.slot(args.base);
    vm.heap.set(o, inst::CLASS, c);
    vm.heap.set(o, inst::BASE, base_value);
    Ok(o)
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__eq__", 2, 2)?;
    let (a, b) = (vm.slot(args.base), vm.slot(args.base + 1));
    Ok(if a == b {
        Value::TRUE
    } else {
        Value::NOT_IMPLEMENTED
    })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__ne__", 2, 2)?;
    let (a, b) = (vm.slot(args.base), vm.slot(args.base + 1));
    let r = vm.eq(a, b)?;
    Ok(Value::bool(!r))
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__hash__", 1, 1)?;
    let a = vm.slot(args.base);
    let h = vm.identity_hash(a);
    vm.new_int(h as i64)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__repr__", 1, 1)?;
    let a = vm.slot(args.base);
    vm.default_repr(a)
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__str__", 1, 1)?;
    let a = vm.slot(args.base);
    vm.repr(a)
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__setattr__", 3, 3)?;
    let (o, n, v) = (
        vm.slot(args.base),
        vm.slot(args.base + 1),
        vm.slot(args.base + 2),
    );
    vm.generic_setattr(o, n, v)?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__getattribute__", 2, 2)?;
    let (o, n) = (vm.slot(args.base), vm.slot(args.base + 1));
    vm.generic_getattr(o, n)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "__delattr__", 2, 2)?;
    let (o, n) = (vm.slot(args.base), vm.slot(args.base + 1));
    vm.generic_delattr(o, n)?;
    Ok(Value::NONE)
}
