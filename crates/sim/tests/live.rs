//! The interactive simulator on the real clock, with a scripted front end
//! that holds keys down at given real times: sleeps really sleep, input
//! comes during sleeps with the device's timing, dialogs wait for a key,
//! quitting and Ctrl+C raise KeyboardInterrupt.

mod common;

use fzpy_sim::press::{Event, Presses};
use fzpy_sim::realtime::{new_vm, Frontend, LiveOptions, View};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// What the scripted front end saw.
#[derive(Default)]
struct Seen {
    /// (time ms, first screen row with a black pixel) at each change.
    frames: Vec<(u64, Option<usize>)>,
    summaries: Vec<String>,
}

/// Holds `keys` (from ms, buttons mask) and quits at `quit_ms`.
struct Scripted {
    keys: Vec<(u64, u32)>,
    quit_ms: u64,
    presses: Presses,
    seen: Rc<RefCell<Seen>>,
}

impl Frontend for Scripted {
    fn pump(&mut self, view: &View, out: &mut Vec<Event>) -> bool {
        let ms = view.now_ns / 1_000_000;
        let mask = self
            .keys
            .iter()
            .rev()
            .find(|(t, _)| *t <= ms)
            .map_or(0, |k| k.1);
        self.presses.set(mask, view.now_ns, out);
        let row = (0..64).find(|&y| (0..128).any(|x| view.screen.get(x, y as i32)));
        let mut seen = self.seen.borrow_mut();
        if seen.frames.last().map(|f| f.1) != Some(row) {
            seen.frames.push((ms, row));
        }
        let s = view.outputs.summary(view.now_ns, view.speaker);
        if seen.summaries.last() != Some(&s) {
            seen.summaries.push(s);
        }
        ms < self.quit_ms
    }
}

/// Runs `src` live; (stdout, raised, what the front end saw, real ms).
fn run(
    src: &str,
    keys: &[(u64, u32)],
    quit_ms: u64,
    ctrl_c: Option<&'static AtomicBool>,
) -> (String, bool, Rc<RefCell<Seen>>, u128) {
    let seen = Rc::new(RefCell::new(Seen::default()));
    let fe = Scripted {
        keys: keys.to_vec(),
        quit_ms,
        presses: Presses::new(),
        seen: seen.clone(),
    };
    let start = Instant::now();
    let (mut vm, st, handle) = new_vm(
        fzpy_vm::Config::default(),
        Some(Box::new(common::TestCompiler)),
        Box::new(fe),
        LiveOptions {
            echo: false,
            ctrl_c,
            sd: None,
        },
    );
    let r = vm.run_main(src, "live.py");
    fzpy_sim::release_all(&mut vm);
    handle.close();
    let raised = r.is_err();
    if raised {
        vm.report_exception();
    }
    let out = String::from_utf8_lossy(&st.borrow().stdout).into_owned();
    (out, raised, seen, start.elapsed().as_millis())
}

const OK: u32 = 16;
const RIGHT: u32 = 4;

#[test]
fn keys_arrive_during_real_sleeps() {
    let src = r#"
import time
import flipperzero as f0
t0 = 0  # the clock starts with the simulator
events = []

@f0.on_input
def on_input(button, type):
    events.append((button, type, round((time.monotonic() - t0) * 10)))

try:
    while True:
        time.sleep(0.02)
except KeyboardInterrupt:
    print("interrupted after", round(time.monotonic() - t0, 1))
for e in events:
    print(*e)
"#;
    // OK tapped at 100-200 ms, held from 300 ms to 800 ms; quit at 1 s.
    let (out, raised, _, ms) = run(src, &[(100, OK), (200, 0), (300, OK), (800, 0)], 1000, None);
    assert!(!raised, "{out}");
    assert!(ms >= 1000, "ran {ms} ms");
    // button, type, time in tenths of a second.
    let want = "interrupted after 1.0\n\
                16 64 1\n16 256 2\n16 128 2\n\
                16 64 3\n16 512 6\n16 1024 8\n16 128 8\n";
    assert_eq!(out, want);
}

#[test]
fn screen_outputs_and_dialog() {
    let src = r#"
import time
import flipperzero as f0
f0.canvas_draw_box(0, 10, 5, 5, 0)
f0.canvas_update()
f0.vibro_set(True)
f0.speaker_start(440, 0.5)
f0.light_set(f0.LIGHT_RED | f0.LIGHT_BACKLIGHT, 0)
time.sleep(0.1)
f0.dialog_message_set_header("Quit?", 64, 0, f0.ALIGN_CENTER, f0.ALIGN_BEGIN)
f0.dialog_message_set_button("No", f0.INPUT_BUTTON_LEFT)
f0.dialog_message_set_button("Yes", f0.INPUT_BUTTON_RIGHT)
t0 = time.monotonic()
print("answer", f0.dialog_message_show(), time.monotonic() - t0 >= 0.15)
time.sleep(0.1)
"#;
    // Right tapped at 300-350 ms answers the dialog.
    let (out, raised, seen, _) = run(src, &[(300, RIGHT), (350, 0)], 5000, None);
    assert!(!raised, "{out}");
    assert_eq!(out, "answer 4 True\n");
    let seen = seen.borrow();
    // The app's box (row 10), the dialog's header (row 0..), the box again.
    let rows: Vec<Option<usize>> = seen.frames.iter().map(|f| f.1).collect();
    assert_eq!(
        rows[rows.len() - 3..],
        [Some(10), rows[rows.len() - 2], Some(10)]
    );
    assert!(rows[rows.len() - 2].unwrap() < 10, "{rows:?}");
    assert!(
        seen.summaries
            .contains(&"LED off  VIBRO  speaker 440.0 Hz 50%  backlight 0%".to_string()),
        "{:?}",
        seen.summaries
    );
}

#[test]
fn quitting_and_ctrl_c_interrupt() {
    let src = "import time\nwhile True:\n    time.sleep(0.01)\n";
    let (_, raised, _, ms) = run(src, &[], 200, None);
    assert!(raised && (200..2000).contains(&ms), "{ms} ms");
    static CTRL_C: AtomicBool = AtomicBool::new(false);
    let src = "x = 0\nwhile True:\n    x += 1\n";
    let t = std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        CTRL_C.store(true, Ordering::Relaxed);
    });
    let (_, raised, _, ms) = run(src, &[], 60_000, Some(&CTRL_C));
    t.join().unwrap();
    assert!(raised && ms < 5000, "{ms} ms");
}
