//! Builtin modules: static tables of functions and constants, plus a
//! per-module dict on the heap for values set at run time (`sys.argv`).

use crate::heap::root;
use crate::native::{def, native_value, Args, NativeDef, TABLE_MODULES};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

/// A constant attribute of a builtin module.
pub enum Const {
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
    /// A str.
    Str(&'static str),
}

/// A builtin module's static description.
pub struct ModuleDef {
    /// Import name.
    pub name: &'static str,
    /// Functions.
    pub functions: &'static [NativeDef],
    /// Constants.
    pub consts: &'static [(&'static str, Const)],
    /// Attributes computed on first access (then kept in the module's dict).
    pub dynamic: Option<fn(&mut Vm, &str) -> PyResult<Option<Value>>>,
}

/// All builtin modules.
pub static MODULES: &[ModuleDef] = &[
    ModuleDef {
        name: "gc",
        functions: GC_FUNCTIONS,
        consts: &[],
        dynamic: None,
    },
    ModuleDef {
        name: "sys",
        functions: SYS_FUNCTIONS,
        consts: SYS_CONSTS,
        dynamic: Some(sys_dynamic),
    },
];

/// The module value for `name`, if builtin.
pub fn find(name: &str) -> Option<Value> {
    MODULES
        .iter()
        .position(|m| m.name == name)
        .map(|i| Value::imm(imm::MODULE, i as u32))
}

fn def_of(m: Value) -> &'static ModuleDef {
    &MODULES[m.payload() as usize % MODULES.len()]
}

/// The run-time dict of a builtin module (created on demand).
pub fn builtin_module_dict(vm: &mut Vm, m: Value) -> PyResult<Value> {
    let mut all = vm.heap.root(root::MODULE_ATTRS);
    if all.is_null() {
        all = vm.new_dict()?;
        vm.heap.set_root(root::MODULE_ATTRS, all);
    }
    if let Some(d) = vm.dict_get(all, Value::int(m.payload() as i32))? {
        return Ok(d);
    }
    let d = vm.new_dict()?;
    let all = vm.heap.root(root::MODULE_ATTRS);
    vm.push(d)?;
    vm.dict_set(all, Value::int(m.payload() as i32), d)?;
    Ok(vm.pop())
}

/// `module.name` for a builtin module.
pub fn builtin_module_getattr(vm: &mut Vm, m: Value, name: Value) -> PyResult<Value> {
    let d = builtin_module_dict(vm, m)?;
    if let Some(v) = vm.dict_get(d, name)? {
        return Ok(v);
    }
    let md = def_of(m);
    let mut buf = [0; 4];
    let n: alloc::string::String = vm.str_text(name, &mut buf).into();
    if n == "__name__" {
        return vm.new_str(md.name);
    }
    if let Some(i) = md.functions.iter().position(|f| f.name == n) {
        return Ok(native_value(TABLE_MODULES + m.payload(), i as u32));
    }
    if let Some((_, c)) = md.consts.iter().find(|(k, _)| *k == n) {
        return match c {
            Const::Int(i) => vm.new_int(*i),
            Const::Float(f) => vm.new_float(*f),
            Const::Str(s) => vm.new_str(s),
        };
    }
    if let Some(dynf) = md.dynamic {
        if let Some(v) = dynf(vm, &n)? {
            vm.push(v)?;
            let d = builtin_module_dict(vm, m)?;
            let k = vm.new_str(&n)?;
            let v = vm.pop();
            vm.dict_set(d, k, v)?;
            return Ok(v);
        }
    }
    let mut msg = Msg::new();
    let _ = write!(msg, "module '{}' has no attribute '{}'", md.name, n);
    Err(vm.raise_msg(TypeId::AttributeError, msg.as_str()))
}

/// `module.name = v` for a builtin module.
pub fn builtin_module_setattr(vm: &mut Vm, m: Value, name: Value, v: Value) -> PyResult<()> {
    vm.push(name)?;
    vm.push(v)?;
    let d = builtin_module_dict(vm, m);
    let v = vm.pop();
    let name = vm.pop();
    vm.dict_set(d?, name, v)
}

// ---- gc -------------------------------------------------------------------

static GC_FUNCTIONS: &[NativeDef] = &[
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
    // CPython returns the number of unreachable objects; we return words freed / 4 as a count.
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

// ---- sys ------------------------------------------------------------------

static SYS_FUNCTIONS: &[NativeDef] = &[
    def("exit", sys_exit),
    def("getrecursionlimit", sys_getrecursionlimit),
    def("setrecursionlimit", sys_setrecursionlimit),
    def("exc_info", sys_exc_info),
];

static SYS_CONSTS: &[(&str, Const)] = &[
    ("version", Const::Str("3.11.0 (fzpy 0.1.0)")),
    ("platform", Const::Str("fzpy")),
    ("byteorder", Const::Str("little")),
    ("maxsize", Const::Int(i32::MAX as i64)),
    ("maxunicode", Const::Int(0x10ffff)),
];

fn sys_dynamic(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "argv" => {
            let argv = vm.config.argv.clone();
            let l = vm.new_list(argv.len())?;
            vm.push(l)?;
            for a in &argv {
                let s = vm.new_str(a)?;
                let l = vm.heap.peek(0);
                vm.list_append(l, s)?;
            }
            vm.pop()
        }
        "path" => {
            let p0 = vm.config.path0.clone();
            let l = vm.new_list(1)?;
            vm.push(l)?;
            let s = vm.new_str(&p0)?;
            let l = vm.heap.peek(0);
            vm.list_append(l, s)?;
            vm.pop()
        }
        "modules" => {
            let m = vm.heap.root(root::MODULES);
            if m.is_null() {
                let d = vm.new_dict()?;
                vm.heap.set_root(root::MODULES, d);
                d
            } else {
                m
            }
        }
        "version_info" => {
            let items = [Value::int(3), Value::int(11), Value::int(0)];
            vm.tuple_of(&items)?
        }
        "implementation" => {
            let n = vm.new_str("fzpy")?;
            n
        }
        _ => return Ok(None),
    }))
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "exit", 0, 1)?;
    if args.npos() == 0 {
        return Err(vm.raise_empty(TypeId::SystemExit));
    }
    let v = vm.slot(args.base);
    Err(vm.raise_with_arg(TypeId::SystemExit, v))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "getrecursionlimit", 0, 0)?;
    Ok(Value::int(vm.recursion_limit as i32))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "setrecursionlimit", 1, 1)?;
    let v = vm.slot(args.base);
    let n = vm.index_value(v)?;
    if n < 1 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = n.min(100_000) as u32;
    Ok(Value::NONE)
}

fn sys_exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "exc_info", 0, 0)?;
    let e = vm.heap.root(root::HANDLED);
    if e.is_null() || e.is_none() {
        return vm.tuple_of(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = vm.type_of(e);
    let tb = vm.heap.get(e, crate::objects::exception::exc::TRACEBACK);
    let tb = if tb.is_null() { Value::NONE } else { tb };
    vm.tuple_of(&[t, e, tb])
}
