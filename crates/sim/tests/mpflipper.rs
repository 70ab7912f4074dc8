//! Scripts written the way mp-flipper's examples and docs write them
//! (`tests/mpflipper/*.py`) run unchanged: the calls, defaults and idioms
//! they use, with what the simulated board saw.

mod common;

use fzpy_sim::Shared;

fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mpflipper")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

/// Runs fixture `name` (normal GC and `--gc-stress`); (stdout, events).
fn run(name: &str, keys: &str, setup: fn(&Shared)) -> (String, Vec<String>) {
    let src = fixture(name);
    let mut first = None;
    for stress in [false, true] {
        let (out, raised, st) = common::run_with(&src, keys, stress, setup);
        assert!(!raised, "{name} raised; output:\n{out}");
        let st = st.borrow();
        assert!(!st.timed_out, "{name} timed out");
        let got = (out, st.events.clone());
        match &first {
            None => first = Some(got),
            Some(f) => assert_eq!(f, &got, "{name}: differs under --gc-stress"),
        }
    }
    first.unwrap()
}

#[test]
fn tic_tac_toe_and_dialog() {
    // X in the middle, O to its right, X below that; a long Back ends the
    // game; the dialog is answered Yes, then No.
    let (out, _) = run(
        "tictactoe.py",
        "ok,right,ok,down,ok,long:back,right,left",
        |_| {},
    );
    assert_eq!(
        out,
        "starts in FONT_SECONDARY: True\n\
         [[' ', ' ', ' '], [' ', 'X', ' '], [' ', 'O', 'X']]\n\
         answered 2 times\n"
    );
}

#[test]
fn ir_viewer_draws_from_its_input_handler() {
    let (out, events) = run("ir_view.py", "right,right,left,ok,back", |st| {
        st.borrow_mut().ir_rx = vec![9000, 4500, 560, 560, 560, 1690, 560];
    });
    assert_eq!(out, "7 #\n9000,4500,560,560\n[90, 45, 5, 5]\nindex 1\n");
    assert_eq!(
        events,
        [
            "     0.400 infrared transmit [9000, 4500, 560, 560, 560, 1690, 560] \
          repeat=1 external=false 38000 Hz duty=0.33"
        ]
    );
}

#[test]
fn decaying_tones_lights_and_vibro() {
    let (out, events) = run("sound_light.py", "", |_| {});
    assert_eq!(
        out,
        "stopped True\nstopped True\nstopped True\nvibro True\nvibro False\n\
         volume range 0.0 1.0 440.0\n"
    );
    // 3 notes x (start, 150 volume steps, stop), then the lights.
    let volumes = events
        .iter()
        .filter(|e| e.contains("speaker volume"))
        .count();
    assert_eq!(volumes, 450);
    assert_eq!(events[0], "     0.000 speaker start 523.25 Hz volume 0.80");
    assert!(
        events[150].ends_with("speaker volume 0.35"),
        "{}",
        events[150]
    );
    let rest: Vec<&str> = events
        .iter()
        .filter(|e| !e.contains("speaker"))
        .map(|e| &e[11..])
        .collect();
    assert_eq!(
        rest,
        [
            "light RED 0",
            "light GREEN 0",
            "light BLUE 0",
            "light BACKLIGHT 0",
            "light RED 50",
            "light GREEN 0",
            "light BLUE 0",
            "light BACKLIGHT 50",
            "light RED 0",
            "light GREEN 100",
            "light BLUE 0",
            "light BACKLIGHT 100",
            "light RED 150",
            "light GREEN 0",
            "light BLUE 0",
            "light BACKLIGHT 150",
            "light_blink_start RED 150 on=100ms period=200ms",
            "light_blink_set_color BLUE",
            "light_blink_stop",
            "vibro on",
            "vibro off",
            // Released at the end: the script left the red LED and the backlight on.
            "light RED 0",
            "light BACKLIGHT 255",
        ]
    );
}

#[test]
fn gpio_interrupts_adc_pwm_and_uart() {
    let (out, events) = run("pins_uart.py", "", |st| {
        let mut s = st.borrow_mut();
        s.gpio_interrupts.extend([0, 1, 0]);
        s.adc[1] = 2000;
        s.uart_rx.extend(b"PONG\r\nline 1\nline 2\n");
    });
    assert_eq!(
        out,
        "interrupts [0, 1, 0] PA7 True\n\
         2000 counts 1.000 V\n\
         pwm True True\n\
         b'PONG\\r\\n'\n\
         [b'line 1\\n', b'line 2\\n']\n"
    );
    let events: Vec<&str> = events.iter().map(|e| &e[11..]).collect();
    assert_eq!(
        events,
        [
            "gpio init PA7 mode=2 pull=0 speed=0",
            "gpio init PC0 mode=16 pull=1 speed=3",
            "gpio init PC1 mode=48 pull=1 speed=0",
            "gpio PA7 1",
            "gpio PA7 0",
            "gpio PA7 1",
            "gpio init PA7 mode=8 pull=0 speed=0",
            "gpio init PC0 mode=8 pull=0 speed=0",
            "gpio init PC1 mode=8 pull=0 speed=0",
            "pwm start PA7 4 Hz 50%",
            "pwm start PA7 1 Hz 25%",
            "pwm stop PA7",
            "uart open USART 115200",
            "uart write \"PING\\r\\n\"",
            "uart close",
            "uart open LPUART 9600",
            "uart close",
        ]
    );
}
