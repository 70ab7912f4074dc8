//! The interpreter's fixed heap cost: what is in use before a script's
//! first line runs (builtins, types and modules are static data, so this
//! is only `sys.modules` and the `__main__` module). Deterministic, so it
//! is asserted; docs/memory.md reports the figure.

use fzpy_bytecode::{CodeUnit, Const, Op};
use fzpy_vm::{Config, Platform, Vm};

struct Quiet;

impl Platform for Quiet {
    fn write_out(&mut self, _: &[u8]) {}
    fn write_err(&mut self, _: &[u8]) {}
}

fn empty_module() -> CodeUnit {
    CodeUnit {
        name: "<module>".into(),
        qualname: "<module>".into(),
        filename: "s.py".into(),
        flags: fzpy_bytecode::code::CO_NAMESPACE,
        stacksize: 1,
        firstlineno: 1,
        code: vec![Op::LOAD_CONST as u8, 0, 0, Op::RETURN_VALUE as u8],
        consts: vec![Const::None],
        ..CodeUnit::default()
    }
}

#[test]
fn startup_heap_is_under_1k() {
    let mut vm = Vm::new(Config::default(), Box::new(Quiet), None);
    let at_creation = vm.heap_used();
    vm.main_globals().expect("__main__");
    let before_first_line = vm.heap_used();
    println!("heap in use: {at_creation} bytes after creation, {before_first_line} bytes before the first line");
    assert_eq!(at_creation, 0);
    assert!(
        before_first_line < 1024,
        "fixed cost {before_first_line} bytes"
    );
    // And the script runs in what is left.
    vm.run_main_code(&empty_module()).expect("runs");
}

#[test]
fn heap_sizes_are_honoured() {
    for kb in [16, 64, 256] {
        let vm = Vm::new(
            Config {
                heap_bytes: kb * 1024,
                ..Config::default()
            },
            Box::new(Quiet),
            None,
        );
        assert_eq!(vm.heap.size_bytes(), kb * 1024);
        // GC tables take 2 words per 32: the rest is for objects and the stack.
        assert!(vm.heap.capacity_bytes() * 34 / 32 <= kb * 1024);
    }
}
