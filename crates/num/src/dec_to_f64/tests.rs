use super::*;
use crate::bigint;
use crate::testutil::{Rng, VecSink};
use std::string::String;
use std::vec::Vec;

/// `dec_to_f64` of `s` ("digits[.digits][e[-]exp]"), split by hand.
fn conv(s: &str) -> f64 {
    let (mant, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap()),
        None => (s, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = std::format!("{int}{frac}");
    dec_to_f64(digits.as_bytes(), exp - frac.len() as i64)
}

/// Checks `s` against core's parser (the reference on the host).
fn check(s: &str) {
    let want = s.parse::<f64>().unwrap();
    assert_eq!(conv(s).to_bits(), want.to_bits(), "{s}: want {want:e}");
}

/// Decimal text of a magnitude.
fn decimal(limbs: &[u32]) -> String {
    let mut scratch = std::vec![0u32; bigint::to_radix_scratch_len(limbs.len())];
    let mut k = VecSink::default();
    bigint::to_radix(limbs, 10, &mut scratch, &mut k).unwrap();
    k.string()
}

/// The exact midpoint between the positive double of bits `b` and the next
/// one up, as `(digits, exp10)`.
fn midpoint(b: u64) -> (String, i64) {
    let (exp, frac) = ((b >> 52) as i64, b & ((1 << 52) - 1));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    let p = e - 1;
    let mut v = std::vec![0u32; 80];
    let mut n = bigint::from_u64(2 * m + 1, &mut v).unwrap();
    if p >= 0 {
        let mut out = std::vec![0u32; 80];
        n = bigint::shl(&v[..n], p as usize, &mut out).unwrap();
        return (decimal(&out[..n]), 0);
    }
    for _ in 0..-p {
        n = bigint::mul_small_add(&mut v, n, 5, 0).unwrap();
    }
    (decimal(&v[..n]), p)
}

/// `digits - 1` (digits > 0).
fn decrement(digits: &str) -> String {
    let mut d: Vec<u8> = digits.bytes().collect();
    let mut i = d.len();
    loop {
        i -= 1;
        if d[i] == b'0' {
            d[i] = b'9';
        } else {
            d[i] -= 1;
            break;
        }
    }
    String::from_utf8(d).unwrap()
}

#[test]
fn edge_cases() {
    for s in [
        "0", "0e999999", "1", "9007199254740993", "9007199254740992", "9007199254740994",
        "9007199254740995", "18014398509481989", "1e23", "8.98846567431158e307",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "179769313486231580793728971405301e276", "179769313486231580793728971405302e276",
        "1e309", "1e310", "9.9999e309", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125001e-324",
        "1e-324", "3e-324", "7.4e-324", "7.5e-324", "1e-400", "0.1", "0.2", "0.3", "3.14",
        "123456789012345678901234567890", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "5e-20", "1e22", "1e-22",
        "4503599627370496.5", "4503599627370497.5", "2e-1074", "123e-330", "6.02214076e23",
    ] {
        check(s);
    }
    assert_eq!(dec_to_f64(b"", 5), 0.0);
    assert_eq!(dec_to_f64(b"000", -5), 0.0);
    assert_eq!(dec_to_f64(b"1", i64::MAX), f64::INFINITY);
    assert_eq!(dec_to_f64(b"1", i64::MIN), 0.0);
}

#[test]
fn midpoints_round_to_even() {
    let mut rng = Rng(0x5eed);
    for i in 0..20_000u64 {
        // Exponent fields over the whole range, weighted to the ends.
        let r = rng.next();
        let exp = match i % 4 {
            0 => r % 2047,
            1 => r % 8,
            2 => 2046 - r % 8,
            _ => 1023 + (r % 200) - 100,
        };
        let b = exp << 52 | rng.next() >> 12;
        let even = if b & 1 == 0 { b } else { b + 1 };
        let (digits, e10) = midpoint(b);
        let up = std::format!("{digits}00001");
        let down = std::format!("{}9999", decrement(&digits));
        assert_eq!(
            dec_to_f64(digits.as_bytes(), e10).to_bits(),
            even,
            "{digits}e{e10}"
        );
        assert_eq!(
            dec_to_f64(up.as_bytes(), e10 - 5).to_bits(),
            b + 1,
            "{up}e{}",
            e10 - 5
        );
        assert_eq!(
            dec_to_f64(down.as_bytes(), e10 - 4).to_bits(),
            b,
            "{down}e{}",
            e10 - 4
        );
        if i % 64 == 0 {
            check(&std::format!("{digits}e{e10}"));
        }
    }
}

#[test]
fn random_strings_agree_with_core() {
    let mut rng = Rng(0xf10a7);
    let mut s = String::new();
    for i in 0..300_000u32 {
        s.clear();
        let r = rng.next();
        let nd = match i % 8 {
            0 => 1 + r % 3,
            1..=4 => 1 + r % 20,
            5 | 6 => 15 + r % 10,
            _ => 1 + r % 120,
        } as usize;
        for k in 0..nd {
            let d = rng.next() % 10;
            // Some runs of zeros and nines (near powers of ten, short values).
            let d = match rng.next() % 16 {
                0 => 0,
                1 => 9,
                _ => d,
            };
            s.push((b'0' + d as u8) as char);
            if k == 0 && nd > 1 && r & 1 == 0 {
                s.push('.');
            }
        }
        let e = match rng.next() % 6 {
            0 => -((rng.next() % 40) as i64) - 300, // subnormals and below
            1 => (rng.next() % 30) as i64 + 290,    // near overflow
            2 => (rng.next() % 60) as i64 - 30,     // everyday values
            _ => (rng.next() % 700) as i64 - 360,
        };
        s.push_str(&std::format!("e{e}"));
        check(&s);
    }
}

#[test]
fn long_digit_strings_agree_with_core() {
    let mut rng = Rng(99);
    for _ in 0..300 {
        let nd = 100 + (rng.next() % 700) as usize;
        let s: String = (0..nd)
            .map(|_| (b'0' + (rng.next() % 10) as u8) as char)
            .collect();
        let e = (rng.next() % 700) as i64 - 360 - nd as i64 / 2;
        check(&std::format!("{s}e{e}"));
    }
}
