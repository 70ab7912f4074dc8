use super::*;
use crate::testutil::{fbits, Rng};

#[test]
fn repr_matches_cpython_table() {
    let data = include_str!("../../testdata/repr.txt");
    let mut n = 0;
    for line in data.lines() {
        let (h, want) = line.split_once('\t').unwrap();
        let x = fbits(h);
        assert_eq!(repr_string_for_tests(x), want, "bits {h}");
        let mut b = [0u8; REPR_MAX_LEN];
        let len = repr_to_buf(x, &mut b);
        assert_eq!(&b[..len], want.as_bytes());
        n += 1;
    }
    assert!(n > 1000, "{n}");
}

#[test]
fn repr_examples() {
    for (x, s) in [
        (0.1, "0.1"),
        (1.0, "1.0"),
        (100.0, "100.0"),
        (1e16, "1e+16"),
        (1.5e-05, "1.5e-05"),
        (1e-05, "1e-05"),
        (0.0001, "0.0001"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (123456789012345.6, "123456789012345.6"),
        (1.2345678901234567e+19, "1.2345678901234567e+19"),
        (9999999999999998.0, "9999999999999998.0"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-2.2250738585072014e-308, "-2.2250738585072014e-308"),
    ] {
        assert_eq!(repr_string_for_tests(x), s);
    }
}

#[test]
fn random_round_trip() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20000 {
        let x = f64::from_bits(rng.next());
        if !x.is_finite() {
            continue;
        }
        let s = repr_string_for_tests(x);
        let back = crate::float_parse::parse_float(s.as_bytes()).unwrap();
        assert_eq!(back.to_bits(), x.to_bits(), "{s}");
        // Shortest: Rust's Display is also shortest round-trip; digit counts must agree.
        let sh = shortest(x);
        let rust = std::format!("{:e}", x.abs());
        let mant = rust.split('e').next().unwrap().replace('.', "");
        assert_eq!(sh.len, mant.len(), "{x:e} {s}");
    }
}
