//! Simulated inputs (`--inputs`): GPIO levels, ADC voltages, UART bytes
//! and infrared signals reach the script at their simulated times; level
//! changes on interrupt pins call `@on_gpio` for the edges the mode asks
//! for.

mod common;

use fzpy_sim::inputs;

const APP: &str = r#"
import time
import flipperzero as f0
f0.gpio_init_pin(f0.GPIO_PIN_PA4, f0.GPIO_MODE_INPUT, f0.GPIO_PULL_UP)
f0.gpio_init_pin(f0.GPIO_PIN_PC0, f0.GPIO_MODE_ANALOG)
f0.gpio_init_pin(f0.GPIO_PIN_PB2, f0.GPIO_MODE_INTERRUPT_RISE, f0.GPIO_PULL_DOWN)
f0.gpio_init_pin(f0.GPIO_PIN_PB3, f0.GPIO_MODE_INTERRUPT_RISE | f0.GPIO_MODE_INTERRUPT_FALL)
edges = []

@f0.on_gpio
def edge(pin):
    edges.append((time.ticks_ms(), pin, f0.gpio_get_pin(pin)))

u = f0.uart_open(f0.UART_MODE_USART, 115200)
for _ in range(5):
    pc0 = f0.GPIO_PIN_PC0
    print(time.ticks_ms(), f0.gpio_get_pin(f0.GPIO_PIN_PA4), f0.adc_read_pin_value(pc0),
          "%.4f" % f0.adc_read_pin_voltage(pc0), u.read())
    time.sleep_ms(100)
u.close()
time.sleep_ms(100)
u = f0.uart_open(f0.UART_MODE_USART, 115200)
print("after reopening", u.read())
u.close()
print(edges)
t0 = time.ticks_ms()
print(f0.infrared_receive(50000), time.ticks_ms() - t0)
time.sleep_ms(100)
print(f0.infrared_receive(), time.ticks_ms())
"#;

const INPUTS: &str = r#"
# PA4 (pull-up) pulled low, PC0 at half scale
50 gpio PA4 low
50 adc PC0 1.024
150 uart "hi\n"
160 uart 4f 4b
# PB2 interrupts on rising edges only, PB3 on both
250 gpio PB2 high
260 gpio PB2 low
270 gpio PB3 high
280 gpio GPIO_PIN_PB3 0
350 adc PC0 2.048
350 gpio PA4 high
# the UART is closed from 500 to 600 ms: lost
550 uart "lost"
# the first capture listens from 600 to 650 ms, the second from 750 ms
700 ir 100 200
800.5 ir 9000 4500 560
"#;

#[test]
fn each_kind_is_read_at_its_time() {
    let parsed = inputs::parse(INPUTS).expect("inputs");
    for stress in [false, true] {
        let (out, raised, st) = common::run_with(APP, "", stress, |st| {
            st.borrow_mut().inputs = parsed.clone()
        });
        assert!(!raised, "{out}");
        assert_eq!(
            out,
            "0 True 0 0.0000 b''\n\
             100 False 2048 1.0243 b''\n\
             200 False 2048 1.0243 b'hi\\nOK'\n\
             300 False 2048 1.0243 b''\n\
             400 True 4095 2.0480 b''\n\
             after reopening b''\n\
             [(250, 3, True), (270, 4, True), (280, 4, False)]\n\
             [] 50\n\
             [9000, 4500, 560] 814\n"
        );
        assert!(st.borrow().inputs.is_empty());
    }
}

#[test]
fn edges_wait_for_the_interrupt_mode_and_outputs_ignore_the_outside() {
    let app = r#"
import time
import flipperzero as f0
edges = []
@f0.on_gpio
def edge(pin):
    edges.append((time.ticks_ms(), pin))
# Not in an interrupt mode yet: the edge at 50 ms calls nothing.
f0.gpio_init_pin(f0.GPIO_PIN_PC1, f0.GPIO_MODE_INPUT)
time.sleep_ms(100)
print(f0.gpio_get_pin(f0.GPIO_PIN_PC1), edges)
# Now falling edges only: the level stays high until 150 ms.
f0.gpio_init_pin(f0.GPIO_PIN_PC1, f0.GPIO_MODE_INTERRUPT_FALL, f0.GPIO_PULL_DOWN)
time.sleep_ms(100)
print(edges)
# An output reads what it drives, whatever the outside does.
f0.gpio_init_pin(f0.GPIO_PIN_PA7, f0.GPIO_MODE_OUTPUT_PUSH_PULL)
f0.gpio_set_pin(f0.GPIO_PIN_PA7, True)
time.sleep_ms(100)
print(f0.gpio_get_pin(f0.GPIO_PIN_PA7))
# Back to an input, it reads the outside level.
f0.gpio_init_pin(f0.GPIO_PIN_PA7, f0.GPIO_MODE_INPUT, f0.GPIO_PULL_UP)
print(f0.gpio_get_pin(f0.GPIO_PIN_PA7))
"#;
    let parsed =
        inputs::parse("50 gpio PC1 high\n150 gpio PC1 low\n160 gpio PC1 high\n250 gpio PA7 low\n")
            .unwrap();
    let (out, raised, _) =
        common::run_with(app, "", false, |st| st.borrow_mut().inputs = parsed.clone());
    assert!(!raised, "{out}");
    assert_eq!(out, "True []\n[(150, 1)]\nTrue\nFalse\n");
}
