//! Correctly rounded conversion of a decimal number to the nearest `f64`
//! (ties to even), without tables.
//!
//! Short inputs take Clinger's fast path: at most 2^53 as the digits and a
//! power of ten up to 10^22 are both exact doubles, so one multiplication
//! or division rounds correctly. Everything else starts from an
//! approximation in double arithmetic (a few units in the last place off)
//! and walks to the right double: the input is compared with the midpoint
//! between the candidate and its neighbour, exactly, by generating the
//! midpoint's decimal digits with stack big integers and comparing them
//! with the input's digits. Most comparisons end within the first twenty
//! digits; only inputs very close to a midpoint read further.

use crate::fixbig::Fix;
use core::cmp::Ordering;

/// Bits of `+inf` (also the candidate above `f64::MAX`).
const INF: u64 = 0x7ff0_0000_0000_0000;

/// `10^n` as an exact double, `n <= 22`.
fn pow10(n: i64) -> f64 {
    let mut p = 1.0;
    for _ in 0..n {
        p *= 10.0;
    }
    p
}

/// The value `0.DIGITS × 10^k` compared with the midpoint between the
/// positive double of bits `b` and the next one up (`(2m + 1) · 2^(e-1)` for
/// `b = m · 2^e`; above `f64::MAX` that is the overflow threshold).
fn cmp_midpoint(digits: &[u8], k: i64, b: u64) -> Ordering {
    let (exp, frac) = ((b >> 52) as i64, b & ((1 << 52) - 1));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    // midpoint / 10^k = num / den; both stay below 2^1140 (see fixbig).
    let mut num = Fix::from_u64(2 * m + 1);
    let mut den = Fix::from_u64(1);
    let p = e - 1;
    if p > 0 {
        num.shl(p as usize);
    } else {
        den.shl(-p as usize);
    }
    if k > 0 {
        den.mul_pow10(k as u32);
    } else {
        num.mul_pow10(-k as u32);
    }
    for &c in digits {
        num.mul_small(10);
        let q = num.div_digit(&den);
        let d = c.wrapping_sub(b'0') as u32;
        if q != d {
            return d.cmp(&q);
        }
    }
    if num.is_zero() {
        Ordering::Equal
    } else {
        Ordering::Less
    }
}

/// The double nearest to `DIGITS × 10^exp10` (ASCII digits; ties to even),
/// `inf` when it is too large and `0.0` when too small. The digits may be
/// as many as the caller likes; comparisons read them all only for inputs
/// within a tiny distance of a midpoint, so callers cut very long inputs
/// down first (keeping a sticky non-zero digit, see `float_parse`).
pub fn dec_to_f64(digits: &[u8], exp10: i64) -> f64 {
    let mut d = digits;
    let mut exp10 = exp10;
    while let [b'0', rest @ ..] = d {
        d = rest;
    }
    while let [rest @ .., b'0'] = d {
        d = rest;
        exp10 = exp10.saturating_add(1);
    }
    if d.is_empty() {
        return 0.0;
    }
    // value = 0.d × 10^k, in [10^(k-1), 10^k).
    let k = exp10.saturating_add(d.len() as i64);
    if k > 310 {
        return f64::INFINITY;
    }
    if k < -323 {
        return 0.0; // below 10^-324, under half the smallest subnormal
    }
    let nw = d.len().min(19);
    let w = d.iter().take(nw).fold(0u64, |w, &c| {
        w.wrapping_mul(10).wrapping_add(c.wrapping_sub(b'0') as u64)
    });
    let mut q = k - nw as i64; // value ≈ w × 10^q, exact when nw == d.len()
    if nw == d.len() && w <= 1 << 53 && (-22..=22).contains(&q) {
        return if q >= 0 {
            w as f64 * pow10(q)
        } else {
            w as f64 / pow10(-q)
        };
    }
    let mut x = w as f64;
    while q > 0 {
        let c = q.min(22);
        x *= pow10(c);
        q -= c;
    }
    while q < 0 {
        let c = (-q).min(22);
        x /= pow10(c);
        q += c;
    }
    // Walk from the approximation (its error is a few units in the last
    // place; the loop bound only guards against a broken invariant).
    let mut b = x.to_bits();
    let mut dir = 0;
    for _ in 0..64 {
        if dir >= 0 && b < INF {
            match cmp_midpoint(d, k, b) {
                Ordering::Greater => {
                    b += 1;
                    dir = 1;
                    continue;
                }
                Ordering::Equal => {
                    b += b & 1;
                    break;
                }
                Ordering::Less if dir > 0 => break,
                Ordering::Less => {}
            }
        }
        if dir > 0 || b == 0 {
            break;
        }
        match cmp_midpoint(d, k, b - 1) {
            Ordering::Less => {
                b -= 1;
                dir = -1;
            }
            Ordering::Equal => {
                b -= b & 1;
                break;
            }
            Ordering::Greater => break,
        }
    }
    f64::from_bits(b)
}

#[cfg(test)]
mod tests;
