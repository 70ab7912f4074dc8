//! The object `uart_open` returns. There is one UART, so the handle is a
//! builtin module value (`_flipperzero_uart`) whose functions act on it:
//! `u.read(n=-1)`, `u.readline()`, `u.readlines()`, `u.write(b)`,
//! `u.flush()`, `u.close()`. Reads are non-blocking (`b''` when empty).

use crate::{arity, board, int_arg, type_error};
use fzpy_vm::modules::ModuleDef;
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
];

/// The handle's table.
pub static MODULE: ModuleDef = ModuleDef {
    name: "_flipperzero_uart",
    functions: FUNCTIONS,
    consts: &[],
    dynamic: None,
};

/// The handle value.
pub(crate) fn handle(vm: &mut Vm) -> PyResult<Value> {
    match vm.find_builtin_module(MODULE.name) {
        Some(m) => Ok(m),
        None => Err(vm.raise_msg(TypeId::RuntimeError, "UART handle not registered")),
    }
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
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

/// One line (with its newline) or what is available, as bytes.
fn line(vm: &mut Vm) -> PyResult<Value> {
    let mut buf = [0u8; CHUNK];
    let mut len = 0;
    while len < CHUNK {
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
    arity(vm, args, "readline", 0, 0, &[])?;
    line(vm)
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "readlines", 0, 0, &[])?;
    let base = vm.sp();
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let r = (|| loop {
        let b = line(vm)?;
        if vm.bytes_data(b).is_empty() {
            return Ok(vm.slot(base));
        }
        vm.list_append(vm.slot(base), b)?;
    })();
    vm.heap.truncate(base);
    r
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
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
    arity(vm, args, "flush", 0, 0, &[])?;
    board(vm, |b| b.uart_flush())?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "close", 0, 0, &[])?;
    board(vm, |b| b.uart_close())?;
    Ok(Value::NONE)
}
