//! `fzpy sim --terminal` driven through a pseudo-terminal (python3's `pty`
//! module plays the user): the screen is drawn, taps and a held key reach
//! the app's input handler, `q` raises KeyboardInterrupt in the app, and
//! the terminal is left as it was (`stty` after the run). Also: forced
//! modes that cannot open fail with status 2, and with neither a display
//! nor a terminal the run is headless.

use std::process::Command;

mod common;

const APP: &str = r#"
import time
import flipperzero as f0

n = 0

def draw():
    f0.canvas_clear()
    f0.canvas_draw_box(0, 0, 20 + n * 10, 10, 0)
    f0.canvas_update()

@f0.on_input
def on_input(button, type):
    global n
    if type == f0.INPUT_TYPE_SHORT:
        n += 1
        print("short", button, n)
    elif type == f0.INPUT_TYPE_LONG:
        print("long", button)
    draw()

draw()
f0.light_set(f0.LIGHT_GREEN, 255)
try:
    while True:
        time.sleep(0.05)
except KeyboardInterrupt:
    print("bye after", n)
"#;

const DRIVER: &str = r#"
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.environ.pop('DISPLAY', None)
    os.environ['COLUMNS'] = '140'
    os.execv('/bin/sh', ['sh', '-c', '"$0" sim --terminal "$1"; echo EXIT $?; stty -a', sys.argv[1], sys.argv[2]])
def read_for(t):
    out = b''
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out
out = read_for(1.5)
# Taps 300 ms apart: Up, Enter, Backspace.
for k in [b'\x1b[A', b'\r', b'\x7f']:
    os.write(fd, k)
    out += read_for(0.3)
# Down held: the terminal's auto-repeat, every 30 ms.
for _ in range(8):
    os.write(fd, b'\x1b[B')
    out += read_for(0.03)
out += read_for(0.5)
os.write(fd, b'q')
out += read_for(1.5)
os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
"#;

#[test]
fn terminal_mode_through_a_pty() {
    let dir = common::fresh_dir("sim-term");
    let app = dir.join("app.py");
    std::fs::write(&app, APP).unwrap();
    let out = Command::new("python3")
        .args(["-c", DRIVER, env!("CARGO_BIN_EXE_fzpy")])
        .arg(&app)
        .output()
        .expect("python3 drives the pseudo-terminal");
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8_lossy(&out.stdout);
    let (run, after) = text
        .split_once("\x1b[?1049l")
        .unwrap_or_else(|| panic!("never left the alternate screen:\n{text}"));
    // While running: the alternate screen, the screen in half blocks (the
    // box is 2 cells high: 10 pixel rows), the status with the LED, the
    // output lines.
    for want in [
        "\x1b[?1049h",
        "\x1b[38;5;16;48;5;208m█████",
        "LED green  vibro off  speaker off  backlight 100%",
        "Backspace/Esc: Back  q: quit",
        "short 1 1",
        "short 16 2",
        "short 32 3",
        "long 2",
    ] {
        assert!(run.contains(want), "missing {want:?} in:\n{run}");
    }
    // After: everything the app printed, the exit status, the terminal
    // back in cooked mode with echo.
    for want in [
        "short 1 1\r\nshort 16 2\r\nshort 32 3\r\n",
        "short 2 4\r\nlong 2\r\n",
        "bye after 4",
        "EXIT 0",
        "icanon",
        " echo ",
        "isig",
        "icrnl ixon",
    ] {
        assert!(
            after.contains(want),
            "missing {want:?} after the run:\n{after}"
        );
    }
    for unwanted in ["-icanon", "-echo ", "-isig"] {
        assert!(
            !after.contains(unwanted),
            "{unwanted:?} after the run:\n{after}"
        );
    }
}

#[test]
fn forced_modes_fail_cleanly_and_auto_falls_back_to_headless() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fzpy = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_fzpy"))
            .current_dir(&root)
            .env_remove("DISPLAY")
            .args(args)
            .output()
            .unwrap()
    };
    // No terminal here (stdin is not one).
    let out = fzpy(&["sim", "--terminal", "examples/counter.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("fzpy sim: can't play in the terminal"),
        "{err}"
    );
    // No display.
    let out = fzpy(&["sim", "examples/counter.py", "--window"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("fzpy sim: "), "{err}");
    // Neither: headless, as before (simulated timeout, no keys).
    let out = fzpy(&["sim", "examples/counter.py"]);
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("timeout after 60 s of simulated time"),
        "{err}"
    );
    // --headless wins over a window.
    let out = fzpy(&["sim", "--window", "--headless", "examples/counter.py"]);
    assert_eq!(out.status.code(), Some(130));
}
