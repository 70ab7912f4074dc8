//! What a script leaves on is switched off when it ends (however it ends),
//! and shows as the last events; what it switched off itself is not
//! released again.

mod common;

use common::run_with;

/// Leaves every kind of output on.
const LEAVE_ON: &str = r#"
import flipperzero as f0
import time
f0.speaker_start(440, 0.5)
f0.light_set(f0.LIGHT_RED | f0.LIGHT_BLUE, 200)
f0.light_set(f0.LIGHT_BLUE, 0)
f0.light_set(f0.LIGHT_BACKLIGHT, 30)
f0.light_blink_start(f0.LIGHT_GREEN, 255, 100, 500)
f0.vibro_set(True)
f0.pwm_start(f0.GPIO_PIN_PA7, 1000, 50)
f0.gpio_init_pin(f0.GPIO_PIN_PA6, f0.GPIO_MODE_OUTPUT_PUSH_PULL)
f0.gpio_set_pin(f0.GPIO_PIN_PA6, True)
f0.gpio_init_pin(f0.GPIO_PIN_PC0, f0.GPIO_MODE_ANALOG)
u = f0.uart_open(f0.UART_MODE_USART, 115200)
u.write(b"x")
u.flush()
time.sleep(1.25)
"#;

/// The release events, in order, at `t`.
fn released(t: &str) -> Vec<String> {
    [
        "speaker stop",
        "light_blink_stop",
        "light RED 0",
        "light BACKLIGHT 255",
        "vibro off",
        "pwm stop PA7",
        "gpio deinit PA6",
        "uart close",
    ]
    .iter()
    .map(|e| format!("{t} {e}"))
    .collect()
}

fn events_of(src: &str, keys: &str) -> (Vec<String>, bool) {
    let (_, raised, st) = run_with(src, keys, false, |_| {});
    let ev = st.borrow().events.clone();
    (ev, raised)
}

#[test]
fn outputs_left_on_are_released_at_the_end() {
    let (ev, raised) = events_of(LEAVE_ON, "");
    assert!(!raised);
    let n = released("").len();
    assert!(ev.len() > n, "{ev:#?}");
    assert_eq!(ev[ev.len() - n..], released("     1.250")[..], "{ev:#?}");
    // The flush is logged with the writes.
    assert!(ev.contains(&"     0.000 uart flush".to_string()), "{ev:#?}");
}

#[test]
fn released_after_an_exception_and_a_timeout() {
    let (ev, raised) = events_of(&format!("{LEAVE_ON}\nraise ValueError('x')\n"), "");
    assert!(raised);
    assert_eq!(ev[ev.len() - 8..], released("     1.250")[..], "{ev:#?}");
    // The timeout (10 s in the harness) interrupts the endless loop.
    let (ev, raised) = events_of(&format!("{LEAVE_ON}\nwhile True:\n    pass\n"), "");
    assert!(raised);
    let tail: Vec<&str> = ev[ev.len() - 8..].iter().map(|e| &e[11..]).collect();
    assert_eq!(
        tail,
        released("").iter().map(|e| &e[1..]).collect::<Vec<_>>()
    );
    assert!(ev.last().unwrap().starts_with("    10.0"), "{ev:#?}");
}

#[test]
fn nothing_is_released_twice() {
    let src = r#"
import flipperzero as f0
f0.speaker_start(440, 0.5)
f0.speaker_stop()
f0.light_set(f0.LIGHT_RED, 9)
f0.light_set(f0.LIGHT_RED | f0.LIGHT_GREEN, 0)
f0.light_set(f0.LIGHT_BACKLIGHT, 10)
f0.light_set(f0.LIGHT_BACKLIGHT, 255)
f0.light_blink_start(f0.LIGHT_GREEN, 255, 100, 500)
f0.light_blink_stop()
f0.vibro_set(True)
f0.vibro_set(False)
f0.pwm_start(f0.GPIO_PIN_PA4, 1000, 50)
f0.pwm_stop(f0.GPIO_PIN_PA4)
f0.gpio_init_pin(f0.GPIO_PIN_PB2, f0.GPIO_MODE_INTERRUPT_RISE, f0.GPIO_PULL_UP)
f0.gpio_init_pin(f0.GPIO_PIN_PB2, f0.GPIO_MODE_ANALOG)
f0.gpio_init_pin(f0.GPIO_PIN_PB3, f0.GPIO_MODE_INPUT)
f0.gpio_deinit_pin(f0.GPIO_PIN_PB3)
with f0.uart_open(f0.UART_MODE_LPUART, 9600) as u:
    pass
f0.infrared_transmit([100, 200])
"#;
    let (ev, raised) = events_of(src, "");
    assert!(!raised);
    assert!(
        ev.last()
            .unwrap()
            .ends_with("infrared transmit [100, 200] repeat=1 external=false 38000 Hz duty=0.33"),
        "{ev:#?}"
    );
}

#[test]
fn infrared_takes_its_time_and_a_closed_uart_sends_nothing() {
    let src = r#"
import flipperzero as f0
import time
f0.infrared_transmit([9000, 4500, 560], repeat=2)
t = time.monotonic()
print(round(t, 4))
u = f0.uart_open(f0.UART_MODE_USART, 9600)
u.close()
print(u.write(b"late"), u.read())
u.flush()
"#;
    let (out, raised, st) = run_with(src, "", false, |s| {
        s.borrow_mut().uart_rx.extend(b"abc");
    });
    assert!(!raised, "{out}");
    // 2 x 14.06 ms, and a little for the bytecodes.
    assert!(out.starts_with("0.0281"), "{out}");
    assert!(out.ends_with("0 b''\n"), "{out}");
    let ev = st.borrow().events.join("\n");
    assert!(!ev.contains("late") && !ev.contains("flush"), "{ev}");
    assert!(ev.ends_with("uart close"), "{ev}");
}

/// A front end that shows nothing and never quits.
struct Blind;

impl fzpy_sim::realtime::Frontend for Blind {
    fn pump(&mut self, _: &fzpy_sim::realtime::View, _: &mut Vec<fzpy_sim::press::Event>) -> bool {
        true
    }
}

#[test]
fn the_interactive_board_releases_too() {
    let (mut vm, st, handle) = fzpy_sim::realtime::new_vm(
        fzpy_vm::Config::default(),
        Some(Box::new(common::TestCompiler)),
        Box::new(Blind),
        fzpy_sim::realtime::LiveOptions::default(),
    );
    let r = vm.run_main(
        "import flipperzero as f0\nf0.vibro_set(1)\nf0.speaker_start(440, 1)\n",
        "live.py",
    );
    fzpy_sim::release_all(&mut vm);
    handle.close();
    assert!(r.is_ok());
    let ev: Vec<String> = st
        .borrow()
        .events
        .iter()
        .map(|e| e[11..].to_string())
        .collect();
    assert_eq!(
        ev,
        [
            "vibro on",
            "speaker start 440.00 Hz volume 1.00",
            "speaker stop",
            "vibro off"
        ]
    );
    assert!(st.borrow().speaker.is_none());
}
