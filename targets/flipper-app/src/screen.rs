//! The screen and the buttons while a script runs.
//!
//! The app takes the display in the GUI's direct-draw mode (`gui_direct_draw_acquire`):
//! it owns one `Canvas` whose frame buffer the console and the script's drawing
//! calls write into; `canvas_commit` sends it to the display. The GUI dispatches no
//! input in that mode, so buttons come from the `input` record's event stream
//! (a callback on the input service's thread) through a message queue. Dialogs
//! need the GUI: [`Screen::release`] hands the display back for their duration.

use crate::console::{estimated_width, Console};
use crate::keys::back_hold;
use alloc::boxed::Box;
use alloc::ffi::CString;
use alloc::string::String;
use core::ffi::c_void;
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use flipperzero_sys as sys;

/// Input events queued while the script is busy; more are dropped.
const QUEUE_LEN: u32 = 32;

/// Milliseconds between console redraws while text streams in.
const REDRAW_MS: u32 = 100;

/// What the input thread shares with the app's thread.
struct InputShared {
    /// Events as `[key, type]` (the SDK's `InputKey` / `InputType` values).
    queue: *mut sys::FuriMessageQueue,
    /// Back repeat events since Back went down.
    back_repeats: AtomicU32,
    /// Set after a very long Back; taken by [`Screen::take_interrupt`].
    interrupt: AtomicBool,
}

/// The display, the console and the button queue.
pub struct Screen {
    gui: *mut sys::Gui,
    canvas: *mut sys::Canvas,
    input_record: *mut sys::FuriPubSub,
    subscription: *mut sys::FuriPubSubSubscription,
    shared: Box<InputShared>,
    /// The printed text.
    console: Console,
    /// The script draws: the console is not drawn over its picture.
    pub script_draws: bool,
    /// The console changed since it was last drawn.
    dirty: bool,
    /// Tick of the last console redraw.
    last_draw: u32,
}

/// Runs on the input service's thread for every button event.
unsafe extern "C" fn on_input(message: *const c_void, context: *mut c_void) {
    // SAFETY: the input record publishes `InputEvent`s; `context` is the `InputShared`
    // box, which outlives the subscription (it is dropped after unsubscribing).
    let (event, shared) = unsafe {
        (
            &*(message as *const sys::InputEvent),
            &*(context as *const InputShared),
        )
    };
    let (key, typ) = (event.key.0, event.type_.0);
    let (repeats, interrupt) = back_hold(shared.back_repeats.load(Ordering::Relaxed), key, typ);
    shared.back_repeats.store(repeats, Ordering::Relaxed);
    if interrupt {
        shared.interrupt.store(true, Ordering::Relaxed);
    }
    let msg = [key, typ];
    // SAFETY: the queue holds 2-byte messages; timeout 0 never blocks this thread.
    unsafe { sys::furi_message_queue_put(shared.queue, msg.as_ptr() as *const c_void, 0) };
}

impl Screen {
    /// Takes the display and subscribes to the buttons.
    pub fn open() -> Screen {
        // SAFETY: record names are the firmware's; the queue and subscription are
        // released in `Drop`, in reverse order.
        unsafe {
            let gui = sys::furi_record_open(c"gui".as_ptr()) as *mut sys::Gui;
            let queue = sys::furi_message_queue_alloc(QUEUE_LEN, 2);
            let shared = Box::new(InputShared {
                queue,
                back_repeats: AtomicU32::new(0),
                interrupt: AtomicBool::new(false),
            });
            let input_record = sys::furi_record_open(c"input".as_ptr()) as *mut sys::FuriPubSub;
            let subscription = sys::furi_pubsub_subscribe(
                input_record,
                Some(on_input),
                &*shared as *const InputShared as *mut c_void,
            );
            let canvas = sys::gui_direct_draw_acquire(gui);
            Screen {
                gui,
                canvas,
                input_record,
                subscription,
                shared,
                console: Console::new(),
                script_draws: false,
                dirty: true,
                last_draw: 0,
            }
        }
    }

    /// The canvas, or None while a dialog has the display.
    pub fn canvas(&mut self) -> Option<*mut sys::Canvas> {
        (!self.canvas.is_null()).then_some(self.canvas)
    }

    /// Hands the display back to the GUI (for a dialog).
    pub fn release(&mut self) {
        if !self.canvas.is_null() {
            // SAFETY: acquired in `open`/`acquire` and not yet released.
            unsafe { sys::gui_direct_draw_release(self.gui) };
            self.canvas = core::ptr::null_mut();
        }
    }

    /// Takes the display again after [`Screen::release`]; drops the buttons pressed
    /// meanwhile (they were meant for the dialog) and redraws.
    pub fn acquire(&mut self) {
        if self.canvas.is_null() {
            // SAFETY: the GUI record is open; direct draw was released.
            self.canvas = unsafe { sys::gui_direct_draw_acquire(self.gui) };
            while self.poll_input().is_some() {}
            self.dirty = true;
            self.redraw(true);
        }
    }

    /// Asks for a line on the on-screen keyboard, under the unfinished console line
    /// (the `input()` prompt); the line, echoed to the console, or None on Back.
    pub fn ask_line(&mut self) -> Option<String> {
        let header = match self.console.current() {
            "" => "input()",
            prompt => prompt,
        };
        let header = String::from(header);
        let had_canvas = self.canvas().is_some();
        self.release();
        let line = crate::text_entry::ask(self.gui, &header);
        if had_canvas {
            self.acquire();
        }
        if let Some(l) = &line {
            self.print(l);
        }
        self.print("\n");
        line
    }

    /// The next button event as `(InputKey, InputType)` values, without waiting.
    pub fn poll_input(&mut self) -> Option<(u8, u8)> {
        self.wait_input(0)
    }

    /// The next button event, waiting up to `timeout_ms`.
    pub fn wait_input(&mut self, timeout_ms: u32) -> Option<(u8, u8)> {
        let mut msg = [0u8; 2];
        // SAFETY: the queue holds 2-byte messages and `msg` has room for one.
        let st = unsafe {
            sys::furi_message_queue_get(
                self.shared.queue,
                msg.as_mut_ptr() as *mut c_void,
                timeout_ms,
            )
        };
        (st == sys::FuriStatusOk).then_some((msg[0], msg[1]))
    }

    /// True once after Back was held for a few seconds.
    pub fn take_interrupt(&self) -> bool {
        self.shared.interrupt.swap(false, Ordering::Relaxed)
    }

    /// Adds printed text; redraws at most every [`REDRAW_MS`].
    pub fn print(&mut self, text: &str) {
        match self.canvas() {
            // The console has the screen: measure glyphs in its font.
            Some(c) if !self.script_draws => {
                // SAFETY: `c` is the direct-draw canvas, used only on this thread.
                unsafe { sys::canvas_set_font(c, sys::FontSecondary) };
                self.console.push(text, &mut |ch| {
                    let code = u16::try_from(u32::from(ch)).unwrap_or(u16::from(b'?'));
                    // SAFETY: as above; the font has a width for any code.
                    unsafe { sys::canvas_glyph_width(c, code) as u32 }
                });
            }
            _ => self.console.push(text, &mut estimated_width),
        }
        self.dirty = true;
        self.redraw(false);
    }

    /// Draws the console if it changed (`now`: even if it was drawn a moment ago)
    /// and the script is not drawing.
    pub fn redraw(&mut self, now: bool) {
        // SAFETY: a plain tick read.
        let tick = unsafe { sys::furi_get_tick() };
        if !self.dirty
            || self.script_draws
            || (!now && tick.wrapping_sub(self.last_draw) < REDRAW_MS)
        {
            return;
        }
        let Some(c) = self.canvas() else { return };
        self.dirty = false;
        self.last_draw = tick;
        // SAFETY: `c` is the direct-draw canvas, used only on this thread.
        unsafe {
            sys::canvas_clear(c);
            sys::canvas_set_color(c, sys::ColorBlack);
            sys::canvas_set_font(c, sys::FontSecondary);
            for (i, line) in self.console.visible().enumerate() {
                if let Ok(s) = CString::new(line) {
                    sys::canvas_draw_str(c, 0, 7 + 8 * i as i32, s.as_ptr());
                }
            }
            sys::canvas_commit(c);
        }
    }

    /// Shows the console again (after the script ends) with everything printed.
    pub fn show_console(&mut self) {
        self.script_draws = false;
        self.dirty = true;
        self.redraw(true);
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.release();
        // SAFETY: each handle was created in `open` and is released once, the
        // subscription before the queue its callback writes to.
        unsafe {
            sys::furi_pubsub_unsubscribe(self.input_record, self.subscription);
            sys::furi_record_close(c"input".as_ptr());
            sys::furi_message_queue_free(self.shared.queue);
            sys::furi_record_close(c"gui".as_ptr());
        }
    }
}
