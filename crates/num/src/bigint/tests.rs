use super::*;
use crate::testutil::VecSink;
use std::string::String;
use std::string::ToString;
use std::vec;
use std::vec::Vec;

/// Owned signed test integer.
#[derive(Clone, Debug, PartialEq)]
struct I {
    neg: bool,
    mag: Vec<u32>,
}

impl I {
    fn s(&self) -> Signed<'_> {
        Signed::new(self.neg, &self.mag)
    }
    fn parse(t: &str) -> I {
        let (neg, digits) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let mut out = vec![0u32; from_radix_len_bound(digits.len(), 16)];
        let n = from_radix(digits.as_bytes(), 16, &mut out).unwrap();
        out.truncate(n);
        I {
            neg: neg && n > 0,
            mag: out,
        }
    }
    fn from_sl(buf: &[u32], r: SignedLen) -> I {
        I {
            neg: r.neg,
            mag: buf[..r.len].to_vec(),
        }
    }
    fn hex(&self) -> String {
        let mut k = VecSink::default();
        if self.neg {
            k.0.push(b'-');
        }
        let mut sc = vec![0u32; to_radix_scratch_len(self.mag.len())];
        to_radix(&self.mag, 16, &mut sc, &mut k).unwrap();
        k.string()
    }
}

fn cap(a: &I, b: &I) -> usize {
    a.mag.len() + b.mag.len() + 4
}

#[test]
fn vectors_from_cpython() {
    let data = include_str!("../../testdata/bigint.txt");
    let mut count = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        let op = f[0];
        count += 1;
        match op {
            "add" | "sub" | "mul" | "and" | "or" | "xor" | "gcd" | "cmp" => {
                let (a, b) = (I::parse(f[1]), I::parse(f[2]));
                let mut out = vec![0u32; cap(&a, &b)];
                let r = match op {
                    "add" => signed_add(a.s(), b.s(), &mut out).unwrap(),
                    "sub" => signed_sub(a.s(), b.s(), &mut out).unwrap(),
                    "mul" => signed_mul(a.s(), b.s(), &mut out).unwrap(),
                    "and" => bit_and(a.s(), b.s(), &mut out).unwrap(),
                    "or" => bit_or(a.s(), b.s(), &mut out).unwrap(),
                    "xor" => bit_xor(a.s(), b.s(), &mut out).unwrap(),
                    "gcd" => {
                        let mut x = a.mag.clone();
                        x.resize(cap(&a, &b), 0);
                        let mut y = b.mag.clone();
                        let n = gcd(&mut x, &mut y).unwrap();
                        out[..n].copy_from_slice(&x[..n]);
                        SignedLen { neg: false, len: n }
                    }
                    _ => {
                        let c = signed_cmp(a.s(), b.s()) as i32;
                        assert_eq!(c.to_string(), f[3], "{line}");
                        continue;
                    }
                };
                assert_eq!(I::from_sl(&out, r).hex(), f[3], "{line}");
            }
            "divmod" => {
                let (a, b) = (I::parse(f[1]), I::parse(f[2]));
                let mut q = vec![0u32; a.mag.len().saturating_sub(b.mag.len()) + 2];
                let mut r = vec![0u32; a.mag.len().max(b.mag.len())];
                let mut sc = vec![0u32; a.mag.len() + b.mag.len() + 1];
                let (qs, rs) = floor_divmod(a.s(), b.s(), &mut q, &mut r, &mut sc).unwrap();
                assert_eq!(I::from_sl(&q, qs).hex(), f[3], "{line}");
                assert_eq!(I::from_sl(&r, rs).hex(), f[4], "{line}");
            }
            "truediv" => {
                let (a, b) = (I::parse(f[1]), I::parse(f[2]));
                let mut sc = vec![0u32; div_to_f64_scratch_len(a.mag.len(), b.mag.len())];
                let v = div_to_f64(a.s(), b.s(), &mut sc).unwrap();
                let got = match v {
                    Some(x) => crate::float_repr::repr_string_for_tests(x),
                    None => "overflow".into(),
                };
                assert_eq!(got, f[3], "{line}");
            }
            "inv" => {
                let a = I::parse(f[1]);
                let mut out = vec![0u32; a.mag.len() + 1];
                let r = invert(a.s(), &mut out).unwrap();
                assert_eq!(I::from_sl(&out, r).hex(), f[2], "{line}");
            }
            "shl" | "shr" => {
                let a = I::parse(f[1]);
                let k: usize = f[2].parse().unwrap();
                let mut out = vec![0u32; a.mag.len() + k / 32 + 1];
                let r = if op == "shl" {
                    signed_shl(a.s(), k, &mut out)
                } else {
                    signed_shr(a.s(), k, &mut out)
                }
                .unwrap();
                assert_eq!(I::from_sl(&out, r).hex(), f[3], "{line}");
            }
            "dec" | "radix" => {
                let a = I::parse(f[1]);
                let (radix, want) = if op == "dec" {
                    (10, f[2].trim_start_matches('-'))
                } else {
                    (f[2].parse().unwrap(), f[3])
                };
                let mut sc = vec![0u32; to_radix_scratch_len(a.mag.len())];
                let mut k = VecSink::default();
                to_radix(&a.mag, radix, &mut sc, &mut k).unwrap();
                let s = k.string();
                assert_eq!(s, want, "{line}");
                assert!(s.len() <= radix_digits_bound(a.mag.len(), radix));
                // and parse back
                let mut out = vec![0u32; from_radix_len_bound(s.len(), radix)];
                let n = from_radix(s.as_bytes(), radix, &mut out).unwrap();
                assert_eq!(&out[..n], &a.mag[..], "{line}");
            }
            "float" => {
                let a = I::parse(f[1]);
                let got = match to_f64(&a.mag) {
                    Some(x) => crate::float_repr::repr_string_for_tests(if a.neg { -x } else { x }),
                    None => "overflow".into(),
                };
                assert_eq!(got, f[2], "{line}");
            }
            "pow" => {
                let a = I::parse(f[1]);
                let e: u64 = f[2].parse().unwrap();
                let n = pow_len_bound(bit_length(&a.mag), e).unwrap();
                let (mut out, mut sc) = (vec![0u32; n], vec![0u32; n]);
                let l = pow(&a.mag, e, &mut out, &mut sc).unwrap();
                let r = SignedLen {
                    neg: a.neg && e % 2 == 1 && l > 0,
                    len: l,
                };
                assert_eq!(I::from_sl(&out, r).hex(), f[3], "{line}");
            }
            "powmod" => {
                let (a, e, m) = (I::parse(f[1]), I::parse(f[2]), I::parse(f[3]));
                let mut out = vec![0u32; m.mag.len()];
                let mut sc = vec![0u32; pow_mod_scratch_len(a.mag.len(), m.mag.len())];
                let l = pow_mod(&a.mag, &e.mag, &m.mag, &mut out, &mut sc).unwrap();
                assert_eq!(
                    I::from_sl(&out, SignedLen { neg: false, len: l }).hex(),
                    f[4],
                    "{line}"
                );
            }
            "fromf" => {
                let x = f64::from_bits(u64::from_str_radix(f[1], 16).unwrap());
                let mut out = [0u32; FROM_F64_LIMBS];
                let (neg, n) = from_f64(x, &mut out).unwrap();
                assert_eq!(
                    I::from_sl(&out, SignedLen { neg, len: n }).hex(),
                    f[2],
                    "{line}"
                );
            }
            "cmpf" => {
                let a = I::parse(f[1]);
                let x = f64::from_bits(u64::from_str_radix(f[2], 16).unwrap());
                let c = cmp_f64(a.s(), x).unwrap() as i32;
                assert_eq!(c.to_string(), f[3], "{line}");
            }
            _ => panic!("unknown op {op}"),
        }
    }
    assert!(count > 3000);
}

#[test]
fn basics() {
    assert_eq!(normalized_len(&[1, 0, 0]), 1);
    assert_eq!(normalized_len(&[]), 0);
    assert_eq!(cmp(&[1, 0], &[1]), Ordering::Equal);
    assert_eq!(bit_length(&[0, 1]), 33);
    assert_eq!(to_u64(&[1, 2]), Some(0x2_0000_0001));
    assert_eq!(to_u64(&[1, 2, 3]), None);
    assert_eq!(to_i64(Signed::new(true, &[0, 0x8000_0000])), Some(i64::MIN));
    assert_eq!(to_i64(Signed::new(false, &[0, 0x8000_0000])), None);
    assert_eq!(to_i64(Signed::new(true, &[])), Some(0));
    let mut o = [0u32; 1];
    assert_eq!(
        add(&[u32::MAX], &[1], &mut o),
        Err(NumError::BufferTooSmall)
    );
    assert_eq!(sub(&[1], &[2], &mut o), Err(NumError::Domain));
    let (mut q, mut r, mut s) = ([0u32; 4], [0u32; 4], [0u32; 8]);
    assert_eq!(
        divmod(&[1], &[], &mut q, &mut r, &mut s),
        Err(NumError::ZeroDivision)
    );
    assert_eq!(from_radix(b"12z", 10, &mut q), Err(NumError::InvalidDigit));
    assert_eq!(from_radix(b"1_000", 10, &mut q), Ok(1));
    assert_eq!(q[0], 1000);
    assert_eq!(to_f64(&[]), Some(0.0));
    assert_eq!(from_f64(f64::NAN, &mut q), Err(NumError::Domain));
    assert_eq!(from_f64(-0.5, &mut q), Ok((false, 0)));
}

#[test]
fn small_buffers_never_panic() {
    // Every routine with too-small buffers must fail cleanly.
    let a = [u32::MAX; 5];
    let b = [7u32, 9, 1];
    for n in 0..12 {
        let mut o = vec![0u32; n];
        let mut s = vec![0u32; n];
        let mut q = vec![0u32; n];
        let _ = add(&a, &b, &mut o);
        let _ = mul(&a, &b, &mut o);
        let _ = shl(&a, 40, &mut o);
        let _ = shr(&a, 40, &mut o);
        let _ = divmod(&a, &b, &mut q, &mut o, &mut s);
        let _ = floor_divmod(
            Signed::new(true, &a),
            Signed::new(false, &b),
            &mut q,
            &mut o,
            &mut s,
        );
        let _ = bit_and(Signed::new(true, &a), Signed::new(true, &b), &mut o);
        let _ = invert(Signed::new(false, &a), &mut o);
        let _ = pow(&b, 5, &mut o, &mut s);
        let _ = pow_mod(&a, &b, &b, &mut o, &mut s);
        let _ = to_radix(&a, 10, &mut s, &mut VecSink::default());
        let _ = from_radix(b"123456789012345678901234567890", 7, &mut o);
        let _ = div_to_f64(Signed::new(false, &a), Signed::new(false, &b), &mut s);
        let mut x = a.to_vec();
        x.truncate(n.min(5));
        let mut y = b.to_vec();
        let _ = gcd(&mut x, &mut y);
        let _ = signed_shr(Signed::new(true, &a), 3, &mut o);
    }
}

#[test]
fn random_divmod_identity() {
    // q * b + r == a and r < b for many random shapes (exercises qhat fixups).
    let mut seed = 0x1234_5678_9abc_def0u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let na = (next() % 12) as usize + 1;
        let nb = (next() % 6) as usize + 1;
        let gen = |n: usize, next: &mut dyn FnMut() -> u64| -> Vec<u32> {
            (0..n)
                .map(|_| match next() % 4 {
                    0 => 0,
                    1 => u32::MAX,
                    _ => next() as u32,
                })
                .collect()
        };
        let a = gen(na, &mut next);
        let mut b = gen(nb, &mut next);
        if normalized_len(&b) == 0 {
            b[0] = 3;
        }
        let mut q = vec![0u32; na + 1];
        let mut r = vec![0u32; nb];
        let mut s = vec![0u32; na + nb + 1];
        let (ql, rl) = divmod(&a, &b, &mut q, &mut r, &mut s).unwrap();
        assert_eq!(cmp(&r[..rl], &b), Ordering::Less);
        let mut p = vec![0u32; na + nb + 2];
        let pl = mul(&q[..ql], &b, &mut p).unwrap();
        let mut t = vec![0u32; na + nb + 3];
        let tl = add(&p[..pl], &r[..rl], &mut t).unwrap();
        assert_eq!(cmp(&t[..tl], &a), Ordering::Equal);
    }
}
