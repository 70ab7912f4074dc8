//! Raw infrared capture and transmission with the firmware's interrupt-driven
//! infrared HAL (`furi_hal_infrared_async_*`).

use crate::ir_signal::Sequence;
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::c_void;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use flipperzero_sys as sys;

/// Timings one capture keeps; later edges are dropped.
const MAX_TIMINGS: usize = 512;

/// Silence (microseconds) that ends a captured signal.
const SILENCE_US: u32 = 150_000;

/// Carrier frequencies the HAL accepts (it stops the system on others).
const FREQ_RANGE: core::ops::RangeInclusive<u32> = 10_000..=56_000;

/// What the receive interrupts fill in.
struct Capture {
    timings: [AtomicU32; MAX_TIMINGS],
    count: AtomicUsize,
    /// The first edge was seen (the time before it is not part of the signal).
    started: AtomicBool,
    /// The silence timeout fired.
    done: AtomicBool,
}

/// Runs in the capture interrupt for every edge: the time since the previous one.
unsafe extern "C" fn on_edge(ctx: *mut c_void, _level: bool, duration: u32) {
    // SAFETY: `ctx` is the `Capture` box, alive until reception is stopped.
    let c = unsafe { &*(ctx as *const Capture) };
    if !c.started.swap(true, Ordering::Relaxed) {
        return;
    }
    let i = c.count.load(Ordering::Relaxed);
    if i < MAX_TIMINGS {
        c.timings[i].store(duration, Ordering::Relaxed);
        c.count.store(i + 1, Ordering::Release);
    }
}

/// Runs in an interrupt after [`SILENCE_US`] without an edge.
unsafe extern "C" fn on_silence(ctx: *mut c_void) {
    // SAFETY: as in `on_edge`.
    let c = unsafe { &*(ctx as *const Capture) };
    if c.started.load(Ordering::Relaxed) {
        c.done.store(true, Ordering::Release);
    }
}

/// Runs in the transmit interrupt for each next mark (level true) or space.
unsafe extern "C" fn next_timing(
    ctx: *mut c_void,
    duration: *mut u32,
    level: *mut bool,
) -> sys::FuriHalInfraredTxGetDataState {
    // SAFETY: `ctx` is the `Sequence` box, alive until the transmission ended; the
    // out-pointers are the HAL's.
    unsafe {
        let (t, mark, last) = (*(ctx as *mut Sequence)).step();
        *duration = t;
        *level = mark;
        if last {
            sys::FuriHalInfraredTxGetDataStateLastDone
        } else {
            sys::FuriHalInfraredTxGetDataStateOk
        }
    }
}

/// The last capture.
pub struct Infrared {
    timings: Vec<u32>,
}

impl Infrared {
    /// Nothing captured yet.
    pub fn new() -> Infrared {
        Infrared {
            timings: Vec::new(),
        }
    }

    /// Waits up to `timeout_us` for a signal and captures it until [`SILENCE_US`] of
    /// silence; the number of timings.
    pub fn receive(&mut self, timeout_us: u32) -> usize {
        self.timings.clear();
        let cap = Box::new(Capture {
            timings: [const { AtomicU32::new(0) }; MAX_TIMINGS],
            count: AtomicUsize::new(0),
            started: AtomicBool::new(false),
            done: AtomicBool::new(false),
        });
        let ctx = &*cap as *const Capture as *mut c_void;
        // SAFETY: the callbacks' context outlives reception, which is stopped (and
        // the callbacks cleared) before `cap` is dropped.
        unsafe {
            sys::furi_hal_infrared_async_rx_set_capture_isr_callback(Some(on_edge), ctx);
            sys::furi_hal_infrared_async_rx_set_timeout_isr_callback(Some(on_silence), ctx);
            sys::furi_hal_infrared_async_rx_start();
            sys::furi_hal_infrared_async_rx_set_timeout(SILENCE_US);
            let start = sys::furi_get_tick();
            let wait_ms = timeout_us.div_ceil(1000);
            while !cap.done.load(Ordering::Acquire)
                && (cap.started.load(Ordering::Relaxed)
                    || sys::furi_get_tick().wrapping_sub(start) < wait_ms)
                && sys::furi_get_tick().wrapping_sub(start) < wait_ms.saturating_add(2000)
            {
                sys::furi_delay_ms(1);
            }
            sys::furi_hal_infrared_async_rx_stop();
            sys::furi_hal_infrared_async_rx_set_capture_isr_callback(None, core::ptr::null_mut());
            sys::furi_hal_infrared_async_rx_set_timeout_isr_callback(None, core::ptr::null_mut());
        }
        let n = cap.count.load(Ordering::Acquire);
        self.timings
            .extend(cap.timings[..n].iter().map(|t| t.load(Ordering::Relaxed)));
        n
    }

    /// Timing `i` of the last capture (0 past its end).
    pub fn timing(&self, i: usize) -> u32 {
        self.timings.get(i).copied().unwrap_or(0)
    }

    /// Sends `signal` (mark, space, mark... in microseconds) `repeat` times and waits
    /// until it is out; false if the transmitter is busy or the carrier is out of range.
    pub fn transmit(
        &mut self,
        signal: &[u32],
        repeat: u32,
        external: bool,
        frequency: u32,
        duty: f32,
    ) -> bool {
        // SAFETY: a status read.
        let busy = unsafe { sys::furi_hal_infrared_is_busy() };
        if busy
            || signal.is_empty()
            || !FREQ_RANGE.contains(&frequency)
            || !(duty > 0.0 && duty < 1.0)
        {
            return false;
        }
        let mut sending = Box::new(Sequence::new(signal, repeat));
        let ctx = &mut *sending as *mut Sequence as *mut c_void;
        // SAFETY: the data callback's context lives until `wait_termination` returned,
        // after which the HAL no longer calls it.
        unsafe {
            let pin = if external {
                sys::FuriHalInfraredTxPinExtPA7
            } else {
                sys::FuriHalInfraredTxPinInternal
            };
            sys::furi_hal_infrared_set_tx_output(pin);
            sys::furi_hal_infrared_async_tx_set_data_isr_callback(Some(next_timing), ctx);
            sys::furi_hal_infrared_async_tx_start(frequency, duty);
            sys::furi_hal_infrared_async_tx_wait_termination();
            sys::furi_hal_infrared_set_tx_output(sys::FuriHalInfraredTxPinInternal);
        }
        drop(sending);
        true
    }

    /// Frees the last capture. Nothing else runs between calls: receive and transmit
    /// both finish before returning.
    pub fn stop(&mut self) {
        self.timings = Vec::new();
    }
}
