//! The conformance suite: every `tests/py/*.py` program is run with the `fzpy` binary and its
//! stdout, exit status and last stderr line are compared with the expected files that CPython
//! 3.11 produced (`tests/regen_expected.py`). See `tests/py/README.md`.
//!
//! Modes (one `#[test]` each): default heap, `--gc-stress`, `--heap 24k`.
//!
//! Environment:
//! - `FZPY_TESTS=pattern`  only programs whose file name contains `pattern`
//!   (several patterns may be separated by commas).
//! - `FZPY_BIN=path`       run this binary instead of the freshly built `fzpy` (e.g. `python3`
//!   to check the suite itself; then also set `FZPY_SKIP_FZ=1` and run only the default mode).
//! - `FZPY_SKIP_FZ=1`      skip the fzpy-only `fz_*` programs.
//! - `FZPY_JOBS=n`         parallel programs (default 2).
//!
//! Only std is used.

use std::collections::BTreeSet;
use std::env;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Per-program wall-clock limit; the child is killed when it is exceeded.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The small-heap mode's heap size (`--heap` argument).
const SMALL_HEAP: &str = "24k";
/// A program whose first line contains this marker is skipped in the small-heap mode.
const BIG_HEAP_MARKER: &str = "# fzpy: big-heap";
/// First line of a `NAME.fzpy.*` override file.
const REASON_PREFIX: &str = "# reason:";

/// How long the output pipes may stay open after the child has ended.
const PIPE_GRACE: Duration = Duration::from_secs(5);
/// The modes run one after the other (each one already uses the available cores).
static SERIAL: Mutex<()> = Mutex::new(());

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    DefaultHeap,
    GcStress,
    SmallHeap,
    /// Compiled first with `fzpy compile`, then run from the `.fzb` file.
    Bytecode,
}

impl Mode {
    fn label(self) -> &'static str {
        match self {
            Mode::DefaultHeap => "default heap",
            Mode::GcStress => "gc stress",
            Mode::SmallHeap => "small heap",
            Mode::Bytecode => "bytecode file",
        }
    }

    fn args(self) -> Vec<String> {
        match self {
            Mode::DefaultHeap => vec![],
            Mode::GcStress => vec!["--gc-stress".to_string()],
            Mode::SmallHeap => vec!["--heap".to_string(), SMALL_HEAP.to_string()],
            Mode::Bytecode => vec![],
        }
    }
}

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..");
    root.canonicalize().unwrap_or(root)
}

fn py_dir() -> PathBuf {
    repo_root().join("tests").join("py")
}

fn env_flag(name: &str) -> bool {
    matches!(env::var(name), Ok(v) if !v.is_empty() && v != "0")
}

/// The interpreter under test: `FZPY_BIN` if set, else the `fzpy` binary of this crate.
fn interpreter() -> (PathBuf, bool) {
    match env::var_os("FZPY_BIN") {
        Some(p) if !p.is_empty() => (PathBuf::from(p), true),
        _ => (PathBuf::from(env!("CARGO_BIN_EXE_fzpy")), false),
    }
}

#[derive(Clone, Debug)]
struct Program {
    /// File stem, e.g. `lang_walrus`.
    name: String,
    /// fzpy-only program (`fz_` prefix): no CPython reference output.
    fz_only: bool,
    /// First line carries `# fzpy: big-heap`.
    big_heap: bool,
    /// Run this file instead of the source (bytecode mode).
    run_path: Option<String>,
}

impl Program {
    /// The path given to the interpreter, relative to the repository root (the cwd).
    fn arg_path(&self) -> String {
        match &self.run_path {
            Some(p) => p.clone(),
            None => format!("tests/py/{}.py", self.name),
        }
    }
}

/// All `tests/py/*.py` programs, sorted by name (no filtering).
fn all_programs() -> Vec<Program> {
    let dir = py_dir();
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut progs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = file_name.strip_suffix(".py") else {
            continue;
        };
        let first_line = fs::read_to_string(&path)
            .ok()
            .and_then(|s| s.lines().next().map(str::to_string))
            .unwrap_or_default();
        progs.push(Program {
            name: stem.to_string(),
            fz_only: stem.starts_with("fz_"),
            big_heap: first_line.contains(BIG_HEAP_MARKER),
            run_path: None,
        });
    }
    progs.sort_by(|a, b| a.name.cmp(&b.name));
    progs
}

/// `FZPY_TESTS` patterns (comma separated), if any.
fn patterns() -> Vec<String> {
    env::var("FZPY_TESTS")
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn selected(prog: &Program, pats: &[String]) -> bool {
    pats.is_empty()
        || pats
            .iter()
            .any(|p| format!("{}.py", prog.name).contains(p.as_str()))
}

/// Reads `NAME.fzpy.EXT` (an fzpy-specific override; its first line `# reason: ...` is
/// stripped) or else `NAME.EXT`. `Ok(None)` when neither exists.
fn read_expected_file(name: &str, ext: &str) -> Result<Option<Vec<u8>>, String> {
    let dir = py_dir();
    let over = dir.join(format!("{name}.fzpy.{ext}"));
    if over.exists() {
        let data = fs::read(&over).map_err(|e| format!("cannot read {}: {e}", over.display()))?;
        let text_start =
            String::from_utf8_lossy(&data[..data.len().min(REASON_PREFIX.len())]).into_owned();
        if text_start != REASON_PREFIX {
            return Err(format!(
                "{name}.fzpy.{ext}: the first line must be `{REASON_PREFIX} ...`"
            ));
        }
        let body = match data.iter().position(|&b| b == b'\n') {
            Some(i) => data[i + 1..].to_vec(),
            None => Vec::new(),
        };
        return Ok(Some(body));
    }
    let plain = dir.join(format!("{name}.{ext}"));
    if plain.exists() {
        return fs::read(&plain)
            .map(Some)
            .map_err(|e| format!("cannot read {}: {e}", plain.display()));
    }
    Ok(None)
}

#[derive(Debug)]
struct Expected {
    /// `None`: stdout is not compared (an `fz_` program without an `.out` file).
    stdout: Option<Vec<u8>>,
    status: i32,
    /// Expected last line of stderr, if compared.
    err_last: Option<String>,
}

fn load_expected(prog: &Program) -> Result<Expected, String> {
    let stdout = read_expected_file(&prog.name, "out")?;
    if stdout.is_none() && !prog.fz_only {
        return Err(format!(
            "missing {}.out (run `python3 tests/regen_expected.py`)",
            prog.name
        ));
    }
    let status = match read_expected_file(&prog.name, "status")? {
        None => 0,
        Some(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            text.trim()
                .parse::<i32>()
                .map_err(|_| format!("{}.status: not an integer: {:?}", prog.name, text.trim()))?
        }
    };
    let err_last =
        read_expected_file(&prog.name, "err")?.map(|bytes| last_line(&bytes).unwrap_or_default());
    Ok(Expected {
        stdout,
        status,
        err_last,
    })
}

/// The last non-blank line of `bytes`, trailing whitespace removed.
fn last_line(bytes: &[u8]) -> Option<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim_end)
        .rfind(|l| !l.is_empty())
        .map(str::to_string)
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
    elapsed: Duration,
}

/// Whether the program's expected outcome is a compile-time error.
fn expects_syntax_error(p: &Program) -> bool {
    let err = fs::read_to_string(py_dir().join(format!("{}.err", p.name))).unwrap_or_default();
    ["SyntaxError", "IndentationError", "TabError"]
        .iter()
        .any(|k| err.trim_start().starts_with(k))
}

/// Compiles `prog` to `tests/py/NAME.fzb` (beside its source, so imports
/// resolve the same way), then runs that file.
fn run_compiled(bin: &Path, prog: &Program) -> Result<Outcome, String> {
    let fzb = format!("tests/py/{}.fzb", prog.name);
    let st = Command::new(bin)
        .args(["compile", &prog.arg_path(), "-o", &fzb])
        .current_dir(repo_root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    if !st.success() {
        return Err("fzpy compile failed".to_string());
    }
    let mut as_fzb = prog.clone();
    as_fzb.run_path = Some(fzb.clone());
    let r = run_program(bin, &[], &as_fzb);
    let _ = fs::remove_file(repo_root().join(&fzb));
    r
}

fn run_program(bin: &Path, args: &[String], prog: &Program) -> Result<Outcome, String> {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .args(args)
        .arg(prog.arg_path())
        .current_dir(repo_root())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;

    // The pipes are drained by detached threads that report over channels, so that a
    // grandchild still holding a pipe open cannot block the harness after a kill.
    let out_rx = drain(child.stdout.take().expect("piped stdout"));
    let err_rx = drain(child.stderr.take().expect("piped stderr"));

    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {
                if start.elapsed() > TIMEOUT {
                    timed_out = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("waiting for the child failed: {e}")),
        }
    };
    let stdout = out_rx.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let stderr = err_rx.recv_timeout(PIPE_GRACE).unwrap_or_default();
    Ok(Outcome {
        stdout,
        stderr,
        status,
        timed_out,
        elapsed: start.elapsed(),
    })
}

/// Reads `pipe` to its end on a detached thread; the bytes arrive on the returned channel.
fn drain<R: Read + Send + 'static>(mut pipe: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

fn describe_status(st: Option<ExitStatus>) -> String {
    match st {
        None => "unknown".to_string(),
        Some(st) => match st.code() {
            Some(c) => c.to_string(),
            None => {
                #[cfg(unix)]
                {
                    use std::os::unix::process::ExitStatusExt;
                    if let Some(sig) = st.signal() {
                        return format!("killed by signal {sig}");
                    }
                }
                "killed".to_string()
            }
        },
    }
}

/// Shortens a line for the report.
fn clip(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() <= MAX {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}...")
    }
}

/// The first line where `expected` and `got` differ, as a report line.
fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let exp_lines: Vec<&str> = exp.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let n = exp_lines.len().max(got_lines.len());
    for i in 0..n {
        let e = exp_lines.get(i).copied();
        let g = got_lines.get(i).copied();
        if e != g {
            let show = |l: Option<&str>| match l {
                Some(l) => clip(l),
                None => "<end of output>".to_string(),
            };
            return format!(
                "stdout line {}: expected {}, got {} ({} vs {} lines)",
                i + 1,
                show(e),
                show(g),
                exp_lines.len(),
                got_lines.len()
            );
        }
    }
    "stdout differs".to_string()
}

/// Compares one run with its expectation; `Err` holds the compact failure report.
fn check(expected: &Expected, outcome: &Outcome) -> Result<(), String> {
    let mut problems = Vec::new();
    if outcome.timed_out {
        let mut p = format!("timed out after {} s (killed)", TIMEOUT.as_secs());
        if let Some(l) = last_line(&outcome.stdout) {
            p.push_str(&format!("; last stdout line {}", clip(&l)));
        }
        return Err(p);
    }
    let code = outcome.status.and_then(|s| s.code());
    if code != Some(expected.status) {
        let mut p = format!(
            "exit status: expected {}, got {}",
            expected.status,
            describe_status(outcome.status)
        );
        if let Some(l) = last_line(&outcome.stderr) {
            p.push_str(&format!("; stderr ends with {}", clip(&l)));
        }
        problems.push(p);
    }
    if let Some(exp_out) = &expected.stdout {
        if exp_out != &outcome.stdout {
            problems.push(first_difference(exp_out, &outcome.stdout));
        }
    }
    if let Some(exp_err) = &expected.err_last {
        let got = last_line(&outcome.stderr);
        if got.as_deref() != Some(exp_err.as_str()) {
            problems.push(format!(
                "last stderr line: expected {}, got {}",
                clip(exp_err),
                got.as_deref()
                    .map(clip)
                    .unwrap_or_else(|| "<no stderr>".to_string())
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

fn jobs() -> usize {
    env::var("FZPY_JOBS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(2)
}

fn run_mode(mode: Mode) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (bin, overridden) = interpreter();
    let args = mode.args();
    let pats = patterns();
    let skip_fz = env_flag("FZPY_SKIP_FZ");

    let mut skipped = 0usize;
    let mut progs = Vec::new();
    for p in all_programs() {
        if !selected(&p, &pats) {
            continue;
        }
        // A program that is a syntax error has no bytecode form.
        let syntax_error = mode == Mode::Bytecode && expects_syntax_error(&p);
        if (skip_fz && p.fz_only) || (mode == Mode::SmallHeap && p.big_heap) || syntax_error {
            skipped += 1;
            continue;
        }
        progs.push(p);
    }
    if progs.is_empty() {
        assert!(
            !pats.is_empty(),
            "no programs found in {}",
            py_dir().display()
        );
        println!(
            "conformance ({}): no program matches FZPY_TESTS",
            mode.label()
        );
        return;
    }

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Duration, String>)>> = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..jobs().min(progs.len()) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(prog) = progs.get(i) else { break };
                let res = load_expected(prog).and_then(|exp| {
                    let outcome = if mode == Mode::Bytecode {
                        run_compiled(&bin, prog)?
                    } else {
                        run_program(&bin, &args, prog)?
                    };
                    check(&exp, &outcome).map(|()| outcome.elapsed)
                });
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, res));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);

    let known = known_failures(mode);
    let all_failures: Vec<(&Program, &String)> = results
        .iter()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (&progs[*i], e)))
        .collect();
    let passed = results.len() - all_failures.len();
    // Listed in tests/py/known_failures.txt: reported, not fatal.
    let (xfail, failures): (Vec<_>, Vec<_>) = all_failures
        .into_iter()
        .partition(|(p, _)| known.contains(p.name.as_str()));
    // A listed program that now passes must be taken off the list.
    let unexpected: Vec<&str> = results
        .iter()
        .filter(|(i, r)| r.is_ok() && known.contains(progs[*i].name.as_str()))
        .map(|(i, _)| progs[*i].name.as_str())
        .collect();
    let mut slow: Vec<(&Program, Duration)> = results
        .iter()
        .filter_map(|(i, r)| r.as_ref().ok().map(|d| (&progs[*i], *d)))
        .filter(|(_, d)| *d > Duration::from_secs(5))
        .collect();
    slow.sort_by_key(|&(_, d)| std::cmp::Reverse(d));

    if overridden {
        println!("(interpreter: {} from FZPY_BIN)", bin.display());
    }
    for (p, d) in &slow {
        println!("slow: {}.py took {:.1} s", p.name, d.as_secs_f64());
    }
    for (p, why) in &xfail {
        println!("known failure {}.py\n    {}", p.name, why);
    }
    for (p, why) in &failures {
        println!("FAIL {}.py\n    {}", p.name, why);
    }
    for name in &unexpected {
        println!("FAIL {name}.py passes now: remove it from tests/py/known_failures.txt");
    }
    let mut summary = format!(
        "conformance ({}): {} passed, {} failed",
        mode.label(),
        passed,
        failures.len() + unexpected.len()
    );
    if !xfail.is_empty() {
        summary.push_str(&format!(", {} known failures", xfail.len()));
    }
    if skipped > 0 {
        summary.push_str(&format!(" ({skipped} skipped)"));
    }
    println!("{summary}");
    assert!(failures.is_empty() && unexpected.is_empty(), "{summary}");
}

/// Programs listed for `mode` in `tests/py/known_failures.txt`: lines
/// `MODE NAME  # reason`, MODE one of `all`, `default`, `stress`, `small`.
fn known_failures(mode: Mode) -> BTreeSet<String> {
    let want = match mode {
        Mode::DefaultHeap => "default",
        Mode::GcStress => "stress",
        Mode::SmallHeap => "small",
        Mode::Bytecode => "fzb",
    };
    let text = std::fs::read_to_string(py_dir().join("known_failures.txt")).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let (m, name) = (it.next()?, it.next()?);
            (m == "all" || m == want).then(|| name.trim_end_matches(".py").to_string())
        })
        .collect()
}

#[test]
fn conformance_default_heap() {
    run_mode(Mode::DefaultHeap);
}

#[test]
fn conformance_gc_stress() {
    run_mode(Mode::GcStress);
}

#[test]
fn conformance_small_heap() {
    run_mode(Mode::SmallHeap);
}

#[test]
fn conformance_bytecode_files() {
    run_mode(Mode::Bytecode);
}

/// Every CPython-comparable program has its expected output, and no expected file is orphaned.
#[test]
fn conformance_expected_files_complete() {
    let progs = all_programs();
    assert!(
        !progs.is_empty(),
        "no programs found in {}",
        py_dir().display()
    );
    let names: BTreeSet<&str> = progs.iter().map(|p| p.name.as_str()).collect();
    let mut problems = Vec::new();
    for p in &progs {
        if !p.fz_only && !py_dir().join(format!("{}.out", p.name)).exists() {
            problems.push(format!("{}.py has no {}.out", p.name, p.name));
        }
    }
    for entry in fs::read_dir(py_dir()).expect("tests/py").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        for ext in [
            ".fzpy.out",
            ".fzpy.err",
            ".fzpy.status",
            ".out",
            ".err",
            ".status",
        ] {
            if let Some(stem) = file.strip_suffix(ext) {
                if !names.contains(stem) {
                    problems.push(format!("{file} has no program {stem}.py"));
                }
                if let Some(kind) = ext.strip_prefix(".fzpy.") {
                    if let Err(e) = read_expected_file(stem, kind) {
                        problems.push(e);
                    }
                }
                break;
            }
        }
    }
    for p in &problems {
        println!("{p}");
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) with expected files",
        problems.len()
    );
}
