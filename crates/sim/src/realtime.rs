//! The interactive simulator: the simulated board on the real clock, shown
//! by a [`Frontend`] (a window or the terminal) that also reads the keys.
//!
//! - [`LivePlatform`] wraps [`SimPlatform`]: output, files and the rest go
//!   to it; the clock is the real one. `time.sleep` really sleeps, in
//!   slices of [`PUMP_NS`], and between bytecodes (at each interrupt poll)
//!   the front end is pumped at most every [`PUMP_NS`] too: it redraws
//!   when the screen changed and turns keys into input events, queued in
//!   [`SimState::input`] at the current time, which the `flipperzero`
//!   event hook delivers to `@on_input`. A sleep ends early when input
//!   arrives, so handlers run at once.
//! - [`LiveBoard`] wraps [`SimBoard`]: drawing and everything else go to
//!   it; it keeps the LED / backlight / vibro state for the front end
//!   ([`Outputs`]) and waits for real keys in dialogs.
//! - When the user quits (closes the window, `q` in the terminal) or hits
//!   Ctrl+C, the next interrupt poll raises KeyboardInterrupt; while the
//!   window stays closed it is raised again every second.

use crate::press::{Event, BACK, RELEASE};
use crate::screen::Canvas;
use crate::status::Outputs;
use crate::{dialog, Shared, SimBoard, SimPlatform, SimState};
use fzpy_flipper::{Align, Board, Color, Dialog, Font};
use fzpy_vm::files::{FileResult, OpenFlags, Whence};
use fzpy_vm::{Config, Platform, Vm};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Longest time between two pumps of the front end while the script runs
/// or sleeps.
pub const PUMP_NS: u64 = 4_000_000;
/// A quit request that is still standing (a closed window) interrupts the
/// script again after this long.
const REQUIT: Duration = Duration::from_secs(1);

/// What the front end shows.
pub struct View<'a> {
    /// Real time since the start.
    pub now_ns: u64,
    /// The screen as of the last `canvas_update` (or the dialog shown).
    pub screen: &'a Canvas,
    /// LED, backlight, vibro.
    pub outputs: &'a Outputs,
    /// The running tone: (frequency, volume).
    pub speaker: Option<(f32, f32)>,
    /// Everything the script printed (when not echoed to stdout).
    pub stdout: &'a [u8],
}

/// A window or terminal showing the simulator.
pub trait Frontend {
    /// Shows `view` if it changed and reads the keyboard, pushing the
    /// input events due by `view.now_ns` to `out`. False when the user asks
    /// to quit.
    fn pump(&mut self, view: &View, out: &mut Vec<Event>) -> bool;
}

/// Settings of the interactive simulator.
#[derive(Clone, Debug, Default)]
pub struct LiveOptions {
    /// Write the script's stdout to the process's stdout as it comes
    /// (otherwise it is kept in [`SimState::stdout`]).
    pub echo: bool,
    /// Set by a Ctrl+C handler: raises KeyboardInterrupt.
    pub ctrl_c: Option<&'static AtomicBool>,
    /// The host folder the SD card (`/ext`) maps to (see
    /// [`crate::SimOptions::sd`]).
    pub sd: Option<std::path::PathBuf>,
}

/// The state shared by [`LivePlatform`] and [`LiveBoard`].
struct Live {
    /// None once closed.
    frontend: Option<Box<dyn Frontend>>,
    start: Instant,
    outputs: Outputs,
    /// KeyboardInterrupt to raise at the next poll.
    quit: bool,
    /// When the last quit request was taken.
    quit_at: Option<Instant>,
    next_pump: Instant,
    events: Vec<Event>,
    ctrl_c: Option<&'static AtomicBool>,
}

impl Live {
    fn now_ns(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }

    /// Shows the state, reads keys, queues input events.
    fn pump(&mut self, sim: &mut SimState) {
        let now = self.now_ns();
        sim.now_ns = now;
        self.next_pump = Instant::now() + Duration::from_nanos(PUMP_NS);
        let Some(fe) = &mut self.frontend else { return };
        let view = View {
            now_ns: now,
            screen: &sim.screen,
            outputs: &self.outputs,
            speaker: sim.speaker,
            stdout: &sim.stdout,
        };
        let open = fe.pump(&view, &mut self.events);
        sim.input
            .extend(self.events.drain(..).map(|(b, ty)| (now, b, ty)));
        if !open && self.quit_at.is_none_or(|t| t.elapsed() >= REQUIT) {
            self.quit = true;
            self.quit_at = Some(Instant::now());
        }
    }

    /// Ctrl+C was hit (taking it).
    fn take_ctrl_c(&self) -> bool {
        self.ctrl_c
            .is_some_and(|f| f.swap(false, Ordering::Relaxed))
    }

    /// A quit or Ctrl+C is pending (not taking it).
    fn stopping(&self) -> bool {
        self.quit || self.ctrl_c.is_some_and(|f| f.load(Ordering::Relaxed))
    }
}

/// Sleeps `ns` of real time pumping the front end; returns early when
/// input arrives or the user quits.
fn live_sleep(live: &RefCell<Live>, sim: &RefCell<SimState>, ns: u64) {
    let end = Instant::now() + Duration::from_nanos(ns);
    let before = sim.borrow().input.len();
    loop {
        let mut l = live.borrow_mut();
        let mut s = sim.borrow_mut();
        l.pump(&mut s);
        if l.stopping() || s.input.len() > before {
            return;
        }
        let now = Instant::now();
        if now >= end {
            return;
        }
        drop((l, s));
        std::thread::sleep((end - now).min(Duration::from_nanos(PUMP_NS)));
    }
}

/// Forwards [`Platform`] / [`Board`] methods to the wrapped simulated one.
macro_rules! forward {
    ($( fn $name:ident(&mut self $(, $arg:ident: $ty:ty)*) $(-> $ret:ty)?; )*) => {
        $( fn $name(&mut self $(, $arg: $ty)*) $(-> $ret)? { self.inner.$name($($arg),*) } )*
    };
}

/// The VM's platform in the interactive simulator: the real clock.
pub struct LivePlatform {
    inner: SimPlatform,
    sim: Shared,
    live: Rc<RefCell<Live>>,
}

impl Platform for LivePlatform {
    fn write_out(&mut self, bytes: &[u8]) {
        self.inner.write_out(bytes);
    }
    fn write_err(&mut self, bytes: &[u8]) {
        self.inner.write_err(bytes);
    }
    fn flush(&mut self) {
        self.inner.flush();
    }
    fn read_line(&mut self) -> Option<String> {
        self.inner.read_line()
    }
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        self.inner.read_file(path)
    }
    fn is_dir(&mut self, path: &str) -> bool {
        self.inner.is_dir(path)
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> bool {
        self.inner.write_file(path, data)
    }
    fn time_ns(&mut self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    }
    fn monotonic_ns(&mut self) -> u64 {
        self.live.borrow().now_ns()
    }
    fn sleep_ns(&mut self, ns: u64) {
        live_sleep(&self.live, &self.sim, ns);
    }
    fn random_seed(&mut self) -> u64 {
        // Games should differ from run to run.
        self.time_ns() ^ u64::from(std::process::id()) << 32
    }
    fn interrupted(&mut self) -> bool {
        let mut l = self.live.borrow_mut();
        if Instant::now() >= l.next_pump {
            l.pump(&mut self.sim.borrow_mut());
        }
        l.take_ctrl_c() || std::mem::take(&mut l.quit)
    }
    forward! {
        fn file_open(&mut self, path: &str, flags: OpenFlags) -> FileResult<u32>;
        fn file_read(&mut self, h: u32, buf: &mut [u8]) -> FileResult<usize>;
        fn file_write(&mut self, h: u32, data: &[u8]) -> FileResult<usize>;
        fn file_seek(&mut self, h: u32, offset: i64, whence: Whence) -> FileResult<u64>;
        fn file_flush(&mut self, h: u32) -> FileResult<()>;
        fn file_close(&mut self, h: u32) -> FileResult<()>;
        fn file_close_all(&mut self);
        fn log(&mut self, level: u8, msg: &str);
        fn log_level(&mut self) -> u8;
    }
}

/// The board in the interactive simulator.
pub struct LiveBoard {
    inner: SimBoard,
    sim: Shared,
    live: Rc<RefCell<Live>>,
}

impl Board for LiveBoard {
    forward! {
        fn canvas_clear(&mut self);
        fn canvas_update(&mut self);
        fn canvas_set_color(&mut self, color: Color);
        fn canvas_set_font(&mut self, font: Font);
        fn canvas_draw_dot(&mut self, x: i32, y: i32);
        fn canvas_draw_line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32);
        fn canvas_draw_box(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32);
        fn canvas_draw_frame(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32);
        fn canvas_draw_circle(&mut self, x: i32, y: i32, r: i32);
        fn canvas_draw_disc(&mut self, x: i32, y: i32, r: i32);
        fn canvas_draw_text(&mut self, x: i32, y: i32, h: Align, v: Align, text: &str);
        fn canvas_text_width(&mut self, text: &str) -> i32;
        fn canvas_text_height(&mut self) -> i32;
        fn input_poll(&mut self) -> Option<(u32, u32)>;
        fn speaker_start(&mut self, freq: f32, volume: f32) -> bool;
        fn speaker_set_volume(&mut self, volume: f32) -> bool;
        fn speaker_stop(&mut self) -> bool;
        fn gpio_init_pin(&mut self, pin: u32, mode: u32, pull: u32, speed: u32) -> bool;
        fn gpio_deinit_pin(&mut self, pin: u32);
        fn gpio_set_pin(&mut self, pin: u32, state: bool);
        fn gpio_get_pin(&mut self, pin: u32) -> bool;
        fn gpio_poll_interrupt(&mut self) -> Option<u32>;
        fn adc_read(&mut self, pin: u32) -> u16;
        fn pwm_start(&mut self, pin: u32, freq: u32, duty: u32) -> bool;
        fn pwm_stop(&mut self, pin: u32);
        fn pwm_is_running(&mut self, pin: u32) -> bool;
        fn infrared_timing(&mut self, i: usize) -> u32;
        fn infrared_transmit(
            &mut self,
            signal: &[u32],
            repeat: u32,
            use_external_pin: bool,
            frequency: u32,
            duty: f32
        ) -> bool;
        fn infrared_is_busy(&mut self) -> bool;
        fn infrared_stop(&mut self);
        fn uart_open(&mut self, mode: u32, baud: u32) -> bool;
        fn uart_read(&mut self, buf: &mut [u8]) -> usize;
        fn uart_write(&mut self, data: &[u8]) -> usize;
        fn uart_flush(&mut self);
        fn uart_close(&mut self);
    }

    fn vibro_set(&mut self, on: bool) {
        self.live.borrow_mut().outputs.vibro = on;
        self.inner.vibro_set(on);
    }
    fn light_set(&mut self, mask: u32, brightness: u8) {
        self.live.borrow_mut().outputs.light_set(mask, brightness);
        self.inner.light_set(mask, brightness);
    }
    fn light_blink_start(&mut self, mask: u32, brightness: u8, on_ms: u32, period_ms: u32) {
        let mut l = self.live.borrow_mut();
        let now = l.now_ns();
        l.outputs
            .blink_start(mask, brightness, on_ms, period_ms, now);
        drop(l);
        self.inner
            .light_blink_start(mask, brightness, on_ms, period_ms);
    }
    fn light_blink_set_color(&mut self, mask: u32) {
        self.live.borrow_mut().outputs.blink_set_color(mask);
        self.inner.light_blink_set_color(mask);
    }
    fn light_blink_stop(&mut self) {
        self.live.borrow_mut().outputs.blink_stop();
        self.inner.light_blink_stop();
    }

    fn infrared_receive(&mut self, timeout_us: u32) -> usize {
        if self.sim.borrow().ir_rx.is_empty() {
            // Nothing comes: really wait the timeout.
            live_sleep(&self.live, &self.sim, u64::from(timeout_us) * 1000);
        }
        let n = self.inner.infrared_receive(timeout_us);
        let now = self.live.borrow().now_ns();
        self.sim.borrow_mut().now_ns = now;
        n
    }

    fn dialog_show(&mut self, dialog: &Dialog) -> u32 {
        // The dialog answered by real keys; the app's pending input and
        // screen come back afterwards.
        let (screen, pending) = {
            let mut s = self.sim.borrow_mut();
            let kept = (s.screen.clone(), std::mem::take(&mut s.input));
            s.screen = dialog::draw(dialog);
            s.updates += 1;
            s.log("dialog shown".into());
            kept
        };
        let mut answer = dialog::Answer::new();
        let got = loop {
            let mut l = self.live.borrow_mut();
            let mut s = self.sim.borrow_mut();
            l.pump(&mut s);
            let mut got = None;
            while let Some((_, b, ty)) = s.input.pop_front() {
                if let Some(a) = answer.take(dialog, b, ty) {
                    // Its release goes with it.
                    if matches!(s.input.front(), Some(&(_, b2, RELEASE)) if b2 == b) {
                        s.input.pop_front();
                    }
                    got = Some(a);
                    break;
                }
            }
            if let Some(a) = got {
                break a;
            }
            if l.stopping() {
                break BACK;
            }
            drop((l, s));
            std::thread::sleep(Duration::from_nanos(PUMP_NS));
        };
        let mut s = self.sim.borrow_mut();
        s.screen = screen;
        s.input = pending;
        s.canvas = Canvas::default();
        s.now_ns = self.live.borrow().now_ns();
        got
    }
}

/// Ends the front end of a live VM (restoring the terminal, closing the
/// window); later pumps show nothing.
pub struct LiveHandle(Rc<RefCell<Live>>);

impl LiveHandle {
    /// Closes the front end now.
    pub fn close(&self) {
        self.0.borrow_mut().frontend = None;
    }
}

/// A VM running the `flipperzero` module on the real clock, shown by
/// `frontend`; the shared simulator state and the handle that closes the
/// front end.
pub fn new_vm(
    config: Config,
    compiler: Option<Box<dyn fzpy_vm::Compiler>>,
    frontend: Box<dyn Frontend>,
    opts: LiveOptions,
) -> (Vm, Shared, LiveHandle) {
    // No simulated timeout: the user stops the app.
    let mut st = SimState::new(Vec::new(), u64::MAX);
    st.echo = opts.echo;
    if let Some(dir) = opts.sd {
        st.files = crate::files::HostFiles::with_sd(dir);
    }
    let sim = Rc::new(RefCell::new(st));
    let live = Rc::new(RefCell::new(Live {
        frontend: Some(frontend),
        start: Instant::now(),
        outputs: Outputs::default(),
        quit: false,
        quit_at: None,
        next_pump: Instant::now(),
        events: Vec::new(),
        ctrl_c: opts.ctrl_c,
    }));
    let platform = LivePlatform {
        inner: SimPlatform(sim.clone()),
        sim: sim.clone(),
        live: live.clone(),
    };
    let mut vm = Vm::new(config, Box::new(platform), compiler);
    let board = LiveBoard {
        inner: SimBoard(sim.clone()),
        sim: sim.clone(),
        live: live.clone(),
    };
    fzpy_flipper::install(&mut vm, Box::new(board));
    (vm, sim, LiveHandle(live))
}
