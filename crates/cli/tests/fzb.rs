//! `.fzb` bytecode files: every conformance program round-trips exactly
//! through encode/decode (and so passes the verifier); a few run from
//! `fzpy compile` output with the expected stdout; and a randomized mutation
//! test checks that corrupt files are rejected or run without panicking.
//!
//! Environment: `FZPY_FZB_FUZZ_ITERS=n` sets the number of mutations
//! (default 200 000), `FZPY_FZB_RUN_CAP=n` how many
//! of the accepted ones run in the VM (default 20 000),
//! `FZPY_FZB_UNIT_ITERS=n` the number of code-unit mutations (default
//! 20 000), `FZPY_FZB_SEED=n` varies the random seeds.

use fzpy_bytecode::fzb::{decode, encode};
use fzpy_bytecode::{CodeUnit, Const};
use fzpy_vm::{Config, Platform, Vm};
use std::path::{Path, PathBuf};
use std::process::Command;

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py")
}

/// Every `tests/py/*.py` that compiles, with its compiled unit.
fn compiled_corpus() -> Vec<(PathBuf, CodeUnit)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(tests_dir())
        .expect("tests/py")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for p in files {
        let Ok(src) = std::fs::read_to_string(&p) else {
            continue;
        };
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if let Ok(cu) = fzpy_compiler::compile(&src, &name, fzpy_compiler::Mode::Exec) {
            out.push((p, cu));
        }
    }
    out
}

#[test]
fn every_program_round_trips() {
    let corpus = compiled_corpus();
    assert!(
        corpus.len() > 100,
        "only {} programs compiled",
        corpus.len()
    );
    let mut failures = Vec::new();
    for (p, cu) in &corpus {
        let bytes = encode(cu);
        match decode(&bytes) {
            Ok(back) if back == *cu => {}
            Ok(_) => failures.push(format!("{}: decoded unit differs", p.display())),
            Err(e) => failures.push(format!("{}: {e}", p.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn fzpy() -> &'static str {
    env!("CARGO_BIN_EXE_fzpy")
}

#[test]
fn compiled_programs_run() {
    let dir = common::fresh_dir("fzb-run");
    let mut ran = 0;
    for name in [
        "builtin_all_any",
        "class_super",
        "exc_chain",
        "exc_try_basic",
        "int_big_pow",
        "lang_closure",
        "lang_comp_nested",
        "lang_fstring",
        "lang_gen_send_throw_close",
        "lang_gen_yield_from",
    ] {
        let py = tests_dir().join(format!("{name}.py"));
        let out = tests_dir().join(format!("{name}.out"));
        let (Ok(_), Ok(expected)) = (std::fs::metadata(&py), std::fs::read_to_string(&out)) else {
            continue;
        };
        let fzb = dir.join(format!("{name}.fzb"));
        let st = Command::new(fzpy())
            .arg("compile")
            .arg(&py)
            .arg("-o")
            .arg(&fzb)
            .status()
            .unwrap();
        assert!(st.success(), "compile {name}");
        let run = Command::new(fzpy())
            .arg(&fzb)
            .current_dir(tests_dir())
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            expected,
            "stdout of {name}.fzb"
        );
        ran += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ran >= 2, "only {ran} programs found");
}

/// A program of `n` functions nested in one another, printing 1.
fn nested_defs(n: usize) -> String {
    let mut src = String::new();
    for i in 0..n {
        src += &format!("{}def f{i}():\n", "    ".repeat(i));
    }
    src += &format!("{}return 1\n", "    ".repeat(n));
    for i in (1..n).rev() {
        src += &format!("{}return f{i}()\n", "    ".repeat(i));
    }
    src + "print(f0())\n"
}

#[test]
fn nesting_limit_is_the_same_for_compile_and_load() {
    let dir = common::fresh_dir("fzb-nest");
    // 60 nested functions (CPython runs them) compile and load.
    let py = dir.join("deep.py");
    std::fs::write(&py, nested_defs(60)).unwrap();
    let st = Command::new(fzpy())
        .arg("compile")
        .arg(&py)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let run = Command::new(fzpy())
        .arg(dir.join("deep.fzb"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "1\n");
    // Past the loader's limit, compile refuses to write a file it can't load.
    let py = dir.join("deeper.py");
    std::fs::write(&py, nested_defs(70)).unwrap();
    let st = Command::new(fzpy())
        .arg("compile")
        .arg(&py)
        .output()
        .unwrap();
    let exists = dir.join("deeper.fzb").exists();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(st.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&st.stderr).contains("code nested too deeply"));
    assert!(!exists);
}

#[test]
fn cli_reports_bad_files_and_usage() {
    let dir = common::fresh_dir("fzb-cli");
    let py = dir.join("m.py");
    std::fs::write(&py, "print('hi', 2 ** 70)\n").unwrap();
    let st = Command::new(fzpy())
        .arg("compile")
        .arg(&py)
        .status()
        .unwrap();
    assert!(st.success());
    let fzb = dir.join("m.fzb");
    let run = Command::new(fzpy()).arg(&fzb).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "hi 1180591620717411303424\n"
    );
    let dis = Command::new(fzpy()).arg("dis").arg(&fzb).output().unwrap();
    assert!(dis.status.success());
    assert!(String::from_utf8_lossy(&dis.stdout).contains("LOAD_NAME"));
    let bytes = std::fs::read(&fzb).unwrap();
    let bad = dir.join("bad.fzb");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
    let run = Command::new(fzpy()).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("truncated file"));
    let run = Command::new(fzpy()).arg("dis").arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    let run = Command::new(fzpy()).arg("compile").output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    // Importing a module from a .fzb file next to the script.
    std::fs::write(dir.join("main.py"), "import m\nprint(m.__name__)\n").unwrap();
    let run = Command::new(fzpy())
        .arg(dir.join("main.py"))
        .output()
        .unwrap();
    std::fs::remove_file(&py).unwrap();
    let run2 = Command::new(fzpy())
        .arg(dir.join("main.py"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "hi 1180591620717411303424\nm\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&run2.stdout),
        "hi 1180591620717411303424\nm\n"
    );
}

#[test]
fn run_main_fzb_raises_value_error() {
    let mut vm = Vm::new(
        Config::default(),
        Box::new(Sandbox {
            budget: 1000,
            overtime: 0,
        }),
        None,
    );
    assert!(vm.run_main_fzb(b"FZPY\x01\x00").is_err());
    let e = vm.exception();
    assert!(vm.exc_matches(e, fzpy_vm::types::TypeId::ValueError));
}

// ---------------------------------------------------------------- fuzzing

/// A platform that discards output and interrupts after `budget` polls.
struct Sandbox {
    budget: u32,
    overtime: u32,
}

/// Panic payload of a program that keeps running after its interrupt
/// (e.g. a handler that swallows KeyboardInterrupt in a loop): the test
/// abandons it, which is no VM failure.
struct Runaway;

impl Platform for Sandbox {
    fn write_out(&mut self, _: &[u8]) {}
    fn write_err(&mut self, _: &[u8]) {}
    fn interrupted(&mut self) -> bool {
        if self.budget == 0 {
            self.overtime += 1;
            if self.overtime > 1000 {
                std::panic::panic_any(Runaway);
            }
            return true;
        }
        self.budget -= 1;
        false
    }
}

mod common;
use common::Rng;

const INTERESTING: &[u8] = &[0, 1, 2, 3, 0x7f, 0x80, 0xff, 0xfe, 5, 10, 44, 70, 81, 84];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if at < v.len() => v[at] ^= 1 << rng.below(8),
            1 if at < v.len() => v[at] = INTERESTING[rng.below(INTERESTING.len())],
            2 => v.insert(at, rng.next() as u8),
            3 if at < v.len() => {
                let end = (at + 1 + rng.below(4)).min(v.len());
                v.drain(at..end);
            }
            4 => v.truncate(at),
            _ if at < v.len() => v[at] = rng.next() as u8,
            _ => {}
        }
    }
    v
}

fn run_decoded(cu: &CodeUnit) {
    let mut vm = Vm::new(
        Config {
            heap_bytes: 32 * 1024,
            ..Config::default()
        },
        Box::new(Sandbox {
            budget: 200,
            overtime: 0,
        }),
        None,
    );
    if vm.run_main_code(cu).is_err() {
        let _ = vm.report_exception();
    }
}

fn fuzz(iterations: usize, seed: u64) -> (usize, usize, usize) {
    // Small programs keep each decode cheap.
    let mut corpus: Vec<Vec<u8>> = compiled_corpus().iter().map(|(_, cu)| encode(cu)).collect();
    corpus.sort_by_key(|b| b.len());
    corpus.truncate(60);
    assert!(!corpus.is_empty());
    let run_cap: usize = std::env::var("FZPY_FZB_RUN_CAP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let mut rng = Rng(seed);
    let (mut accepted, mut ran, mut runaway) = (0, 0, 0);
    for i in 0..iterations {
        let base = &corpus[rng.below(corpus.len())];
        let m = mutate(&mut rng, base);
        let r = std::panic::catch_unwind(|| decode(&m));
        let decoded = match r {
            Ok(d) => d,
            Err(_) => save_and_fail(seed, i, &m, "decode"),
        };
        if let Ok(cu) = decoded {
            accepted += 1;
            // Running is much slower than decoding: run a sample.
            if &m != base && ran < run_cap {
                ran += 1;
                let r = std::panic::catch_unwind(|| run_decoded(&cu));
                if let Err(p) = r {
                    if p.is::<Runaway>() {
                        runaway += 1;
                        continue;
                    }
                    save_and_fail(seed, i, &m, "the VM");
                }
            }
        }
    }
    (accepted, ran, runaway)
}

fn save_and_fail(seed: u64, i: usize, data: &[u8], what: &str) -> ! {
    let path = std::env::temp_dir().join(format!("fzpy-fzb-crash-{seed}-{i}.fzb"));
    let _ = std::fs::write(&path, data);
    panic!(
        "iteration {i}: {what} panicked; input saved to {}",
        Path::new(&path).display()
    );
}

/// The random seed: `FZPY_FZB_SEED` mixed into each test's own.
fn seed(own: u64) -> u64 {
    let extra: u64 = std::env::var("FZPY_FZB_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    own ^ extra.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Expected panics (runaway programs) stay quiet on the fuzz threads.
fn quiet_runaways() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let quiet =
                std::thread::current().name() == Some("fzb-fuzz") && info.payload().is::<Runaway>();
            if !quiet {
                default_hook(info);
            }
        }));
    });
}

#[test]
fn mutated_files_never_panic() {
    let n = std::env::var("FZPY_FZB_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200_000);
    quiet_runaways();
    let h = std::thread::Builder::new()
        .name("fzb-fuzz".into())
        .stack_size(64 << 20)
        .spawn(move || fuzz(n, seed(0xf2b_5eed)))
        .expect("thread");
    match h.join() {
        Ok((accepted, ran, runaway)) => {
            eprintln!("{n} mutations: {accepted} decoded, {ran} run ({runaway} runaway)");
        }
        Err(e) => std::panic::resume_unwind(e),
    }
}

/// Mutates one code unit of the tree (the top one or a nested one) in a
/// way the file format cannot catch: code bytes, operands, counts, the
/// exception table.
fn mutate_unit(rng: &mut Rng, cu: &mut CodeUnit) {
    let nested: Vec<usize> = cu
        .consts
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, Const::Code(_)))
        .map(|(i, _)| i)
        .collect();
    if !nested.is_empty() && rng.below(2) == 0 {
        let i = nested[rng.below(nested.len())];
        if let Const::Code(inner) = &mut cu.consts[i] {
            return mutate_unit(rng, inner);
        }
    }
    for _ in 0..1 + rng.below(2) {
        let n = cu.code.len();
        match rng.below(8) {
            0..=2 if n > 0 => cu.code[rng.below(n)] = rng.next() as u8,
            3 if n > 0 => cu.code[rng.below(n)] = INTERESTING[rng.below(INTERESTING.len())],
            4 => cu.stacksize = (cu.stacksize as i32 + rng.below(5) as i32 - 2).max(0) as u16,
            5 => {
                if let Some(e) = cu.exceptions.get_mut(rng.below(4)) {
                    match rng.below(4) {
                        0 => e.start = rng.below(n + 1) as u16,
                        1 => e.end = rng.below(n + 1) as u16,
                        2 => e.target = rng.below(n + 1) as u16,
                        _ => e.depth = rng.below(6) as u16,
                    }
                }
            }
            6 => {
                // Swap two instructions' bytes ranges of one byte.
                if n > 1 {
                    let (a, b) = (rng.below(n), rng.below(n));
                    cu.code.swap(a, b);
                }
            }
            _ => cu.nfree = rng.below(3) as u16,
        }
    }
}

fn fuzz_units(iterations: usize, seed: u64) -> (usize, usize) {
    let mut corpus: Vec<CodeUnit> = compiled_corpus().into_iter().map(|(_, cu)| cu).collect();
    corpus.sort_by_key(|cu| cu.code.len());
    corpus.truncate(80);
    let mut rng = Rng(seed);
    let (mut accepted, mut runaway) = (0, 0);
    for i in 0..iterations {
        let mut cu = corpus[rng.below(corpus.len())].clone();
        mutate_unit(&mut rng, &mut cu);
        let ok = match std::panic::catch_unwind(|| fzpy_bytecode::verify::verify(&cu)) {
            Ok(r) => r.is_ok(),
            Err(_) => save_and_fail(seed, i, &encode(&cu), "the verifier"),
        };
        if ok {
            accepted += 1;
            match std::panic::catch_unwind(|| run_decoded(&cu)) {
                Ok(()) => {}
                Err(p) if p.is::<Runaway>() => runaway += 1,
                Err(_) => save_and_fail(seed, i, &encode(&cu), "the VM"),
            }
        }
    }
    (accepted, runaway)
}

#[test]
fn mutated_code_never_panics() {
    let n = std::env::var("FZPY_FZB_UNIT_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    quiet_runaways();
    let h = std::thread::Builder::new()
        .name("fzb-fuzz".into())
        .stack_size(64 << 20)
        .spawn(move || fuzz_units(n, seed(0xc0de_5eed)))
        .expect("thread");
    match h.join() {
        Ok((accepted, runaway)) => {
            eprintln!("{n} code mutations: {accepted} verified and run ({runaway} runaway)");
        }
        Err(e) => std::panic::resume_unwind(e),
    }
}
