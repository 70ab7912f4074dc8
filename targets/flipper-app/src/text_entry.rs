//! A line of text typed on the on-screen keyboard (the SDK's `TextInput` view), for
//! `input()`.

use alloc::ffi::CString;
use alloc::string::String;
use core::ffi::{c_char, c_void, CStr};
use flipperzero_sys as sys;

/// Longest line, in bytes.
const MAX_LINE: usize = 64;

/// The view's id in its dispatcher.
const VIEW_ID: u32 = 0;

/// What the callbacks (on this thread, inside `view_dispatcher_run`) share.
struct Entry {
    dispatcher: *mut sys::ViewDispatcher,
    /// Save was pressed (not Back).
    saved: bool,
}

/// Save pressed: the text is in the buffer.
unsafe extern "C" fn on_save(ctx: *mut c_void) {
    // SAFETY: `ctx` is the `Entry` on `ask`'s stack, alive while the dispatcher runs.
    let e = unsafe { &mut *(ctx as *mut Entry) };
    e.saved = true;
    // SAFETY: the dispatcher runs.
    unsafe { sys::view_dispatcher_stop(e.dispatcher) };
}

/// Back pressed: cancel.
unsafe extern "C" fn on_back(ctx: *mut c_void) -> bool {
    // SAFETY: as in `on_save`.
    unsafe { sys::view_dispatcher_stop((*(ctx as *mut Entry)).dispatcher) };
    true
}

/// Shows the keyboard under `header` (the GUI must not be in direct-draw mode);
/// the typed line, or None if Back was pressed.
pub fn ask(gui: *mut sys::Gui, header: &str) -> Option<String> {
    let header = CString::new(header.replace('\0', " ")).unwrap_or_default();
    let mut buf: [c_char; MAX_LINE + 1] = [0; MAX_LINE + 1];
    // SAFETY: the view is added to the dispatcher and removed before both are freed;
    // the callbacks' context `entry` and the text buffer outlive the run.
    unsafe {
        let dispatcher = sys::view_dispatcher_alloc();
        let mut entry = Entry {
            dispatcher,
            saved: false,
        };
        let ctx = &mut entry as *mut Entry as *mut c_void;
        let input = sys::text_input_alloc();
        sys::text_input_set_header_text(input, header.as_ptr());
        sys::text_input_set_result_callback(
            input,
            Some(on_save),
            ctx,
            buf.as_mut_ptr(),
            buf.len(),
            true,
        );
        sys::view_dispatcher_set_event_callback_context(dispatcher, ctx);
        sys::view_dispatcher_set_navigation_event_callback(dispatcher, Some(on_back));
        sys::view_dispatcher_add_view(dispatcher, VIEW_ID, sys::text_input_get_view(input));
        sys::view_dispatcher_attach_to_gui(dispatcher, gui, sys::ViewDispatcherTypeFullscreen);
        sys::view_dispatcher_switch_to_view(dispatcher, VIEW_ID);
        sys::view_dispatcher_run(dispatcher);
        sys::view_dispatcher_remove_view(dispatcher, VIEW_ID);
        sys::view_dispatcher_free(dispatcher);
        sys::text_input_free(input);
        let saved = entry.saved;
        saved.then(|| CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned())
    }
}
