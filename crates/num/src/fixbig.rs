//! Fixed-capacity stack big integers for exact float <-> decimal conversion.
//!
//! Capacity bound: the conversions hold values up to `f·2^e·10^k·40` where a
//! double contributes at most 2^1077 (`f < 2^53`, `e <= 1024`) and the decimal
//! scale `10^k` at most 10^324 < 2^1077, so about 2^1140 < 2^(32·CAP) with
//! `CAP = 40`. Operations that would exceed the capacity drop the overflow
//! (never reached under that bound) instead of panicking.

use crate::bigint;
use core::cmp::Ordering;

/// Limb capacity (1280 bits).
pub(crate) const CAP: usize = 40;

/// A stack big integer of at most [`CAP`] limbs.
#[derive(Clone, Copy)]
pub(crate) struct Fix {
    d: [u32; CAP],
    n: usize,
}

impl Fix {
    /// The value `v`.
    pub(crate) fn from_u64(v: u64) -> Fix {
        let mut f = Fix { d: [0; CAP], n: 0 };
        f.n = bigint::from_u64(v, &mut f.d).unwrap_or(0);
        f
    }

    /// Normalized limbs.
    pub(crate) fn limbs(&self) -> &[u32] {
        self.d.get(..self.n).unwrap_or(&[])
    }

    /// True when the value is zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.n == 0
    }

    /// `self *= m`.
    pub(crate) fn mul_small(&mut self, m: u32) {
        self.n = bigint::mul_small_add(&mut self.d, self.n, m, 0).unwrap_or(CAP.min(self.n + 1));
    }

    /// `self *= 10^k`.
    pub(crate) fn mul_pow10(&mut self, mut k: u32) {
        while k >= 9 {
            self.mul_small(1_000_000_000);
            k -= 9;
        }
        let mut p = 1u32;
        for _ in 0..k {
            p *= 10;
        }
        if p > 1 {
            self.mul_small(p);
        }
    }

    /// `self <<= bits`.
    pub(crate) fn shl(&mut self, bits: usize) {
        let mut out = [0u32; CAP];
        let n = bigint::shl(self.limbs(), bits, &mut out).unwrap_or(0);
        self.d = out;
        self.n = n;
    }

    /// `self + o`.
    pub(crate) fn add(&self, o: &Fix) -> Fix {
        let mut r = Fix { d: [0; CAP], n: 0 };
        r.n = bigint::add(self.limbs(), o.limbs(), &mut r.d).unwrap_or(0);
        r
    }

    /// Compares values.
    pub(crate) fn cmp(&self, o: &Fix) -> Ordering {
        bigint::cmp(self.limbs(), o.limbs())
    }

    /// `self -= o` (requires `self >= o`).
    pub(crate) fn sub_assign(&mut self, o: &Fix) {
        let mut r = [0u32; CAP];
        self.n = bigint::sub(self.limbs(), o.limbs(), &mut r).unwrap_or(0);
        self.d = r;
    }

    /// Replaces `self` by `self mod s` and returns `self / s`, assuming the
    /// quotient is small (< 2^32; it is a decimal digit in all callers).
    pub(crate) fn div_digit(&mut self, s: &Fix) -> u32 {
        // Estimate from the top two limbs (never above the true quotient),
        // subtract, then correct by repeated subtraction (a few steps at most).
        if s.is_zero() {
            return 0;
        }
        let mut q = 0u32;
        let n = self.n.max(s.n);
        if n >= 1 && s.n > 0 {
            let two = |f: &Fix| -> u64 {
                let hi = *f.d.get(n - 1).unwrap_or(&0) as u64;
                let lo = if n >= 2 {
                    *f.d.get(n - 2).unwrap_or(&0) as u64
                } else {
                    0
                };
                hi << 32 | lo
            };
            let den = two(s).saturating_add(1);
            let est = (two(self) / den).min(u32::MAX as u64) as u32;
            if est > 0 {
                let mut t = *s;
                t.mul_small(est);
                if t.cmp(self) != Ordering::Greater {
                    self.sub_assign(&t);
                    q = est;
                }
            }
        }
        while self.cmp(s) != Ordering::Less {
            self.sub_assign(s);
            q += 1;
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_division() {
        let mut s = Fix::from_u64(123_456_789_123);
        s.mul_pow10(50);
        for d in 0..10u32 {
            let mut r = s;
            r.mul_small(d);
            let extra = Fix::from_u64(987_654_321);
            let mut r = r.add(&extra);
            assert_eq!(r.div_digit(&s), d);
            assert_eq!(r.cmp(&extra), Ordering::Equal);
        }
        let mut a = Fix::from_u64(99);
        assert_eq!(a.div_digit(&Fix::from_u64(10)), 9);
        assert_eq!(a.limbs(), &[9]);
    }
}
