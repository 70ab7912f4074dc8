//! The object `uart_open` returns: an instance of the class
//! `flipperzero.UART`, made on first use, whose methods are the natives of
//! the `_flipperzero_uart` table: `u.read(size=-1)`, `u.readline(size=-1)`,
//! `u.readlines()`, `u.write(b)`, `u.flush()`, `u.close()`; `with u:`
//! closes it, `for line in u` reads the lines available. Reads are
//! non-blocking (`b''` when empty). There is one UART, so the methods act
//! on the board, not on `self`.

use crate::{arity, board, int_arg, type_error, with};
use fzpy_vm::modules::{builtin_module_getattr, ModuleDef};
use fzpy_vm::native::{def, Args, NativeDef};
use fzpy_vm::types::TypeId;
use fzpy_vm::value::Value;
use fzpy_vm::vm::{PyResult, Vm};

/// Most bytes one read returns.
const CHUNK: usize = 512;

/// Functions of the UART handle.
pub static FUNCTIONS: &[NativeDef] = &[
    def("read", read),
    def("readline", readline),
    def("readlines", readlines),
    def("write", write),
    def("flush", flush),
    def("close", close),
    def("__enter__", enter),
    def("__exit__", exit),
    def("__iter__", enter),
    def("__next__", next),
];

/// The handle's table.
pub static MODULE: ModuleDef = ModuleDef {
    name: "_flipperzero_uart",
    functions: FUNCTIONS,
    consts: &[],
    dynamic: None,
};

fn module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match vm.find_builtin_module(name) {
        Some(m) => Ok(m),
        None => Err(vm.raise_msg(TypeId::RuntimeError, "flipperzero: module not registered")),
    }
}

/// The class `UART` (built once, then kept in the module's dict).
pub(crate) fn class(vm: &mut Vm) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let table = module(vm, MODULE.name)?;
        vm.push(table)?;
        let ns = vm.new_dict()?;
        vm.push(ns)?;
        for f in FUNCTIONS {
            let name = vm.new_str(f.name)?;
            let v = builtin_module_getattr(vm, vm.slot(base), name)?;
            vm.dict_set_str(vm.slot(base + 1), f.name, v)?;
        }
        let name = vm.new_str("UART")?;
        vm.push(name)?;
        let bases = vm.new_tuple(0)?;
        vm.new_class(
            vm.slot(base + 2),
            bases,
            vm.slot(base + 1),
            Value::imm(fzpy_vm::value::imm::TYPE, TypeId::Type as u32),
        )
    })();
    vm.heap.truncate(base);
    r
}

/// A new handle: an instance of `flipperzero.UART`.
pub(crate) fn handle(vm: &mut Vm) -> PyResult<Value> {
    let m = module(vm, crate::MODULE.name)?;
    let name = vm.new_str("UART")?;
    let c = builtin_module_getattr(vm, m, name)?;
    vm.call(c, &[])
}

/// The arguments after `self` (every method is called on an instance).
fn after_self(vm: &mut Vm, args: Args, f: &str) -> PyResult<Args> {
    if args.npos() == 0 {
        let mut m = fzpy_vm::vm::Msg::new();
        let _ = core::fmt::Write::write_fmt(
            &mut m,
            format_args!("UART.{f}() needs a UART object (call it on one)"),
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    Ok(args.skip1())
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "read")?;
    arity(vm, args, "read", 0, 1, &["size"])?;
    let n = int_arg(vm, args, 0, "read", "size", -1)?;
    let n = if n < 0 {
        CHUNK
    } else {
        (n as usize).min(CHUNK)
    };
    let mut buf = [0u8; CHUNK];
    let got = board(vm, |b| b.uart_read(&mut buf[..n]))?;
    vm.new_bytes(&buf[..got.min(n)])
}

/// One line (with its newline) or what is available, at most `max`
/// bytes, as bytes.
fn line(vm: &mut Vm, max: usize) -> PyResult<Value> {
    let mut buf = [0u8; CHUNK];
    let mut len = 0;
    while len < max.min(CHUNK) {
        let got = board(vm, |b| b.uart_read(&mut buf[len..len + 1]))?;
        if got == 0 {
            break;
        }
        len += 1;
        if buf[len - 1] == b'\n' {
            break;
        }
    }
    vm.new_bytes(&buf[..len])
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "readline")?;
    arity(vm, args, "readline", 0, 1, &["size"])?;
    let n = int_arg(vm, args, 0, "readline", "size", -1)?;
    line(vm, if n < 0 { CHUNK } else { n as usize })
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "readlines")?;
    arity(vm, args, "readlines", 0, 0, &[])?;
    let base = vm.sp();
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let r = (|| loop {
        let b = line(vm, CHUNK)?;
        if vm.bytes_data(b).is_empty() {
            return Ok(vm.slot(base));
        }
        vm.list_append(vm.slot(base), b)?;
    })();
    vm.heap.truncate(base);
    r
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "write")?;
    arity(vm, args, "write", 1, 1, &[])?;
    let v = vm.slot(args.base);
    let k = vm.heap.kind(v);
    if k != fzpy_vm::heap::kind::BYTES && k != fzpy_vm::heap::kind::BYTEARRAY {
        return Err(type_error(vm, "write", "data", "bytes", v));
    }
    let mut total = 0;
    let len = vm.bytes_like_data(v).len();
    let mut buf = [0u8; CHUNK];
    while total < len {
        let n = (len - total).min(CHUNK);
        let v = vm.slot(args.base);
        buf[..n].copy_from_slice(&vm.bytes_like_data(v)[total..total + n]);
        let w = board(vm, |b| b.uart_write(&buf[..n]))?;
        total += w;
        if w < n {
            break;
        }
    }
    Ok(Value::int(total as i32))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "flush")?;
    arity(vm, args, "flush", 0, 0, &[])?;
    board(vm, |b| b.uart_flush())?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let args = after_self(vm, args, "close")?;
    arity(vm, args, "close", 0, 0, &[])?;
    close_uart(vm)?;
    Ok(Value::NONE)
}

/// Closes the UART on the board.
fn close_uart(vm: &mut Vm) -> PyResult<()> {
    with(vm, |s| {
        s.board.uart_close();
        s.used.uart(false);
    })
}

/// `__enter__` and `__iter__`: the handle itself.
fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_self(vm, args, "__enter__")?;
    arity(vm, rest, "__enter__", 0, 0, &[])?;
    Ok(vm.slot(args.base))
}

/// `__exit__(type, value, traceback)`: closes; exceptions propagate.
fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_self(vm, args, "__exit__")?;
    arity(vm, rest, "__exit__", 0, 3, &[])?;
    close_uart(vm)?;
    Ok(Value::NONE)
}

/// `__next__`: the next available line; StopIteration when none is.
fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = after_self(vm, args, "__next__")?;
    arity(vm, rest, "__next__", 0, 0, &[])?;
    let b = line(vm, CHUNK)?;
    if vm.bytes_data(b).is_empty() {
        return Err(vm.raise_empty(TypeId::StopIteration));
    }
    Ok(b)
}
