//! The REPL driven through a pseudo-terminal (python3's `pty` module plays
//! the user): editing, completion, auto-indent, continuation, `_`, Ctrl+C,
//! Ctrl+D.

use std::process::Command;

const DRIVER: &str = r#"
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
def read_for(t):
    out = b''
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return out
out = read_for(1.0)
keys = eval(sys.argv[2])
for k in keys:
    os.write(fd, k)
    out += read_for(0.5)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
sys.stdout.write('\nEXIT %d\n' % os.waitstatus_to_exitcode(status))
"#;

/// Runs the REPL in a pseudo-terminal, typing `keys` (a Python list of
/// bytes literals) with `history` as the history file; the screen output
/// without control sequences.
fn drive(keys: &str, history: &std::path::Path) -> String {
    let fzpy = env!("CARGO_BIN_EXE_fzpy");
    let out = Command::new("python3")
        .args(["-c", DRIVER, fzpy, keys])
        .env("FZPY_HISTORY", history)
        .output()
        .expect("python3 drives the pseudo-terminal");
    let text = String::from_utf8_lossy(&out.stdout);
    // Strip terminal control sequences for the checks.
    {
        let mut s = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                // ESC [ ... final byte
                if chars.peek() == Some(&'[') {
                    chars.next();
                    while let Some(&d) = chars.peek() {
                        chars.next();
                        if d.is_ascii_alphabetic() || d == '~' {
                            break;
                        }
                    }
                }
                continue;
            }
            s.push(c);
        }
        s
    }
}

/// A history file of this test's own.
fn temp_history(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("fzpy-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn repl_in_a_terminal() {
    let history = temp_history("history-a");
    let plain = drive(
        r"[b'abc = 41\r', b'ab\t\r', b'if abc:\r', b'print(abc + 1)\r', b'\r',
           b'import math\r', b'math.sq\t(4)\r', b'_ * 10\r', b'1/0\r', b'partial\x03', b'\x04']",
        &history,
    );
    let _ = std::fs::remove_file(&history);
    for want in [
        "fzpy ", // banner
        "KB heap",
        "\n41",      // `ab<Tab>` completed to `abc`
        "...     ",  // auto-indent after `if abc:`
        "\n42",      // the block ran after the blank line
        "math.sqrt", // attribute completion
        "\n2.0",
        "\n20.0", // `_` is the last result
        "ZeroDivisionError: division by zero",
        "KeyboardInterrupt", // Ctrl+C cancels the line
        "EXIT 0",            // Ctrl+D leaves
    ] {
        assert!(plain.contains(want), "missing {want:?} in:\n{plain}");
    }
}

#[test]
fn history_is_kept_across_sessions() {
    let history = temp_history("history-b");
    drive(r"[b'x = 6 * 7\r', b'print(x + 1000)\r', b'\x04']", &history);
    let saved = std::fs::read_to_string(&history).unwrap_or_default();
    assert!(saved.contains("print(x + 1000)"), "history file: {saved:?}");
    // A new session: Up, Up recalls `x = 6 * 7`; then Up, Up the print.
    let plain = drive(r"[b'\x1b[A\x1b[A\r', b'\x1b[A\x1b[A\r', b'\x04']", &history);
    let _ = std::fs::remove_file(&history);
    assert!(
        plain.contains("\n1042"),
        "recalled entries did not run:\n{plain}"
    );
}
