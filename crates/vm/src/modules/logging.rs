//! `logging`, mp-flipper's: levels TRACE=6 .. NONE=1, a module-wide
//! `level` (INFO at start, the firmware's default), and
//! `trace/debug/info/warn/error(msg, *args)` / `log(level, msg, *args)`.
//!
//! A record is written when its level is at most the effective level:
//! `min(logging.level, Platform::log_level())` (the latter is the device's
//! system log setting; TRACE on the desktop). mp-flipper filters by the
//! system setting alone and only stores `setLevel`'s value; fzpy lets the
//! script lower it. Like mp-flipper, `setLevel` ignores values outside
//! 1..6, and `msg % args` is applied only when there are args.
//! Records go to `Platform::log` (on the desktop: `[I][fzpy] message` on
//! stderr, the device log's format without its tick count).

use crate::modules::{set_module_attr, Const};
use crate::native::{def, Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// TRACE
pub const TRACE: i64 = 6;
/// DEBUG
pub const DEBUG: i64 = 5;
/// INFO: the level at start.
pub const INFO: i64 = 4;
/// WARN
pub const WARN: i64 = 3;
/// ERROR
pub const ERROR: i64 = 2;
/// NONE: only `log(NONE, ...)` records pass.
pub const NONE: i64 = 1;

/// Functions of `logging`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("setLevel", set_level),
    def("getEffectiveLevel", get_effective_level),
    def("trace", trace),
    def("debug", debug),
    def("info", info),
    def("warn", warn),
    def("error", error),
    def("log", log),
];

/// Constants of `logging` (`level` is the start value; `setLevel` and
/// assignment replace it in the module dict).
pub static CONSTS: &[(&str, Const)] = &[
    ("TRACE", Const::Int(TRACE)),
    ("DEBUG", Const::Int(DEBUG)),
    ("INFO", Const::Int(INFO)),
    ("WARN", Const::Int(WARN)),
    ("ERROR", Const::Int(ERROR)),
    ("NONE", Const::Int(NONE)),
    ("level", Const::Int(INFO)),
];

/// `logging.level` as it is now (INFO unless changed; a non-int counts as INFO).
fn level(vm: &mut Vm) -> PyResult<i64> {
    let Some(m) = crate::modules::find("logging") else {
        return Ok(INFO);
    };
    let d = crate::modules::builtin_module_dict(vm, m)?;
    Ok(vm
        .dict_get_str(d, "level")
        .and_then(|v| vm.int_to_i64(v))
        .unwrap_or(INFO))
}

/// The level records are compared with.
fn effective(vm: &mut Vm) -> PyResult<i64> {
    let sys = vm.platform.log_level() as i64;
    Ok(level(vm)?.min(sys))
}

fn set_level(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "setLevel", 1, 1)?;
    let l = vm.index_value(vm.slot(args.base))?;
    if (NONE..=TRACE).contains(&l) {
        set_module_attr(vm, "logging", "level", Value::int(l as i32))?;
    }
    Ok(Value::NONE)
}

fn get_effective_level(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "getEffectiveLevel", 0, 0)?;
    Ok(Value::int(effective(vm)? as i32))
}

/// Writes the record in `args` (message, then its %-arguments) at `lvl`.
fn emit(vm: &mut Vm, lvl: i64, args: Args, name: &str) -> PyResult<Value> {
    vm.check_kwargs(args, name, &[])?;
    if args.npos() == 0 {
        let mut m = crate::vm::Msg::new();
        let _ = core::fmt::Write::write_fmt(
            &mut m,
            format_args!("{name}() missing required argument 'msg' (pos 1)"),
        );
        return Err(vm.raise_msg(crate::types::TypeId::TypeError, m.as_str()));
    }
    if lvl > effective(vm)? {
        return Ok(Value::NONE);
    }
    let text = if args.npos() > 1 {
        let base = vm.sp();
        let t = vm.tuple_from_stack(args.base + 1, args.npos() - 1)?;
        vm.push(t)?;
        let r = (|| {
            let s = vm.str(vm.slot(args.base))?;
            crate::format::percent_format(vm, s, vm.slot(base))
        })();
        vm.heap.truncate(base);
        r?
    } else {
        vm.str(vm.slot(args.base))?
    };
    let level = lvl.clamp(NONE, TRACE) as u8;
    let mut small = [0u8; 4];
    let bytes = if text.is_heap() {
        let off = (text.word() + 1 + crate::objects::str::DATA) * 4;
        let n = vm.heap.raw(text, crate::objects::str::NBYTES) as usize;
        &crate::heap::words_as_bytes(&vm.heap.words)[off..off + n]
    } else {
        let mut b = [0; 4];
        let t = vm.str_bytes_buf(text, &mut b);
        let n = t.len();
        small[..n].copy_from_slice(t);
        &small[..n]
    };
    // Every str holds valid UTF-8.
    let s = core::str::from_utf8(bytes).unwrap_or("");
    vm.platform.log(level, s);
    Ok(Value::NONE)
}

fn trace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    emit(vm, TRACE, args, "trace")
}

fn debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    emit(vm, DEBUG, args, "debug")
}

fn info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    emit(vm, INFO, args, "info")
}

fn warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    emit(vm, WARN, args, "warn")
}

fn error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    emit(vm, ERROR, args, "error")
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.npos() == 0 {
        return Err(vm.raise_msg(
            crate::types::TypeId::TypeError,
            "log() missing required argument 'level' (pos 1)",
        ));
    }
    let lvl = vm.index_value(vm.slot(args.base))?;
    let rest = Args {
        base: args.base + 1,
        len: args.len - 1,
        ..args
    };
    emit(vm, lvl, rest, "log")
}
