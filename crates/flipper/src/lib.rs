//! The `flipperzero` Python module (mp-flipper's API, see
//! `/work/shared/docs/FLIPPER_API.md`) over a [`Board`].
//!
//! Registration: [`install`] adds the module table to a [`Vm`] with
//! [`Vm::register_module`], stores the [`Flipper`] state (the board plus
//! module state such as text alignment and the dialog being built) in
//! `vm.ext`, and sets `vm.event_hook` to [`deliver_events`], which the VM
//! runs between bytecodes and during `time.sleep*`: it calls the
//! `@on_input` / `@on_gpio` handlers (kept in heap roots `EXT0`, `EXT0 + 1`).
//! When the script ends, the runner calls [`release_all`] to switch off
//! what it left on.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod board;
pub mod release;
pub mod uart;

use alloc::boxed::Box;
use alloc::string::String;
pub use board::{Align, Board, Color, Dialog, DialogText, Font};
use core::fmt::Write;
use fzpy_vm::heap::{kind, root};
use fzpy_vm::modules::{Const, ModuleDef};
use fzpy_vm::native::{def, Args, NativeDef};
use fzpy_vm::types::TypeId;
use fzpy_vm::value::Value;
use fzpy_vm::vm::{Msg, PyResult, Vm};
pub use release::{release_all, Used};

/// Heap root of the `@on_input` handler.
const ROOT_INPUT: usize = root::EXT0;
/// Heap root of the `@on_gpio` handler.
const ROOT_GPIO: usize = root::EXT0 + 1;

/// Module state kept in `vm.ext`.
pub struct Flipper {
    /// The hardware.
    pub board: Box<dyn Board>,
    /// Text alignment set by `canvas_set_text_align`.
    align: (Align, Align),
    /// The dialog being built.
    dialog: Dialog,
    /// A handler runs: events wait until it returns.
    in_handler: bool,
    /// Outputs left on, for [`release_all`].
    pub used: Used,
}

/// Registers `flipperzero` with `vm`, driving `board`.
pub fn install(vm: &mut Vm, board: Box<dyn Board>) {
    vm.register_module(&MODULE);
    vm.register_module(&uart::MODULE);
    vm.ext = Some(Box::new(Flipper {
        board,
        align: (Align::Begin, Align::Begin),
        dialog: Dialog::default(),
        in_handler: false,
        used: Used::default(),
    }));
    vm.event_hook = Some(deliver_events);
}

/// The [`Flipper`] state of `vm`, if [`install`]ed.
pub fn state(vm: &mut Vm) -> Option<&mut Flipper> {
    vm.ext.as_mut().and_then(|e| e.downcast_mut::<Flipper>())
}

/// Runs `f` on the state, or raises RuntimeError when no board is installed.
fn with<R>(vm: &mut Vm, f: impl FnOnce(&mut Flipper) -> R) -> PyResult<R> {
    match state(vm) {
        Some(s) => Ok(f(s)),
        None => Err(vm.raise_msg(TypeId::RuntimeError, "flipperzero: no board installed")),
    }
}

/// Runs `f` on the board.
fn board<R>(vm: &mut Vm, f: impl FnOnce(&mut dyn Board) -> R) -> PyResult<R> {
    with(vm, |s| f(&mut *s.board))
}

/// The event hook: calls the input handler for every due input event and
/// the GPIO handler for every pending interrupt. Without an input handler,
/// a long Back raises KeyboardInterrupt (the device's way to stop a script).
pub fn deliver_events(vm: &mut Vm) -> PyResult<()> {
    loop {
        let ev = match state(vm) {
            Some(s) if !s.in_handler => s.board.input_poll(),
            _ => return Ok(()),
        };
        let Some((button, typ)) = ev else { break };
        let h = vm.heap.root(ROOT_INPUT);
        if h.is_null() {
            if button == INPUT_BUTTON_BACK as u32 && typ == INPUT_TYPE_LONG as u32 {
                return Err(vm.raise_empty(TypeId::KeyboardInterrupt));
            }
            continue;
        }
        run_handler(vm, h, &[Value::int(button as i32), Value::int(typ as i32)])?;
    }
    // Interrupts stay with the board until a handler takes them.
    while !vm.heap.root(ROOT_GPIO).is_null() {
        let pin = match state(vm) {
            Some(s) => s.board.gpio_poll_interrupt(),
            None => None,
        };
        let Some(pin) = pin else { break };
        let h = vm.heap.root(ROOT_GPIO);
        run_handler(vm, h, &[Value::int(pin as i32)])?;
    }
    Ok(())
}

fn run_handler(vm: &mut Vm, h: Value, args: &[Value]) -> PyResult<()> {
    with(vm, |s| s.in_handler = true)?;
    let r = vm.call(h, args);
    with(vm, |s| s.in_handler = false)?;
    r.map(|_| ())
}

// ---- constants ----

const INPUT_BUTTON_BACK: i64 = 32;
const INPUT_TYPE_LONG: i64 = 512;
const ALIGN_BEGIN: i64 = 1;
const ALIGN_CENTER: i64 = 2;
const ALIGN_END: i64 = 4;

/// Every constant of the module.
pub static CONSTS: &[(&str, Const)] = &[
    ("LIGHT_RED", Const::Int(1)),
    ("LIGHT_GREEN", Const::Int(2)),
    ("LIGHT_BLUE", Const::Int(4)),
    ("LIGHT_BACKLIGHT", Const::Int(8)),
    ("CANVAS_BLACK", Const::Int(1)),
    ("CANVAS_WHITE", Const::Int(2)),
    ("COLOR_BLACK", Const::Int(1)),
    ("COLOR_WHITE", Const::Int(2)),
    ("INPUT_BUTTON_UP", Const::Int(1)),
    ("INPUT_BUTTON_DOWN", Const::Int(2)),
    ("INPUT_BUTTON_RIGHT", Const::Int(4)),
    ("INPUT_BUTTON_LEFT", Const::Int(8)),
    ("INPUT_BUTTON_OK", Const::Int(16)),
    ("INPUT_BUTTON_BACK", Const::Int(INPUT_BUTTON_BACK)),
    ("INPUT_TYPE_PRESS", Const::Int(64)),
    ("INPUT_TYPE_RELEASE", Const::Int(128)),
    ("INPUT_TYPE_SHORT", Const::Int(256)),
    ("INPUT_TYPE_LONG", Const::Int(INPUT_TYPE_LONG)),
    ("INPUT_TYPE_REPEAT", Const::Int(1024)),
    ("ALIGN_BEGIN", Const::Int(ALIGN_BEGIN)),
    ("ALIGN_CENTER", Const::Int(ALIGN_CENTER)),
    ("ALIGN_END", Const::Int(ALIGN_END)),
    ("FONT_PRIMARY", Const::Int(1)),
    ("FONT_SECONDARY", Const::Int(2)),
    ("GPIO_PIN_PC0", Const::Int(0)),
    ("GPIO_PIN_PC1", Const::Int(1)),
    ("GPIO_PIN_PC3", Const::Int(2)),
    ("GPIO_PIN_PB2", Const::Int(3)),
    ("GPIO_PIN_PB3", Const::Int(4)),
    ("GPIO_PIN_PA4", Const::Int(5)),
    ("GPIO_PIN_PA6", Const::Int(6)),
    ("GPIO_PIN_PA7", Const::Int(7)),
    ("GPIO_MODE_INPUT", Const::Int(1)),
    ("GPIO_MODE_OUTPUT_PUSH_PULL", Const::Int(2)),
    ("GPIO_MODE_OUTPUT_OPEN_DRAIN", Const::Int(4)),
    ("GPIO_MODE_ANALOG", Const::Int(8)),
    ("GPIO_MODE_INTERRUPT_RISE", Const::Int(16)),
    ("GPIO_MODE_INTERRUPT_FALL", Const::Int(32)),
    ("GPIO_PULL_NO", Const::Int(0)),
    ("GPIO_PULL_UP", Const::Int(1)),
    ("GPIO_PULL_DOWN", Const::Int(2)),
    ("GPIO_SPEED_LOW", Const::Int(0)),
    ("GPIO_SPEED_MEDIUM", Const::Int(1)),
    ("GPIO_SPEED_HIGH", Const::Int(2)),
    ("GPIO_SPEED_VERY_HIGH", Const::Int(3)),
    ("UART_MODE_USART", Const::Int(0)),
    ("UART_MODE_LPUART", Const::Int(1)),
    ("SPEAKER_VOLUME_MIN", Const::Float(0.0)),
    ("SPEAKER_VOLUME_MAX", Const::Float(1.0)),
    // Equal temperament from A4 = 440 Hz, rounded to 0.01 Hz as mp-flipper
    // publishes them (C4 = 261.63).
    ("SPEAKER_NOTE_C0", Const::Float(16.35)),
    ("SPEAKER_NOTE_CS0", Const::Float(17.32)),
    ("SPEAKER_NOTE_D0", Const::Float(18.35)),
    ("SPEAKER_NOTE_DS0", Const::Float(19.45)),
    ("SPEAKER_NOTE_E0", Const::Float(20.6)),
    ("SPEAKER_NOTE_F0", Const::Float(21.83)),
    ("SPEAKER_NOTE_FS0", Const::Float(23.12)),
    ("SPEAKER_NOTE_G0", Const::Float(24.5)),
    ("SPEAKER_NOTE_GS0", Const::Float(25.96)),
    ("SPEAKER_NOTE_A0", Const::Float(27.5)),
    ("SPEAKER_NOTE_AS0", Const::Float(29.14)),
    ("SPEAKER_NOTE_B0", Const::Float(30.87)),
    ("SPEAKER_NOTE_C1", Const::Float(32.7)),
    ("SPEAKER_NOTE_CS1", Const::Float(34.65)),
    ("SPEAKER_NOTE_D1", Const::Float(36.71)),
    ("SPEAKER_NOTE_DS1", Const::Float(38.89)),
    ("SPEAKER_NOTE_E1", Const::Float(41.2)),
    ("SPEAKER_NOTE_F1", Const::Float(43.65)),
    ("SPEAKER_NOTE_FS1", Const::Float(46.25)),
    ("SPEAKER_NOTE_G1", Const::Float(49.0)),
    ("SPEAKER_NOTE_GS1", Const::Float(51.91)),
    ("SPEAKER_NOTE_A1", Const::Float(55.0)),
    ("SPEAKER_NOTE_AS1", Const::Float(58.27)),
    ("SPEAKER_NOTE_B1", Const::Float(61.74)),
    ("SPEAKER_NOTE_C2", Const::Float(65.41)),
    ("SPEAKER_NOTE_CS2", Const::Float(69.3)),
    ("SPEAKER_NOTE_D2", Const::Float(73.42)),
    ("SPEAKER_NOTE_DS2", Const::Float(77.78)),
    ("SPEAKER_NOTE_E2", Const::Float(82.41)),
    ("SPEAKER_NOTE_F2", Const::Float(87.31)),
    ("SPEAKER_NOTE_FS2", Const::Float(92.5)),
    ("SPEAKER_NOTE_G2", Const::Float(98.0)),
    ("SPEAKER_NOTE_GS2", Const::Float(103.83)),
    ("SPEAKER_NOTE_A2", Const::Float(110.0)),
    ("SPEAKER_NOTE_AS2", Const::Float(116.54)),
    ("SPEAKER_NOTE_B2", Const::Float(123.47)),
    ("SPEAKER_NOTE_C3", Const::Float(130.81)),
    ("SPEAKER_NOTE_CS3", Const::Float(138.59)),
    ("SPEAKER_NOTE_D3", Const::Float(146.83)),
    ("SPEAKER_NOTE_DS3", Const::Float(155.56)),
    ("SPEAKER_NOTE_E3", Const::Float(164.81)),
    ("SPEAKER_NOTE_F3", Const::Float(174.61)),
    ("SPEAKER_NOTE_FS3", Const::Float(185.0)),
    ("SPEAKER_NOTE_G3", Const::Float(196.0)),
    ("SPEAKER_NOTE_GS3", Const::Float(207.65)),
    ("SPEAKER_NOTE_A3", Const::Float(220.0)),
    ("SPEAKER_NOTE_AS3", Const::Float(233.08)),
    ("SPEAKER_NOTE_B3", Const::Float(246.94)),
    ("SPEAKER_NOTE_C4", Const::Float(261.63)),
    ("SPEAKER_NOTE_CS4", Const::Float(277.18)),
    ("SPEAKER_NOTE_D4", Const::Float(293.66)),
    ("SPEAKER_NOTE_DS4", Const::Float(311.13)),
    ("SPEAKER_NOTE_E4", Const::Float(329.63)),
    ("SPEAKER_NOTE_F4", Const::Float(349.23)),
    ("SPEAKER_NOTE_FS4", Const::Float(369.99)),
    ("SPEAKER_NOTE_G4", Const::Float(392.0)),
    ("SPEAKER_NOTE_GS4", Const::Float(415.3)),
    ("SPEAKER_NOTE_A4", Const::Float(440.0)),
    ("SPEAKER_NOTE_AS4", Const::Float(466.16)),
    ("SPEAKER_NOTE_B4", Const::Float(493.88)),
    ("SPEAKER_NOTE_C5", Const::Float(523.25)),
    ("SPEAKER_NOTE_CS5", Const::Float(554.37)),
    ("SPEAKER_NOTE_D5", Const::Float(587.33)),
    ("SPEAKER_NOTE_DS5", Const::Float(622.25)),
    ("SPEAKER_NOTE_E5", Const::Float(659.26)),
    ("SPEAKER_NOTE_F5", Const::Float(698.46)),
    ("SPEAKER_NOTE_FS5", Const::Float(739.99)),
    ("SPEAKER_NOTE_G5", Const::Float(783.99)),
    ("SPEAKER_NOTE_GS5", Const::Float(830.61)),
    ("SPEAKER_NOTE_A5", Const::Float(880.0)),
    ("SPEAKER_NOTE_AS5", Const::Float(932.33)),
    ("SPEAKER_NOTE_B5", Const::Float(987.77)),
    ("SPEAKER_NOTE_C6", Const::Float(1046.5)),
    ("SPEAKER_NOTE_CS6", Const::Float(1108.73)),
    ("SPEAKER_NOTE_D6", Const::Float(1174.66)),
    ("SPEAKER_NOTE_DS6", Const::Float(1244.51)),
    ("SPEAKER_NOTE_E6", Const::Float(1318.51)),
    ("SPEAKER_NOTE_F6", Const::Float(1396.91)),
    ("SPEAKER_NOTE_FS6", Const::Float(1479.98)),
    ("SPEAKER_NOTE_G6", Const::Float(1567.98)),
    ("SPEAKER_NOTE_GS6", Const::Float(1661.22)),
    ("SPEAKER_NOTE_A6", Const::Float(1760.0)),
    ("SPEAKER_NOTE_AS6", Const::Float(1864.66)),
    ("SPEAKER_NOTE_B6", Const::Float(1975.53)),
    ("SPEAKER_NOTE_C7", Const::Float(2093.0)),
    ("SPEAKER_NOTE_CS7", Const::Float(2217.46)),
    ("SPEAKER_NOTE_D7", Const::Float(2349.32)),
    ("SPEAKER_NOTE_DS7", Const::Float(2489.02)),
    ("SPEAKER_NOTE_E7", Const::Float(2637.02)),
    ("SPEAKER_NOTE_F7", Const::Float(2793.83)),
    ("SPEAKER_NOTE_FS7", Const::Float(2959.96)),
    ("SPEAKER_NOTE_G7", Const::Float(3135.96)),
    ("SPEAKER_NOTE_GS7", Const::Float(3322.44)),
    ("SPEAKER_NOTE_A7", Const::Float(3520.0)),
    ("SPEAKER_NOTE_AS7", Const::Float(3729.31)),
    ("SPEAKER_NOTE_B7", Const::Float(3951.07)),
    ("SPEAKER_NOTE_C8", Const::Float(4186.01)),
    ("SPEAKER_NOTE_CS8", Const::Float(4434.92)),
    ("SPEAKER_NOTE_D8", Const::Float(4698.64)),
    ("SPEAKER_NOTE_DS8", Const::Float(4978.03)),
    ("SPEAKER_NOTE_E8", Const::Float(5274.04)),
    ("SPEAKER_NOTE_F8", Const::Float(5587.65)),
    ("SPEAKER_NOTE_FS8", Const::Float(5919.91)),
    ("SPEAKER_NOTE_G8", Const::Float(6271.93)),
    ("SPEAKER_NOTE_GS8", Const::Float(6644.88)),
    ("SPEAKER_NOTE_A8", Const::Float(7040.0)),
    ("SPEAKER_NOTE_AS8", Const::Float(7458.62)),
    ("SPEAKER_NOTE_B8", Const::Float(7902.13)),
];

// ---- argument helpers ----

/// Checks counts and keyword names.
fn arity(vm: &mut Vm, args: Args, name: &str, min: usize, max: usize, kw: &[&str]) -> PyResult<()> {
    vm.check_kwargs(args, name, kw)?;
    vm.check_args(args, name, min, max)
}

/// TypeError "f() argument 'x' must be T, not U".
fn type_error(vm: &mut Vm, f: &str, what: &str, expected: &str, v: Value) -> fzpy_vm::vm::Raised {
    let mut b = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "{f}() argument '{what}' must be {expected}, not {}",
        vm.type_name(v, &mut b)
    );
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// ValueError "f() argument 'x' ...".
fn value_error(vm: &mut Vm, f: &str, what: &str, rule: &str) -> fzpy_vm::vm::Raised {
    let mut m = Msg::new();
    let _ = write!(m, "{f}() argument '{what}' {rule}");
    vm.raise_msg(TypeId::ValueError, m.as_str())
}

/// An int (bools count) argument.
fn int_val(vm: &mut Vm, v: Value, f: &str, what: &str) -> PyResult<i64> {
    if v == Value::TRUE || v == Value::FALSE {
        return Ok((v == Value::TRUE) as i64);
    }
    if let Some(i) = vm.int_to_i64(v) {
        return Ok(i);
    }
    if vm.heap.kind(v) == kind::BIGINT {
        return Err(value_error(vm, f, what, "is out of range"));
    }
    Err(type_error(vm, f, what, "int", v))
}

/// Argument `i` (or keyword `what`) as an int, else `default`.
fn int_arg(vm: &mut Vm, args: Args, i: usize, f: &str, what: &str, default: i64) -> PyResult<i64> {
    match vm.opt_arg(args, i, what) {
        Some(v) => int_val(vm, v, f, what),
        None => Ok(default),
    }
}

/// An int argument within `lo..=hi`.
fn int_in(
    vm: &mut Vm,
    args: Args,
    i: usize,
    f: &str,
    what: &str,
    lo: i64,
    hi: i64,
) -> PyResult<i64> {
    let v = int_arg(vm, args, i, f, what, lo)?;
    if v < lo || v > hi {
        let mut m = Msg::new();
        let _ = write!(m, "{f}() argument '{what}' must be in {lo}..{hi}, got {v}");
        return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
    }
    Ok(v)
}

/// A coordinate or size (any int the screen code can take without overflow).
fn coord(vm: &mut Vm, args: Args, i: usize, f: &str, what: &str) -> PyResult<i32> {
    Ok(int_in(vm, args, i, f, what, -32768, 32767)? as i32)
}

/// A number (int, bool or float) argument.
fn num_val(vm: &mut Vm, v: Value, f: &str, what: &str) -> PyResult<f64> {
    if vm.is_float(v) {
        return Ok(vm.float_value(v));
    }
    if v == Value::TRUE || v == Value::FALSE || vm.int_to_i64(v).is_some() {
        return Ok(int_val(vm, v, f, what)? as f64);
    }
    Err(type_error(vm, f, what, "a number", v))
}

/// A number argument within `lo..=hi` (NaN rejected), else `default`.
fn num_in(
    vm: &mut Vm,
    args: Args,
    i: usize,
    f: &str,
    what: &str,
    (lo, hi): (f64, f64),
    default: f64,
) -> PyResult<f64> {
    let x = match vm.opt_arg(args, i, what) {
        Some(v) => num_val(vm, v, f, what)?,
        None => default,
    };
    if !(lo..=hi).contains(&x) {
        let mut m = Msg::new();
        let _ = write!(m, "{f}() argument '{what}' must be in {lo}..{hi}");
        return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
    }
    Ok(x)
}

/// Text copied out of the heap (so the board can be borrowed while it is
/// used): at most 255 bytes, cut at a character boundary.
struct Text {
    buf: [u8; 255],
    len: usize,
}

impl Text {
    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// A str argument.
fn text_arg(vm: &mut Vm, args: Args, i: usize, f: &str, what: &str) -> PyResult<Text> {
    let v = vm.slot(args.base + i);
    if !vm.is_str(v) {
        return Err(type_error(vm, f, what, "str", v));
    }
    let mut b = [0; 4];
    let s = vm.str_text(v, &mut b);
    let mut n = s.len().min(255);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    let mut t = Text {
        buf: [0; 255],
        len: n,
    };
    t.buf[..n].copy_from_slice(&s.as_bytes()[..n]);
    Ok(t)
}

/// An `ALIGN_*` argument.
fn align_arg(vm: &mut Vm, args: Args, i: usize, f: &str, what: &str) -> PyResult<Align> {
    match int_arg(vm, args, i, f, what, ALIGN_BEGIN)? {
        ALIGN_BEGIN => Ok(Align::Begin),
        ALIGN_CENTER => Ok(Align::Center),
        ALIGN_END => Ok(Align::End),
        _ => Err(value_error(
            vm,
            f,
            what,
            "must be ALIGN_BEGIN, ALIGN_CENTER or ALIGN_END",
        )),
    }
}

/// A `GPIO_PIN_*` argument.
fn pin_arg(vm: &mut Vm, args: Args, i: usize, f: &str) -> PyResult<u32> {
    let p = int_arg(vm, args, i, f, "pin", -1)?;
    if !(0..=7).contains(&p) {
        return Err(value_error(
            vm,
            f,
            "pin",
            "must be one of the GPIO_PIN_* constants",
        ));
    }
    Ok(p as u32)
}

fn truth(vm: &mut Vm, args: Args, i: usize, what: &str, default: bool) -> PyResult<bool> {
    match vm.opt_arg(args, i, what) {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

// ---- functions ----

/// Every function of the module.
pub static FUNCTIONS: &[NativeDef] = &[
    def("vibro_set", vibro_set),
    def("light_set", light_set),
    def("light_blink_start", light_blink_start),
    def("light_blink_set_color", light_blink_set_color),
    def("light_blink_stop", light_blink_stop),
    def("speaker_start", speaker_start),
    def("speaker_set_volume", speaker_set_volume),
    def("speaker_stop", speaker_stop),
    def("on_input", on_input),
    def("canvas_width", canvas_width),
    def("canvas_height", canvas_height),
    def("canvas_text_width", canvas_text_width),
    def("canvas_text_height", canvas_text_height),
    def("canvas_draw_dot", canvas_draw_dot),
    def("canvas_draw_box", canvas_draw_box),
    def("canvas_draw_frame", canvas_draw_frame),
    def("canvas_draw_line", canvas_draw_line),
    def("canvas_draw_circle", canvas_draw_circle),
    def("canvas_draw_disc", canvas_draw_disc),
    def("canvas_set_font", canvas_set_font),
    def("canvas_set_color", canvas_set_color),
    def("canvas_set_text", canvas_set_text),
    def("canvas_set_text_align", canvas_set_text_align),
    def("canvas_clear", canvas_clear),
    def("canvas_update", canvas_update),
    def("dialog_message_set_header", dialog_message_set_header),
    def("dialog_message_set_text", dialog_message_set_text),
    def("dialog_message_set_button", dialog_message_set_button),
    def("dialog_message_show", dialog_message_show),
    def("dialog_message_clear", dialog_message_clear),
    def("gpio_init_pin", gpio_init_pin),
    def("gpio_deinit_pin", gpio_deinit_pin),
    def("gpio_set_pin", gpio_set_pin),
    def("gpio_get_pin", gpio_get_pin),
    def("on_gpio", on_gpio),
    def("adc_read_pin_value", adc_read_pin_value),
    def("adc_read_pin_voltage", adc_read_pin_voltage),
    def("pwm_start", pwm_start),
    def("pwm_stop", pwm_stop),
    def("pwm_is_running", pwm_is_running),
    def("infrared_receive", infrared_receive),
    def("infrared_transmit", infrared_transmit),
    def("infrared_is_busy", infrared_is_busy),
    def("uart_open", uart_open),
];

/// The module table.
pub static MODULE: ModuleDef = ModuleDef {
    name: "flipperzero",
    functions: FUNCTIONS,
    consts: CONSTS,
    dynamic: Some(dynamic),
};

/// Attributes made on first access: the class `UART`.
fn dynamic(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "UART" => uart::class(vm).map(Some),
        _ => Ok(None),
    }
}

fn vibro_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "vibro_set", 1, 1, &[])?;
    let on = truth(vm, args, 0, "state", false)?;
    with(vm, |s| {
        s.board.vibro_set(on);
        s.used.vibro(on);
    })?;
    Ok(Value::bool(on))
}

fn light_mask(vm: &mut Vm, args: Args, i: usize, f: &str) -> PyResult<u32> {
    Ok(int_in(vm, args, i, f, "light", 0, 15)? as u32)
}

fn light_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "light_set", 2, 2, &[])?;
    let mask = light_mask(vm, args, 0, "light_set")?;
    let br = int_in(vm, args, 1, "light_set", "brightness", 0, 255)? as u8;
    with(vm, |s| {
        s.board.light_set(mask, br);
        s.used.light(mask, br);
    })?;
    Ok(Value::NONE)
}

fn light_blink_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "light_blink_start";
    arity(vm, args, f, 4, 4, &[])?;
    let mask = light_mask(vm, args, 0, f)?;
    let br = int_in(vm, args, 1, f, "brightness", 0, 255)? as u8;
    let on = int_in(vm, args, 2, f, "on_time", 0, 65535)? as u32;
    let period = int_in(vm, args, 3, f, "period", 1, 65535)? as u32;
    if on > period {
        return Err(value_error(vm, f, "on_time", "must not exceed the period"));
    }
    with(vm, |s| {
        s.board.light_blink_start(mask, br, on, period);
        s.used.blink(true);
    })?;
    Ok(Value::NONE)
}

fn light_blink_set_color(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "light_blink_set_color", 1, 1, &[])?;
    let mask = light_mask(vm, args, 0, "light_blink_set_color")?;
    board(vm, |b| b.light_blink_set_color(mask))?;
    Ok(Value::NONE)
}

fn light_blink_stop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "light_blink_stop", 0, 0, &[])?;
    with(vm, |s| {
        s.board.light_blink_stop();
        s.used.blink(false);
    })?;
    Ok(Value::NONE)
}

fn speaker_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "speaker_start";
    arity(vm, args, f, 2, 2, &[])?;
    let freq = num_in(vm, args, 0, f, "frequency", (0.0, 100_000.0), 0.0)? as f32;
    let vol = num_in(vm, args, 1, f, "volume", (0.0, 1.0), 0.0)? as f32;
    let ok = with(vm, |s| {
        let ok = s.board.speaker_start(freq, vol);
        if ok {
            s.used.speaker(true);
        }
        ok
    })?;
    Ok(Value::bool(ok))
}

fn speaker_set_volume(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "speaker_set_volume";
    arity(vm, args, f, 1, 1, &[])?;
    let vol = num_in(vm, args, 0, f, "volume", (0.0, 1.0), 0.0)? as f32;
    Ok(Value::bool(board(vm, |b| b.speaker_set_volume(vol))?))
}

fn speaker_stop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "speaker_stop", 0, 0, &[])?;
    let ok = with(vm, |s| {
        s.used.speaker(false);
        s.board.speaker_stop()
    })?;
    Ok(Value::bool(ok))
}

/// A decorator storing its callable argument in heap root `r`.
fn set_handler(vm: &mut Vm, args: Args, f: &str, r: usize) -> PyResult<Value> {
    arity(vm, args, f, 1, 1, &[])?;
    let h = vm.slot(args.base);
    let callable = h.is_imm_of(fzpy_vm::value::imm::NATIVE)
        || matches!(
            vm.heap.kind(h),
            kind::FUNCTION | kind::CLASS | kind::METHOD | kind::NATIVE_METHOD
        );
    if !callable {
        return Err(type_error(vm, f, "handler", "callable", h));
    }
    vm.heap.set_root(r, h);
    Ok(h)
}

fn on_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_handler(vm, args, "on_input", ROOT_INPUT)
}

fn on_gpio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_handler(vm, args, "on_gpio", ROOT_GPIO)
}

fn canvas_width(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_width", 0, 0, &[])?;
    Ok(Value::int(128))
}

fn canvas_height(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_height", 0, 0, &[])?;
    Ok(Value::int(64))
}

fn canvas_text_width(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_text_width", 1, 1, &[])?;
    let t = text_arg(vm, args, 0, "canvas_text_width", "text")?;
    Ok(Value::int(board(vm, |b| b.canvas_text_width(t.as_str()))?))
}

fn canvas_text_height(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_text_height", 0, 0, &[])?;
    Ok(Value::int(board(vm, |b| b.canvas_text_height())?))
}

fn canvas_draw_dot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_draw_dot";
    arity(vm, args, f, 2, 2, &[])?;
    let x = coord(vm, args, 0, f, "x")?;
    let y = coord(vm, args, 1, f, "y")?;
    board(vm, |b| b.canvas_draw_dot(x, y))?;
    Ok(Value::NONE)
}

/// (x, y, w, h, r) of `canvas_draw_box` / `canvas_draw_frame`.
fn box_args(vm: &mut Vm, args: Args, f: &str) -> PyResult<[i32; 5]> {
    arity(vm, args, f, 4, 5, &["r"])?;
    let x = coord(vm, args, 0, f, "x")?;
    let y = coord(vm, args, 1, f, "y")?;
    let w = int_in(vm, args, 2, f, "width", 0, 32767)? as i32;
    let h = int_in(vm, args, 3, f, "height", 0, 32767)? as i32;
    let r = int_in(vm, args, 4, f, "r", 0, 32767)? as i32;
    Ok([x, y, w, h, r])
}

fn canvas_draw_box(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y, w, h, r] = box_args(vm, args, "canvas_draw_box")?;
    board(vm, |b| b.canvas_draw_box(x, y, w, h, r))?;
    Ok(Value::NONE)
}

fn canvas_draw_frame(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y, w, h, r] = box_args(vm, args, "canvas_draw_frame")?;
    board(vm, |b| b.canvas_draw_frame(x, y, w, h, r))?;
    Ok(Value::NONE)
}

fn canvas_draw_line(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_draw_line";
    arity(vm, args, f, 4, 4, &[])?;
    let x0 = coord(vm, args, 0, f, "x0")?;
    let y0 = coord(vm, args, 1, f, "y0")?;
    let x1 = coord(vm, args, 2, f, "x1")?;
    let y1 = coord(vm, args, 3, f, "y1")?;
    board(vm, |b| b.canvas_draw_line(x0, y0, x1, y1))?;
    Ok(Value::NONE)
}

fn circle_args(vm: &mut Vm, args: Args, f: &str) -> PyResult<[i32; 3]> {
    arity(vm, args, f, 3, 3, &[])?;
    let x = coord(vm, args, 0, f, "x")?;
    let y = coord(vm, args, 1, f, "y")?;
    let r = int_in(vm, args, 2, f, "r", 0, 32767)? as i32;
    Ok([x, y, r])
}

fn canvas_draw_circle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y, r] = circle_args(vm, args, "canvas_draw_circle")?;
    board(vm, |b| b.canvas_draw_circle(x, y, r))?;
    Ok(Value::NONE)
}

fn canvas_draw_disc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y, r] = circle_args(vm, args, "canvas_draw_disc")?;
    board(vm, |b| b.canvas_draw_disc(x, y, r))?;
    Ok(Value::NONE)
}

fn canvas_set_font(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_set_font";
    arity(vm, args, f, 1, 1, &[])?;
    let font = match int_arg(vm, args, 0, f, "font", 0)? {
        1 => Font::Primary,
        2 => Font::Secondary,
        _ => {
            return Err(value_error(
                vm,
                f,
                "font",
                "must be FONT_PRIMARY or FONT_SECONDARY",
            ))
        }
    };
    board(vm, |b| b.canvas_set_font(font))?;
    Ok(Value::NONE)
}

fn canvas_set_color(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_set_color";
    arity(vm, args, f, 1, 1, &[])?;
    let c = match int_arg(vm, args, 0, f, "color", 0)? {
        1 => Color::Black,
        2 => Color::White,
        _ => {
            return Err(value_error(
                vm,
                f,
                "color",
                "must be CANVAS_BLACK or CANVAS_WHITE",
            ))
        }
    };
    board(vm, |b| b.canvas_set_color(c))?;
    Ok(Value::NONE)
}

fn canvas_set_text(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_set_text";
    arity(vm, args, f, 3, 3, &[])?;
    let x = coord(vm, args, 0, f, "x")?;
    let y = coord(vm, args, 1, f, "y")?;
    let t = text_arg(vm, args, 2, f, "text")?;
    with(vm, |s| {
        let (h, v) = s.align;
        s.board.canvas_draw_text(x, y, h, v, t.as_str())
    })?;
    Ok(Value::NONE)
}

fn canvas_set_text_align(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "canvas_set_text_align";
    arity(vm, args, f, 2, 2, &[])?;
    let h = align_arg(vm, args, 0, f, "x")?;
    let v = align_arg(vm, args, 1, f, "y")?;
    with(vm, |s| s.align = (h, v))?;
    Ok(Value::NONE)
}

fn canvas_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_clear", 0, 0, &[])?;
    board(vm, |b| b.canvas_clear())?;
    Ok(Value::NONE)
}

fn canvas_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "canvas_update", 0, 0, &[])?;
    board(vm, |b| b.canvas_update())?;
    Ok(Value::NONE)
}

/// (text, x, y, h=ALIGN_BEGIN, v=ALIGN_BEGIN) of the dialog setters.
fn dialog_text(vm: &mut Vm, args: Args, f: &str) -> PyResult<DialogText> {
    arity(vm, args, f, 3, 5, &["h", "v"])?;
    let t = text_arg(vm, args, 0, f, "text")?;
    let x = coord(vm, args, 1, f, "x")?;
    let y = coord(vm, args, 2, f, "y")?;
    let h = align_arg(vm, args, 3, f, "h")?;
    let v = align_arg(vm, args, 4, f, "v")?;
    Ok(DialogText {
        text: String::from(t.as_str()), // ALLOC: dialog text, freed by dialog_message_clear
        x,
        y,
        h,
        v,
    })
}

fn dialog_message_set_header(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = dialog_text(vm, args, "dialog_message_set_header")?;
    with(vm, |s| s.dialog.header = Some(t))?;
    Ok(Value::NONE)
}

fn dialog_message_set_text(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = dialog_text(vm, args, "dialog_message_set_text")?;
    with(vm, |s| s.dialog.text = Some(t))?;
    Ok(Value::NONE)
}

fn dialog_message_set_button(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "dialog_message_set_button";
    arity(vm, args, f, 2, 2, &[])?;
    let t = text_arg(vm, args, 0, f, "text")?;
    let i = match int_arg(vm, args, 1, f, "button", 0)? {
        8 => 0,
        16 => 1,
        4 => 2,
        _ => {
            return Err(value_error(
                vm,
                f,
                "button",
                "must be INPUT_BUTTON_LEFT, INPUT_BUTTON_OK or INPUT_BUTTON_RIGHT",
            ))
        }
    };
    // ALLOC: button label, freed by dialog_message_clear.
    with(vm, |s| s.dialog.buttons[i] = Some(String::from(t.as_str())))?;
    Ok(Value::NONE)
}

fn dialog_message_show(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "dialog_message_show", 0, 0, &[])?;
    let b = with(vm, |s| s.board.dialog_show(&s.dialog))?;
    Ok(Value::int(b as i32))
}

fn dialog_message_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "dialog_message_clear", 0, 0, &[])?;
    with(vm, |s| s.dialog = Dialog::default())?;
    Ok(Value::NONE)
}

fn gpio_init_pin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "gpio_init_pin";
    arity(vm, args, f, 2, 4, &["pull", "speed"])?;
    let pin = pin_arg(vm, args, 0, f)?;
    let mode = int_arg(vm, args, 1, f, "mode", 0)?;
    if ![1, 2, 4, 8, 16, 32, 48].contains(&mode) {
        return Err(value_error(
            vm,
            f,
            "mode",
            "must be one of the GPIO_MODE_* constants",
        ));
    }
    let pull = int_in(vm, args, 2, f, "pull", 0, 2)? as u32;
    let speed = int_in(vm, args, 3, f, "speed", 0, 3)? as u32;
    let ok = with(vm, |s| {
        let ok = s.board.gpio_init_pin(pin, mode as u32, pull, speed);
        if ok {
            s.used.gpio_init(pin, mode as u32, pull);
        }
        ok
    })?;
    Ok(Value::bool(ok))
}

fn gpio_deinit_pin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "gpio_deinit_pin", 1, 1, &[])?;
    let pin = pin_arg(vm, args, 0, "gpio_deinit_pin")?;
    with(vm, |s| {
        s.board.gpio_deinit_pin(pin);
        s.used.gpio_deinit(pin);
    })?;
    Ok(Value::NONE)
}

fn gpio_set_pin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "gpio_set_pin", 2, 2, &[])?;
    let pin = pin_arg(vm, args, 0, "gpio_set_pin")?;
    let on = truth(vm, args, 1, "state", false)?;
    board(vm, |b| b.gpio_set_pin(pin, on))?;
    Ok(Value::NONE)
}

fn gpio_get_pin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "gpio_get_pin", 1, 1, &[])?;
    let pin = pin_arg(vm, args, 0, "gpio_get_pin")?;
    Ok(Value::bool(board(vm, |b| b.gpio_get_pin(pin))?))
}

/// An ADC-capable pin (PC0 PC1 PC3 PA4 PA6 PA7).
fn adc_pin(vm: &mut Vm, args: Args, f: &str) -> PyResult<u32> {
    arity(vm, args, f, 1, 1, &[])?;
    let pin = pin_arg(vm, args, 0, f)?;
    if pin == 3 || pin == 4 {
        return Err(value_error(
            vm,
            f,
            "pin",
            "must be an ADC pin (PC0, PC1, PC3, PA4, PA6 or PA7)",
        ));
    }
    Ok(pin)
}

fn adc_read_pin_value(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pin = adc_pin(vm, args, "adc_read_pin_value")?;
    Ok(Value::int(board(vm, |b| b.adc_read(pin))?.min(4095) as i32))
}

fn adc_read_pin_voltage(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pin = adc_pin(vm, args, "adc_read_pin_voltage")?;
    let raw = board(vm, |b| b.adc_read(pin))?.min(4095);
    vm.new_float(raw as f64 * 2.048 / 4095.0)
}

/// A PWM-capable pin (PA4, PA7).
fn pwm_pin(vm: &mut Vm, args: Args, f: &str) -> PyResult<u32> {
    let pin = pin_arg(vm, args, 0, f)?;
    if pin != 5 && pin != 7 {
        return Err(value_error(vm, f, "pin", "must be a PWM pin (PA4 or PA7)"));
    }
    Ok(pin)
}

fn pwm_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "pwm_start";
    arity(vm, args, f, 3, 3, &[])?;
    let pin = pwm_pin(vm, args, f)?;
    let freq = int_in(vm, args, 1, f, "frequency", 1, 1_000_000)? as u32;
    let duty = int_in(vm, args, 2, f, "duty", 0, 100)? as u32;
    let ok = with(vm, |s| {
        let ok = s.board.pwm_start(pin, freq, duty);
        if ok {
            s.used.pwm(pin, true);
        }
        ok
    })?;
    Ok(Value::bool(ok))
}

fn pwm_stop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "pwm_stop", 1, 1, &[])?;
    let pin = pwm_pin(vm, args, "pwm_stop")?;
    with(vm, |s| {
        s.board.pwm_stop(pin);
        s.used.pwm(pin, false);
    })?;
    Ok(Value::NONE)
}

fn pwm_is_running(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "pwm_is_running", 1, 1, &[])?;
    let pin = pwm_pin(vm, args, "pwm_is_running")?;
    Ok(Value::bool(board(vm, |b| b.pwm_is_running(pin))?))
}

fn infrared_receive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "infrared_receive";
    arity(vm, args, f, 0, 1, &["timeout"])?;
    let t = int_in(vm, args, 0, f, "timeout", 0, u32::MAX as i64)?;
    let t = if vm.opt_arg(args, 0, "timeout").is_none() {
        1_000_000
    } else {
        t as u32
    };
    let n = with(vm, |s| {
        s.used.infrared();
        s.board.infrared_receive(t)
    })?;
    let base = vm.sp();
    let l = vm.new_list(n)?;
    vm.push(l)?;
    let r = (|| {
        for i in 0..n {
            let v = board(vm, |b| b.infrared_timing(i))?;
            let v = vm.new_int(v as i64)?;
            vm.list_append(vm.slot(base), v)?;
        }
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

/// Most timings `infrared_transmit` sends at once.
const IR_MAX: usize = 512;

fn infrared_transmit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "infrared_transmit";
    arity(
        vm,
        args,
        f,
        1,
        5,
        &["repeat", "use_external_pin", "frequency", "duty"],
    )?;
    let s = vm.slot(args.base);
    let k = vm.heap.kind(s);
    let n = if k == kind::LIST {
        vm.list_len(s)
    } else if k == kind::TUPLE {
        vm.tuple_len(s)
    } else {
        return Err(type_error(vm, f, "signal", "a list of ints", s));
    };
    if n > IR_MAX {
        return Err(value_error(vm, f, "signal", "has more than 512 timings"));
    }
    let mut buf = [0u32; IR_MAX];
    for (i, slot) in buf.iter_mut().enumerate().take(n) {
        let s = vm.slot(args.base);
        let v = if k == kind::LIST {
            vm.list_get(s, i)
        } else {
            vm.tuple_get(s, i)
        };
        let t = int_val(vm, v, f, "signal")?;
        if !(1..=u32::MAX as i64).contains(&t) {
            return Err(value_error(vm, f, "signal", "timings must be positive"));
        }
        *slot = t as u32;
    }
    let repeat = int_arg(vm, args, 1, f, "repeat", 1)?;
    if !(1..=1000).contains(&repeat) {
        return Err(value_error(vm, f, "repeat", "must be in 1..1000"));
    }
    let ext = truth(vm, args, 2, "use_external_pin", false)?;
    let freq = int_arg(vm, args, 3, f, "frequency", 38000)?;
    if !(10_000..=56_000).contains(&freq) {
        return Err(value_error(vm, f, "frequency", "must be in 10000..56000"));
    }
    let duty = num_in(vm, args, 4, f, "duty", (0.0, 1.0), 0.33)? as f32;
    let ok = with(vm, |s| {
        s.used.infrared();
        s.board
            .infrared_transmit(&buf[..n], repeat as u32, ext, freq as u32, duty)
    })?;
    Ok(Value::bool(ok))
}

fn infrared_is_busy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, args, "infrared_is_busy", 0, 0, &[])?;
    Ok(Value::bool(board(vm, |b| b.infrared_is_busy())?))
}

fn uart_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = "uart_open";
    arity(vm, args, f, 2, 2, &[])?;
    let mode = int_in(vm, args, 0, f, "mode", 0, 1)? as u32;
    let baud = int_in(vm, args, 1, f, "baud_rate", 1, 4_000_000)? as u32;
    let ok = with(vm, |s| {
        let ok = s.board.uart_open(mode, baud);
        if ok {
            s.used.uart(true);
        }
        ok
    })?;
    if !ok {
        return Err(vm.raise_msg(TypeId::OSError, "[Errno 16] EBUSY: UART is in use"));
    }
    uart::handle(vm)
}
