//! The desktop Flipper Zero: a [`Board`] on a virtual clock for
//! `fzpy sim`, headless.
//!
//! - [`SimState`] holds everything: the simulated time, the scripted input
//!   queue, the drawing buffer and the screen last shown by
//!   `canvas_update`, the log of output events (LED, vibro, speaker, GPIO,
//!   PWM, IR, UART) with simulated timestamps, the speaker's tones for
//!   `--wav` ([`wav`]) and the frames for `--frames` ([`frames`]).
//! - [`SimBoard`] (the `flipperzero` board) and [`SimPlatform`] (the VM's
//!   platform: clock, sleeps, output) share it, so sleeping advances the
//!   simulated time at once and due input events are then delivered.
//! - Input comes from a key script ([`parse_keys`]) and a timeline of
//!   GPIO / ADC / UART / IR inputs ([`inputs`]); when the simulated time
//!   passes the timeout, the script gets KeyboardInterrupt.
//! - [`realtime`] is the interactive mode: the same board on the real
//!   clock, shown in a window ([`window`], feature `window`) or the
//!   terminal ([`term`]), keys turned into input events ([`press`],
//!   [`term_keys`]).

#![warn(missing_docs)]

pub mod deflate;
pub mod dialog;
pub mod files;
pub mod font;
pub mod frames;
pub mod inputs;
pub mod png;
pub mod press;
pub mod realtime;
pub mod screen;
pub mod status;
pub mod term;
pub mod term_keys;
pub mod wav;
#[cfg(feature = "window")]
pub mod window;

/// Switches off what the script left on; runners call it when it ends.
pub use fzpy_flipper::release_all;
use fzpy_flipper::{Align, Board, Color, Dialog, Font};
use fzpy_vm::files::{FileResult, OpenFlags, Whence};
use fzpy_vm::{Config, Platform, Vm};
use screen::Canvas;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Write;
use std::rc::Rc;

/// `INPUT_BUTTON_*` values by name.
const BUTTONS: &[(&str, u32)] = &[
    ("up", 1),
    ("down", 2),
    ("right", 4),
    ("left", 8),
    ("ok", 16),
    ("back", 32),
];
const PRESS: u32 = 64;
const RELEASE: u32 = 128;
const SHORT: u32 = 256;
const LONG: u32 = 512;
const REPEAT: u32 = 1024;

/// Simulated nanoseconds between key-script events.
pub const KEY_STEP_NS: u64 = 100_000_000;
/// Simulated time one interrupt poll (about 1024 bytecodes) costs, so that
/// scripts that never sleep still reach the timeout.
const POLL_COST_NS: u64 = 10_000;

/// A timed input event: (time ns, button, type).
pub type InputEvent = (u64, u32, u32);

/// Parses a key script: comma-separated `BUTTON` (press, short, release),
/// `long:BUTTON` (press, long, release), `press:`, `release:`, `repeat:`
/// (that one event), `wait:MS`. Events are 100 ms apart, the first at 100 ms.
pub fn parse_keys(script: &str) -> Result<Vec<InputEvent>, String> {
    let mut out = Vec::new();
    let mut t = KEY_STEP_NS;
    for tok in script.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if let Some(ms) = tok.strip_prefix("wait:") {
            let ms: u64 = ms
                .parse()
                .map_err(|_| format!("bad wait time in '{tok}' (milliseconds expected)"))?;
            t += ms * 1_000_000;
            continue;
        }
        let (prefix, name) = match tok.split_once(':') {
            Some((p, n)) => (p, n),
            None => ("", tok),
        };
        let Some(&(_, b)) = BUTTONS
            .iter()
            .find(|(n, _)| *n == name.to_ascii_lowercase())
        else {
            return Err(format!(
                "unknown button '{name}' in '{tok}' (up, down, left, right, ok, back)"
            ));
        };
        let types: &[u32] = match prefix {
            "" => &[PRESS, SHORT, RELEASE],
            "long" => &[PRESS, LONG, RELEASE],
            "press" => &[PRESS],
            "release" => &[RELEASE],
            "repeat" => &[REPEAT],
            p => {
                return Err(format!(
                    "unknown key prefix '{p}:' (long, press, release, repeat, wait)"
                ))
            }
        };
        for &ty in types {
            out.push((t, b, ty));
        }
        t += KEY_STEP_NS;
    }
    Ok(out)
}

/// Everything the simulator knows.
pub struct SimState {
    /// Simulated monotonic time.
    pub now_ns: u64,
    /// KeyboardInterrupt once `now_ns` reaches this.
    pub timeout_ns: u64,
    /// The timeout fired.
    pub timed_out: bool,
    /// Input events not delivered yet, in time order.
    pub input: VecDeque<InputEvent>,
    /// The drawing buffer.
    pub canvas: Canvas,
    /// The screen as of the last `canvas_update` (or dialog).
    pub screen: Canvas,
    /// Number of `canvas_update` calls.
    pub updates: u32,
    /// Output events, one line each, with simulated timestamps.
    pub events: Vec<String>,
    /// Everything the script printed to stdout.
    pub stdout: Vec<u8>,
    /// Also write stdout to the process's stdout.
    pub echo: bool,
    /// GPIO pin levels.
    pub gpio: [bool; 8],
    /// GPIO pin modes (0: not initialised).
    pub gpio_mode: [u32; 8],
    /// Pending GPIO interrupts (pins), for tests.
    pub gpio_interrupts: VecDeque<u32>,
    /// ADC readings per pin, for tests.
    pub adc: [u16; 8],
    /// PWM per pin: (frequency, duty).
    pub pwm: [Option<(u32, u32)>; 8],
    /// The running tone: (frequency, volume).
    pub speaker: Option<(f32, f32)>,
    /// Every tone change, for `--wav`.
    pub tones: wav::Tones,
    /// Where `canvas_update` saves frames (`--frames`).
    pub frames: Option<frames::Frames>,
    /// Whether the UART is open.
    pub uart_open: bool,
    /// Bytes the UART will receive, for tests.
    pub uart_rx: VecDeque<u8>,
    /// The next infrared capture, for tests.
    pub ir_rx: Vec<u32>,
    /// The last capture handed out.
    ir_last: Vec<u32>,
    /// GPIO / ADC / UART / IR inputs still to come (`--inputs`).
    pub inputs: inputs::Inputs,
    /// Files `open()` opened; `/ext` is the SD card folder.
    pub files: files::HostFiles,
}

impl SimState {
    /// A state with scripted input `keys` and a timeout.
    pub fn new(keys: Vec<InputEvent>, timeout_ns: u64) -> SimState {
        SimState {
            now_ns: 0,
            timeout_ns,
            timed_out: false,
            input: keys.into(),
            canvas: Canvas::default(),
            screen: Canvas::default(),
            updates: 0,
            events: Vec::new(),
            stdout: Vec::new(),
            echo: false,
            gpio: [false; 8],
            gpio_mode: [0; 8],
            gpio_interrupts: VecDeque::new(),
            adc: [0; 8],
            pwm: [None; 8],
            speaker: None,
            tones: wav::Tones::default(),
            frames: None,
            uart_open: false,
            uart_rx: VecDeque::new(),
            ir_rx: Vec::new(),
            ir_last: Vec::new(),
            inputs: inputs::Inputs::default(),
            files: files::HostFiles::new(),
        }
    }

    /// Logs an output event at the current simulated time.
    pub fn log(&mut self, what: String) {
        let ms = self.now_ns / 1_000_000;
        self.events
            .push(format!("{:>6}.{:03} {what}", ms / 1000, ms % 1000));
    }
}

/// Shared handle on the state.
pub type Shared = Rc<RefCell<SimState>>;

/// Pin names by `GPIO_PIN_*` value.
const PINS: [&str; 8] = ["PC0", "PC1", "PC3", "PB2", "PB3", "PA4", "PA6", "PA7"];

fn light_names(mask: u32) -> String {
    let names: Vec<&str> = [(1, "RED"), (2, "GREEN"), (4, "BLUE"), (8, "BACKLIGHT")]
        .iter()
        .filter(|(b, _)| mask & b != 0)
        .map(|(_, n)| *n)
        .collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join("|")
    }
}

/// The simulated board.
pub struct SimBoard(pub Shared);

impl SimBoard {
    fn st(&self) -> std::cell::RefMut<'_, SimState> {
        self.0.borrow_mut()
    }
}

impl Board for SimBoard {
    fn canvas_clear(&mut self) {
        self.st().canvas.clear();
    }
    fn canvas_update(&mut self) {
        let mut s = self.st();
        let s = &mut *s;
        s.screen = s.canvas.clone();
        s.updates += 1;
        if let Some(f) = &mut s.frames {
            f.save(&s.screen);
        }
    }
    fn canvas_set_color(&mut self, color: Color) {
        self.st().canvas.color = color;
    }
    fn canvas_set_font(&mut self, font: Font) {
        self.st().canvas.font = font;
    }
    fn canvas_draw_dot(&mut self, x: i32, y: i32) {
        self.st().canvas.dot(x, y);
    }
    fn canvas_draw_line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32) {
        self.st().canvas.line(x0, y0, x1, y1);
    }
    fn canvas_draw_box(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        self.st().canvas.fill_box(x, y, w, h, r);
    }
    fn canvas_draw_frame(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        self.st().canvas.frame(x, y, w, h, r);
    }
    fn canvas_draw_circle(&mut self, x: i32, y: i32, r: i32) {
        self.st().canvas.circle(x, y, r);
    }
    fn canvas_draw_disc(&mut self, x: i32, y: i32, r: i32) {
        self.st().canvas.disc(x, y, r);
    }
    fn canvas_draw_text(&mut self, x: i32, y: i32, h: Align, v: Align, text: &str) {
        self.st().canvas.text(x, y, h, v, text);
    }
    fn canvas_text_width(&mut self, text: &str) -> i32 {
        self.st().canvas.text_width(text)
    }
    fn canvas_text_height(&mut self) -> i32 {
        self.st().canvas.text_height()
    }

    fn input_poll(&mut self) -> Option<(u32, u32)> {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        match s.input.front() {
            Some(&(t, b, ty)) if t <= s.now_ns => {
                s.input.pop_front();
                Some((b, ty))
            }
            _ => None,
        }
    }

    fn vibro_set(&mut self, on: bool) {
        self.st()
            .log(format!("vibro {}", if on { "on" } else { "off" }));
    }
    fn light_set(&mut self, mask: u32, brightness: u8) {
        self.st()
            .log(format!("light {} {brightness}", light_names(mask)));
    }
    fn light_blink_start(&mut self, mask: u32, brightness: u8, on_ms: u32, period_ms: u32) {
        self.st().log(format!(
            "light_blink_start {} {brightness} on={on_ms}ms period={period_ms}ms",
            light_names(mask)
        ));
    }
    fn light_blink_set_color(&mut self, mask: u32) {
        self.st()
            .log(format!("light_blink_set_color {}", light_names(mask)));
    }
    fn light_blink_stop(&mut self) {
        self.st().log("light_blink_stop".into());
    }
    fn speaker_start(&mut self, freq: f32, volume: f32) -> bool {
        let mut s = self.st();
        s.speaker = Some((freq, volume));
        let now = s.now_ns;
        s.tones.start(now, freq, volume);
        s.log(format!("speaker start {freq:.2} Hz volume {volume:.2}"));
        true
    }
    fn speaker_set_volume(&mut self, volume: f32) -> bool {
        let mut s = self.st();
        match s.speaker {
            Some((f, _)) => {
                s.speaker = Some((f, volume));
                let now = s.now_ns;
                s.tones.volume(now, volume);
                s.log(format!("speaker volume {volume:.2}"));
                true
            }
            None => false,
        }
    }
    fn speaker_stop(&mut self) -> bool {
        let mut s = self.st();
        if s.speaker.take().is_some() {
            let now = s.now_ns;
            s.tones.stop(now);
            s.log("speaker stop".into());
            true
        } else {
            false
        }
    }

    fn gpio_init_pin(&mut self, pin: u32, mode: u32, pull: u32, speed: u32) -> bool {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        s.gpio_mode[pin as usize] = mode;
        s.gpio[pin as usize] = inputs::init_level(&s, pin, mode, pull);
        s.log(format!(
            "gpio init {} mode={mode} pull={pull} speed={speed}",
            PINS[pin as usize]
        ));
        true
    }
    fn gpio_deinit_pin(&mut self, pin: u32) {
        let mut s = self.st();
        s.gpio_mode[pin as usize] = 0;
        s.log(format!("gpio deinit {}", PINS[pin as usize]));
    }
    fn gpio_set_pin(&mut self, pin: u32, state: bool) {
        let mut s = self.st();
        s.gpio[pin as usize] = state;
        s.log(format!("gpio {} {}", PINS[pin as usize], u8::from(state)));
    }
    fn gpio_get_pin(&mut self, pin: u32) -> bool {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        s.gpio[pin as usize]
    }
    fn gpio_poll_interrupt(&mut self) -> Option<u32> {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        s.gpio_interrupts.pop_front()
    }
    fn adc_read(&mut self, pin: u32) -> u16 {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        s.adc[pin as usize]
    }
    fn pwm_start(&mut self, pin: u32, freq: u32, duty: u32) -> bool {
        let mut s = self.st();
        s.pwm[pin as usize] = Some((freq, duty));
        s.log(format!(
            "pwm start {} {freq} Hz {duty}%",
            PINS[pin as usize]
        ));
        true
    }
    fn pwm_stop(&mut self, pin: u32) {
        let mut s = self.st();
        if s.pwm[pin as usize].take().is_some() {
            s.log(format!("pwm stop {}", PINS[pin as usize]));
        }
    }
    fn pwm_is_running(&mut self, pin: u32) -> bool {
        self.st().pwm[pin as usize].is_some()
    }

    fn infrared_receive(&mut self, timeout_us: u32) -> usize {
        let mut s = self.st();
        let mut sig = std::mem::take(&mut s.ir_rx);
        if sig.is_empty() {
            sig = inputs::ir_capture(&mut s, timeout_us);
        }
        let n = sig.len();
        s.ir_last = sig;
        n
    }
    fn infrared_timing(&mut self, i: usize) -> u32 {
        self.st().ir_last.get(i).copied().unwrap_or(0)
    }
    fn infrared_transmit(
        &mut self,
        signal: &[u32],
        repeat: u32,
        use_external_pin: bool,
        frequency: u32,
        duty: f32,
    ) -> bool {
        let list: Vec<String> = signal.iter().map(u32::to_string).collect();
        let mut s = self.st();
        s.log(format!(
            "infrared transmit [{}] repeat={repeat} external={use_external_pin} {frequency} Hz duty={duty:.2}",
            list.join(", ")
        ));
        // The device sends the whole signal before returning.
        let us: u64 = signal.iter().map(|&t| u64::from(t)).sum();
        s.now_ns = s.now_ns.saturating_add(us * u64::from(repeat) * 1000);
        true
    }
    fn infrared_is_busy(&mut self) -> bool {
        false
    }
    fn infrared_stop(&mut self) {
        // Transmissions end before `infrared_transmit` returns: nothing runs.
        self.st().ir_last.clear();
    }

    fn uart_open(&mut self, mode: u32, baud: u32) -> bool {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        if s.uart_open {
            return false;
        }
        s.uart_open = true;
        let m = if mode == 0 { "USART" } else { "LPUART" };
        s.log(format!("uart open {m} {baud}"));
        true
    }
    fn uart_read(&mut self, buf: &mut [u8]) -> usize {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        if !s.uart_open {
            return 0;
        }
        let mut n = 0;
        while n < buf.len() {
            match s.uart_rx.pop_front() {
                Some(b) => {
                    buf[n] = b;
                    n += 1;
                }
                None => break,
            }
        }
        n
    }
    fn uart_write(&mut self, data: &[u8]) -> usize {
        let mut s = self.st();
        // A closed UART sends nothing, as on the device.
        if !s.uart_open {
            return 0;
        }
        s.log(format!("uart write {:?}", String::from_utf8_lossy(data)));
        data.len()
    }
    fn uart_flush(&mut self) {
        let mut s = self.st();
        if s.uart_open {
            s.log("uart flush".into());
        }
    }
    fn uart_close(&mut self) {
        let mut s = self.st();
        inputs::apply_due(&mut s);
        if s.uart_open {
            s.uart_open = false;
            s.log("uart close".into());
        }
    }

    fn dialog_show(&mut self, dialog: &Dialog) -> u32 {
        dialog::show(&mut self.st(), dialog)
    }
}

/// The VM's platform in the simulator: simulated clock, captured output.
pub struct SimPlatform(pub Shared);

/// The simulated wall clock starts at 2024-01-01 00:00:00 UTC.
const EPOCH_NS: u64 = 1_704_067_200 * 1_000_000_000;

impl Platform for SimPlatform {
    fn write_out(&mut self, bytes: &[u8]) {
        let mut s = self.0.borrow_mut();
        s.stdout.extend_from_slice(bytes);
        if s.echo {
            let _ = std::io::stdout().write_all(bytes);
        }
    }
    fn write_err(&mut self, bytes: &[u8]) {
        let _ = std::io::stderr().write_all(bytes);
    }
    fn flush(&mut self) {
        let _ = std::io::stdout().flush();
    }
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }
    fn is_dir(&mut self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }
    fn time_ns(&mut self) -> u64 {
        EPOCH_NS + self.0.borrow().now_ns
    }
    fn monotonic_ns(&mut self) -> u64 {
        self.0.borrow().now_ns
    }
    fn sleep_ns(&mut self, ns: u64) {
        let mut s = self.0.borrow_mut();
        // Wake early for the next input event, as the device would.
        let key = s.input.front().map(|e| e.0).unwrap_or(u64::MAX);
        let next = key.min(s.inputs.next_time().unwrap_or(u64::MAX));
        let end = s.now_ns.saturating_add(ns);
        s.now_ns = if next > s.now_ns && next < end {
            next
        } else {
            end
        };
    }
    fn random_seed(&mut self) -> u64 {
        0x5eed
    }
    fn file_open(&mut self, path: &str, flags: OpenFlags) -> FileResult<u32> {
        self.0.borrow_mut().files.open(path, flags)
    }
    fn file_read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize> {
        self.0.borrow_mut().files.read(h, buf)
    }
    fn file_write(&mut self, h: u32, data: &[u8]) -> FileResult<usize> {
        self.0.borrow_mut().files.write(h, data)
    }
    fn file_seek(&mut self, h: u32, off: i64, whence: Whence) -> FileResult<u64> {
        self.0.borrow_mut().files.seek(h, off, whence)
    }
    fn file_flush(&mut self, h: u32) -> FileResult<()> {
        self.0.borrow_mut().files.flush(h)
    }
    fn file_close(&mut self, h: u32) -> FileResult<()> {
        self.0.borrow_mut().files.close(h)
    }
    fn file_close_all(&mut self) {
        self.0.borrow_mut().files.close_all()
    }
    fn interrupted(&mut self) -> bool {
        let mut s = self.0.borrow_mut();
        s.now_ns += POLL_COST_NS;
        if !s.timed_out && s.now_ns >= s.timeout_ns {
            s.timed_out = true;
            return true;
        }
        false
    }
}

/// Simulated seconds a script may run before KeyboardInterrupt.
pub const DEFAULT_TIMEOUT_S: f64 = 60.0;

/// Simulator settings.
#[derive(Clone, Debug)]
pub struct SimOptions {
    /// Key script (see [`parse_keys`]).
    pub keys: String,
    /// Simulated seconds before KeyboardInterrupt (default 60).
    pub timeout_s: f64,
    /// Write the script's stdout to the process's stdout too.
    pub echo: bool,
    /// The host folder the SD card (`/ext`) maps to; None: `/ext` paths
    /// are host paths.
    pub sd: Option<std::path::PathBuf>,
    /// Simulated GPIO / ADC / UART / IR inputs ([`inputs::parse`]).
    pub inputs: inputs::Inputs,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            keys: String::new(),
            timeout_s: DEFAULT_TIMEOUT_S,
            echo: false,
            sd: None,
            inputs: inputs::Inputs::default(),
        }
    }
}

/// A VM with the simulated board installed, and the shared state.
pub fn new_vm(
    config: Config,
    opts: &SimOptions,
    compiler: Option<Box<dyn fzpy_vm::Compiler>>,
) -> Result<(Vm, Shared), String> {
    let keys = parse_keys(&opts.keys)?;
    if !(opts.timeout_s >= 0.0 && opts.timeout_s < 1e9) {
        return Err("timeout must be a non-negative number of seconds".into());
    }
    let mut st = SimState::new(keys, (opts.timeout_s * 1e9) as u64);
    st.echo = opts.echo;
    st.inputs = opts.inputs.clone();
    if let Some(dir) = &opts.sd {
        st.files = files::HostFiles::with_sd(dir.clone());
    }
    let shared = Rc::new(RefCell::new(st));
    let mut vm = Vm::new(config, Box::new(SimPlatform(shared.clone())), compiler);
    fzpy_flipper::install(&mut vm, Box::new(SimBoard(shared.clone())));
    Ok((vm, shared))
}

/// The screen scaled `scale` times as a PNG: Flipper orange background
/// (#FF8200), black pixels.
pub fn screenshot_png(screen: &Canvas, scale: u32) -> Vec<u8> {
    let scale = scale.max(1);
    let (w, h) = (screen::WIDTH as u32 * scale, screen::HEIGHT as u32 * scale);
    png::encode_two_color(w, h, [[0xff, 0x82, 0x00], [0, 0, 0]], |x, y| {
        screen.get((x / scale) as i32, (y / scale) as i32)
    })
}
