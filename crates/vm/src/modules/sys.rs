//! `sys`: interpreter information and hooks.
//!
//! `sys.stdin`, `sys.stdout` and `sys.stderr` are instances of a small
//! class `TextIOWrapper` built on first use; its methods are the natives of
//! the hidden module [`STREAMS_MODULE`]. `sys.version_info` is an instance
//! of a tuple subclass with `major`/`minor`/... attributes, and
//! `sys.implementation` a namespace with `name == 'fzpy'`.

use crate::heap::{kind, root, words_as_bytes};
use crate::modules::{native_of, set_module_attr, Const};
use crate::native::{def, Args, NativeDef};
use crate::objects::class::inst;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

/// Functions of `sys`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("exit", sys_exit),
    def("getrecursionlimit", sys_getrecursionlimit),
    def("setrecursionlimit", sys_setrecursionlimit),
    def("exc_info", sys_exc_info),
    def("exception", sys_exception),
    def("print_exception", sys_print_exception),
    def("intern", sys_intern),
];

/// Constants of `sys`.
pub static CONSTS: &[(&str, Const)] = &[
    ("version", Const::Str("3.11.0 (fzpy 0.1.0)")),
    ("platform", Const::Str("fzpy")),
    ("byteorder", Const::Str("little")),
    ("maxsize", Const::Int(i32::MAX as i64)),
    ("maxunicode", Const::Int(0x10ffff)),
    ("hexversion", Const::Int(0x030b_00f0)),
    ("api_version", Const::Int(1013)),
];

/// The hidden module holding the methods of the standard streams.
pub const STREAMS_MODULE: &str = "_fzpy_streams";

/// Methods of `sys.stdin` / `sys.stdout` / `sys.stderr`.
pub static STREAM_METHODS: &[NativeDef] = &[
    def("write", stream_write),
    def("flush", stream_flush),
    def("readline", stream_readline),
    def("isatty", stream_isatty),
];

/// Attributes of `sys` made on first access.
pub fn dynamic(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    Ok(Some(match name {
        "argv" => {
            let n = vm.config.argv.len();
            let l = vm.new_list(n)?;
            vm.push(l)?;
            for i in 0..n {
                // ALLOC: one argument's text at a time (the config owns them).
                let a = vm.config.argv[i].clone();
                let s = vm.new_str(&a)?;
                let l = vm.heap.peek(0);
                vm.list_append(l, s)?;
            }
            vm.pop()
        }
        "path" => {
            // ALLOC: the script directory's text.
            let p0 = vm.config.path0.clone();
            let l = vm.new_list(1)?;
            vm.push(l)?;
            let s = vm.new_str(&p0)?;
            let l = vm.heap.peek(0);
            vm.list_append(l, s)?;
            vm.pop()
        }
        "modules" => {
            let mut m = vm.heap.root(root::MODULES);
            if m.is_null() {
                m = vm.new_dict()?;
                vm.heap.set_root(root::MODULES, m);
            }
            // `sys` itself has been imported when this is asked.
            if vm.dict_get_str(m, "sys").is_none() {
                let k = vm.new_str("sys")?;
                let m = vm.heap.root(root::MODULES);
                let me = crate::modules::find("sys").unwrap_or(Value::NONE);
                vm.dict_set(m, k, me)?;
            }
            vm.heap.root(root::MODULES)
        }
        "version_info" => version_info(vm)?,
        "implementation" => implementation(vm)?,
        "stdin" | "stdout" | "stderr" => streams(vm, name)?,
        _ => return Ok(None),
    }))
}

/// A new class `name` with bases `bases` (builtin types) and an empty namespace.
pub(crate) fn new_builtin_class(vm: &mut Vm, name: &str, bases: &[TypeId]) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let ns = vm.new_dict()?;
        vm.push(ns)?;
        let n = vm.new_str(name)?;
        vm.push(n)?;
        let t = vm.new_tuple(bases.len())?;
        for (i, b) in bases.iter().enumerate() {
            vm.heap.set(t, i, Value::imm(imm::TYPE, *b as u32));
        }
        vm.push(t)?;
        let (ns, n, t) = (vm.slot(base), vm.slot(base + 1), vm.slot(base + 2));
        vm.new_class(n, t, ns, Value::NULL)
    })();
    vm.heap.truncate(base);
    r
}

/// A new instance of class `c` (with an attribute dict) and builtin part `b`.
fn new_instance(vm: &mut Vm, c: Value, b: Value) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(c)?;
    vm.push(b)?;
    let r = (|| {
        let d = vm.new_dict()?;
        vm.push(d)?;
        let o = vm.alloc(kind::INSTANCE, inst::SIZE)?;
        vm.heap.set(o, inst::CLASS, vm.slot(base));
        vm.heap.set(o, inst::DICT, vm.slot(base + 2));
        vm.heap.set(o, inst::BASE, vm.slot(base + 1));
        Ok(o)
    })();
    vm.heap.truncate(base);
    r
}

/// Sets `d[key] = v` for the dict `d` in stack slot `dslot` (v an immediate or rooted).
fn set_item(vm: &mut Vm, dslot: usize, key: &str, v: Value) -> PyResult<()> {
    vm.push(v)?;
    let k = vm.new_str(key);
    let v = vm.pop();
    let k = k?;
    let d = vm.slot(dslot);
    vm.dict_set(d, k, v)
}

/// Sets `d[key] = 'text'` for the dict `d` in stack slot `dslot`.
fn set_str_item(vm: &mut Vm, dslot: usize, key: &str, text: &str) -> PyResult<()> {
    let s = vm.new_str(text)?;
    set_item(vm, dslot, key, s)
}

fn version_info(vm: &mut Vm) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let c = new_builtin_class(vm, "version_info", &[TypeId::Tuple])?;
        vm.push(c)?;
        let ns = vm.instance_dict(c);
        vm.push(ns)?;
        let fields = [("major", 3), ("minor", 11), ("micro", 0), ("serial", 0)];
        for (k, v) in fields {
            set_item(vm, base + 1, k, Value::int(v))?;
        }
        set_str_item(vm, base + 1, "releaselevel", "final")?;
        let level = vm.new_str("final")?;
        vm.push(level)?;
        let t = vm.new_tuple(5)?;
        for (i, v) in [3, 11, 0].into_iter().enumerate() {
            vm.heap.set(t, i, Value::int(v));
        }
        vm.heap.set(t, 3, vm.slot(base + 2));
        vm.heap.set(t, 4, Value::int(0));
        new_instance(vm, vm.slot(base), t)
    })();
    vm.heap.truncate(base);
    r
}

fn implementation(vm: &mut Vm) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let c = new_builtin_class(vm, "SimpleNamespace", &[])?;
        let o = new_instance(vm, c, Value::NULL)?;
        vm.push(o)?;
        let d = vm.instance_dict(o);
        vm.push(d)?;
        set_str_item(vm, base + 1, "name", "fzpy")?;
        set_str_item(vm, base + 1, "cache_tag", "fzpy-01")?;
        set_item(vm, base + 1, "_multiarch", Value::NONE)?;
        let v = vm.tuple_of(&[Value::int(0), Value::int(1), Value::int(0)])?;
        set_item(vm, base + 1, "version", v)?;
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

/// Builds `sys.stdin`, `sys.stdout` and `sys.stderr` (stored in the module)
/// and returns the one called `want`.
fn streams(vm: &mut Vm, want: &str) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let c = new_builtin_class(vm, "TextIOWrapper", &[])?;
        vm.push(c)?;
        let ns = vm.instance_dict(c);
        vm.push(ns)?;
        for f in STREAM_METHODS {
            let m = native_of(STREAMS_MODULE, f.name).unwrap_or(Value::NONE);
            set_item(vm, base + 1, f.name, m)?;
        }
        let mut found = Value::NONE;
        for (attr, label, mode) in [
            ("stdin", "<stdin>", "r"),
            ("stdout", "<stdout>", "w"),
            ("stderr", "<stderr>", "w"),
        ] {
            let o = new_instance(vm, vm.slot(base), Value::NULL)?;
            let slot = vm.sp();
            vm.push(o)?;
            let d = vm.instance_dict(o);
            vm.push(d)?;
            set_str_item(vm, slot + 1, "name", label)?;
            set_str_item(vm, slot + 1, "mode", mode)?;
            set_str_item(vm, slot + 1, "encoding", "utf-8")?;
            vm.heap.truncate(slot + 1);
            set_module_attr(vm, "sys", attr, vm.slot(slot))?;
            if attr == want {
                found = Value::int(slot as i32);
            }
        }
        Ok(vm.slot(found.small_value() as usize))
    })();
    vm.heap.truncate(base);
    r
}

/// Whether stream object `o` is `sys.stderr`.
fn is_stderr(vm: &Vm, o: Value) -> bool {
    let d = vm.instance_dict(o);
    if d.is_null() || vm.heap.kind(d) != kind::DICT {
        return false;
    }
    vm.dict_get_str(d, "name")
        .is_some_and(|n| vm.is_str(n) && vm.str_is(n, "<stderr>"))
}

/// Writes str `s` to standard output or standard error.
pub(crate) fn write_str(vm: &mut Vm, s: Value, err: bool) {
    let mut small = [0u8; 4];
    let data: &[u8] = if s.is_heap() {
        let off = (s.word() + 1 + crate::objects::str::DATA) * 4;
        let n = vm.heap.raw(s, crate::objects::str::NBYTES) as usize;
        &words_as_bytes(&vm.heap.words)[off..off + n]
    } else {
        let mut b = [0; 4];
        let t = vm.str_bytes_buf(s, &mut b);
        let n = t.len();
        small[..n].copy_from_slice(t);
        &small[..n]
    };
    if err {
        vm.platform.write_err(data);
    } else {
        vm.platform.write_out(data);
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args.skip1(), "write", 1, 1)?;
    let (o, s) = (vm.slot(args.base), vm.slot(args.base + 1));
    if !vm.is_str(s) {
        let mut b = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "write() argument must be str, not {}",
            vm.type_name(s, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let err = is_stderr(vm, o);
    write_str(vm, s, err);
    Ok(Value::from_usize(vm.str_len(s)))
}

fn stream_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args.skip1(), "flush", 0, 0)?;
    vm.platform.flush();
    Ok(Value::NONE)
}

fn stream_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args.skip1(), "isatty", 0, 0)?;
    Ok(Value::FALSE)
}

fn stream_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args.skip1(), "readline", 0, 1)?;
    // ALLOC: the platform hands over the line as a String.
    let Some(line) = vm.platform.read_line() else {
        return Ok(Value::EMPTY_STR);
    };
    let mut b = vm.builder(line.len() + 1)?;
    let r = vm
        .builder_push(&mut b, &line)
        .and_then(|_| vm.builder_push_char(&mut b, '\n'));
    match r {
        Ok(()) => vm.builder_finish(b),
        Err(e) => {
            vm.builder_drop(b);
            Err(e)
        }
    }
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
    if vm.is_float(v) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "'float' object cannot be interpreted as an integer",
        ));
    }
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

/// `sys.exception()` (3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "exception", 0, 0)?;
    let e = vm.heap.root(root::HANDLED);
    Ok(if e.is_null() { Value::NONE } else { e })
}

/// MicroPython's `sys.print_exception(exc)`: the traceback to stderr.
fn sys_print_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "print_exception", 1, 2)?;
    let e = vm.slot(args.base);
    vm.print_exception(e);
    Ok(Value::NONE)
}

fn sys_intern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "intern", 1, 1)?;
    let s = vm.slot(args.base);
    if !vm.is_str(s) {
        let mut b = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "intern() argument must be str, not {}",
            vm.type_name(s, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    Ok(s)
}
