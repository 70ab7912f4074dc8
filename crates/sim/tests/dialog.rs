//! `dialog_message_show`: drawn like the firmware's dialog view, shown as a
//! frame, answered by the key script.

mod common;

/// A dialog with a header, two lines of text and all three buttons, shown
/// over the app's drawing (`tests/screens/dialog.txt` is its screen).
const DIALOG: &str = include_str!("screens/dialog.py");

fn expected_screen() -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screens/dialog.txt");
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn drawn_like_the_firmware_dialog() {
    // tests/screens/dialog.txt was made by this run and checked by eye (as
    // a 4x PNG) against the firmware's dialog layout: the header centred in
    // bold (FONT_PRIMARY) at the top, the two text lines centred on y=32 in
    // FONT_SECONDARY, and the three 12 px button tabs on the bottom edge
    // with their stepped corners, the left / right arrows and the OK ring
    // in white beside the labels, as elements_button_left / _center /
    // _right place them. Nothing of the app's drawing shows through.
    let (out, raised, st) = common::run_with(DIALOG, "up,right", false, |_| {});
    assert!(!raised, "{out}");
    // Up has no button: Right answers.
    assert_eq!(out, "4\n");
    let st = st.borrow();
    assert_eq!(st.updates, 1, "the dialog is a frame");
    assert_eq!(st.screen.dump(), expected_screen());
    // The drawing buffer was reset afterwards (mp-flipper re-acquires the
    // canvas).
    assert!(!st.canvas.get(0, 0) && st.canvas.font == fzpy_flipper::Font::Secondary);
}

#[test]
fn answers_with_the_button_pressed() {
    for (keys, want) in [
        ("left", "8\n"),
        ("ok", "16\n"),
        ("right", "4\n"),
        ("back", "32\n"),
        // A long Back is no answer; the short Left after it is.
        ("long:back,left", "8\n"),
        // The key script ends first: BACK at the timeout.
        ("up,down", "32\n"),
        ("", "32\n"),
    ] {
        let (out, raised, st) = common::run_with(DIALOG, keys, true, |_| {});
        assert!(!raised, "{keys}: {out}");
        assert_eq!(out, want, "{keys}");
        let timed_out = want == "32\n" && keys != "back";
        assert_eq!(st.borrow().now_ns >= 10_000_000_000, timed_out, "{keys}");
    }
}

#[test]
fn only_keys_pressed_while_it_shows_count() {
    // OK goes down before the dialog shows and comes up (short) while it
    // does: no answer, as the firmware's view holder drops it; the next tap
    // of Left answers.
    let src = r#"
import time
import flipperzero as f0
time.sleep_ms(150)
f0.dialog_message_set_button("No", f0.INPUT_BUTTON_LEFT)
f0.dialog_message_set_button("Yes", f0.INPUT_BUTTON_OK)
print(f0.dialog_message_show(), time.ticks_ms())
"#;
    const MS: u64 = 1_000_000;
    let (ok, left) = (16, 8);
    let (press, release, short) = (64, 128, 256);
    let (out, raised, _) = common::run_with(src, "", false, |st| {
        st.borrow_mut().input = [
            (100 * MS, ok, press),
            (300 * MS, ok, short),
            (300 * MS, ok, release),
            (400 * MS, left, press),
            (400 * MS, left, short),
            (400 * MS, left, release),
        ]
        .into();
    });
    assert!(!raised, "{out}");
    assert_eq!(out, "8 400\n");
}
