use super::*;
use crate::testutil::{unescape, VecSink};
use std::string::String;

fn run_int(v: &str, spec: &str) -> String {
    let (neg, digits) = match v.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, v),
    };
    let mut mag = std::vec![0u32; crate::bigint::from_radix_len_bound(digits.len(), 10)];
    let n = crate::bigint::from_radix(digits.as_bytes(), 10, &mut mag).unwrap();
    let mut sc = std::vec![0u32; format_int_scratch_len(n)];
    let mut k = VecSink::default();
    let r = FormatSpec::parse(spec)
        .and_then(|s| format_int(&s, Signed::new(neg, &mag[..n]), &mut sc, &mut k));
    match r {
        Ok(()) => k.string(),
        Err(e) => {
            let mut m = VecSink::default();
            e.write_message(spec, "int", &mut m);
            std::format!("ERR {}", m.string())
        }
    }
}

#[test]
fn int_format_matches_cpython_table() {
    let data = include_str!("../../testdata/intfmt.txt");
    let mut n = 0;
    for line in data.lines() {
        let mut it = line.splitn(3, '\t');
        let (v, spec, want) = (
            it.next().unwrap(),
            unescape(it.next().unwrap()),
            unescape(it.next().unwrap()),
        );
        assert_eq!(run_int(v, &spec), want, "format({v}, {spec:?})");
        n += 1;
    }
    assert!(n > 1000);
}

#[test]
fn str_format_matches_cpython_table() {
    let data = include_str!("../../testdata/strfmt.txt");
    for line in data.lines() {
        let mut it = line.splitn(3, '\t');
        let (v, spec, want) = (
            unescape(it.next().unwrap()),
            unescape(it.next().unwrap()),
            unescape(it.next().unwrap()),
        );
        let mut k = VecSink::default();
        let got = match FormatSpec::parse(&spec).and_then(|s| format_str(&s, &v, &mut k)) {
            Ok(()) => k.string(),
            Err(e) => {
                let mut m = VecSink::default();
                e.write_message(&spec, "str", &mut m);
                std::format!("ERR {}", m.string())
            }
        };
        assert_eq!(got, want, "format({v:?}, {spec:?})");
    }
}

#[test]
fn float_errors() {
    let e = FormatSpec::parse("x")
        .and_then(|s| format_float(&s, 1.5, &mut VecSink::default()))
        .unwrap_err();
    let mut m = VecSink::default();
    e.write_message("x", "float", &mut m);
    assert_eq!(
        m.string(),
        "Unknown format code 'x' for object of type 'float'"
    );
    let e = FormatSpec::parse("abcd").unwrap_err();
    let mut m = VecSink::default();
    e.write_message("abcd", "float", &mut m);
    assert_eq!(
        m.string(),
        "Invalid format specifier 'abcd' for object of type 'float'"
    );
    assert_eq!(FormatSpec::parse("."), Err(SpecError::MissingPrecision));
    assert_eq!(
        FormatSpec::parse("99999999999999999999"),
        Err(SpecError::TooManyDigits)
    );
    assert_eq!(
        FormatSpec::parse(".3000000000").and_then(|s| format_float(
            &s,
            1.0,
            &mut VecSink::default()
        )),
        Err(SpecError::PrecisionTooBig)
    );
    let mut m = VecSink::default();
    SpecError::UnknownCode('\u{e9}').write_message("", "float", &mut m);
    assert_eq!(
        m.string(),
        "Unknown format code '\\xe9' for object of type 'float'"
    );
}

#[test]
fn padding_helper() {
    let mut k = VecSink::default();
    pad("ab".as_bytes(), 6, '\u{263a}', Align::Center, &mut k);
    assert_eq!(k.string(), "\u{263a}\u{263a}ab\u{263a}\u{263a}");
}

/// CPython's `_PyUnicode_InsertThousandsGrouping` counting loop, verbatim.
fn grouping_sim(ndigits: usize, min_width: i64, g: i64) -> (usize, usize) {
    let (mut remaining, mut min_w) = (ndigits as i64, min_width);
    let (mut count, mut zeros) = (0i64, 0i64);
    let mut use_sep = false;
    loop {
        let l = g.min(remaining.max(min_w).max(1));
        let nz = (l - remaining).max(0);
        let nc = remaining.min(l).max(0);
        count += use_sep as i64 + nz + nc;
        zeros += nz;
        use_sep = true;
        remaining -= nc;
        min_w -= l;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
    }
    (zeros as usize, count as usize)
}

#[test]
fn grouping_closed_form_matches_cpython_loop() {
    for nd in 1..40 {
        for mw in -5..80 {
            for g in [3usize, 4] {
                assert_eq!(
                    grouping_layout(nd, mw, Some(g)),
                    grouping_sim(nd, mw, g as i64),
                    "{nd} {mw} {g}"
                );
            }
        }
    }
}

#[test]
fn long_specs_and_full_sinks() {
    let spec = std::format!("{}1d", "0".repeat(100));
    let s = FormatSpec::parse(&spec).unwrap();
    assert_eq!(s.width, Some(1));
    // A full sink stops huge padding quickly.
    let mut buf = [0u8; 16];
    let mut k = crate::SliceSink::new(&mut buf);
    let s = FormatSpec::parse("0=1000000000000000,").unwrap();
    format_int(&s, Signed::new(false, &[5]), &mut [0u32; 8], &mut k).unwrap();
    assert!(k.overflow);
    let mut buf = [0u8; 16];
    let mut k = crate::SliceSink::new(&mut buf);
    let s = FormatSpec::parse(".1000000000000f").unwrap();
    format_float(&s, 0.5, &mut k).unwrap_err();
    let s = FormatSpec::parse(".1000000000f").unwrap();
    format_float(&s, 0.5, &mut k).unwrap();
    assert!(k.overflow);
}
