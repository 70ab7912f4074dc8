//! `repr(float)` (= `str(float)`) exactly as CPython 3.11 prints it.
//!
//! The digits are the shortest string that reads back to the same double;
//! among several shortest candidates the one nearest the exact value (ties:
//! even digit), matching CPython's `dtoa` mode 0. They are generated with
//! the Steele–White / Burger–Dybvig free-format method on exact stack big
//! integers: the rounding interval `[v - m⁻, v + m⁺]` (boundaries included
//! when the mantissa is even, because reading rounds half to even) is scaled
//! by powers of ten and digits are emitted until the remaining value falls
//! inside the interval.

use crate::fixbig::Fix;
use crate::float_fmt::{decompose, float_text, floor_log10_pow2, DigitBuf, FloatFlags, FloatMode};
use crate::Sink;
use core::cmp::Ordering;

/// Longest possible repr: `-2.2250738585072014e-308` (24 bytes).
pub const REPR_MAX_LEN: usize = 24;

/// Shortest round-trip digits of a double: `|x| = 0.DIGITS × 10^decpt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortest {
    /// ASCII digits, no leading or trailing zeros (`digits[..len]`).
    pub digits: [u8; 17],
    /// Number of digits used (1..=17; 0 for zero and non-finite input).
    pub len: usize,
    /// Decimal point position.
    pub decpt: i32,
}

/// Shortest round-trip digits of `|x|` (`len == 0` for zero, NaN, inf).
pub fn shortest(x: f64) -> Shortest {
    let mut out = Shortest {
        digits: [b'0'; 17],
        len: 0,
        decpt: 0,
    };
    if !x.is_finite() || x == 0.0 {
        return out;
    }
    let (f, e) = decompose(x);
    let biased = ((x.to_bits() >> 52) & 0x7ff) as i64;
    let even = f & 1 == 0;
    // v = r / s, high gap m+ / s, low gap m- / s (all scaled by 2).
    let (mut r, mut s, mut mp, mut mm);
    let unequal = f == 1u64 << 52 && biased > 1;
    if e >= 0 {
        let be = e as usize;
        if !unequal {
            r = Fix::from_u64(f);
            r.shl(be + 1);
            s = Fix::from_u64(2);
            mp = Fix::from_u64(1);
            mp.shl(be);
            mm = mp;
        } else {
            r = Fix::from_u64(f);
            r.shl(be + 2);
            s = Fix::from_u64(4);
            mp = Fix::from_u64(1);
            mp.shl(be + 1);
            mm = Fix::from_u64(1);
            mm.shl(be);
        }
    } else if !unequal {
        r = Fix::from_u64(f << 1);
        s = Fix::from_u64(1);
        s.shl((1 - e) as usize);
        mp = Fix::from_u64(1);
        mm = mp;
    } else {
        r = Fix::from_u64(f << 2);
        s = Fix::from_u64(1);
        s.shl((2 - e) as usize);
        mp = Fix::from_u64(2);
        mm = Fix::from_u64(1);
    }
    let bl = 64 - f.leading_zeros() as i64;
    let mut k = floor_log10_pow2(e + bl - 1) + 1;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        let p = (-k) as u32;
        r.mul_pow10(p);
        mp.mul_pow10(p);
        mm.mul_pow10(p);
    }
    // Fix k so that the high end of the interval is below 10^k (or at it,
    // when the boundary is excluded).
    let high_too_big = |r: &Fix, mp: &Fix, s: &Fix| {
        let c = r.add(mp).cmp(s);
        c == Ordering::Greater || (even && c == Ordering::Equal)
    };
    while high_too_big(&r, &mp, &s) {
        s.mul_small(10);
        k += 1;
    }
    loop {
        let (mut r10, mut mp10) = (r, mp);
        r10.mul_small(10);
        mp10.mul_small(10);
        if high_too_big(&r10, &mp10, &s) {
            break;
        }
        r = r10;
        mp = mp10;
        mm.mul_small(10);
        k -= 1;
    }
    let mut len = 0usize;
    loop {
        r.mul_small(10);
        mp.mul_small(10);
        mm.mul_small(10);
        let d = r.div_digit(&s).min(9) as u8;
        let c_low = r.cmp(&mm);
        let tc1 = c_low == Ordering::Less || (even && c_low == Ordering::Equal);
        let c_high = r.add(&mp).cmp(&s);
        let tc2 = c_high == Ordering::Greater || (even && c_high == Ordering::Equal);
        let last = len + 1 >= out.digits.len();
        let digit = if !tc1 && !tc2 && !last {
            if let Some(slot) = out.digits.get_mut(len) {
                *slot = b'0' + d;
            }
            len += 1;
            continue;
        } else if tc1 && !tc2 {
            d
        } else if !tc1 && tc2 {
            d + 1
        } else {
            let mut r2 = r;
            r2.shl(1);
            match r2.cmp(&s) {
                Ordering::Less => d,
                Ordering::Greater => d + 1,
                Ordering::Equal => d + (d & 1),
            }
        };
        if digit <= 9 {
            if let Some(slot) = out.digits.get_mut(len) {
                *slot = b'0' + digit;
            }
            len += 1;
        } else {
            // Carry (never happens with a correct k; handled defensively).
            let mut i = len;
            loop {
                if i == 0 {
                    if let Some(slot) = out.digits.first_mut() {
                        *slot = b'1';
                    }
                    len = 1;
                    k += 1;
                    break;
                }
                i -= 1;
                match out.digits.get_mut(i) {
                    Some(slot) if *slot == b'9' => len = i,
                    Some(slot) => {
                        *slot += 1;
                        len = i + 1;
                        break;
                    }
                    None => break,
                }
            }
        }
        break;
    }
    while len > 1 && out.digits.get(len - 1) == Some(&b'0') {
        len -= 1;
    }
    out.len = len;
    out.decpt = k as i32;
    out
}

/// Writes `repr(x)` (`0.1`, `1e+16`, `-0.0`, `inf`, `nan`, ...) to `sink`;
/// at most [`REPR_MAX_LEN`] bytes.
pub fn write_repr(x: f64, sink: &mut dyn Sink) {
    let mut buf = DigitBuf::new();
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    float_text(x, FloatMode::Repr, flags, &mut buf).write(sink);
}

/// Writes `repr(x)` into `out` and returns the length (convenience for the
/// VM's small-string paths).
pub fn repr_to_buf(x: f64, out: &mut [u8; REPR_MAX_LEN]) -> usize {
    let mut s = crate::SliceSink::new(out);
    write_repr(x, &mut s);
    s.len
}

#[cfg(test)]
pub(crate) fn repr_string_for_tests(x: f64) -> std::string::String {
    let mut k = crate::testutil::VecSink::default();
    write_repr(x, &mut k);
    k.string()
}

#[cfg(test)]
mod tests;
