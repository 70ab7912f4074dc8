//! `fzpy sim`: options, screen dump, events, screenshot, errors.

use std::path::PathBuf;
use std::process::Command;

mod common;

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

#[test]
fn sd_folder_is_ext() {
    let dir = common::fresh_dir("sd");
    let app = dir.join("app.py");
    std::fs::write(
        &app,
        "with open('/ext/data/n.txt', 'w') as f:\n    f.write('kept')\n\
         print(open('/any/data/n.txt').read())\n\
         try:\n    open('/ext/missing.txt')\nexcept FileNotFoundError as e:\n    print(e)\n",
    )
    .unwrap();
    let sd = dir.join("card");
    std::fs::create_dir_all(sd.join("data")).unwrap();
    let out = fzpy()
        .arg("sim")
        .arg(&app)
        .arg("--sd")
        .arg(&sd)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "kept\n[Errno 2] No such file or directory: '/ext/missing.txt'\n"
    );
    assert_eq!(
        std::fs::read_to_string(sd.join("data/n.txt")).unwrap(),
        "kept"
    );
    // Not a folder: refused before the app runs.
    let out = fzpy()
        .arg("sim")
        .arg(&app)
        .arg("--sd")
        .arg(dir.join("nowhere"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a directory"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn default_sd_folder_is_temporary() {
    let tmp = common::fresh_dir("tmp");
    let app = tmp.join("app.py");
    std::fs::write(
        &app,
        "f = open('/ext/x.txt', 'w')\nf.write('abc')\nf.close()\n\
         print(open('/ext/x.txt').read())\n",
    )
    .unwrap();
    let out = fzpy()
        .arg("sim")
        .arg(&app)
        .env("TMPDIR", &tmp)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "abc\n");
    // Only the app is left: the card folder was removed at exit.
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("app.py")]);
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn logging_lines_on_stderr() {
    let dir = common::fresh_dir("log");
    let app = dir.join("app.py");
    std::fs::write(
        &app,
        "import logging\nprint('out')\nlogging.info('n=%d', 3)\nlogging.debug('hidden')\n\
         logging.setLevel(logging.DEBUG)\nlogging.debug('shown')\nlogging.warn('w')\n",
    )
    .unwrap();
    for sim in [true, false] {
        let mut c = fzpy();
        if sim {
            c.arg("sim");
        }
        let out = c.arg(&app).output().unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout), "out\n");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "[I][fzpy] n=3\n[D][fzpy] shown\n[W][fzpy] w\n"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn logger_example_appends_to_the_sd_card() {
    let dir = common::fresh_dir("logger");
    let card = dir.join("card");
    std::fs::create_dir_all(card.join("apps_data")).unwrap();
    let log = card.join("apps_data/fzpy_logger.txt");
    std::fs::write(&log, "2023-12-31 23:59:58 start\n").unwrap();
    let out = fzpy()
        .args([
            "sim",
            "examples/logger.py",
            "--dump-screen",
            "--events",
            "--sd",
        ])
        .arg(&card)
        .args([
            "--keys",
            "ok,down,ok,wait:2000,down,down,ok,down,ok,long:back",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let (events, screen): (Vec<&str>, Vec<&str>) = text
        .lines()
        .skip(1)
        .partition(|l| !l.starts_with(['.', '#']));
    assert!(text.starts_with("lines written: 4\n"), "{text}");
    let want = |name: &str| std::fs::read_to_string(root().join("examples").join(name)).unwrap();
    assert_eq!(events.join("\n") + "\n", want("logger.events.txt"));
    assert_eq!(screen.join("\n") + "\n", want("logger.screen.txt"));
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "2023-12-31 23:59:58 start\n2024-01-01 00:00:00 note\n2024-01-01 00:00:00 start\n\
         2024-01-01 00:00:02 alert\n2024-01-01 00:00:02 coffee\n"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inputs_file_feeds_the_app() {
    // The GPIO example with its documented inputs: three edges counted,
    // the committed screen (the one docs/examples.md shows).
    let out = fzpy()
        .args([
            "sim",
            "examples/gpio.py",
            "--inputs",
            "examples/gpio.inputs.txt",
        ])
        .args(["--keys", "ok,ok,ok,wait:200,long:back", "--dump-screen"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = std::fs::read_to_string(root().join("examples/gpio.screen.txt")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("edges counted: 3\n{screen}")
    );
}

#[test]
fn bad_inputs_files_are_refused_with_their_line() {
    let dir = common::fresh_dir("inputs");
    let file = dir.join("in.txt");
    for (text, want) in [
        (
            "# ok so far\n10 gpio PB2 high\n20 gpio PZ1 low\n",
            ":3: unknown pin 'PZ1' (PC0, PC1, PC3, PB2, PB3, PA4, PA6, PA7)\n",
        ),
        (
            "10 adc PB2 1.0\n",
            ":1: PB2 has no ADC channel (PC0, PC1, PC3, PA4, PA6, PA7)\n",
        ),
        ("\n\n5 uart \"open\n", ":3: the closing quote is missing\n"),
        (
            "later ir 100\n",
            ":1: bad time 'later' (milliseconds, such as 250 or 12.5)\n",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = fzpy()
            .args(["sim", "examples/counter.py", "--inputs"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("fzpy sim: {}{want}", file.display()),
        );
        assert!(out.stdout.is_empty());
    }
    for bad in [
        &["sim", "examples/counter.py", "--inputs"][..],
        &[
            "sim",
            "examples/counter.py",
            "--inputs",
            "no/such/inputs.txt",
        ],
    ] {
        let out = fzpy().args(bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("fzpy sim: "));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dialog_is_the_last_screen() {
    // The dialog of crates/sim/tests/dialog.rs, answered by Right: the dump
    // is its committed screen.
    let out = fzpy()
        .args([
            "sim",
            "crates/sim/tests/screens/dialog.py",
            "--keys",
            "up,right",
        ])
        .arg("--dump-screen")
        .output()
        .unwrap();
    assert!(out.status.success());
    let screen =
        std::fs::read_to_string(root().join("crates/sim/tests/screens/dialog.txt")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("4\n{screen}"));
}
