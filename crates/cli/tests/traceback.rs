//! Deep recursion: an uncaught exception prints CPython's traceback (three
//! identical entries, then `[Previous line repeated N more times]`), and deep
//! generator delegation ends in RecursionError.
//! Expected texts are CPython 3.11's, without its `^^^` marker lines (fzpy
//! does not print them).

use std::process::Command;

mod common;

fn stderr_of(name: &str, src: &str) -> String {
    let dir = common::fresh_dir(name);
    std::fs::write(dir.join("main.py"), src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fzpy"))
        .args(["--heap", "1m", "main.py"])
        .current_dir(&dir)
        .env("FZPY_NO_CACHE", "1")
        .output()
        .expect("fzpy runs");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn deep_recursion_is_summarised() {
    let got = stderr_of("tb_recursion", "def f(n):\n    return f(n + 1)\nf(0)\n");
    let entry = "  File \"main.py\", line 2, in f\n    return f(n + 1)\n";
    let want = format!(
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    f(0)\n\
         {entry}{entry}{entry}  [Previous line repeated 996 more times]\n\
         RecursionError: maximum recursion depth exceeded\n"
    );
    assert_eq!(got, want);
}

#[test]
fn short_runs_are_printed_in_full() {
    // Four identical entries: three printed, "1 more time" (singular).
    let src = "def f(n):\n    if n == 0:\n        raise ValueError('x')\n    f(n - 1)\nf(4)\n";
    let got = stderr_of("tb_short", src);
    let entry = "  File \"main.py\", line 4, in f\n    f(n - 1)\n";
    let want = format!(
        "Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>\n    f(4)\n\
         {entry}{entry}{entry}  [Previous line repeated 1 more time]\n\
         \x20 File \"main.py\", line 3, in f\n    raise ValueError('x')\nValueError: x\n"
    );
    assert_eq!(got, want);
}

#[test]
fn deep_yield_from_ends_in_recursion_error_under_gc_stress() {
    // Each level resumes the next in the same interpreter loop; past the
    // recursion limit SEND raises RecursionError (CPython's output), and the
    // collector at every allocation finds the stack consistent on that path.
    let dir = common::fresh_dir("tb_deep_yield_from");
    let src = "def deep(n):\n    if n:\n        yield from deep(n - 1)\n    else:\n        yield 0\n\
               try:\n    print(list(deep(1200)))\nexcept RecursionError as e:\n    print('recursion', e)\n\
               print(list(deep(3)))\n";
    std::fs::write(dir.join("main.py"), src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fzpy"))
        .args(["--gc-stress", "--heap", "2m", "main.py"])
        .current_dir(&dir)
        .env("FZPY_NO_CACHE", "1")
        .output()
        .expect("fzpy runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "recursion maximum recursion depth exceeded\n[0]\n"
    );
}
