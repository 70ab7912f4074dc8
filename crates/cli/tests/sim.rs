//! `fzpy sim`: options, screen dump, events, screenshot, errors.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fzpy() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fzpy"));
    c.current_dir(root());
    c
}

#[test]
fn counter_dump_events_and_screenshot() {
    let png = std::env::temp_dir().join(format!("fzpy-sim-{}.png", std::process::id()));
    let out = fzpy()
        .args(["sim", "examples/counter.py", "--keys"])
        .arg("up,up,up,down,ok,up,up,long:back")
        .args(["--events", "--dump-screen", "--screenshot"])
        .arg(&png)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = std::fs::read_to_string(root().join("examples/counter.screen.txt")).unwrap();
    let want = format!("final count: 2\n     0.500 vibro on\n     0.550 vibro off\n{screen}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    let data = std::fs::read(&png).unwrap();
    let _ = std::fs::remove_file(&png);
    assert_eq!(&data[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: 512 x 256 (4x the screen).
    assert_eq!(&data[16..24], &[0, 0, 2, 0, 0, 0, 1, 0]);
}

#[test]
fn timeout_and_bad_options() {
    let out = fzpy()
        .args(["sim", "examples/counter.py", "--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("KeyboardInterrupt"), "{err}");
    assert!(err.contains("timeout after 1 s of simulated time"), "{err}");
    for bad in [
        &["sim"][..],
        &["sim", "examples/counter.py", "--keys", "jump"],
        &["sim", "examples/counter.py", "--timeout", "soon"],
        &["sim", "examples/counter.py", "--frobnicate"],
        &["sim", "no/such/app.py"],
    ] {
        let out = fzpy().args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("fzpy sim: "));
    }
}

#[test]
fn default_timeout_is_60_simulated_seconds() {
    let out = fzpy()
        .args(["sim", "examples/counter.py"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("KeyboardInterrupt"), "{err}");
    assert!(
        err.contains("timeout after 60 s of simulated time"),
        "{err}"
    );
}
