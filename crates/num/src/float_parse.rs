//! Python's `float(str)` and `int(str, base)` string syntax.
//!
//! `float()` accepts surrounding whitespace (including Unicode spaces), a
//! sign, digits with single underscores between digits, `.5`, `5.`,
//! exponents (whose digits may contain underscores too), and
//! `inf`/`infinity`/`nan` in any case. The result is correctly rounded:
//! digits beyond the 800th significant one are replaced by a sticky `1`
//! (any midpoint between two doubles has at most 768 significant digits, so
//! this never changes the rounding), and the bounded digits are converted
//! by [`crate::dec_to_f64`].
//!
//! Only ASCII digits are accepted (CPython also accepts other Unicode
//! decimal digits).

/// Significant digits kept before switching to a sticky digit.
const KEEP: usize = 800;

/// Decodes the UTF-8 character starting at `s[0]`: `(code point, length)`.
fn decode(s: &[u8]) -> Option<(u32, usize)> {
    let b0 = *s.first()? as u32;
    let cont = |i: usize| s.get(i).map(|&b| b as u32 & 0x3f);
    if b0 < 0x80 {
        Some((b0, 1))
    } else if b0 >> 5 == 0b110 {
        Some(((b0 & 0x1f) << 6 | cont(1)?, 2))
    } else if b0 >> 4 == 0b1110 {
        Some(((b0 & 0x0f) << 12 | cont(1)? << 6 | cont(2)?, 3))
    } else if b0 >> 3 == 0b11110 {
        Some((
            (b0 & 0x07) << 18 | cont(1)? << 12 | cont(2)? << 6 | cont(3)?,
            4,
        ))
    } else {
        None
    }
}

/// Python's `str.isspace()` for one code point.
pub fn is_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// Length in bytes of the whitespace character ending at `s[..end]`, if any.
fn trailing_space_len(s: &[u8]) -> Option<usize> {
    for n in 1..=3usize {
        if n > s.len() {
            break;
        }
        let start = s.len() - n;
        if let Some((c, l)) = s.get(start..).and_then(decode) {
            if l == n && is_space(c) {
                return Some(n);
            }
        }
    }
    None
}

/// Strips Python whitespace (Unicode `isspace`) from both ends of UTF-8
/// text.
pub fn strip_space(mut s: &[u8]) -> &[u8] {
    while let Some((c, l)) = decode(s) {
        if !is_space(c) {
            break;
        }
        s = s.get(l..).unwrap_or(&[]);
    }
    while let Some(n) = trailing_space_len(s) {
        s = s.get(..s.len() - n).unwrap_or(&[]);
    }
    s
}

/// Case-insensitive ASCII comparison.
fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_ascii_lowercase() == *y)
}

/// Scans a `digitpart` (digits with single underscores between digits)
/// starting at `s[i]`, calling `each` for every digit. Returns the index
/// after it, or `None` on a misplaced underscore. May consume nothing.
fn digitpart(s: &[u8], mut i: usize, mut each: impl FnMut(u8)) -> Option<usize> {
    let mut prev_digit = false;
    while let Some(&c) = s.get(i) {
        if c.is_ascii_digit() {
            each(c - b'0');
            prev_digit = true;
        } else if c == b'_' {
            if !prev_digit || !s.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                return None;
            }
            prev_digit = false;
        } else {
            break;
        }
        i += 1;
    }
    Some(i)
}

/// Python's `float(text)` for `str`/`bytes` input (UTF-8). `None` means
/// `ValueError: could not convert string to float: ...`.
pub fn parse_float(text: &[u8]) -> Option<f64> {
    let s = strip_space(text);
    let (neg, s) = match s.first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let signed = |v: f64| if neg { -v } else { v };
    if eq_ignore_case(s, b"inf") || eq_ignore_case(s, b"infinity") {
        return Some(signed(f64::INFINITY));
    }
    if eq_ignore_case(s, b"nan") {
        return Some(signed(f64::NAN));
    }
    let mut buf = [0u8; KEEP + 1];
    let mut nsig = 0usize;
    let mut sticky = false;
    let mut exp10: i64 = 0; // value = DIGITS × 10^exp10
    let mut ndigits = 0usize;
    let mut push = |d: u8, frac: bool, nsig: &mut usize, sticky: &mut bool, exp10: &mut i64| {
        if *nsig == 0 && d == 0 {
            if frac {
                *exp10 -= 1;
            }
        } else if *nsig < KEEP {
            if let Some(slot) = buf.get_mut(*nsig) {
                *slot = b'0' + d;
            }
            *nsig += 1;
            if frac {
                *exp10 -= 1;
            }
        } else {
            *sticky |= d != 0;
            if !frac {
                *exp10 += 1;
            }
        }
    };
    let i = digitpart(s, 0, |d| {
        ndigits += 1;
        push(d, false, &mut nsig, &mut sticky, &mut exp10);
    })?;
    let mut i = i;
    if s.get(i) == Some(&b'.') {
        i = digitpart(s, i + 1, |d| {
            ndigits += 1;
            push(d, true, &mut nsig, &mut sticky, &mut exp10);
        })?;
    }
    if ndigits == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        let eneg = match s.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let mut e: i64 = 0;
        let mut edigits = 0;
        i = digitpart(s, i, |d| {
            edigits += 1;
            e = (e * 10 + d as i64).min(1_000_000_000_000);
        })?;
        if edigits == 0 {
            return None;
        }
        exp10 = exp10.saturating_add(if eneg { -e } else { e });
    }
    if i != s.len() {
        return None;
    }
    if nsig == 0 {
        return Some(signed(0.0));
    }
    if sticky {
        if let Some(slot) = buf.get_mut(nsig) {
            *slot = b'1';
        }
        nsig += 1;
        exp10 = exp10.saturating_sub(1);
    }
    let v = crate::dec_to_f64::dec_to_f64(buf.get(..nsig)?, exp10);
    Some(signed(v))
}

/// Why `int(text, base)` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// `ValueError: int() base must be >= 2 and <= 36, or 0`.
    BadBase,
    /// `ValueError: invalid literal for int() with base N: '...'` (the
    /// message uses the base as given by the caller).
    Invalid,
}

/// A syntactically valid integer literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedInt<'a> {
    /// A leading `-` was present.
    pub neg: bool,
    /// The radix to use (prefix-deduced when the base was 0).
    pub radix: u32,
    /// The digits, possibly with single `_` between them; pass to
    /// [`crate::bigint::from_radix`] (which skips underscores).
    pub digits: &'a [u8],
    /// Number of digits (underscores excluded): size the output with
    /// `from_radix_len_bound(ndigits, radix)` and apply CPython's
    /// 4300-digit limit for non-power-of-two radices.
    pub ndigits: usize,
}

impl ParsedInt<'_> {
    /// The value when it fits in `i64` (fast path for small ints).
    pub fn to_i64(&self) -> Option<i64> {
        let mut v: i128 = 0;
        for &c in self.digits {
            if c == b'_' {
                continue;
            }
            let d = crate::bigint::digit_value(c)? as i128;
            v = v.checked_mul(self.radix as i128)?.checked_add(d)?;
            if v > 1i128 << 64 {
                return None;
            }
        }
        i64::try_from(if self.neg { -v } else { v }).ok()
    }
}

/// Python's `int(text, base)` syntax check (`base` 0 or 2..=36).
pub fn parse_int(text: &[u8], base: u32) -> Result<ParsedInt<'_>, IntParseError> {
    if base == 1 || base > 36 {
        return Err(IntParseError::BadBase);
    }
    let bad = Err(IntParseError::Invalid);
    let s = strip_space(text);
    let (neg, mut s) = match s.first() {
        Some(b'-') => (true, s.get(1..).unwrap_or(&[])),
        Some(b'+') => (false, s.get(1..).unwrap_or(&[])),
        _ => (false, s),
    };
    let c0 = s.first().copied().unwrap_or(0);
    let c1 = s.get(1).copied().unwrap_or(0).to_ascii_lowercase();
    let mut radix = base;
    let mut must_be_zero = false;
    if base == 0 {
        radix = if c0 != b'0' {
            10
        } else {
            match c1 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    must_be_zero = true;
                    10
                }
            }
        };
    }
    if c0 == b'0' && matches!((radix, c1), (16, b'x') | (8, b'o') | (2, b'b')) {
        s = s.get(2..).unwrap_or(&[]);
        if s.first() == Some(&b'_') {
            s = s.get(1..).unwrap_or(&[]);
        }
    }
    if s.first() == Some(&b'_') || s.is_empty() {
        return bad;
    }
    let mut ndigits = 0usize;
    let mut prev_us = false;
    let mut nonzero = false;
    for &c in s {
        if c == b'_' {
            if prev_us {
                return bad;
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        match crate::bigint::digit_value(c) {
            Some(d) if d < radix => {
                ndigits += 1;
                nonzero |= d != 0;
            }
            _ => return bad,
        }
    }
    if prev_us || ndigits == 0 || (must_be_zero && nonzero) {
        return bad;
    }
    Ok(ParsedInt {
        neg,
        radix,
        digits: s,
        ndigits,
    })
}

#[cfg(test)]
mod tests;
