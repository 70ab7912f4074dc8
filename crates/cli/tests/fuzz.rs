//! Randomized robustness: mutated and random source text through the
//! compiler and the VM must end in a result or a Python exception, never a
//! panic. Runaway programs are stopped by an "interrupt" after a budget of
//! polls, as Ctrl+C would.

use fzpy_vm::{Config, Platform, Vm};
use std::path::PathBuf;

/// A platform that discards output and interrupts after `budget` polls.
struct Sandbox {
    budget: u32,
}

impl Platform for Sandbox {
    fn write_out(&mut self, _: &[u8]) {}
    fn write_err(&mut self, _: &[u8]) {}
    fn interrupted(&mut self) -> bool {
        if self.budget == 0 {
            return true;
        }
        self.budget -= 1;
        false
    }
}

use fzpy_compiler::VmCompiler as TheCompiler;

mod common;
use common::Rng;

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py");
    let mut v: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/py")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    v.sort();
    v
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "<<",
    "not ",
    " and ",
    " or ",
    " in ",
    " is ",
    "lambda x: ",
    "yield ",
    "return ",
    "def f():\n  ",
    "class C:\n  ",
    "try:\n  pass\nexcept:\n  pass\n",
    "while 1:\n  ",
    "for i in range(3):\n  ",
    "import sys\n",
    "None",
    "True",
    "1e308",
    "10**100",
    "-1",
    "'x'",
    "b'y'",
    "f'{1}'",
    "[]",
    "{}",
    "()",
    "x",
    ".",
    "\n",
    "    ",
    "\t",
    "\\",
    "#",
    "@",
    "...",
    "global x\n",
    "del x\n",
    "raise ValueError\n",
    "super()",
    "print(",
    "len(",
    "iter(",
    "next(",
    "sorted(",
    "str(",
    "int(",
    "float(",
    "list(",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if !s.is_empty() => {
                let end = (at + rng.below(8)).min(s.len());
                s.drain(at.min(s.len())..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                for (k, c) in t.chars().enumerate() {
                    s.insert((at + k).min(s.len()), c);
                }
            }
            2 if !s.is_empty() => {
                let i = at.min(s.len() - 1);
                s[i] = char::from_u32(rng.below(128) as u32).unwrap_or('x');
            }
            _ => {
                // Duplicate a line.
                let text: String = s.iter().collect();
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let l = lines[rng.below(lines.len())].to_string() + "\n";
                    for (k, c) in l.chars().enumerate() {
                        s.insert((at + k).min(s.len()), c);
                    }
                }
            }
        }
    }
    s.into_iter().collect()
}

fn run_one(src: &str, heap: usize) {
    let config = Config {
        heap_bytes: heap,
        ..Config::default()
    };
    let mut vm = Vm::new(
        config,
        Box::new(Sandbox { budget: 200 }),
        Some(Box::new(TheCompiler)),
    );
    if vm.run_main(src, "<fuzz>").is_err() {
        let _ = vm.report_exception();
    }
    // The interpreter must stay usable after whatever happened.
    if vm
        .run_main(
            "x = [1, 2, 3]\ny = sum(x) if 'sum' in dir(__builtins__) else 6",
            "<after>",
        )
        .is_err()
    {
        let _ = vm.report_exception();
    }
}

fn fuzz(iterations: usize, seed: u64) {
    let corpus = corpus();
    assert!(!corpus.is_empty());
    let mut rng = Rng(seed);
    for i in 0..iterations {
        let base = &corpus[rng.below(corpus.len())];
        let src = mutate(&mut rng, base);
        let heap = [16 * 1024, 64 * 1024][i % 2];
        let r = std::panic::catch_unwind(|| run_one(&src, heap));
        if r.is_err() {
            let path = std::env::temp_dir().join(format!("fzpy-fuzz-crash-{seed}-{i}.py"));
            let _ = std::fs::write(&path, &src);
            panic!(
                "iteration {i}: the VM panicked; input saved to {}",
                path.display()
            );
        }
    }
}

#[test]
fn mutated_programs_never_panic() {
    let n = std::env::var("FZPY_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    // Plenty of native stack: the host runs the compiler with generous limits.
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || fuzz(n, 0x5eed_f00d))
        .expect("thread");
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn random_bytes_never_panic() {
    let h = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let mut rng = Rng(42);
            for _ in 0..3000 {
                let len = rng.below(200);
                let src: String = (0..len)
                    .map(|_| {
                        let t = TOKENS[rng.below(TOKENS.len())];
                        if rng.below(3) == 0 {
                            t.to_string()
                        } else {
                            ((rng.below(95) + 32) as u8 as char).to_string()
                        }
                    })
                    .collect();
                run_one(&src, 32 * 1024);
            }
        })
        .expect("thread");
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}
