use super::*;
use crate::testutil::{unescape, Rng};
use std::string::ToString;

#[test]
fn parse_matches_cpython_table() {
    let data = include_str!("../../testdata/parse.txt");
    let mut n = 0;
    for line in data.lines() {
        let (s, want) = line.rsplit_once('\t').unwrap();
        let s = unescape(s);
        let got = match parse_float(s.as_bytes()) {
            Some(v) if v.is_nan() => std::format!("{:016x}", f64::NAN.to_bits()),
            Some(v) => std::format!("{:016x}", v.to_bits()),
            None => "ERR".into(),
        };
        let want = if want != "ERR" && crate::testutil::fbits(want).is_nan() {
            std::format!("{:016x}", f64::NAN.to_bits())
        } else {
            want.into()
        };
        assert_eq!(got, want, "float({s:?})");
        n += 1;
    }
    assert!(n > 500);
}

#[test]
fn int_parse_matches_cpython_table() {
    let data = include_str!("../../testdata/intparse.txt");
    for line in data.lines() {
        let mut it = line.splitn(3, '\t');
        let (s, base, want) = (
            unescape(it.next().unwrap()),
            it.next().unwrap().parse::<u32>().unwrap(),
            it.next().unwrap(),
        );
        let got = match parse_int(s.as_bytes(), base) {
            Ok(p) => {
                let mut out =
                    std::vec![0u32; crate::bigint::from_radix_len_bound(p.ndigits, p.radix)];
                let n = crate::bigint::from_radix(p.digits, p.radix, &mut out).unwrap();
                let mut sc = std::vec![0u32; crate::bigint::to_radix_scratch_len(n)];
                let mut k = crate::testutil::VecSink::default();
                if p.neg && n > 0 {
                    k.0.push(b'-');
                }
                crate::bigint::to_radix(&out[..n], 10, &mut sc, &mut k).unwrap();
                let s = k.string();
                if let Some(v) = p.to_i64() {
                    assert_eq!(v.to_string(), s);
                }
                s
            }
            Err(IntParseError::BadBase) => "ERR base".into(),
            Err(IntParseError::Invalid) => "ERR invalid".into(),
        };
        assert_eq!(got, want, "int({s:?}, {base})");
    }
}

#[test]
fn long_inputs_round_correctly() {
    // 2^53 + 1 is a midpoint: a long tail decides the rounding.
    let mut s = std::string::String::from("9007199254740993");
    assert_eq!(parse_float(s.as_bytes()), Some(9007199254740992.0));
    s.push('.');
    for _ in 0..3000 {
        s.push('0');
    }
    s.push('1');
    assert_eq!(parse_float(s.as_bytes()), Some(9007199254740994.0));
    // Underscored long input.
    let u: std::string::String = "1_2".repeat(1000);
    let plain: std::string::String = u.chars().filter(|&c| c != '_').collect();
    assert_eq!(parse_float(u.as_bytes()), plain.parse::<f64>().ok());
}

#[test]
fn random_strings_agree_with_core() {
    // Random decimal strings (no underscores) must agree with core's parser.
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let nd = (rng.next() % 40 + 1) as usize;
        let mut s = std::string::String::new();
        for i in 0..nd {
            if i == (rng.next() % (nd as u64 + 1)) as usize {
                s.push('.');
            }
            s.push((b'0' + (rng.next() % 10) as u8) as char);
        }
        let e = (rng.next() % 700) as i64 - 350;
        s.push_str(&std::format!("e{e}"));
        assert_eq!(
            parse_float(s.as_bytes()).map(f64::to_bits),
            s.parse::<f64>().ok().map(f64::to_bits),
            "{s}"
        );
    }
}

#[test]
fn never_panics_on_junk() {
    let mut rng = Rng(7);
    let alphabet = b"0123456789_.eE+-infatyINFATY \t\xc2\xa0\xe3\x80\x80x";
    for _ in 0..20000 {
        let n = (rng.next() % 12) as usize;
        let v: std::vec::Vec<u8> = (0..n)
            .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
            .collect();
        let _ = parse_float(&v);
        let _ = parse_int(&v, (rng.next() % 38) as u32);
    }
}
