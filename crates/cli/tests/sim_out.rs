//! `fzpy sim` recordings: `--wav` (the speaker's tones on the simulated
//! timeline), `--frames` (one PNG per `canvas_update`), and the release of
//! what an app leaves on, in `--events`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

/// `fzpy sim ARGS...`, however it ends.
fn sim<A: AsRef<std::ffi::OsStr>>(args: &[A]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fzpy"))
        .arg("sim")
        .args(args)
        .output()
        .unwrap()
}

/// `fzpy sim ARGS...`, which must succeed.
fn fzpy(args: &[&Path]) -> Output {
    let out = sim(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn app(dir: &Path, src: &str) -> PathBuf {
    let p = dir.join("app.py");
    std::fs::write(&p, src).unwrap();
    p
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b[i], b[i + 1]])
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]])
}

/// Positions where the samples go from negative to non-negative.
fn rising(s: &[i16]) -> Vec<usize> {
    (1..s.len())
        .filter(|&i| s[i - 1] < 0 && s[i] >= 0)
        .collect()
}

/// Checks that `seg` is a square wave of `freq` Hz at 22050 Hz with peak
/// `peak`: each rising edge within a sample of where the frequency puts it.
fn assert_tone(seg: &[i16], freq: f64, peak: i16) {
    let period = 22050.0 / freq;
    let r = rising(seg);
    assert!(r.len() as f64 >= seg.len() as f64 / period - 2.0, "{r:?}");
    for (k, &at) in r.iter().enumerate() {
        let want = r[0] as f64 + k as f64 * period;
        assert!(
            (at as f64 - want).abs() <= 1.0,
            "edge {k} at {at}, want {want:.1}"
        );
    }
    let measured = 22050.0 * (r.len() - 1) as f64 / (r[r.len() - 1] - r[0]) as f64;
    assert!((measured - freq).abs() < freq * 0.002, "{measured} Hz");
    assert!(seg.iter().all(|&x| x == peak || x == -peak), "peak {peak}");
}

#[test]
fn wav_plays_the_notes_on_the_simulated_timeline() {
    let dir = common::fresh_dir("wav");
    let src = "import flipperzero as f0\nimport time\n\
        f0.speaker_start(440, 1.0)\ntime.sleep(0.5)\n\
        f0.speaker_stop()\ntime.sleep(0.25)\n\
        f0.speaker_start(f0.SPEAKER_NOTE_C5, 0.5)\ntime.sleep(0.25)\n\
        f0.speaker_set_volume(0.25)\ntime.sleep(0.25)\n";
    let wav = dir.join("out.wav");
    let out = fzpy(&[&app(&dir, src), "--wav".as_ref(), &wav, "--events".as_ref()]);
    let events = String::from_utf8_lossy(&out.stdout);
    // The tone left on is stopped when the app ends, at 1.25 s.
    assert!(events.ends_with("     1.250 speaker stop\n"), "{events}");
    let w = std::fs::read(&wav).unwrap();
    assert_eq!(&w[..4], b"RIFF");
    assert_eq!(u32_at(&w, 4) as usize, w.len() - 8);
    assert_eq!(&w[8..16], b"WAVEfmt ");
    assert_eq!(u32_at(&w, 16), 16);
    assert_eq!((u16_at(&w, 20), u16_at(&w, 22)), (1, 1)); // PCM, mono
    assert_eq!((u32_at(&w, 24), u32_at(&w, 28)), (22050, 44100));
    assert_eq!((u16_at(&w, 32), u16_at(&w, 34)), (2, 16));
    assert_eq!(&w[36..40], b"data");
    let n = u32_at(&w, 40) as usize / 2;
    assert_eq!(w.len(), 44 + 2 * n);
    // 1.25 simulated seconds (and the few microseconds the bytecodes cost).
    assert!((27563..27563 + 5).contains(&n), "{n} samples");
    let s: Vec<i16> = w[44..]
        .chunks(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    let at = |sec: f64| (sec * 22050.0) as usize;
    assert_tone(&s[at(0.01)..at(0.49)], 440.0, 16384);
    assert!(s[at(0.51)..at(0.74)].iter().all(|&x| x == 0), "silence");
    assert_tone(&s[at(0.76)..at(0.99)], 523.25, 8192);
    assert_tone(&s[at(1.01)..at(1.24)], 523.25, 4096);
    // The first tone starts at 0 with a rising half period.
    assert_eq!(s[0], 16384);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The image in PNG `file`: (width, height, RGB bytes).
fn decode(file: &Path) -> (u32, u32, Vec<u8>) {
    let mut dec = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(file).unwrap()));
    dec.set_transformations(png::Transformations::EXPAND);
    let mut r = dec.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn frames_one_png_per_update() {
    let dir = common::fresh_dir("frames");
    // A box moving right, one frame per step; the last screen also
    // goes to --screenshot.
    let src = "import flipperzero as f0\nimport time\n\
        for i in range(12):\n    f0.canvas_clear()\n    f0.canvas_draw_box(i * 10, 20, 8, 8)\n\
        \x20   f0.canvas_update()\n    time.sleep(0.05)\n";
    let frames = dir.join("frames");
    std::fs::create_dir_all(&frames).unwrap();
    // Frames of an earlier, longer run go; other files stay.
    std::fs::write(frames.join("frame_0013.png"), "stale").unwrap();
    std::fs::write(frames.join("notes.txt"), "mine").unwrap();
    let shot = dir.join("last.png");
    fzpy(&[
        &app(&dir, src),
        "--frames".as_ref(),
        &frames,
        "--screenshot".as_ref(),
        &shot,
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let want: Vec<String> = (1..=12)
        .map(|i| format!("frame_{i:04}.png"))
        .chain(["notes.txt".to_string()])
        .collect();
    assert_eq!(names, want);
    for i in 1..=12u32 {
        let (w, h, rgb) = decode(&frames.join(format!("frame_{i:04}.png")));
        assert_eq!((w, h), (512, 256));
        // The box's top-left pixel is black at 4x, the pixel before it orange.
        let px = |x: u32, y: u32| &rgb[((y * w + x) * 3) as usize..][..3];
        let x = (i - 1) * 40;
        assert_eq!(px(x, 80), [0, 0, 0], "frame {i}");
        if x > 0 {
            assert_eq!(px(x - 1, 80), [0xff, 0x82, 0x00], "frame {i}");
        }
    }
    assert_eq!(
        std::fs::read(frames.join("frame_0012.png")).unwrap(),
        std::fs::read(&shot).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn events_show_what_the_app_left_on_being_released() {
    let dir = common::fresh_dir("release");
    let src = "import flipperzero as f0\nimport time\n\
        f0.speaker_start(440, 0.5)\nf0.light_set(f0.LIGHT_GREEN, 255)\n\
        f0.vibro_set(True)\nf0.pwm_start(f0.GPIO_PIN_PA4, 50, 10)\n\
        f0.gpio_init_pin(f0.GPIO_PIN_PC1, f0.GPIO_MODE_OUTPUT_PUSH_PULL)\n\
        f0.gpio_set_pin(f0.GPIO_PIN_PC1, 1)\ntime.sleep(0.3)\nraise SystemExit(3)\n";
    let out = sim(&[app(&dir, src).as_os_str(), "--events".as_ref()]);
    assert_eq!(out.status.code(), Some(3));
    let want = "     0.000 speaker start 440.00 Hz volume 0.50\n\
                \x20    0.000 light GREEN 255\n\
                \x20    0.000 vibro on\n\
                \x20    0.000 pwm start PA4 50 Hz 10%\n\
                \x20    0.000 gpio init PC1 mode=2 pull=0 speed=0\n\
                \x20    0.000 gpio PC1 1\n\
                \x20    0.300 speaker stop\n\
                \x20    0.300 light GREEN 0\n\
                \x20    0.300 vibro off\n\
                \x20    0.300 pwm stop PA4\n\
                \x20    0.300 gpio deinit PC1\n";
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_recording_options() {
    let dir = common::fresh_dir("badrec");
    let a = app(&dir, "print(1)\n");
    for opt in ["--wav", "--frames"] {
        let out = sim(&[a.as_os_str(), opt.as_ref()]);
        assert_eq!(out.status.code(), Some(2), "{opt}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("needs a value"));
    }
    // A file where the frames folder should be; a WAV in a missing folder.
    let file = dir.join("file");
    std::fs::write(&file, "").unwrap();
    let out = sim(&[a.as_os_str(), "--frames".as_ref(), file.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("fzpy sim: --frames "));
    let wav = dir.join("no/such/dir/x.wav");
    let out = sim(&[a.as_os_str(), "--wav".as_ref(), wav.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("can't write"));
    std::fs::remove_dir_all(&dir).unwrap();
}
