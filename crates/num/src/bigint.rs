//! Arbitrary-precision magnitudes as little-endian `u32` limb slices.
//!
//! A magnitude is a `&[u32]`, least significant limb first. Inputs may carry
//! leading (high) zero limbs; every function ignores them. Outputs are written
//! to caller-provided slices and the function returns the *normalized* length
//! (no high zero limbs; zero has length 0). Every output/scratch slice has a
//! documented minimum length, expressed in terms of the normalized input
//! lengths `na = normalized_len(a)`, `nb = normalized_len(b)`; a shorter slice
//! yields [`NumError::BufferTooSmall`] instead of a panic. Output slices never
//! alias inputs (Rust's borrow rules guarantee it).
//!
//! Signed helpers ([`Signed`]) implement Python's `int` semantics: floor
//! division, modulo with the sign of the divisor, shifts rounding towards
//! negative infinity and two's-complement bitwise operations.

use crate::{NumError, Sink};
use core::cmp::Ordering;

/// Result type of the fallible routines.
pub type Res<T> = Result<T, NumError>;

/// Number of limbs always sufficient for [`from_f64`]'s output (2^1024 > any
/// finite double).
pub const FROM_F64_LIMBS: usize = 32;

/// Returns the length of `a` without its high zero limbs.
pub fn normalized_len(a: &[u32]) -> usize {
    let mut n = a.len();
    while n > 0 && a.get(n - 1) == Some(&0) {
        n -= 1;
    }
    n
}

/// `a` without its high zero limbs.
fn norm(a: &[u32]) -> &[u32] {
    a.get(..normalized_len(a)).unwrap_or(&[])
}

/// Zero-fills `out` and returns it as a mutable sub-slice of length `n`, or
/// fails when `out` is shorter than `n`.
fn take(out: &mut [u32], n: usize) -> Res<&mut [u32]> {
    let o = out.get_mut(..n).ok_or(NumError::BufferTooSmall)?;
    o.fill(0);
    Ok(o)
}

/// Compares two magnitudes.
pub fn cmp(a: &[u32], b: &[u32]) -> Ordering {
    let (a, b) = (norm(a), norm(b));
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x.cmp(y);
        }
    }
    Ordering::Equal
}

/// `out = a + b`. Requires `out.len() >= max(na, nb) + 1`.
pub fn add(a: &[u32], b: &[u32], out: &mut [u32]) -> Res<usize> {
    let (a, b) = (norm(a), norm(b));
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let o = take(out, a.len() + 1)?;
    let mut carry = 0u64;
    for (i, slot) in o.iter_mut().enumerate() {
        let s = carry + *a.get(i).unwrap_or(&0) as u64 + *b.get(i).unwrap_or(&0) as u64;
        *slot = s as u32;
        carry = s >> 32;
    }
    Ok(normalized_len(o))
}

/// `out = a - b`; requires `a >= b` (else [`NumError::Domain`]) and
/// `out.len() >= na`.
pub fn sub(a: &[u32], b: &[u32], out: &mut [u32]) -> Res<usize> {
    if cmp(a, b) == Ordering::Less {
        return Err(NumError::Domain);
    }
    let (a, b) = (norm(a), norm(b));
    let o = take(out, a.len())?;
    let mut borrow = 0i64;
    for (i, slot) in o.iter_mut().enumerate() {
        let d = *a.get(i).unwrap_or(&0) as i64 - *b.get(i).unwrap_or(&0) as i64 - borrow;
        *slot = d as u32;
        borrow = (d < 0) as i64;
    }
    Ok(normalized_len(o))
}

/// In place `a[..len] -= b`; requires `a[..len] >= b`. Returns the new length.
fn sub_in_place(a: &mut [u32], len: usize, b: &[u32]) -> usize {
    let mut borrow = 0i64;
    let n = len.min(a.len());
    for i in 0..n {
        let bi = *b.get(i).unwrap_or(&0) as i64;
        if i >= b.len() && borrow == 0 {
            break;
        }
        if let Some(x) = a.get_mut(i) {
            let d = *x as i64 - bi - borrow;
            *x = d as u32;
            borrow = (d < 0) as i64;
        }
    }
    normalized_len(a.get(..n).unwrap_or(&[]))
}

/// In place `r = b - r` for `r <= b`; `r.len() >= nb`. Returns the new length.
fn rsub_in_place(r: &mut [u32], b: &[u32]) -> usize {
    let mut borrow = 0i64;
    let n = b.len().min(r.len());
    for i in 0..n {
        if let (Some(x), Some(&y)) = (r.get_mut(i), b.get(i)) {
            let d = y as i64 - *x as i64 - borrow;
            *x = d as u32;
            borrow = (d < 0) as i64;
        }
    }
    normalized_len(r.get(..n).unwrap_or(&[]))
}

/// In place `a[..len] += 1`; `a` needs one spare limb when all limbs are
/// `u32::MAX`. Returns the new length.
fn inc_in_place(a: &mut [u32], len: usize) -> Res<usize> {
    for i in 0..=len {
        let x = a.get_mut(i).ok_or(NumError::BufferTooSmall)?;
        if i == len {
            *x = 1;
            return Ok(len + 1);
        }
        let (v, c) = x.overflowing_add(1);
        *x = v;
        if !c {
            return Ok(len);
        }
    }
    Ok(len)
}

/// `out = a * b` (schoolbook). Requires `out.len() >= na + nb`.
pub fn mul(a: &[u32], b: &[u32], out: &mut [u32]) -> Res<usize> {
    let (a, b) = (norm(a), norm(b));
    let o = take(out, a.len() + b.len())?;
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        if let Some(row) = o.get_mut(i..) {
            for (j, slot) in row.iter_mut().enumerate() {
                let y = match b.get(j) {
                    Some(&y) => y,
                    None => {
                        if carry == 0 {
                            break;
                        }
                        0
                    }
                };
                let t = x as u64 * y as u64 + *slot as u64 + carry;
                *slot = t as u32;
                carry = t >> 32;
            }
        }
    }
    Ok(normalized_len(o))
}

/// In place `a[..len] = a[..len] * m + add`. Needs `a.len() >= len + 1` when
/// the result grows (else [`NumError::BufferTooSmall`]). Returns the new
/// normalized length.
pub fn mul_small_add(a: &mut [u32], len: usize, m: u32, add: u32) -> Res<usize> {
    let len = len.min(a.len());
    let mut carry = add as u64;
    for x in a.iter_mut().take(len) {
        let t = *x as u64 * m as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    let mut n = len;
    if carry != 0 {
        let slot = a.get_mut(len).ok_or(NumError::BufferTooSmall)?;
        *slot = carry as u32;
        n += 1;
    }
    Ok(normalized_len(a.get(..n).unwrap_or(&[])))
}

/// In place `a[..len] /= d`; returns `(new normalized length, remainder)`.
/// `d == 0` gives [`NumError::ZeroDivision`].
pub fn div_small(a: &mut [u32], len: usize, d: u32) -> Res<(usize, u32)> {
    if d == 0 {
        return Err(NumError::ZeroDivision);
    }
    let len = len.min(a.len());
    let mut rem = 0u64;
    for x in a.iter_mut().take(len).rev() {
        let cur = (rem << 32) | *x as u64;
        *x = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    Ok((normalized_len(a.get(..len).unwrap_or(&[])), rem as u32))
}

/// `out = a << bits`. Requires `out.len() >= (bit_length(a) + bits + 31) / 32`
/// (at most `na + bits / 32 + 1`; 0 when `a` is zero).
pub fn shl(a: &[u32], bits: usize, out: &mut [u32]) -> Res<usize> {
    let a = norm(a);
    if a.is_empty() {
        return Ok(0);
    }
    let (w, s) = (bits / 32, (bits % 32) as u32);
    let total_bits = (bit_length(a) as usize)
        .checked_add(bits)
        .ok_or(NumError::BufferTooSmall)?;
    let n = total_bits / 32 + (total_bits % 32 != 0) as usize;
    let o = take(out, n)?;
    for (i, &x) in a.iter().enumerate() {
        let v = (x as u64) << s;
        if let Some(slot) = o.get_mut(i + w) {
            *slot |= v as u32;
        }
        if let Some(slot) = o.get_mut(i + w + 1) {
            *slot |= (v >> 32) as u32;
        }
    }
    Ok(normalized_len(o))
}

/// `out = a >> bits` (magnitude; truncates). Requires
/// `out.len() >= na - bits / 32` (saturating; 0 when everything shifts out).
pub fn shr(a: &[u32], bits: usize, out: &mut [u32]) -> Res<usize> {
    let a = norm(a);
    let (w, s) = (bits / 32, (bits % 32) as u32);
    if w >= a.len() {
        return Ok(0);
    }
    let n = a.len() - w;
    let o = take(out, n)?;
    for (i, slot) in o.iter_mut().enumerate() {
        let lo = *a.get(i + w).unwrap_or(&0) as u64;
        let hi = *a.get(i + w + 1).unwrap_or(&0) as u64;
        *slot = (((hi << 32) | lo) >> s) as u32;
    }
    Ok(normalized_len(o))
}

/// In place `a[..len] >>= bits` for `bits < 32`. Returns the new length.
fn shr_small_in_place(a: &mut [u32], len: usize, bits: u32) -> usize {
    let len = len.min(a.len());
    if bits == 0 || bits >= 32 {
        return normalized_len(a.get(..len).unwrap_or(&[]));
    }
    for i in 0..len {
        let hi = if i + 1 < len {
            *a.get(i + 1).unwrap_or(&0)
        } else {
            0
        };
        if let Some(x) = a.get_mut(i) {
            *x = (*x >> bits) | (hi << (32 - bits));
        }
    }
    normalized_len(a.get(..len).unwrap_or(&[]))
}

/// In place `a[..len] >>= bits` for any `bits`. Returns the new length.
fn shr_in_place(a: &mut [u32], len: usize, bits: usize) -> usize {
    let len = len.min(a.len());
    let w = bits / 32;
    if w >= len {
        a.iter_mut().take(len).for_each(|x| *x = 0);
        return 0;
    }
    if w > 0 {
        a.copy_within(w..len, 0);
        a.iter_mut().take(len).skip(len - w).for_each(|x| *x = 0);
    }
    shr_small_in_place(a, len - w, (bits % 32) as u32)
}

/// In place `a[..len] <<= bits`; `a.len()` must hold the result. Returns the
/// new length.
fn shl_in_place(a: &mut [u32], len: usize, bits: usize) -> Res<usize> {
    let len = normalized_len(a.get(..len.min(a.len())).unwrap_or(&[]));
    if len == 0 {
        return Ok(0);
    }
    let (w, s) = (bits / 32, (bits % 32) as u32);
    let n = len + w + 1;
    if a.len() < n {
        // The result may still fit when the top bits do not spill over.
        let spill = s != 0 && (a.get(len - 1).copied().unwrap_or(0) >> (32 - s)) != 0;
        if a.len() < n - 1 || spill {
            return Err(NumError::BufferTooSmall);
        }
    }
    let n = n.min(a.len());
    for i in (0..n).rev() {
        let lo_idx = i.checked_sub(w);
        let cur = lo_idx
            .and_then(|j| if j < len { a.get(j).copied() } else { None })
            .unwrap_or(0) as u64;
        let prev = lo_idx
            .and_then(|j| j.checked_sub(1))
            .and_then(|j| if j < len { a.get(j).copied() } else { None })
            .unwrap_or(0) as u64;
        let v = ((cur << 32 | prev) << s) >> 32;
        if let Some(x) = a.get_mut(i) {
            *x = v as u32;
        }
    }
    Ok(normalized_len(a.get(..n).unwrap_or(&[])))
}

/// Writes `v` as limbs into `out` (`out.len() >= 2` always suffices).
pub fn from_u64(v: u64, out: &mut [u32]) -> Res<usize> {
    let n = if v == 0 {
        0
    } else if v >> 32 == 0 {
        1
    } else {
        2
    };
    let o = take(out, n)?;
    for (i, slot) in o.iter_mut().enumerate() {
        *slot = (v >> (32 * i)) as u32;
    }
    Ok(n)
}

/// `v` as a two-limb array and its normalized length (handy for mixing
/// machine integers with bigints without a buffer).
pub fn u64_limbs(v: u64) -> ([u32; 2], usize) {
    let l = [v as u32, (v >> 32) as u32];
    (l, normalized_len(&l))
}

/// The magnitude as `u64`, or `None` when it does not fit.
pub fn to_u64(a: &[u32]) -> Option<u64> {
    match norm(a) {
        [] => Some(0),
        [x] => Some(*x as u64),
        [x, y] => Some(*x as u64 | (*y as u64) << 32),
        _ => None,
    }
}

/// Number of significant bits of the magnitude (0 for zero).
pub fn bit_length(a: &[u32]) -> u64 {
    let a = norm(a);
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros()) as u64,
    }
}

/// Number of trailing zero bits (0 for zero).
fn trailing_zeros(a: &[u32]) -> usize {
    for (i, &x) in a.iter().enumerate() {
        if x != 0 {
            return i * 32 + x.trailing_zeros() as usize;
        }
    }
    0
}

/// Quotient and remainder: `q = a / b`, `r = a % b` (Knuth algorithm D).
///
/// Sizes: `q.len() >= na - nb + 1` (any length, even 0, when `na < nb`),
/// `r.len() >= nb`, `scratch.len() >= na + nb + 1`. Returns
/// `(quotient length, remainder length)`; `b == 0` gives
/// [`NumError::ZeroDivision`].
pub fn divmod(
    a: &[u32],
    b: &[u32],
    q: &mut [u32],
    r: &mut [u32],
    scratch: &mut [u32],
) -> Res<(usize, usize)> {
    let (a, b) = (norm(a), norm(b));
    let (m, n) = (a.len(), b.len());
    if n == 0 {
        return Err(NumError::ZeroDivision);
    }
    if m < n {
        let ro = take(r, m)?;
        ro.copy_from_slice(a);
        return Ok((0, m));
    }
    let qo = take(q, m - n + 1)?;
    if n == 1 {
        qo.copy_from_slice(a.get(..m - n + 1).unwrap_or(&[]));
        let (ql, rem) = div_small(qo, m, b.first().copied().unwrap_or(1))?;
        let rl = from_u64(rem as u64, r)?;
        return Ok((ql, rl));
    }
    let ro = take(r, n)?;
    let sc = take(scratch, m + n + 1)?;
    let (vn, un) = sc.split_at_mut(n);
    let s = b.last().copied().unwrap_or(1).leading_zeros();
    // Normalize: vn = b << s, un = a << s (one extra limb).
    for i in 0..n {
        let lo = *b.get(i).unwrap_or(&0) as u64;
        let prev = if i > 0 {
            *b.get(i - 1).unwrap_or(&0) as u64
        } else {
            0
        };
        if let Some(x) = vn.get_mut(i) {
            *x = (((lo << 32 | prev) << s) >> 32) as u32;
        }
    }
    for i in 0..=m {
        let lo = *a.get(i).unwrap_or(&0) as u64;
        let prev = if i > 0 {
            *a.get(i - 1).unwrap_or(&0) as u64
        } else {
            0
        };
        if let Some(x) = un.get_mut(i) {
            *x = (((lo << 32 | prev) << s) >> 32) as u32;
        }
    }
    let vtop = *vn.get(n - 1).unwrap_or(&1) as u64;
    let vnext = *vn.get(n - 2).unwrap_or(&0) as u64;
    const BASE: u64 = 1 << 32;
    for j in (0..=m - n).rev() {
        let u2 = *un.get(j + n).unwrap_or(&0) as u64;
        let u1 = *un.get(j + n - 1).unwrap_or(&0) as u64;
        let u0 = *un.get(j + n - 2).unwrap_or(&0) as u64;
        let num = u2 << 32 | u1;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= BASE || qhat * vnext > (rhat << 32 | u0) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= BASE {
                break;
            }
        }
        // Multiply and subtract.
        let mut k: i64 = 0;
        for i in 0..n {
            let p = qhat * *vn.get(i).unwrap_or(&0) as u64;
            if let Some(x) = un.get_mut(i + j) {
                let t = *x as i64 - k - (p & 0xFFFF_FFFF) as i64;
                *x = t as u32;
                k = (p >> 32) as i64 - (t >> 32);
            }
        }
        let mut negative = false;
        if let Some(x) = un.get_mut(j + n) {
            let t = *x as i64 - k;
            *x = t as u32;
            negative = t < 0;
        }
        if negative {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                if let Some(x) = un.get_mut(i + j) {
                    let t = *x as u64 + *vn.get(i).unwrap_or(&0) as u64 + c;
                    *x = t as u32;
                    c = t >> 32;
                }
            }
            if let Some(x) = un.get_mut(j + n) {
                *x = x.wrapping_add(c as u32);
            }
        }
        if let Some(x) = qo.get_mut(j) {
            *x = qhat as u32;
        }
    }
    // Remainder = un[..n] >> s.
    for (i, slot) in ro.iter_mut().enumerate() {
        let lo = *un.get(i).unwrap_or(&0) as u64;
        let hi = *un.get(i + 1).unwrap_or(&0) as u64;
        let v = if i + 1 < n {
            (hi << 32 | lo) >> s
        } else {
            lo >> s
        };
        *slot = v as u32;
    }
    Ok((normalized_len(qo), normalized_len(ro)))
}

/// Largest power of `radix` that fits in a `u32`, and its exponent.
fn radix_chunk(radix: u32) -> (u32, u32) {
    let mut p = radix;
    let mut k = 1;
    while let Some(np) = p.checked_mul(radix) {
        p = np;
        k += 1;
    }
    (p, k)
}

/// Upper bound of the number of digits of a magnitude of `na` limbs in
/// `radix` (2..=36).
pub fn radix_digits_bound(na: usize, radix: u32) -> usize {
    // floor(log2(radix)) bits per digit at least.
    let bits_per_digit = (31 - radix.max(2).leading_zeros()) as usize;
    na.saturating_mul(32) / bits_per_digit.max(1) + 1
}

/// Scratch length needed by [`to_radix`] for a magnitude of `na` limbs:
/// `na + 32 * na / 27 + 2` (a working copy plus one limb per output chunk;
/// every radix packs at least 27 bits into a chunk).
pub fn to_radix_scratch_len(na: usize) -> usize {
    na.saturating_add(na.saturating_mul(32) / 27)
        .saturating_add(2)
}

/// Digit characters for radix output (lowercase, like Python's `hex()`).
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Writes the magnitude `a` in `radix` (2..=36, lowercase letters) to `sink`,
/// without sign or prefix; zero prints as `0`.
/// `scratch.len() >= to_radix_scratch_len(na)` (about `2.2 * na + 2`).
pub fn to_radix(a: &[u32], radix: u32, scratch: &mut [u32], sink: &mut dyn Sink) -> Res<()> {
    if !(2..=36).contains(&radix) {
        return Err(NumError::Domain);
    }
    let a = norm(a);
    if a.is_empty() {
        sink.put(b"0");
        return Ok(());
    }
    let na = a.len();
    let sc = take(scratch, to_radix_scratch_len(na))?;
    let (work, chunks) = sc.split_at_mut(na);
    work.copy_from_slice(a);
    let (chunk, k) = radix_chunk(radix);
    let mut len = na;
    let mut nchunks = 0usize;
    while len > 0 {
        let (nl, rem) = div_small(work, len, chunk)?;
        len = nl;
        let slot = chunks.get_mut(nchunks).ok_or(NumError::BufferTooSmall)?;
        *slot = rem;
        nchunks += 1;
    }
    let mut buf = [0u8; 32];
    for idx in (0..nchunks).rev() {
        let mut v = *chunks.get(idx).unwrap_or(&0);
        let mut i = buf.len();
        for _ in 0..k {
            i -= 1;
            if let Some(b) = buf.get_mut(i) {
                *b = *DIGITS.get((v % radix) as usize).unwrap_or(&b'?');
            }
            v /= radix;
        }
        let mut start = i;
        if idx == nchunks - 1 {
            // Most significant chunk: no leading zeros.
            while start + 1 < buf.len() && buf.get(start) == Some(&b'0') {
                start += 1;
            }
        }
        sink.put(buf.get(start..).unwrap_or(&[]));
    }
    Ok(())
}

/// Upper bound of limbs produced by [`from_radix`] for `ndigits` digits.
pub fn from_radix_len_bound(ndigits: usize, radix: u32) -> usize {
    // ceil(log2(radix)) bits per digit at most.
    let bits = (32 - radix.max(2).saturating_sub(1).leading_zeros()) as usize;
    ndigits.saturating_mul(bits) / 32 + 2
}

/// Value of an ASCII digit in radix 36 (`None` for non-digits).
pub fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u32),
        b'a'..=b'z' => Some((c - b'a') as u32 + 10),
        b'A'..=b'Z' => Some((c - b'A') as u32 + 10),
        _ => None,
    }
}

/// Parses ASCII digits of `radix` (2..=36; letters in either case; `_`
/// bytes are skipped, so the output of
/// [`crate::float_parse::parse_int`] can be passed directly) into `out`.
/// `out.len() >= from_radix_len_bound(digits.len(), radix)`. Returns the
/// normalized length; a non-digit gives [`NumError::InvalidDigit`].
pub fn from_radix(digits: &[u8], radix: u32, out: &mut [u32]) -> Res<usize> {
    if !(2..=36).contains(&radix) {
        return Err(NumError::Domain);
    }
    out.fill(0);
    let (_, k) = radix_chunk(radix);
    let mut len = 0usize;
    let mut acc = 0u32;
    let mut mult = 1u32;
    let mut cnt = 0;
    for &c in digits {
        if c == b'_' {
            continue;
        }
        let d = digit_value(c)
            .filter(|&d| d < radix)
            .ok_or(NumError::InvalidDigit)?;
        acc = acc * radix + d;
        mult *= radix;
        cnt += 1;
        if cnt == k {
            len = mul_small_add(out, len, mult, acc)?;
            acc = 0;
            mult = 1;
            cnt = 0;
        }
    }
    if cnt > 0 {
        len = mul_small_add(out, len, mult, acc)?;
    }
    Ok(len)
}

/// `2^e` as an `f64` for `-1022 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e.clamp(-1022, 1023) + 1023) as u64) << 52)
}

/// Correctly rounds `(m + sticky·ε) · 2^e` to an `f64` (round-half-even),
/// where `sticky` stands for non-zero bits below `m`'s lowest bit. When
/// `sticky` is set, `m` must have at least 55 significant bits. Returns
/// `None` on overflow (result would be infinite).
pub(crate) fn compose_f64(m: u64, sticky: bool, e: i64) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let bl = 64 - m.leading_zeros() as i64;
    let top = e + bl - 1;
    if top > 1023 {
        return None;
    }
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if prec <= 0 {
        if prec == 0 {
            // Value in [2^-1075, 2^-1074): ties go to even (zero).
            let above_half = !m.is_power_of_two() || sticky;
            return Some(if above_half {
                pow2(-1022) * pow2(-52)
            } else {
                0.0
            });
        }
        return Some(0.0);
    }
    let drop = bl - prec;
    let (mut keep, mut e) = (m, e);
    if drop > 0 {
        let d = drop as u32;
        keep = m >> d;
        let rem = m & ((1u64 << d) - 1);
        let half = 1u64 << (d - 1);
        if rem > half || (rem == half && (sticky || keep & 1 == 1)) {
            keep += 1;
        }
        e += drop;
    }
    // keep < 2^54 so the conversion is exact; scale in two exact steps.
    let mut v = keep as f64;
    if e < -1000 {
        v *= pow2(-1000);
        e += 1000;
    } else if e > 1000 {
        v *= pow2(1000);
        e -= 1000;
    }
    let v = v * pow2(e);
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

/// Converts the magnitude to the nearest `f64` (round-half-even); `None`
/// when it is too large (the VM raises `OverflowError`).
pub fn to_f64(a: &[u32]) -> Option<f64> {
    let a = norm(a);
    let bits = bit_length(a);
    if bits <= 64 {
        return Some(to_u64(a).unwrap_or(0) as f64);
    }
    if bits > 1024 {
        return None;
    }
    let shift = bits - 64;
    let (w, s) = ((shift / 32) as usize, (shift % 32) as u32);
    let limb = |i: usize| *a.get(i).unwrap_or(&0) as u64;
    let hi = (limb(w + 2) << 32 | limb(w + 1)) as u128;
    let v = (hi << 32 | limb(w) as u128) >> s;
    let m = v as u64;
    let mut sticky = s > 0 && limb(w) & ((1u64 << s) - 1) != 0;
    sticky |= a.iter().take(w).any(|&x| x != 0);
    compose_f64(m, sticky, shift as i64)
}

/// Integer part of a finite float as a magnitude (the sign is returned
/// separately): `(negative, len)`. `out.len() >= FROM_F64_LIMBS` (32) always
/// suffices. Non-finite input gives [`NumError::Domain`].
pub fn from_f64(x: f64, out: &mut [u32]) -> Res<(bool, usize)> {
    if !x.is_finite() {
        return Err(NumError::Domain);
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp < 1023 {
        return Ok((false, 0));
    }
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let e = exp - 1075;
    if e <= 0 {
        let v = mant >> (-e) as u32;
        let n = from_u64(v, out)?;
        return Ok((neg && n > 0, n));
    }
    let (l, ln) = u64_limbs(mant);
    let n = shl(l.get(..ln).unwrap_or(&[]), e as usize, out)?;
    Ok((neg, n))
}

/// A signed view on a magnitude: Python `int` = `(-1)^neg * mag`.
#[derive(Clone, Copy, Debug)]
pub struct Signed<'a> {
    /// True for negative numbers (ignored when the magnitude is zero).
    pub neg: bool,
    /// Little-endian limbs of the absolute value.
    pub mag: &'a [u32],
}

impl<'a> Signed<'a> {
    /// Creates a signed view.
    pub fn new(neg: bool, mag: &'a [u32]) -> Self {
        Signed { neg, mag }
    }
    fn is_neg(&self) -> bool {
        self.neg && normalized_len(self.mag) > 0
    }
}

/// Sign and normalized length of a signed result written to an output slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedLen {
    /// Result is negative (never set for zero).
    pub neg: bool,
    /// Normalized limb count of the magnitude.
    pub len: usize,
}

fn sl(neg: bool, len: usize) -> SignedLen {
    SignedLen {
        neg: neg && len > 0,
        len,
    }
}

/// The value as `i64`, or `None` when out of range.
pub fn to_i64(a: Signed) -> Option<i64> {
    let m = to_u64(a.mag)?;
    if a.is_neg() {
        if m <= 1u64 << 63 {
            Some((m as i64).wrapping_neg())
        } else {
            None
        }
    } else {
        i64::try_from(m).ok()
    }
}

/// Compares two signed integers.
pub fn signed_cmp(a: Signed, b: Signed) -> Ordering {
    match (a.is_neg(), b.is_neg()) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => cmp(a.mag, b.mag),
        (true, true) => cmp(b.mag, a.mag),
    }
}

/// `out = a + b` (signed). `out.len() >= max(na, nb) + 1`.
pub fn signed_add(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    let (an, bn) = (a.is_neg(), b.is_neg());
    if an == bn {
        return Ok(sl(an, add(a.mag, b.mag, out)?));
    }
    match cmp(a.mag, b.mag) {
        Ordering::Less => Ok(sl(bn, sub(b.mag, a.mag, out)?)),
        _ => Ok(sl(an, sub(a.mag, b.mag, out)?)),
    }
}

/// `out = a - b` (signed). `out.len() >= max(na, nb) + 1`.
pub fn signed_sub(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    signed_add(a, Signed::new(!b.is_neg(), b.mag), out)
}

/// `out = a * b` (signed). `out.len() >= na + nb`.
pub fn signed_mul(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    let n = mul(a.mag, b.mag, out)?;
    Ok(sl(a.is_neg() != b.is_neg(), n))
}

/// Python's `divmod(a, b)`: quotient rounded towards negative infinity,
/// remainder with the sign of `b`.
///
/// Sizes: `q.len() >= max(na - nb, 0) + 2`, `r.len() >= max(na, nb)`,
/// `scratch.len() >= na + nb + 1`. Returns `(quotient, remainder)` signs and
/// lengths.
pub fn floor_divmod(
    a: Signed,
    b: Signed,
    q: &mut [u32],
    r: &mut [u32],
    scratch: &mut [u32],
) -> Res<(SignedLen, SignedLen)> {
    let (an, bn) = (a.is_neg(), b.is_neg());
    let (mut ql, mut rl) = divmod(a.mag, b.mag, q, r, scratch)?;
    if an != bn && rl > 0 {
        ql = inc_in_place(q, ql)?;
        let bm = norm(b.mag);
        if r.len() < bm.len() {
            return Err(NumError::BufferTooSmall);
        }
        rl = rsub_in_place(r, bm);
    }
    Ok((sl(an != bn, ql), sl(bn, rl)))
}

/// Python's `a << bits` (sign preserved). `out.len() >= na + bits / 32 + 1`.
pub fn signed_shl(a: Signed, bits: usize, out: &mut [u32]) -> Res<SignedLen> {
    Ok(sl(a.is_neg(), shl(a.mag, bits, out)?))
}

/// Python's `a >> bits` (rounds towards negative infinity, so `-1 >> n` is
/// `-1`). `out.len() >= na - bits / 32 + 1` (saturating, at least 1).
pub fn signed_shr(a: Signed, bits: usize, out: &mut [u32]) -> Res<SignedLen> {
    if !a.is_neg() {
        return Ok(sl(false, shr(a.mag, bits, out)?));
    }
    // -m >> k == -(((m - 1) >> k) + 1)
    let m = norm(a.mag);
    let n = shr(m, bits, out)?;
    // Check whether any shifted-out bit was set: if so, round the magnitude up.
    let lost = trailing_zeros(m) < bits;
    let n = if lost { inc_in_place(out, n)? } else { n };
    Ok(sl(true, n))
}

/// Two's-complement limb `i` of a signed value (infinite sign extension).
struct Twos<'a> {
    mag: &'a [u32],
    neg: bool,
    /// Index of the lowest non-zero limb (for negation on the fly).
    low: usize,
}

impl<'a> Twos<'a> {
    fn new(s: Signed<'a>) -> Self {
        let mag = norm(s.mag);
        let low = mag.iter().position(|&x| x != 0).unwrap_or(mag.len());
        Twos {
            mag,
            neg: s.is_neg(),
            low,
        }
    }
    fn limb(&self, i: usize) -> u32 {
        let m = *self.mag.get(i).unwrap_or(&0);
        if !self.neg {
            m
        } else if i < self.low {
            0
        } else if i == self.low {
            m.wrapping_neg()
        } else {
            !m
        }
    }
}

#[derive(Clone, Copy)]
enum BitOp {
    And,
    Or,
    Xor,
}

fn bitop(a: Signed, b: Signed, op: BitOp, out: &mut [u32]) -> Res<SignedLen> {
    let (ta, tb) = (Twos::new(a), Twos::new(b));
    let n = ta.mag.len().max(tb.mag.len()) + 1;
    let res_neg = match op {
        BitOp::And => ta.neg && tb.neg,
        BitOp::Or => ta.neg || tb.neg,
        BitOp::Xor => ta.neg != tb.neg,
    };
    let o = take(out, n)?;
    for (i, slot) in o.iter_mut().enumerate() {
        let (x, y) = (ta.limb(i), tb.limb(i));
        *slot = match op {
            BitOp::And => x & y,
            BitOp::Or => x | y,
            BitOp::Xor => x ^ y,
        };
    }
    if res_neg {
        // Magnitude = two's complement negation of the n-limb result.
        let mut carry = 1u64;
        for x in o.iter_mut() {
            let t = (!*x) as u64 + carry;
            *x = t as u32;
            carry = t >> 32;
        }
    }
    Ok(sl(res_neg, normalized_len(o)))
}

/// Python's `a & b`. `out.len() >= max(na, nb) + 1`.
pub fn bit_and(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    bitop(a, b, BitOp::And, out)
}

/// Python's `a | b`. `out.len() >= max(na, nb) + 1`.
pub fn bit_or(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    bitop(a, b, BitOp::Or, out)
}

/// Python's `a ^ b`. `out.len() >= max(na, nb) + 1`.
pub fn bit_xor(a: Signed, b: Signed, out: &mut [u32]) -> Res<SignedLen> {
    bitop(a, b, BitOp::Xor, out)
}

/// Python's `~a` (= `-a - 1`). `out.len() >= na + 1`.
pub fn invert(a: Signed, out: &mut [u32]) -> Res<SignedLen> {
    let m = norm(a.mag);
    if a.is_neg() {
        // ~(-m) = m - 1
        let n = sub(m, &[1], out)?;
        Ok(sl(false, n))
    } else {
        let o = take(out, m.len() + 1)?;
        if let Some(dst) = o.get_mut(..m.len()) {
            dst.copy_from_slice(m);
        }
        let n = inc_in_place(o, m.len())?;
        Ok(sl(true, n))
    }
}

/// Limb count bound for `base ** exp` where `base` has `base_bits`
/// significant bits; `None` when it would exceed `usize`.
pub fn pow_len_bound(base_bits: u64, exp: u64) -> Option<usize> {
    let bits = base_bits.checked_mul(exp)?;
    usize::try_from(bits / 32 + 2).ok()
}

/// `out = base ** exp` by square-and-multiply. `out.len()` and
/// `scratch.len()` must both be `>= pow_len_bound(bit_length(base), exp)`.
pub fn pow(base: &[u32], exp: u64, out: &mut [u32], scratch: &mut [u32]) -> Res<usize> {
    let base = norm(base);
    out.fill(0);
    if exp == 0 {
        let o = out.first_mut().ok_or(NumError::BufferTooSmall)?;
        *o = 1;
        return Ok(1);
    }
    if base.is_empty() {
        return Ok(0);
    }
    let need = pow_len_bound(bit_length(base), exp).ok_or(NumError::BufferTooSmall)?;
    if out.len() < need || scratch.len() < need {
        return Err(NumError::BufferTooSmall);
    }
    let o = out.get_mut(..base.len()).ok_or(NumError::BufferTooSmall)?;
    o.copy_from_slice(base);
    let mut len = base.len();
    let top = 63 - exp.leading_zeros();
    for bit in (0..top).rev() {
        let cur = out.get(..len).unwrap_or(&[]);
        let n = mul(cur, cur, scratch)?;
        copy_result(scratch, n, out)?;
        len = n;
        if exp >> bit & 1 == 1 {
            let n = mul(out.get(..len).unwrap_or(&[]), base, scratch)?;
            copy_result(scratch, n, out)?;
            len = n;
        }
    }
    Ok(len)
}

fn copy_result(src: &[u32], n: usize, dst: &mut [u32]) -> Res<()> {
    let s = src.get(..n).ok_or(NumError::BufferTooSmall)?;
    let d = dst.get_mut(..n).ok_or(NumError::BufferTooSmall)?;
    d.copy_from_slice(s);
    dst.iter_mut().skip(n).for_each(|x| *x = 0);
    Ok(())
}

/// Scratch length for [`pow_mod`] with a base of `nbase` limbs and a
/// modulus of `nm` limbs: `4 * nm + 2 * max(nbase, 2 * nm) + 4`.
pub fn pow_mod_scratch_len(nbase: usize, nm: usize) -> usize {
    let p = nbase.max(nm.saturating_mul(2));
    nm.saturating_mul(4)
        .saturating_add(p.saturating_mul(2))
        .saturating_add(4)
}

/// `out = base ** exp % m` on magnitudes (`exp` may be big); the caller
/// applies Python's sign rules (reduce a negative base first, fix the sign of
/// the result). `out.len() >= nm`,
/// `scratch.len() >= pow_mod_scratch_len(nbase, nm)`. `m == 0` gives
/// [`NumError::ZeroDivision`].
pub fn pow_mod(
    base: &[u32],
    exp: &[u32],
    m: &[u32],
    out: &mut [u32],
    scratch: &mut [u32],
) -> Res<usize> {
    let m = norm(m);
    let nm = m.len();
    if nm == 0 {
        return Err(NumError::ZeroDivision);
    }
    let base = norm(base);
    let p = base.len().max(2 * nm);
    let sc = take(scratch, pow_mod_scratch_len(base.len(), nm))?;
    let (bm, rest) = sc.split_at_mut(nm);
    let (prod, rest) = rest.split_at_mut(2 * nm);
    let (q, ds) = rest.split_at_mut(p + 1);
    let o = take(out, nm)?;
    let (_, bl) = divmod(base, m, q, bm, ds)?;
    if m == [1] {
        return Ok(0);
    }
    let exp = norm(exp);
    let ebits = bit_length(exp);
    if let Some(x) = o.first_mut() {
        *x = 1;
    }
    let mut acc = 1usize;
    for bit in (0..ebits).rev() {
        let cur = o.get(..acc).unwrap_or(&[]);
        let n = mul(cur, cur, prod)?;
        acc = divmod(prod.get(..n).unwrap_or(&[]), m, q, o, ds)?.1;
        let limb = *exp.get((bit / 32) as usize).unwrap_or(&0);
        if limb >> (bit % 32) & 1 == 1 {
            let n = mul(
                o.get(..acc).unwrap_or(&[]),
                bm.get(..bl).unwrap_or(&[]),
                prod,
            )?;
            acc = divmod(prod.get(..n).unwrap_or(&[]), m, q, o, ds)?.1;
        }
    }
    Ok(acc)
}

/// Greatest common divisor of two magnitudes (binary GCD, in place). Both
/// buffers are clobbered; the result is left in `a`, whose length must be
/// `>= max(na, nb) + 1`. Returns the result length (`gcd(0, 0) == 0`).
pub fn gcd(a: &mut [u32], b: &mut [u32]) -> Res<usize> {
    let cap = a.len();
    let mut la = normalized_len(a);
    let mut lb = normalized_len(b);
    if cap < la.max(lb) + 1 {
        return Err(NumError::BufferTooSmall);
    }
    if lb == 0 {
        return Ok(la);
    }
    if la == 0 {
        let src = b.get(..lb).ok_or(NumError::BufferTooSmall)?;
        a.get_mut(..lb)
            .ok_or(NumError::BufferTooSmall)?
            .copy_from_slice(src);
        return Ok(lb);
    }
    let za = trailing_zeros(a.get(..la).unwrap_or(&[]));
    let zb = trailing_zeros(b.get(..lb).unwrap_or(&[]));
    let k = za.min(zb);
    la = shr_in_place(a, la, za);
    lb = shr_in_place(b, lb, zb);
    // Both odd now. Keep x <= y, y -= x, strip twos from y.
    let mut in_a = true; // which buffer holds the smaller ("x") value
    loop {
        let (x, lx, y, ly) = if in_a {
            (&mut *a, la, &mut *b, lb)
        } else {
            (&mut *b, lb, &mut *a, la)
        };
        match cmp(x.get(..lx).unwrap_or(&[]), y.get(..ly).unwrap_or(&[])) {
            Ordering::Equal => break,
            Ordering::Greater => {
                in_a = !in_a;
                continue;
            }
            Ordering::Less => {}
        }
        let nly = sub_in_place(y, ly, x.get(..lx).unwrap_or(&[]));
        let z = trailing_zeros(y.get(..nly).unwrap_or(&[]));
        let nly = shr_in_place(y, nly, z);
        if in_a {
            lb = nly;
        } else {
            la = nly;
        }
    }
    if !in_a {
        let src = b.get(..lb).ok_or(NumError::BufferTooSmall)?;
        a.get_mut(..lb)
            .ok_or(NumError::BufferTooSmall)?
            .copy_from_slice(src);
        a.iter_mut().skip(lb).for_each(|x| *x = 0);
        la = lb;
    }
    shl_in_place(a, la, k)
}

/// Compares a signed integer with a float exactly (Python's `int == float`,
/// `<`, ...). `None` when `x` is NaN.
pub fn cmp_f64(a: Signed, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let an = a.is_neg();
    let xn = x < 0.0;
    let a_zero = normalized_len(a.mag) == 0;
    if x == 0.0 || a_zero || an != xn {
        // Compare signs only: sign(a) vs sign(x).
        let sa = if a_zero {
            0
        } else if an {
            -1
        } else {
            1
        };
        let sx = if x == 0.0 {
            0
        } else if xn {
            -1
        } else {
            1
        };
        return Some(sa.cmp(&sx));
    }
    let mut buf = [0u32; FROM_F64_LIMBS];
    let (_, n) = from_f64(x, &mut buf).ok()?;
    let int_part = buf.get(..n).unwrap_or(&[]);
    let frac = x - (if xn { -1.0 } else { 1.0 }) * to_f64(int_part).unwrap_or(0.0);
    let mut mag_ord = cmp(a.mag, int_part);
    if mag_ord == Ordering::Equal && frac != 0.0 {
        mag_ord = Ordering::Less;
    }
    Some(if an { mag_ord.reverse() } else { mag_ord })
}

/// Scratch length for [`div_to_f64`]: `5 * (na + nb) + 24`.
pub fn div_to_f64_scratch_len(na: usize, nb: usize) -> usize {
    na.saturating_add(nb).saturating_mul(5).saturating_add(24)
}

/// Python's `a / b` for ints: the correctly rounded quotient as `f64`
/// (sign included). `Err(ZeroDivision)` for `b == 0`; `Ok(None)` when the
/// result overflows (`OverflowError: integer division result too large`).
/// `scratch.len() >= div_to_f64_scratch_len(na, nb)`.
pub fn div_to_f64(a: Signed, b: Signed, scratch: &mut [u32]) -> Res<Option<f64>> {
    let (am, bm) = (norm(a.mag), norm(b.mag));
    if bm.is_empty() {
        return Err(NumError::ZeroDivision);
    }
    let neg = a.is_neg() != b.is_neg();
    let sign = |v: f64| if neg { -v } else { v };
    if am.is_empty() {
        return Ok(Some(sign(0.0)));
    }
    let (abits, bbits) = (bit_length(am) as i64, bit_length(bm) as i64);
    // Choose shift so the quotient has 55 or 56 bits.
    let sh = 55 - (abits - bbits);
    let na2 = am.len() + (sh.max(0) as usize) / 32 + 1;
    let nb2 = bm.len() + ((-sh).max(0) as usize) / 32 + 1;
    let (x, rest) = scratch.split_at_mut(na2.min(scratch.len()));
    let (y, rest) = rest.split_at_mut(nb2.min(rest.len()));
    let (q, rest) = rest.split_at_mut(4.min(rest.len()));
    let (r, ds) = rest.split_at_mut(nb2.min(rest.len()));
    let xl = if sh >= 0 {
        shl(am, sh as usize, x)?
    } else {
        copy_norm(am, x)?
    };
    let yl = if sh < 0 {
        shl(bm, (-sh) as usize, y)?
    } else {
        copy_norm(bm, y)?
    };
    let (ql, rl) = divmod(
        x.get(..xl).unwrap_or(&[]),
        y.get(..yl).unwrap_or(&[]),
        q,
        r,
        ds,
    )?;
    let qv = to_u64(q.get(..ql).unwrap_or(&[])).ok_or(NumError::Domain)?;
    Ok(compose_f64(qv, rl > 0, -sh).map(sign))
}

fn copy_norm(a: &[u32], out: &mut [u32]) -> Res<usize> {
    let a = norm(a);
    let o = take(out, a.len())?;
    o.copy_from_slice(a);
    Ok(a.len())
}

#[cfg(test)]
mod tests;
