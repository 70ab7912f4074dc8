//! Shared test harness: runs Python source in the simulator.

#![allow(dead_code)]

use fzpy_sim::{new_vm, Shared, SimOptions};
use fzpy_vm::Config;

/// The compiler, as the VM sees it.
pub use fzpy_compiler::VmCompiler as TestCompiler;

/// Runs `src` with key script `keys`; (stdout, raised?, state).
pub fn run_with(
    src: &str,
    keys: &str,
    gc_stress: bool,
    setup: impl FnOnce(&Shared),
) -> (String, bool, Shared) {
    let config = Config {
        gc_stress,
        ..Config::default()
    };
    let opts = SimOptions {
        keys: keys.into(),
        timeout_s: 10.0,
        echo: false,
        ..SimOptions::default()
    };
    let (mut vm, st) = new_vm(config, &opts, Some(Box::new(TestCompiler))).expect("options");
    setup(&st);
    let r = vm.run_main(src, "test.py");
    fzpy_flipper::release_all(&mut vm);
    let raised = r.is_err();
    if raised {
        vm.report_exception();
    }
    let out = String::from_utf8_lossy(&st.borrow().stdout).into_owned();
    (out, raised, st)
}

/// Runs `src`; its stdout (panics if it raised).
pub fn run(src: &str) -> String {
    for stress in [false, true] {
        let (out, raised, _) = run_with(src, "", stress, |_| {});
        assert!(!raised, "script raised; output so far:\n{out}");
        if stress {
            return out;
        }
    }
    unreachable!()
}
