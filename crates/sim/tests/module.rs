//! The `flipperzero` module on the simulated board: every function at
//! least once, with its error cases (under normal GC and `--gc-stress`).

mod common;

use common::{run, run_with};

/// Python helpers prepended to the test scripts.
const PRELUDE: &str = r#"
import flipperzero as f0
def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no error"
def check(got, want):
    if got != want:
        print("MISMATCH", repr(got), "!=", repr(want))
"#;

fn script(body: &str) -> String {
    format!("{PRELUDE}{body}\nprint('done')\n")
}

fn assert_clean(out: &str) {
    assert!(!out.contains("MISMATCH"), "{out}");
    assert!(out.ends_with("done\n"), "{out}");
}

#[test]
fn constants_have_mp_flipper_values() {
    let out = run(&script(
        r#"
check([f0.LIGHT_RED, f0.LIGHT_GREEN, f0.LIGHT_BLUE, f0.LIGHT_BACKLIGHT], [1, 2, 4, 8])
check([f0.CANVAS_BLACK, f0.CANVAS_WHITE, f0.COLOR_BLACK, f0.COLOR_WHITE], [1, 2, 1, 2])
check([f0.INPUT_BUTTON_UP, f0.INPUT_BUTTON_DOWN, f0.INPUT_BUTTON_RIGHT, f0.INPUT_BUTTON_LEFT,
       f0.INPUT_BUTTON_OK, f0.INPUT_BUTTON_BACK], [1, 2, 4, 8, 16, 32])
check([f0.INPUT_TYPE_PRESS, f0.INPUT_TYPE_RELEASE, f0.INPUT_TYPE_SHORT, f0.INPUT_TYPE_LONG,
       f0.INPUT_TYPE_REPEAT], [64, 128, 256, 512, 1024])
check([f0.ALIGN_BEGIN, f0.ALIGN_CENTER, f0.ALIGN_END, f0.FONT_PRIMARY, f0.FONT_SECONDARY],
      [1, 2, 4, 1, 2])
check([f0.GPIO_PIN_PC0, f0.GPIO_PIN_PC1, f0.GPIO_PIN_PC3, f0.GPIO_PIN_PB2, f0.GPIO_PIN_PB3,
       f0.GPIO_PIN_PA4, f0.GPIO_PIN_PA6, f0.GPIO_PIN_PA7], [0, 1, 2, 3, 4, 5, 6, 7])
check([f0.GPIO_MODE_INPUT, f0.GPIO_MODE_OUTPUT_PUSH_PULL, f0.GPIO_MODE_OUTPUT_OPEN_DRAIN,
       f0.GPIO_MODE_ANALOG, f0.GPIO_MODE_INTERRUPT_RISE, f0.GPIO_MODE_INTERRUPT_FALL],
      [1, 2, 4, 8, 16, 32])
check([f0.GPIO_PULL_NO, f0.GPIO_PULL_UP, f0.GPIO_PULL_DOWN], [0, 1, 2])
check([f0.GPIO_SPEED_LOW, f0.GPIO_SPEED_MEDIUM, f0.GPIO_SPEED_HIGH, f0.GPIO_SPEED_VERY_HIGH],
      [0, 1, 2, 3])
check([f0.UART_MODE_USART, f0.UART_MODE_LPUART], [0, 1])
check([f0.SPEAKER_VOLUME_MIN, f0.SPEAKER_VOLUME_MAX], [0.0, 1.0])
check([f0.SPEAKER_NOTE_C0, f0.SPEAKER_NOTE_C4, f0.SPEAKER_NOTE_CS4, f0.SPEAKER_NOTE_A4,
       f0.SPEAKER_NOTE_AS3, f0.SPEAKER_NOTE_B8], [16.35, 261.63, 277.18, 440.0, 233.08, 7902.13])
"#,
    ));
    assert_clean(&out);
}

#[test]
fn outputs_and_their_errors() {
    let (out, raised, st) = run_with(
        &script(
            r#"
check(f0.vibro_set(True), True)
check(f0.vibro_set(0), False)
check(err(f0.vibro_set), "TypeError: vibro_set() takes exactly one argument (0 given)")
f0.light_set(f0.LIGHT_RED | f0.LIGHT_GREEN, 255)
check(err(f0.light_set, 16, 1), "ValueError: light_set() argument 'light' must be in 0..15, got 16")
check(err(f0.light_set, 1, 256), "ValueError: light_set() argument 'brightness' must be in 0..255, got 256")
check(err(f0.light_set, "red", 1), "TypeError: light_set() argument 'light' must be int, not str")
check(err(f0.light_set, 1.5, 1), "TypeError: light_set() argument 'light' must be int, not float")
f0.light_blink_start(f0.LIGHT_BLUE, 100, 50, 200)
f0.light_blink_set_color(f0.LIGHT_GREEN)
f0.light_blink_stop()
check(err(f0.light_blink_start, 1, 1, 300, 200), "ValueError: light_blink_start() argument 'on_time' must not exceed the period")
check(f0.speaker_stop(), False)
check(f0.speaker_set_volume(0.5), False)
check(f0.speaker_start(f0.SPEAKER_NOTE_A4, 0.8), True)
check(f0.speaker_set_volume(f0.SPEAKER_VOLUME_MAX), True)
check(f0.speaker_stop(), True)
check(err(f0.speaker_start, 440, 2), "ValueError: speaker_start() argument 'volume' must be in 0..1")
check(err(f0.speaker_start, "A", 1), "TypeError: speaker_start() argument 'frequency' must be a number, not str")
check(err(f0.speaker_start, float("nan"), 1), "ValueError: speaker_start() argument 'frequency' must be in 0..100000")
check(f0.gpio_init_pin(f0.GPIO_PIN_PA7, f0.GPIO_MODE_OUTPUT_PUSH_PULL), True)
check(f0.gpio_init_pin(f0.GPIO_PIN_PC0, f0.GPIO_MODE_INPUT, pull=f0.GPIO_PULL_UP), True)
check(f0.gpio_get_pin(f0.GPIO_PIN_PC0), True)
f0.gpio_set_pin(f0.GPIO_PIN_PA7, True)
check(f0.gpio_get_pin(f0.GPIO_PIN_PA7), True)
f0.gpio_deinit_pin(f0.GPIO_PIN_PA7)
check(err(f0.gpio_init_pin, 8, 1), "ValueError: gpio_init_pin() argument 'pin' must be one of the GPIO_PIN_* constants")
check(err(f0.gpio_init_pin, 0, 3), "ValueError: gpio_init_pin() argument 'mode' must be one of the GPIO_MODE_* constants")
check(err(f0.gpio_init_pin, 0, 1, speed=9), "ValueError: gpio_init_pin() argument 'speed' must be in 0..3, got 9")
check(err(f0.gpio_init_pin, 0, 1, colour=1), "TypeError: gpio_init_pin() got an unexpected keyword argument 'colour'")
check(f0.adc_read_pin_value(f0.GPIO_PIN_PC1), 4095)
check(f0.adc_read_pin_voltage(f0.GPIO_PIN_PC1), 2.048)
check(err(f0.adc_read_pin_value, f0.GPIO_PIN_PB2), "ValueError: adc_read_pin_value() argument 'pin' must be an ADC pin (PC0, PC1, PC3, PA4, PA6 or PA7)")
check(f0.pwm_start(f0.GPIO_PIN_PA4, 1000, 50), True)
check(f0.pwm_is_running(f0.GPIO_PIN_PA4), True)
f0.pwm_stop(f0.GPIO_PIN_PA4)
check(f0.pwm_is_running(f0.GPIO_PIN_PA4), False)
check(err(f0.pwm_start, f0.GPIO_PIN_PC0, 1000, 50), "ValueError: pwm_start() argument 'pin' must be a PWM pin (PA4 or PA7)")
check(err(f0.pwm_start, f0.GPIO_PIN_PA7, 1000, 101), "ValueError: pwm_start() argument 'duty' must be in 0..100, got 101")
check(f0.infrared_receive(), [9000, 4500, 560])
check(f0.infrared_receive(timeout=1000), [])
check(f0.infrared_transmit([9000, 4500, 560]), True)
check(f0.infrared_transmit((100, 200), repeat=2, use_external_pin=True, frequency=36000, duty=0.5), True)
check(f0.infrared_is_busy(), False)
check(err(f0.infrared_transmit, "x"), "TypeError: infrared_transmit() argument 'signal' must be a list of ints, not str")
check(err(f0.infrared_transmit, [1, -2]), "ValueError: infrared_transmit() argument 'signal' timings must be positive")
check(err(f0.infrared_transmit, [1], frequency=5), "ValueError: infrared_transmit() argument 'frequency' must be in 10000..56000")
u = f0.uart_open(f0.UART_MODE_USART, 115200)
check(err(f0.uart_open, f0.UART_MODE_USART, 9600), "OSError: [Errno 16] EBUSY: UART is in use")
check(u.write(b"hi\n"), 3)
check(u.readline(), b"ab\n")
check(u.read(1), b"c")
check(u.readlines(), [b"d\n", b"e"])
check(u.read(), b"")
check(err(u.write, "str"), "TypeError: write() argument 'data' must be bytes, not str")
u.flush()
u.close()
"#,
        ),
        "",
        true,
        |st| {
            let mut s = st.borrow_mut();
            s.adc[1] = 4095;
            s.ir_rx = vec![9000, 4500, 560];
            s.uart_rx.extend(b"ab\ncd\ne");
        },
    );
    assert!(!raised, "{out}");
    assert_clean(&out);
    let ev = st.borrow().events.join("\n");
    for want in [
        "vibro on",
        "vibro off",
        "light RED|GREEN 255",
        "light_blink_start BLUE 100 on=50ms period=200ms",
        "light_blink_set_color GREEN",
        "light_blink_stop",
        "speaker start 440.00 Hz volume 0.80",
        "speaker volume 1.00",
        "speaker stop",
        "gpio init PA7 mode=2 pull=0 speed=0",
        "gpio PA7 1",
        "gpio deinit PA7",
        "pwm start PA4 1000 Hz 50%",
        "pwm stop PA4",
        "infrared transmit [9000, 4500, 560] repeat=1 external=false 38000 Hz duty=0.33",
        "infrared transmit [100, 200] repeat=2 external=true 36000 Hz duty=0.50",
        "uart open USART 115200",
        "uart write \"hi\\n\"",
        "uart close",
    ] {
        assert!(ev.contains(want), "missing event {want:?} in\n{ev}");
    }
}

#[test]
fn uart_is_a_context_manager_and_an_iterator() {
    for stress in [false, true] {
        let (out, raised, st) = run_with(
            &script(
                r#"
with f0.uart_open(f0.UART_MODE_LPUART, 9600) as u:
    check(isinstance(u, f0.UART), True)
    check(u.readline(2), b"fg")
    check([l for l in u], [b"h\n", b"ij"])
    check(next(iter(u), None), None)
check(f0.uart_open(f0.UART_MODE_USART, 9600).close(), None)
check(err(f0.UART.read), "TypeError: UART.read() needs a UART object (call it on one)")
try:
    with f0.uart_open(f0.UART_MODE_USART, 9600):
        raise KeyError("x")
except KeyError:
    pass
check(f0.uart_open(f0.UART_MODE_USART, 9600).readline(), b"")
"#,
            ),
            "",
            stress,
            |st| st.borrow_mut().uart_rx.extend(b"fgh\nij"),
        );
        assert!(!raised, "{out}");
        assert_clean(&out);
        let ev = st.borrow().events.join("\n");
        // Three closed by the script, the last one left open and closed
        // when the script ends.
        assert_eq!(ev.matches("uart close").count(), 4, "{ev}");
        assert!(ev.ends_with("uart close"), "{ev}");
    }
}

#[test]
fn canvas_functions_and_errors() {
    let (out, raised, st) = run_with(
        &script(
            r#"
check((f0.canvas_width(), f0.canvas_height()), (128, 64))
f0.canvas_set_font(f0.FONT_SECONDARY)
check(f0.canvas_text_width("AB"), 11)
check(f0.canvas_text_height(), 11)
check(f0.canvas_text_width(""), 0)
f0.canvas_clear()
f0.canvas_set_color(f0.COLOR_BLACK)
f0.canvas_draw_dot(0, 0)
f0.canvas_draw_line(0, 63, 127, 63)
f0.canvas_draw_box(2, 2, 4, 3)
f0.canvas_draw_frame(10, 2, 5, 5, r=1)
f0.canvas_draw_circle(30, 10, 3)
f0.canvas_draw_disc(40, 10, 2)
f0.canvas_set_text_align(f0.ALIGN_END, f0.ALIGN_END)
f0.canvas_set_text(127, 40, "HI")
f0.canvas_set_color(f0.CANVAS_WHITE)
f0.canvas_draw_dot(3, 3)
f0.canvas_update()
check(err(f0.canvas_set_color, 3), "ValueError: canvas_set_color() argument 'color' must be CANVAS_BLACK or CANVAS_WHITE")
check(err(f0.canvas_set_font, 0), "ValueError: canvas_set_font() argument 'font' must be FONT_PRIMARY or FONT_SECONDARY")
check(err(f0.canvas_set_text_align, 3, 1), "ValueError: canvas_set_text_align() argument 'x' must be ALIGN_BEGIN, ALIGN_CENTER or ALIGN_END")
check(err(f0.canvas_set_text, 0, 0, 5), "TypeError: canvas_set_text() argument 'text' must be str, not int")
check(err(f0.canvas_draw_box, 0, 0, -1, 1), "ValueError: canvas_draw_box() argument 'width' must be in 0..32767, got -1")
check(err(f0.canvas_draw_line, 0, 0, 1), "TypeError: canvas_draw_line() takes exactly 4 arguments (3 given)")
check(err(f0.canvas_draw_circle, 0, 0, 10**30), "ValueError: canvas_draw_circle() argument 'r' is out of range")
check(err(f0.canvas_text_width, None), "TypeError: canvas_text_width() argument 'text' must be str, not NoneType")
check(err(f0.canvas_clear, 1), "TypeError: canvas_clear() takes no arguments (1 given)")
check(err(f0.on_input, 5), "TypeError: on_input() argument 'handler' must be callable, not int")
"#,
        ),
        "",
        true,
        |_| {},
    );
    assert!(!raised, "{out}");
    assert_clean(&out);
    let s = st.borrow();
    let sc = &s.screen;
    assert!(sc.get(0, 0) && sc.get(127, 63) && sc.get(64, 63));
    assert!(sc.get(2, 2) && sc.get(5, 4) && !sc.get(6, 2) && !sc.get(3, 3));
    // Rounded frame: corner pixel off, edges on.
    assert!(!sc.get(10, 2) && sc.get(11, 2) && sc.get(10, 4));
    // Circle radius 3 around (30, 10): outline, not filled.
    assert!(sc.get(33, 10) && sc.get(30, 7) && !sc.get(30, 10));
    assert!(sc.get(40, 10) && sc.get(42, 10) && !sc.get(43, 10));
    // "HI" (haxrcorp4089) right-aligned on x=127, bottom-aligned on y=40.
    assert!(
        sc.get(126, 33)
            && sc.get(126, 39)
            && !sc.get(127, 35)
            && !sc.get(126, 32)
            && !sc.get(126, 40),
        "{}",
        sc.dump()
    );
}

#[test]
fn text_width_counts_trailing_spaces() {
    // The firmware's canvas_string_width (U8g2's GetUTF8Width) sums the
    // advances and only swaps the last one for the glyph's ink when it has
    // ink: helvB08 'A' advances 8 with 7 px of ink, ' ' advances 3;
    // haxrcorp4089 'A' advances 6 with 5 px of ink, ' ' advances 2.
    let out = run(&script(
        r#"
f0.canvas_set_font(f0.FONT_PRIMARY)
check([f0.canvas_text_width(t) for t in ["A", "A ", "A  ", " ", "  ", " A", "A A"]],
      [7, 11, 14, 3, 6, 10, 18])
f0.canvas_set_font(f0.FONT_SECONDARY)
check([f0.canvas_text_width(t) for t in ["A", "A ", "A  ", " ", "  ", " A", "A A"]],
      [5, 8, 10, 2, 4, 7, 13])
"#,
    ));
    assert_clean(&out);
}

#[test]
fn input_handler_and_dialog() {
    let (out, raised, _) = run_with(
        &script(
            r#"
import time
events = []
@f0.on_input
def h(button, type):
    events.append((button, type))
check(h.__name__, "h")
time.sleep(0.35)
check(events, [(1, 64), (1, 256), (1, 128), (32, 64), (32, 512), (32, 128), (16, 1024)])
f0.dialog_message_set_header("HEAD", 64, 0, f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
f0.dialog_message_set_text("BODY", 64, 32, h=f0.ALIGN_CENTER, v=f0.ALIGN_CENTER)
f0.dialog_message_set_button("NO", f0.INPUT_BUTTON_LEFT)
f0.dialog_message_set_button("YES", f0.INPUT_BUTTON_RIGHT)
check(err(f0.dialog_message_set_button, "X", f0.INPUT_BUTTON_UP), "ValueError: dialog_message_set_button() argument 'button' must be INPUT_BUTTON_LEFT, INPUT_BUTTON_OK or INPUT_BUTTON_RIGHT")
check(err(f0.dialog_message_set_header, "X", 0), "TypeError: dialog_message_set_header expected at least 3 arguments, got 2")
check(f0.dialog_message_show(), f0.INPUT_BUTTON_RIGHT)
f0.dialog_message_clear()
@f0.on_gpio
def g(pin):
    events.append(pin)
time.sleep_ms(1)
check(events[-1], f0.GPIO_PIN_PC3)
"#,
        ),
        "up,long:back,repeat:ok,wait:300,right",
        true,
        |st| st.borrow_mut().gpio_interrupts.push_back(2),
    );
    assert!(!raised, "{out}");
    assert_clean(&out);
}

#[test]
fn long_back_without_handler_interrupts() {
    let (out, raised, st) = run_with(
        "import time\nwhile True:\n    time.sleep_ms(10)\n",
        "long:back",
        false,
        |_| {},
    );
    assert!(raised, "{out}");
    assert!(!st.borrow().timed_out);
}

#[test]
fn timeout_interrupts_busy_loops() {
    let (_, raised, st) = run_with("while True:\n    pass\n", "", false, |_| {});
    assert!(raised);
    assert!(st.borrow().timed_out);
}

#[test]
fn key_script_errors() {
    assert!(fzpy_sim::parse_keys("up,wait:x").is_err());
    assert!(fzpy_sim::parse_keys("jump").is_err());
    assert!(fzpy_sim::parse_keys("hold:ok").is_err());
    let k = fzpy_sim::parse_keys("ok, wait:500 ,long:back").unwrap();
    assert_eq!(k.len(), 6);
    assert_eq!(k[3], (700_000_000, 32, 64));
}
