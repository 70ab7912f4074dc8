//! The UART (`furi_hal_serial_*`): received bytes go from the receive interrupt into
//! a stream buffer the script reads from.

use core::ffi::c_void;
use flipperzero_sys as sys;

/// Bytes received and not yet read that are kept; more are dropped.
const RX_BUFFER: usize = 512;

/// An open UART: the handle and its receive buffer.
#[derive(Default)]
pub struct Serial {
    open: Option<(*mut sys::FuriHalSerialHandle, *mut sys::FuriStreamBuffer)>,
}

/// Runs in the UART interrupt: moves received bytes into the stream buffer.
unsafe extern "C" fn on_rx(
    handle: *mut sys::FuriHalSerialHandle,
    event: sys::FuriHalSerialRxEvent,
    ctx: *mut c_void,
) {
    if event.0 & sys::FuriHalSerialRxEventData.0 == 0 {
        return;
    }
    // SAFETY: called by the HAL for `handle`; `ctx` is the stream buffer, freed only
    // after reception is stopped; timeout 0 never blocks the interrupt.
    unsafe {
        while sys::furi_hal_serial_async_rx_available(handle) {
            let b = sys::furi_hal_serial_async_rx(handle);
            sys::furi_stream_buffer_send(
                ctx as *mut sys::FuriStreamBuffer,
                &b as *const u8 as *const c_void,
                1,
                0,
            );
        }
    }
}

impl Serial {
    /// Opens USART (`mode` 0) or LPUART (1) at `baud`; false if it is taken (e.g. by
    /// the log output) or the rate is not supported.
    pub fn open(&mut self, mode: u32, baud: u32) -> bool {
        self.close();
        let id = if mode == 1 {
            sys::FuriHalSerialIdLpuart
        } else {
            sys::FuriHalSerialIdUsart
        };
        // SAFETY: the handle is released in `close`, after reception is stopped.
        unsafe {
            let h = sys::furi_hal_serial_control_acquire(id);
            if h.is_null() {
                return false;
            }
            if !sys::furi_hal_serial_is_baud_rate_supported(h, baud) {
                sys::furi_hal_serial_control_release(h);
                return false;
            }
            sys::furi_hal_serial_init(h, baud);
            let sb = sys::furi_stream_buffer_alloc(RX_BUFFER, 1);
            sys::furi_hal_serial_async_rx_start(h, Some(on_rx), sb as *mut c_void, false);
            self.open = Some((h, sb));
        }
        true
    }

    /// Reads the bytes received so far (up to `buf.len()`), without waiting.
    pub fn read(&mut self, buf: &mut [u8]) -> usize {
        let Some((_, sb)) = self.open else { return 0 };
        // SAFETY: `sb` is the open stream buffer; `buf` is writable for its length.
        unsafe {
            sys::furi_stream_buffer_receive(sb, buf.as_mut_ptr() as *mut c_void, buf.len(), 0)
        }
    }

    /// Sends `data` (the HAL blocks until it is queued); the count.
    pub fn write(&mut self, data: &[u8]) -> usize {
        let Some((h, _)) = self.open else { return 0 };
        // SAFETY: `h` is the acquired handle; `data` is readable for its length.
        unsafe { sys::furi_hal_serial_tx(h, data.as_ptr(), data.len()) };
        data.len()
    }

    /// Waits until everything written is sent.
    pub fn flush(&mut self) {
        if let Some((h, _)) = self.open {
            // SAFETY: `h` is the acquired handle.
            unsafe { sys::furi_hal_serial_tx_wait_complete(h) };
        }
    }

    /// Stops reception and releases the UART.
    pub fn close(&mut self) {
        if let Some((h, sb)) = self.open.take() {
            // SAFETY: reception stops before its buffer is freed; each handle is
            // released once.
            unsafe {
                sys::furi_hal_serial_async_rx_stop(h);
                sys::furi_hal_serial_deinit(h);
                sys::furi_hal_serial_control_release(h);
                sys::furi_stream_buffer_free(sb);
            }
        }
    }
}
