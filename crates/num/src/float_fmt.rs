//! Correctly rounded decimal formatting of doubles, as CPython 3.11 does it
//! (`'f'`, `'e'`, `'g'`, `'%'`, repr-style, the `#` alternate form), and
//! `round(x, ndigits)`.
//!
//! Digits come from the *exact* binary value (round-half-even on it), using
//! stack big integers, so `format(2.675, '.2f') == '2.67'` and
//! `'%.500f' % 1e300` is exact. Output is streamed: huge precisions cost no
//! memory. Stack use is about 2 KB (a [`DigitBuf`] plus a few 160-byte big
//! integers).

use crate::fixbig::Fix;
use crate::Sink;
use core::cmp::Ordering;

/// Maximum number of significant digits kept. A double's exact decimal
/// expansion has at most 767 significant digits, so digits beyond this are
/// always zero.
pub const MAX_DIGITS: usize = 800;

/// Stack buffer receiving the digits of one conversion (about 816 bytes).
pub struct DigitBuf {
    pub(crate) d: [u8; MAX_DIGITS + 16],
}

impl DigitBuf {
    /// An empty buffer.
    pub fn new() -> Self {
        DigitBuf {
            d: [b'0'; MAX_DIGITS + 16],
        }
    }
}

impl Default for DigitBuf {
    fn default() -> Self {
        Self::new()
    }
}

/// Splits a finite non-zero double into `(f, e)` with `|x| = f · 2^e`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (mant, -1074)
    } else {
        (mant | (1u64 << 52), exp - 1075)
    }
}

/// `floor(n · log10(2))` for `|n| < 1650`.
pub(crate) fn floor_log10_pow2(n: i64) -> i64 {
    (n * 78913) >> 18
}

/// Where to round the exact expansion.
#[derive(Clone, Copy, Debug)]
enum Round {
    /// Keep this many significant digits (>= 1).
    Sig(i64),
    /// Keep this many digits after the decimal point (may be negative).
    Frac(i64),
}

/// Correctly rounded (half-even) digits of finite non-zero `|x|`:
/// writes ASCII digits without trailing zeros to `out` and returns
/// `(len, decpt)` with `|x| ≈ 0.DIGITS × 10^decpt`. `len == 0` means the
/// value rounded to zero.
fn exact_digits(x: f64, round: Round, out: &mut [u8]) -> (usize, i64) {
    let (f, e) = decompose(x);
    if f == 0 {
        return (0, 0);
    }
    let mut r = Fix::from_u64(f);
    let mut s = Fix::from_u64(1);
    if e >= 0 {
        r.shl(e as usize);
    } else {
        s.shl((-e) as usize);
    }
    let bl = 64 - f.leading_zeros() as i64;
    let mut k = floor_log10_pow2(e + bl - 1) + 1;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        r.mul_pow10((-k) as u32);
    }
    while r.cmp(&s) != Ordering::Less {
        s.mul_small(10);
        k += 1;
    }
    loop {
        let mut t = r;
        t.mul_small(10);
        if t.cmp(&s) == Ordering::Less {
            r = t;
            k -= 1;
        } else {
            break;
        }
    }
    // Now r/s is in [0.1, 1) and |x| = r/s · 10^k.
    let ndig = match round {
        Round::Sig(n) => n.max(1),
        Round::Frac(p) => k.saturating_add(p),
    };
    if ndig < 0 {
        return (0, 0);
    }
    if ndig == 0 {
        let mut t = r;
        t.shl(1);
        if t.cmp(&s) == Ordering::Greater {
            if let Some(d) = out.first_mut() {
                *d = b'1';
                return (1, k + 1);
            }
        }
        return (0, 0);
    }
    let cap = out.len().min(MAX_DIGITS);
    let mut len = 0usize;
    while (len as i64) < ndig && !r.is_zero() && len < cap {
        r.mul_small(10);
        let d = r.div_digit(&s).min(9) as u8;
        if let Some(slot) = out.get_mut(len) {
            *slot = b'0' + d;
        }
        len += 1;
    }
    if !r.is_zero() && len > 0 {
        let mut t = r;
        t.shl(1);
        let c = t.cmp(&s);
        let last_odd = out.get(len - 1).is_some_and(|d| (d - b'0') & 1 == 1);
        if c == Ordering::Greater || (c == Ordering::Equal && last_odd) {
            let mut i = len;
            loop {
                if i == 0 {
                    if let Some(d) = out.first_mut() {
                        *d = b'1';
                    }
                    len = 1;
                    k += 1;
                    break;
                }
                i -= 1;
                match out.get_mut(i) {
                    Some(d) if *d == b'9' => *d = b'0',
                    Some(d) => {
                        *d += 1;
                        break;
                    }
                    None => break,
                }
            }
        }
    }
    while len > 0 && out.get(len - 1) == Some(&b'0') {
        len -= 1;
    }
    (len, k)
}

/// Which CPython conversion to perform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatMode {
    /// Shortest round-trip digits (`repr`; the `'r'` code), exponent when
    /// the decimal exponent is < -4 or >= 16.
    Repr,
    /// `'f'` with this many digits after the point.
    Fixed(usize),
    /// `'e'` with this many digits after the point.
    Exp(usize),
    /// `'g'` with this many significant digits (0 counts as 1).
    General(usize),
}

/// Options of the conversion (CPython's `Py_DTSF_*` flags and friends).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    /// `#`: always a decimal point; `'g'` keeps trailing zeros.
    pub alt: bool,
    /// Fixed notation always shows a digit after the point (`1.0`); also
    /// lowers the `'g'` exponent threshold to `precision - 1` (format's
    /// "no type with precision").
    pub add_dot_0: bool,
    /// Uppercase `E`, `INF`, `NAN`.
    pub upper: bool,
    /// `z`: a negative value that rounds to zero prints without `-`.
    pub no_neg_0: bool,
    /// `'%'`: multiply by 100 first (in floating point, as CPython) and
    /// append `%`. Use with [`FloatMode::Fixed`].
    pub percent: bool,
}

#[derive(Clone, Copy, Debug)]
enum Body<'a> {
    Special(&'static [u8]),
    Num {
        digits: &'a [u8],
        decpt: i64,
        vstart: i64,
        vend: i64,
        point: bool,
        exp: Option<i64>,
    },
}

/// A formatted double, ready to stream: an optional sign, the integer digits
/// and a tail (decimal point, fraction, exponent, `%`). The format-spec
/// applier needs the parts separately for padding and digit grouping.
#[derive(Clone, Copy, Debug)]
pub struct FloatText<'a> {
    /// The number is negative (after `z` handling; never set for NaN).
    pub neg: bool,
    body: Body<'a>,
    upper: bool,
    percent: bool,
}

/// Writes `n` ASCII zeros.
pub(crate) fn put_zeros(sink: &mut dyn Sink, mut n: u64) {
    const Z: [u8; 64] = [b'0'; 64];
    while n > 0 && !sink.full() {
        let c = n.min(64) as usize;
        sink.put(Z.get(..c).unwrap_or(&[]));
        n -= c as u64;
    }
}

/// Writes positions `from..to` of the virtual digit string: `digits`
/// padded with infinite zeros on both sides (index 0 = first digit).
fn put_vdigits(sink: &mut dyn Sink, digits: &[u8], from: i64, to: i64) {
    let len = digits.len() as i64;
    let mut i = from;
    if i >= to {
        return;
    }
    if i < 0 {
        let z = to.min(0) - i;
        put_zeros(sink, z as u64);
        i += z;
    }
    if i < to && i < len {
        let end = to.min(len);
        sink.put(digits.get(i as usize..end as usize).unwrap_or(&[]));
        i = end;
    }
    if i < to {
        put_zeros(sink, (to - i) as u64);
    }
}

/// Length of the `e+XX` exponent suffix.
fn exp_len(e: i64) -> usize {
    let a = e.unsigned_abs();
    2 + if a >= 100 { 3 } else { 2 }
}

impl FloatText<'_> {
    /// Number of integer-part digits (0 for `inf`/`nan`).
    pub fn int_len(&self) -> usize {
        match self.body {
            Body::Special(_) => 0,
            Body::Num { decpt, vstart, .. } => (decpt - vstart) as usize,
        }
    }

    /// Writes the integer-part digits.
    pub fn write_int(&self, sink: &mut dyn Sink) {
        if let Body::Num {
            digits,
            decpt,
            vstart,
            ..
        } = self.body
        {
            put_vdigits(sink, digits, vstart, decpt);
        }
    }

    /// True when the tail starts with a decimal point.
    pub fn has_point(&self) -> bool {
        matches!(self.body, Body::Num { point: true, .. })
    }

    /// Length in bytes (= characters) of everything after the integer part.
    pub fn tail_len(&self) -> usize {
        let pct = self.percent as usize;
        match self.body {
            Body::Special(s) => s.len() + pct,
            Body::Num {
                decpt,
                vend,
                point,
                exp,
                ..
            } => {
                let frac = if point {
                    1 + (vend - decpt).max(0) as usize
                } else {
                    0
                };
                frac + exp.map_or(0, exp_len) + pct
            }
        }
    }

    /// Writes everything after the integer part.
    pub fn write_tail(&self, sink: &mut dyn Sink) {
        match self.body {
            Body::Special(s) => sink.put(s),
            Body::Num {
                digits,
                decpt,
                vend,
                point,
                exp,
                ..
            } => {
                if point {
                    sink.put(b".");
                    put_vdigits(sink, digits, decpt, vend);
                }
                if let Some(e) = exp {
                    sink.put(if self.upper { b"E" } else { b"e" });
                    sink.put(if e < 0 { b"-" } else { b"+" });
                    let a = e.unsigned_abs();
                    if a < 10 {
                        sink.put(b"0");
                    }
                    crate::write_u64(sink, a);
                }
            }
        }
        if self.percent {
            sink.put(b"%");
        }
    }

    /// Total length without the sign.
    pub fn body_len(&self) -> usize {
        self.int_len() + self.tail_len()
    }

    /// Writes `-` (when negative) and the whole number.
    pub fn write(&self, sink: &mut dyn Sink) {
        if self.neg {
            sink.put(b"-");
        }
        self.write_int(sink);
        self.write_tail(sink);
    }
}

/// Converts `x` as CPython's `PyOS_double_to_string(x, code, precision,
/// flags)` does, without the sign (see [`FloatText::neg`]). The returned
/// text borrows its digits from `buf`.
pub fn float_text(x: f64, mode: FloatMode, flags: FloatFlags, buf: &mut DigitBuf) -> FloatText<'_> {
    let x = if flags.percent { x * 100.0 } else { x };
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let mk = |neg, body| FloatText {
        neg,
        body,
        upper: flags.upper,
        percent: flags.percent,
    };
    if x.is_nan() {
        return mk(
            false,
            Body::Special(if flags.upper { b"NAN" } else { b"nan" }),
        );
    }
    if x.is_infinite() {
        return mk(
            neg,
            Body::Special(if flags.upper { b"INF" } else { b"inf" }),
        );
    }
    let clamp = |p: usize| p.min(i32::MAX as usize) as i64;
    let (len, decpt) = if x == 0.0 {
        (0, 0)
    } else {
        match mode {
            FloatMode::Repr => {
                let sh = crate::float_repr::shortest(x);
                let n = sh.len.min(sh.digits.len());
                if let (Some(dst), Some(src)) = (buf.d.get_mut(..n), sh.digits.get(..n)) {
                    dst.copy_from_slice(src);
                }
                (n, sh.decpt as i64)
            }
            FloatMode::Fixed(p) => exact_digits(x, Round::Frac(clamp(p)), &mut buf.d),
            FloatMode::Exp(p) => {
                exact_digits(x, Round::Sig(clamp(p).saturating_add(1)), &mut buf.d)
            }
            FloatMode::General(p) => exact_digits(x, Round::Sig(clamp(p).max(1)), &mut buf.d),
        }
    };
    let (len, mut decpt) = if len == 0 {
        // Zero (or rounded to zero): dtoa's "0" with the point after it.
        if let Some(d) = buf.d.first_mut() {
            *d = b'0';
        }
        if flags.no_neg_0 {
            neg = false;
        }
        (1usize, 1i64)
    } else {
        (len, decpt)
    };
    let digits = buf.d.get(..len).unwrap_or(&[]);
    // Layout, following CPython's format_float_short.
    let mut vend = len as i64;
    let mut use_exp = false;
    match mode {
        FloatMode::Exp(p) => {
            use_exp = true;
            vend = clamp(p) + 1;
        }
        FloatMode::Fixed(p) => vend = decpt + clamp(p),
        FloatMode::General(p) => {
            let p = clamp(p).max(1);
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vend = p;
            }
        }
        FloatMode::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = None;
    if use_exp {
        exp = Some(decpt - 1);
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };
    let point = vend > decpt || flags.alt;
    mk(
        neg,
        Body::Num {
            digits,
            decpt,
            vstart,
            vend,
            point,
            exp,
        },
    )
}

/// Writes `x` formatted per `mode`/`flags` (with a leading `-` when
/// negative) to `sink`; e.g. `'%.3e' % x` is `write_float(x,
/// FloatMode::Exp(3), FloatFlags::default(), sink)`.
pub fn write_float(x: f64, mode: FloatMode, flags: FloatFlags, sink: &mut dyn Sink) {
    let mut buf = DigitBuf::new();
    float_text(x, mode, flags, &mut buf).write(sink);
}

/// Python's `round(x, ndigits)` for a float: correctly rounded
/// (half-even on the exact binary value). Returns `None` when the result
/// overflows (`OverflowError: rounded value too large to represent`).
pub fn round_ndigits(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || ndigits > 323 || x == 0.0 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0 * x);
    }
    let neg = x < 0.0;
    let mut buf = DigitBuf::new();
    let (len, decpt) = exact_digits(x.abs(), Round::Frac(ndigits), &mut buf.d);
    if len == 0 {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    // 0.DIGITS × 10^decpt, converted back (correctly rounded).
    let v = crate::dec_to_f64::dec_to_f64(buf.d.get(..len)?, decpt - len as i64);
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Rounds to the nearest integral value, ties to even (Python's
/// `round(x)` before conversion to `int`). NaN and infinities are returned
/// unchanged (the VM raises `ValueError`/`OverflowError`).
pub fn round_half_even(x: f64) -> f64 {
    if !x.is_finite() || x.abs() >= 4_503_599_627_370_496.0 {
        return x;
    }
    let t = x as i64; // truncation; |x| < 2^52 fits
    let diff = x - t as f64;
    let step = if x < 0.0 { -1 } else { 1 };
    let r = if diff.abs() > 0.5 || (diff.abs() == 0.5 && t % 2 != 0) {
        t + step
    } else {
        t
    };
    let v = r as f64;
    if v == 0.0 && x < 0.0 {
        -0.0
    } else {
        v
    }
}

#[cfg(test)]
mod tests;
