use super::*;
use crate::format_spec::FormatSpec;
use crate::testutil::{fbits, VecSink};
use std::string::String;

fn fmt(x: f64, spec: &str) -> String {
    let s = FormatSpec::parse(spec).unwrap();
    let mut k = VecSink::default();
    crate::format_spec::format_float(&s, x, &mut k).unwrap();
    k.string()
}

#[test]
fn format_matches_cpython_table() {
    let data = include_str!("../../testdata/fmt.txt");
    let mut n = 0;
    for line in data.lines() {
        let mut it = line.splitn(3, '\t');
        let (h, spec, want) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        assert_eq!(
            fmt(fbits(h), spec),
            want,
            "format({}, {spec:?})",
            crate::float_repr::repr_string_for_tests(fbits(h))
        );
        n += 1;
    }
    assert!(n > 10000, "{n}");
}

#[test]
fn round_matches_cpython_table() {
    let data = include_str!("../../testdata/round.txt");
    let mut n = 0;
    for line in data.lines() {
        let mut it = line.splitn(3, '\t');
        let (h, nd, want) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        let x = fbits(h);
        let got = if nd == "none" {
            let r = round_half_even(x);
            let mut limbs = [0u32; crate::bigint::FROM_F64_LIMBS];
            let (neg, len) = crate::bigint::from_f64(r, &mut limbs).unwrap();
            let mut sc = [0u32; 80];
            let mut k = VecSink::default();
            if neg {
                k.0.push(b'-');
            }
            crate::bigint::to_radix(&limbs[..len], 10, &mut sc, &mut k).unwrap();
            k.string()
        } else {
            match round_ndigits(x, nd.parse().unwrap()) {
                Some(v) => crate::float_repr::repr_string_for_tests(v),
                None => "ERR OverflowError".into(),
            }
        };
        assert_eq!(
            got,
            want,
            "round({}, {nd})",
            crate::float_repr::repr_string_for_tests(x)
        );
        n += 1;
    }
    assert!(n > 5000);
}

#[test]
fn examples() {
    assert_eq!(fmt(2.675, ".2f"), "2.67");
    assert_eq!(fmt(1.0, ".3"), "1.0");
    assert_eq!(fmt(1e20, ".3"), "1e+20");
    assert_eq!(fmt(0.5, ".0f"), "0");
    assert_eq!(fmt(1.5, ".0f"), "2");
    assert_eq!(fmt(2.5, ".0f"), "2");
    assert_eq!(fmt(1.5, "#.0f"), "2.");
    assert_eq!(fmt(f64::INFINITY, "010"), "0000000inf");
    assert_eq!(round_ndigits(2.675, 2), Some(2.67));
    assert_eq!(round_half_even(0.5), 0.0);
    assert_eq!(round_half_even(1.5), 2.0);
    assert_eq!(round_half_even(-0.5).to_bits(), (-0.0f64).to_bits());
    assert_eq!(
        round_ndigits(-0.4, 0).unwrap().to_bits(),
        (-0.0f64).to_bits()
    );
    // Huge precision streams zeros.
    let s = fmt(0.5, ".100000f");
    assert_eq!(s.len(), 100002);
    assert!(s.starts_with("0.5000"));
    let mut k = VecSink::default();
    write_float(-1234.5, FloatMode::Exp(3), FloatFlags::default(), &mut k);
    assert_eq!(k.string(), "-1.234e+03");
}
