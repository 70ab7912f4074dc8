//! The example apps in `examples/` run headless with key scripts, checked
//! against committed screens (`examples/NAME.screen.txt`) and output event
//! logs (`examples/NAME.events.txt`).
//!
//! Those files are fzpy's own output, each looked at (as a PNG) before it
//! was committed: they pin the apps' behaviour and the simulator's drawing
//! so that changes show up. After an intended change, regenerate them (and
//! the pictures in `docs/img/`) with
//! `FZPY_BLESS=1 cargo test -p fzpy-sim --test apps`, and look again.

mod common;

use fzpy_sim::Shared;
use std::path::PathBuf;

fn root() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One headless run of an app.
struct Case<'a> {
    /// `examples/APP.py`.
    app: &'static str,
    /// Base name of the expected files (`examples/NAME.*.txt`, `docs/img/NAME.png`).
    name: &'static str,
    /// Key script.
    keys: &'a str,
    /// What the app prints.
    stdout: &'static str,
    /// Simulated inputs: `examples/APP.inputs.txt` (as `--inputs`).
    inputs: bool,
}

fn check(case: &Case) {
    let src = std::fs::read_to_string(root().join(format!("examples/{}.py", case.app))).unwrap();
    let screen_file = root().join(format!("examples/{}.screen.txt", case.name));
    let events_file = root().join(format!("examples/{}.events.txt", case.name));
    let bless = std::env::var_os("FZPY_BLESS").is_some();
    let inputs = if case.inputs {
        let path = root().join(format!("examples/{}.inputs.txt", case.app));
        fzpy_sim::inputs::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
    } else {
        Default::default()
    };
    for stress in [false, true] {
        let setup = |st: &Shared| st.borrow_mut().inputs = inputs.clone();
        let (out, raised, st) = common::run_with(&src, case.keys, stress, setup);
        assert!(!raised, "{}: raised; output:\n{out}", case.name);
        assert_eq!(out, case.stdout, "{}", case.name);
        let st = st.borrow();
        assert!(!st.timed_out, "{}: timed out", case.name);
        let screen = st.screen.dump();
        let events: String = st.events.iter().map(|e| format!("{e}\n")).collect();
        if bless && !stress {
            std::fs::write(&screen_file, &screen).unwrap();
            std::fs::write(&events_file, &events).unwrap();
            let png = fzpy_sim::screenshot_png(&st.screen, 4);
            std::fs::write(root().join(format!("docs/img/{}.png", case.name)), png).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&screen_file).unwrap();
        assert!(screen == want, "{}: screen differs:\n{screen}", case.name);
        let want = std::fs::read_to_string(&events_file).unwrap();
        assert_eq!(events, want, "{}: events differ", case.name);
    }
}

#[test]
fn snake_title() {
    check(&Case {
        app: "snake",
        name: "snake_title",
        keys: "long:back",
        stdout: "score 0 best 0\n",
        inputs: false,
    });
}

#[test]
fn snake_eats_then_hits_the_wall() {
    // Up two cells, then right to the first dot at (23, 4) ...
    let eat = "ok,up,wait:200,right,wait:2900";
    check(&Case {
        app: "snake",
        name: "snake",
        keys: &format!("{eat},down,wait:300,long:back"),
        stdout: "score 1 best 0\n",
        inputs: false,
    });
    // ... then down into the bottom wall.
    check(&Case {
        app: "snake",
        name: "snake_over",
        keys: &format!("{eat},down,wait:2000,long:back"),
        stdout: "score 1 best 1\n",
        inputs: false,
    });
}

#[test]
fn tones_plays_with_volume_and_tempo() {
    check(&Case {
        app: "tones",
        name: "tones",
        keys: "ok,wait:2000,down,down,up,right,wait:1000,long:back",
        stdout: "",
        inputs: false,
    });
}

#[test]
fn lights_menu() {
    // Red, Yellow, brighter, Blink, Cyan while blinking, Backlight, Vibro.
    check(&Case {
        app: "lights",
        name: "lights",
        keys: "ok,down,down,down,ok,right,right,down,down,down,down,ok,up,up,up,ok,\
               down,down,down,down,ok,down,ok,long:back",
        stdout: "",
        inputs: false,
    });
}

#[test]
fn gpio_readout() {
    check(&Case {
        app: "gpio",
        name: "gpio",
        keys: "ok,ok,ok,wait:200,long:back",
        stdout: "edges counted: 3\n",
        inputs: true,
    });
}

#[test]
fn uart_echo() {
    check(&Case {
        app: "uart_echo",
        name: "uart_echo",
        keys: "ok,wait:200,ok,long:back",
        stdout: "lines received: 5\n",
        inputs: true,
    });
}
