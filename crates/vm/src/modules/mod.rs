//! Builtin modules: static tables of functions and constants, plus a
//! per-module dict on the heap for values set at run time (`sys.argv`).
//!
//! One file per module; this file is the registry. A module's functions are
//! the natives `TABLE_MODULES + index` of [`MODULES`], so adding a module is
//! one [`ModuleDef`] entry.

use crate::heap::root;
use crate::native::{native_value, NativeDef, TABLE_MODULES};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

pub mod gc;
pub mod io;
pub mod io_file;
pub mod logging;
pub mod math;
pub mod random;
pub mod sys;
pub mod time;

/// A constant attribute of a builtin module.
pub enum Const {
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
    /// A str.
    Str(&'static str),
}

/// Computes a module attribute on first access (None: no such attribute).
pub type DynamicFn = fn(&mut Vm, &str) -> PyResult<Option<Value>>;

/// A builtin module's static description.
pub struct ModuleDef {
    /// Import name.
    pub name: &'static str,
    /// Functions.
    pub functions: &'static [NativeDef],
    /// Constants.
    pub consts: &'static [(&'static str, Const)],
    /// Attributes computed on first access (then kept in the module's dict).
    pub dynamic: Option<DynamicFn>,
}

/// All builtin modules.
pub static MODULES: &[ModuleDef] = &[
    ModuleDef {
        name: "gc",
        functions: gc::FUNCTIONS,
        consts: &[],
        dynamic: None,
    },
    ModuleDef {
        name: "sys",
        functions: sys::FUNCTIONS,
        consts: sys::CONSTS,
        dynamic: Some(sys::dynamic),
    },
    ModuleDef {
        name: "math",
        functions: math::FUNCTIONS,
        consts: math::CONSTS,
        dynamic: None,
    },
    ModuleDef {
        name: "time",
        functions: time::FUNCTIONS,
        consts: &[],
        dynamic: None,
    },
    ModuleDef {
        name: "random",
        functions: random::FUNCTIONS,
        consts: &[],
        dynamic: None,
    },
    ModuleDef {
        name: "io",
        functions: io::FUNCTIONS,
        consts: io::CONSTS,
        dynamic: Some(io::dynamic),
    },
    ModuleDef {
        name: io::FILE_MODULE,
        functions: io_file::METHODS,
        consts: &[],
        dynamic: None,
    },
    ModuleDef {
        name: "logging",
        functions: logging::FUNCTIONS,
        consts: logging::CONSTS,
        dynamic: None,
    },
    ModuleDef {
        name: sys::STREAMS_MODULE,
        functions: sys::STREAM_METHODS,
        consts: &[],
        dynamic: None,
    },
];

/// Modules that hold natives for other objects and cannot be imported.
const HIDDEN: &[&str] = &[sys::STREAMS_MODULE, io::FILE_MODULE];

/// The module value for `name`, if builtin.
pub fn find(name: &str) -> Option<Value> {
    if HIDDEN.contains(&name) {
        return None;
    }
    index_of(name).map(|i| Value::imm(imm::MODULE, i as u32))
}

/// The index of module `name` in [`MODULES`] (hidden ones included).
pub(crate) fn index_of(name: &str) -> Option<usize> {
    MODULES.iter().position(|m| m.name == name)
}

/// The native value of function `fname` of module `module` (for natives
/// stored in objects, such as the methods of `sys.stdout`).
pub(crate) fn native_of(module: &str, fname: &str) -> Option<Value> {
    let m = index_of(module)?;
    let i = MODULES[m].functions.iter().position(|f| f.name == fname)?;
    Some(native_value(TABLE_MODULES + m as u32, i as u32))
}

fn def_of(vm: &Vm, m: Value) -> &'static ModuleDef {
    let i = m.payload() as usize;
    match i.checked_sub(MODULES.len()) {
        Some(j) => vm
            .ext_modules
            .get(j)
            .copied()
            .flatten()
            .unwrap_or(&MODULES[0]),
        None => &MODULES[i],
    }
}

// Modules registered by the embedding ([`Vm::register_module`]) follow the
// static ones: module value `MODULE(MODULES.len() + j)`, functions in native
// table `TABLE_MODULES + MODULES.len() + j`.
impl Vm {
    /// The module value for `name`: a static builtin or a registered one.
    pub fn find_builtin_module(&self, name: &str) -> Option<Value> {
        if let Some(m) = find(name) {
            return Some(m);
        }
        let j = self
            .ext_modules
            .iter()
            .position(|m| m.is_some_and(|m| m.name == name))?;
        Some(Value::imm(imm::MODULE, (MODULES.len() + j) as u32))
    }

    /// The static description of a builtin module value (registered ones included).
    pub fn module_def_of(&self, m: Value) -> Option<&'static ModuleDef> {
        let i = m.payload() as usize;
        match i.checked_sub(MODULES.len()) {
            Some(j) => self.ext_modules.get(j).copied().flatten(),
            None => MODULES.get(i),
        }
    }

    /// Resolves a native value's payload, registered modules included.
    pub fn native_def_of(&self, payload: u32) -> Option<&'static NativeDef> {
        let table = payload >> 16;
        let first_ext = TABLE_MODULES + MODULES.len() as u32;
        if table >= first_ext {
            let m = self
                .ext_modules
                .get((table - first_ext) as usize)?
                .as_ref()?;
            return m.functions.get((payload & 0xffff) as usize);
        }
        crate::native::native_def(payload)
    }
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

/// Attribute names are copied here (no attribute of a builtin module is longer).
struct NameBuf {
    buf: [u8; 64],
    len: usize,
}

impl NameBuf {
    fn of(vm: &Vm, name: Value) -> Option<NameBuf> {
        let mut b = [0; 4];
        let t = vm.str_bytes_buf(name, &mut b);
        if t.len() > 64 {
            return None;
        }
        let mut n = NameBuf {
            buf: [0; 64],
            len: t.len(),
        };
        n.buf[..t.len()].copy_from_slice(t);
        Some(n)
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// `module.name` for a builtin module.
pub fn builtin_module_getattr(vm: &mut Vm, m: Value, name: Value) -> PyResult<Value> {
    vm.push(name)?;
    let d = builtin_module_dict(vm, m);
    let name = vm.pop();
    let d = d?;
    if let Some(v) = vm.dict_get(d, name)? {
        return Ok(v);
    }
    let md = def_of(vm, m);
    if let Some(nb) = NameBuf::of(vm, name) {
        let n = nb.as_str();
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
            if let Some(v) = dynf(vm, n)? {
                vm.push(v)?;
                let d = builtin_module_dict(vm, m)?;
                vm.push(d)?;
                let k = vm.new_str(n)?;
                let d = vm.pop();
                let v = vm.pop();
                vm.push(v)?;
                vm.dict_set(d, k, v)?;
                return Ok(vm.pop());
            }
        }
    }
    let mut b = [0; 4];
    let mut msg = Msg::new();
    let _ = write!(
        msg,
        "module '{}' has no attribute '{}'",
        md.name,
        vm.str_text(name, &mut b)
    );
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

/// Stores `v` as attribute `name` of builtin module `module` (for dynamic
/// attributes that create several at once).
pub(crate) fn set_module_attr(vm: &mut Vm, module: &str, name: &str, v: Value) -> PyResult<()> {
    let Some(i) = index_of(module) else {
        return Ok(());
    };
    let m = Value::imm(imm::MODULE, i as u32);
    let base = vm.sp();
    vm.push(v)?;
    let r = (|| {
        let k = vm.new_str(name)?;
        vm.push(k)?;
        let d = builtin_module_dict(vm, m)?;
        vm.dict_set(d, vm.slot(base + 1), vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}
