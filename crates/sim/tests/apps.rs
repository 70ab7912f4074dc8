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
    /// Simulated inputs (ADC readings, GPIO interrupts, UART bytes).
    setup: fn(&Shared),
}

fn no_setup(_: &Shared) {}

fn check(case: &Case) {
    let src = std::fs::read_to_string(root().join(format!("examples/{}.py", case.app))).unwrap();
    let screen_file = root().join(format!("examples/{}.screen.txt", case.name));
    let events_file = root().join(format!("examples/{}.events.txt", case.name));
    let bless = std::env::var_os("FZPY_BLESS").is_some();
    for stress in [false, true] {
        let (out, raised, st) = common::run_with(&src, case.keys, stress, case.setup);
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
        setup: no_setup,
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
        setup: no_setup,
    });
    // ... then down into the bottom wall.
    check(&Case {
        app: "snake",
        name: "snake_over",
        keys: &format!("{eat},down,wait:2000,long:back"),
        stdout: "score 1 best 1\n",
        setup: no_setup,
    });
}

#[test]
fn tones_plays_with_volume_and_tempo() {
    check(&Case {
        app: "tones",
        name: "tones",
        keys: "ok,wait:2000,down,down,up,right,wait:1000,long:back",
        stdout: "",
        setup: no_setup,
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
        setup: no_setup,
    });
}

#[test]
fn gpio_readout() {
    check(&Case {
        app: "gpio",
        name: "gpio",
        keys: "ok,ok,ok,wait:200,long:back",
        stdout: "edges counted: 3\n",
        setup: |st| {
            let mut s = st.borrow_mut();
            s.adc[0] = 4095; // PC0: full scale
            s.adc[1] = 1000; // PC1: about 0.5 V
            s.adc[2] = 2600; // PC3: about 1.3 V
            s.gpio_interrupts.extend([3, 3, 3]); // three rising edges on PB2
        },
    });
}

#[test]
fn uart_echo() {
    // The bytes wait in the receive buffer from the start; with `--inputs`
    // they could arrive over time.
    check(&Case {
        app: "uart_echo",
        name: "uart_echo",
        keys: "ok,wait:200,ok,long:back",
        stdout: "lines received: 5\n",
        setup: |st| {
            st.borrow_mut().uart_rx.extend(
                b"hello Flipper\r\nAT+GMR\r\nsensor t=21.5 h=40\n\
                  a line far too long to fit on the Flipper's screen\n\
                  ok\npartial",
            );
        },
    });
}
