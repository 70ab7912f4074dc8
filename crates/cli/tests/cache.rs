//! The bytecode cache: written on first run, reused, refreshed when the
//! source changes, and never trusted when damaged.

use std::path::Path;
use std::process::Command;

mod common;

fn run(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_fzpy"))
        .arg("main.py")
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("FZPY_NO_CACHE")
        .output()
        .expect("fzpy runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cache_is_written_reused_and_refreshed() {
    let dir = common::fresh_dir("cache");
    std::fs::write(dir.join("main.py"), "import helper\nprint(helper.f(2))\n").unwrap();
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return x * 21\n").unwrap();

    assert_eq!(run(&dir), "42\n");
    let cached = dir.join("__pycache__").join("helper.fzb");
    let first = std::fs::read(&cached).expect("helper.py was cached");
    assert!(first.starts_with(b"FZPC"));
    assert!(dir.join("__pycache__").join("main.fzb").exists());

    // Reused: the same file stays (and gives the same result).
    assert_eq!(run(&dir), "42\n");
    assert_eq!(std::fs::read(&cached).unwrap(), first);

    // The source changed: recompiled, and the cache follows.
    std::fs::write(dir.join("helper.py"), "def f(x):\n    return x * 100\n").unwrap();
    assert_eq!(run(&dir), "200\n");
    assert_ne!(std::fs::read(&cached).unwrap(), first);

    // A damaged cache is ignored and rewritten.
    std::fs::write(&cached, b"FZPC garbage").unwrap();
    assert_eq!(run(&dir), "200\n");
    assert!(std::fs::read(&cached).unwrap().len() > 16);

    // Opting out writes nothing.
    let _ = std::fs::remove_dir_all(dir.join("__pycache__"));
    let out = Command::new(env!("CARGO_BIN_EXE_fzpy"))
        .arg("main.py")
        .current_dir(&dir)
        .env("FZPY_NO_CACHE", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "200\n");
    assert!(!dir.join("__pycache__").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
