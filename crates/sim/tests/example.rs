//! The example app run headless with a key script, and the stub file.
//!
//! `examples/counter.screen.txt` is fzpy's own output (made with
//! `fzpy sim examples/counter.py --keys up,up,up,down,ok,up,up,long:back
//! --dump-screen`), not CPython's or a device's: it pins the simulator's
//! drawing (including its fonts) so changes show up.

mod common;

use std::collections::BTreeSet;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn counter_example_screen() {
    let src = std::fs::read_to_string(root().join("examples/counter.py")).unwrap();
    let want = std::fs::read_to_string(root().join("examples/counter.screen.txt")).unwrap();
    for stress in [false, true] {
        let (out, raised, st) =
            common::run_with(&src, "up,up,up,down,ok,up,up,long:back", stress, |_| {});
        assert!(!raised, "{out}");
        assert_eq!(out, "final count: 2\n");
        let st = st.borrow();
        assert!(!st.timed_out);
        assert_eq!(st.screen.dump(), want);
        assert_eq!(st.events, ["     0.500 vibro on", "     0.550 vibro off"]);
    }
}

#[test]
fn stub_and_module_export_the_same_names() {
    let stub = std::fs::read_to_string(root().join("stubs/flipperzero.pyi")).unwrap();
    let mut in_stub = BTreeSet::new();
    for line in stub.lines() {
        let name = if let Some(rest) = line.strip_prefix("def ") {
            rest.split('(').next()
        } else if let Some((n, _)) = line.split_once(": ") {
            let constant = n.starts_with(|c: char| c.is_ascii_uppercase())
                && n.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            constant.then_some(n)
        } else {
            None
        };
        if let Some(n) = name.filter(|n| !n.starts_with('_')) {
            assert!(in_stub.insert(n.to_string()), "{n} twice in the stub");
        }
    }
    let in_module: BTreeSet<String> = fzpy_flipper::FUNCTIONS
        .iter()
        .map(|f| f.name.to_string())
        .chain(fzpy_flipper::CONSTS.iter().map(|c| c.0.to_string()))
        .collect();
    assert_eq!(in_stub, in_module);
    // Every item has a docstring: each def and constant is followed by one.
    let lines: Vec<&str> = stub.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        let constant = l
            .split_once(": ")
            .is_some_and(|(n, _)| in_module.contains(n));
        if l.starts_with("def ") || constant {
            assert!(
                lines
                    .get(i + 1)
                    .is_some_and(|n| n.trim_start().starts_with("\"\"\"")),
                "no docstring after {l}"
            );
        }
    }
}

#[test]
fn screenshot_is_a_png() {
    let c = fzpy_sim::screen::Canvas::default();
    let png = fzpy_sim::screenshot_png(&c, 4);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[16..24], &[0, 0, 2, 0, 0, 0, 1, 0]);
}

#[test]
fn screenshot_pixels_match_the_screen() {
    let mut c = fzpy_sim::screen::Canvas::default();
    c.frame(0, 0, 128, 64, 3);
    c.disc(40, 30, 12);
    c.line(0, 63, 127, 0);
    c.text(
        70,
        20,
        fzpy_flipper::Align::Begin,
        fzpy_flipper::Align::Begin,
        "Hi 42",
    );
    for scale in [1, 4] {
        let file = fzpy_sim::screenshot_png(&c, scale);
        let mut dec = png::Decoder::new(std::io::Cursor::new(&file));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut r = dec.read_info().unwrap();
        let mut rgb = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut rgb).unwrap();
        assert_eq!((info.width, info.height), (128 * scale, 64 * scale));
        for y in 0..64 * scale {
            for x in 0..128 * scale {
                let i = ((y * 128 * scale + x) * 3) as usize;
                let on = c.get((x / scale) as i32, (y / scale) as i32);
                let want: &[u8] = if on { &[0, 0, 0] } else { &[0xff, 0x82, 0x00] };
                assert_eq!(&rgb[i..i + 3], want, "({x}, {y}) at {scale}x");
            }
        }
        // A 1-bit palette image, compressed: far below the 384 KB of RGB.
        assert!(file.len() < 2000, "{} bytes", file.len());
    }
}

/// Names a stub declares: at the top level (`def`, `class`, `NAME: type`),
/// and per class (indented `def` and attributes). Checks that each of them
/// is followed by a docstring.
fn stub_names(path: &str) -> (BTreeSet<String>, Vec<(String, BTreeSet<String>)>) {
    let stub = std::fs::read_to_string(root().join(path)).unwrap();
    let lines: Vec<&str> = stub.lines().collect();
    let (mut top, mut classes) = (BTreeSet::new(), Vec::<(String, BTreeSet<String>)>::new());
    for (i, l) in lines.iter().enumerate() {
        let indented = l.starts_with("    ");
        let t = l.trim_start();
        let name = if let Some(r) = t.strip_prefix("def ") {
            r.split('(').next()
        } else if let Some(r) = t.strip_prefix("class ") {
            r.split(['(', ':']).next()
        } else if let Some((n, _)) = t.split_once(": ") {
            (!n.contains(' ') && !n.contains('(') && !n.starts_with('"')).then_some(n)
        } else {
            None
        };
        let Some(n) = name else { continue };
        if !(t.starts_with("def ") || t.starts_with("class ")) && l.ends_with(',') {
            continue; // a parameter of a multi-line def
        }
        // The docstring: the next line, or after a multi-line signature.
        let mut j = i + 1;
        while t.starts_with("def ") && !lines[j - 1].trim_end().ends_with(':') {
            j += 1;
        }
        assert!(
            lines
                .get(j)
                .is_some_and(|d| d.trim_start().starts_with("\"\"\"")),
            "{path}: no docstring after {l}"
        );
        if !indented {
            assert!(top.insert(n.to_string()), "{path}: {n} twice");
            if t.starts_with("class ") {
                classes.push((n.to_string(), BTreeSet::new()));
            }
        } else if let Some((_, members)) = classes.last_mut() {
            members.insert(n.to_string());
        }
    }
    (top, classes)
}

#[test]
fn vm_module_stubs_match_their_modules() {
    use fzpy_vm::modules::{io, io_file, MODULES};
    for (module, stub, extra) in [
        ("io", "stubs/io.pyi", io::CLASSES),
        ("logging", "stubs/logging.pyi", &[][..]),
        ("time", "stubs/time.pyi", &[][..]),
    ] {
        let m = MODULES.iter().find(|m| m.name == module).unwrap();
        let exported: BTreeSet<String> = m
            .functions
            .iter()
            .map(|f| f.name)
            .chain(m.consts.iter().map(|c| c.0))
            .chain(extra.iter().copied())
            .map(String::from)
            .collect();
        let (top, classes) = stub_names(stub);
        assert_eq!(top, exported, "{stub}");
        for (c, members) in classes {
            if c == "UnsupportedOperation" || c == "IOBase" {
                assert!(members.is_empty());
                continue;
            }
            let methods: BTreeSet<String> = io_file::METHODS
                .iter()
                .filter(|f| f.name != "__init__")
                .map(|f| f.name.strip_prefix("_get_").unwrap_or(f.name).to_string())
                .collect();
            assert_eq!(members, methods, "{stub}: class {c}");
        }
    }
}
