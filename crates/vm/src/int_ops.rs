//! Integer arithmetic beyond the small-int fast path: i64 first, then big
//! ints (sign + magnitude limbs, see `objects/int.rs`) over
//! `fzpy_num::bigint`.
//!
//! Results and scratch space live on the heap, never in Rust buffers: an
//! operation allocates one temporary BIGINT object with room for the result
//! limbs followed by any scratch the routine needs, writes the result into
//! it, then trims it in place into the result (or drops it when the result
//! is a small int). Allocation bumps `top` and the collector compacts in
//! address order, so a temporary allocated after its operands always lies
//! above them: the heap block is split at the temporary into an immutable
//! part (operands) and a mutable part (result + scratch).

use crate::heap::{kind, words_as_bytes_mut, words_for};
use crate::objects::int::SIGN;
use crate::objects::str::{DATA, HASH, NBYTES, NCHARS};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::cmp::Ordering;
use core::fmt::Write;
use fzpy_bytecode::{BinOp, Op};
use fzpy_num::bigint::{self as bn, Signed, SignedLen};
use fzpy_num::float_parse::{parse_int, IntParseError};
use fzpy_num::{NumError, Sink, SliceSink};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// Digit characters for radix output.
const RADIX_DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Largest payload the heap can hold in one object (header size field).
const MAX_WORDS: usize = (1 << 24) - 4;

/// An int operand: its sign and where its magnitude limbs are.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IntRef {
    neg: bool,
    inline: [u32; 2],
    len: usize,
    /// Word index of the first limb in the heap block (0: `inline`).
    at: usize,
}

impl IntRef {
    fn mag<'a>(&'a self, words: &'a [u32]) -> &'a [u32] {
        if self.at == 0 {
            &self.inline[..self.len]
        } else {
            &words[self.at..self.at + self.len]
        }
    }

    fn signed<'a>(&'a self, words: &'a [u32]) -> Signed<'a> {
        Signed::new(self.neg, self.mag(words))
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }
}

impl Vm {
    /// `a OP b` for two ints (bools included), at least one not small.
    pub(crate) fn int_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (self.int_to_i64(a), self.int_to_i64(b)) {
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::And => Some(x & y),
                BinOp::Or => Some(x | y),
                BinOp::Xor => Some(x ^ y),
                BinOp::FloorDiv | BinOp::Mod => {
                    if y == 0 {
                        return Err(self.int_zero_div(op));
                    }
                    if x == i64::MIN && y == -1 {
                        None
                    } else {
                        let (q, r) = crate::ops::floor_divmod(x, y);
                        Some(if op == BinOp::FloorDiv { q } else { r })
                    }
                }
                BinOp::TrueDiv => {
                    if y == 0 {
                        return Err(self.raise_msg(TypeId::ZeroDivisionError, "division by zero"));
                    }
                    const EXACT: u64 = 1 << 53;
                    if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
                        return self.new_float(x as f64 / y as f64);
                    }
                    None
                }
                BinOp::RShift => {
                    if y < 0 {
                        return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
                    }
                    Some(x >> y.min(63))
                }
                BinOp::LShift => {
                    if y < 0 {
                        return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
                    }
                    if x == 0 {
                        Some(0)
                    } else if y < 63 && (x << y) >> y == x {
                        Some(x << y)
                    } else {
                        None
                    }
                }
                BinOp::Pow => {
                    if y < 0 {
                        return self.int_pow_neg_i64(x, y);
                    }
                    let mut r: Option<i64> = Some(1);
                    let (mut base, mut e) = (Some(x), y);
                    while e > 0 {
                        if e & 1 == 1 {
                            r = r.and_then(|r| base.and_then(|b| r.checked_mul(b)));
                        }
                        e >>= 1;
                        if e > 0 {
                            base = base.and_then(|b| b.checked_mul(b));
                        }
                    }
                    r
                }
                BinOp::MatMul => None,
            };
            if let Some(r) = r {
                return self.new_int(r);
            }
        }
        self.bigint_op(op, a, b)
    }

    fn int_zero_div(&mut self, op: BinOp) -> Raised {
        let msg = if op == BinOp::Mod {
            "integer modulo by zero"
        } else {
            "integer division or modulo by zero"
        };
        self.raise_msg(TypeId::ZeroDivisionError, msg)
    }

    /// `x ** y` for `y < 0`: `1 / |x|**-y` computed exactly and rounded
    /// once when `x` is exact as a float (what the C library's `pow` that
    /// CPython uses returns), else float arithmetic.
    pub(crate) fn int_pow_neg_i64(&mut self, x: i64, y: i64) -> PyResult<Value> {
        let (m, n) = (x.unsigned_abs(), y.unsigned_abs());
        if x == 0 || m > 1 << 53 {
            return self.int_pow_negative(x as f64, y as f64);
        }
        let neg = x < 0 && n & 1 == 1;
        let bits = 63 - m.leading_zeros() as u64;
        if m == 1 || bits.saturating_mul(n) > 1100 {
            let r = if m == 1 { 1.0 } else { 0.0 };
            return self.new_float(if neg { -r } else { r });
        }
        let mv = self.new_int(m as i64)?;
        let p = self.int_op(BinOp::Pow, mv, Value::int(n as i32))?;
        self.int_op(BinOp::TrueDiv, Value::int(if neg { -1 } else { 1 }), p)
    }

    /// `x ** y` for a negative int exponent: float arithmetic, like CPython.
    fn int_pow_negative(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 {
            return Err(self.raise_msg(
                TypeId::ZeroDivisionError,
                "0.0 cannot be raised to a negative power",
            ));
        }
        self.new_float(libm::pow(x, y))
    }

    // ---- operands and temporaries --------------------------------------------

    /// The operand view of an int (small, bool or BIGINT).
    pub(crate) fn int_ref(&self, v: Value) -> IntRef {
        if self.heap.kind(v) == kind::BIGINT {
            let h = self.heap.raw(v, 0);
            let len = (h & !SIGN) as usize;
            return IntRef {
                neg: h & SIGN != 0 && len > 0,
                inline: [0; 2],
                len,
                at: v.word() + 2,
            };
        }
        let i = self.int_to_i64(v).unwrap_or(0);
        let (inline, len) = bn::u64_limbs(i.unsigned_abs());
        IntRef {
            neg: i < 0,
            inline,
            len,
            at: 0,
        }
    }

    /// Allocates a temporary with `words` words after its sign/length word.
    fn int_tmp(&mut self, words: usize) -> PyResult<Value> {
        if words >= MAX_WORDS {
            return Err(self.raise_memory_error());
        }
        self.alloc(kind::BIGINT, 1 + words)
    }

    /// Runs `f` on the operands and the temporary's words (after its
    /// sign/length word). `tmp` must have been allocated after the
    /// operands (it then lies above them in the block).
    fn int_compute<R>(
        &mut self,
        a: IntRef,
        b: IntRef,
        tmp: Value,
        f: impl FnOnce(Signed, Signed, &mut [u32]) -> R,
    ) -> R {
        let start = tmp.word() + 2;
        let end = tmp.word() + self.heap.size(tmp);
        let (lo, hi) = self.heap.words.split_at_mut(start);
        f(a.signed(lo), b.signed(lo), &mut hi[..end - start])
    }

    /// Turns a temporary whose first `len` limbs hold a magnitude into the
    /// int `(-1)^neg * magnitude` (a small int when it fits).
    fn int_finish(&mut self, tmp: Value, neg: bool, len: usize) -> Value {
        let neg = neg && len > 0;
        if len <= 2 {
            let l = self.heap.payload(tmp, 1);
            let lo = if len > 0 { l[0] as u64 } else { 0 };
            let hi = if len > 1 { l[1] as u64 } else { 0 };
            let m = lo | hi << 32;
            if m <= 1 << 31 {
                let i = if neg { -(m as i64) } else { m as i64 };
                if let Some(v) = Value::small(i) {
                    self.heap.shrink(tmp, 0);
                    return v;
                }
            }
        }
        self.heap
            .set_raw(tmp, 0, len as u32 | if neg { SIGN } else { 0 });
        self.heap.shrink(tmp, 1 + len);
        tmp
    }

    /// Finishes a temporary from a routine's signed result.
    fn int_done(&mut self, tmp: Value, r: Result<SignedLen, NumError>) -> PyResult<Value> {
        match r {
            Ok(s) => Ok(self.int_finish(tmp, s.neg, s.len)),
            Err(e) => Err(self.num_error(e)),
        }
    }

    /// Raises the Python error for a numeric routine's failure.
    fn num_error(&mut self, e: NumError) -> Raised {
        match e {
            NumError::ZeroDivision => self.raise_msg(
                TypeId::ZeroDivisionError,
                "integer division or modulo by zero",
            ),
            NumError::BufferTooSmall => {
                self.raise_msg(TypeId::SystemError, "internal big int buffer too small")
            }
            NumError::InvalidDigit | NumError::Domain => {
                self.raise_msg(TypeId::ValueError, "invalid value for int operation")
            }
        }
    }

    /// Copies limbs `from..from + len` of temporary `tmp` (its words after
    /// the sign word) into a new int.
    fn int_copy_out(
        &mut self,
        tmp_slot: usize,
        from: usize,
        len: usize,
        neg: bool,
    ) -> PyResult<Value> {
        let v = self.int_tmp(len)?;
        let tmp = self.slot(tmp_slot);
        let src = tmp.word() + 2 + from;
        let dst = v.word() + 2;
        self.heap.words.copy_within(src..src + len, dst);
        Ok(self.int_finish(v, neg, len))
    }

    // ---- binary operations ------------------------------------------------------

    /// Big-int arithmetic (results beyond i64 or operands beyond it).
    pub(crate) fn bigint_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push_many(&[a, b])?;
        let r = self.bigint_op_rooted(op, base);
        self.heap.truncate(base);
        r
    }

    fn refs(&self, base: usize) -> (IntRef, IntRef) {
        (
            self.int_ref(self.slot(base)),
            self.int_ref(self.slot(base + 1)),
        )
    }

    fn bigint_op_rooted(&mut self, op: BinOp, base: usize) -> PyResult<Value> {
        let (ra, rb) = self.refs(base);
        let (na, nb) = (ra.len, rb.len);
        match op {
            BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::Mul => {
                let size = if op == BinOp::Mul {
                    na + nb
                } else {
                    na.max(nb) + 1
                };
                let tmp = self.int_tmp(size)?;
                let (ra, rb) = self.refs(base);
                let r = self.int_compute(ra, rb, tmp, |a, b, out| match op {
                    BinOp::Add => bn::signed_add(a, b, out),
                    BinOp::Sub => bn::signed_sub(a, b, out),
                    BinOp::Mul => bn::signed_mul(a, b, out),
                    BinOp::And => bn::bit_and(a, b, out),
                    BinOp::Or => bn::bit_or(a, b, out),
                    _ => bn::bit_xor(a, b, out),
                });
                self.int_done(tmp, r)
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if rb.is_zero() {
                    return Err(self.int_zero_div(op));
                }
                let (nq, nr, ns) = (na.saturating_sub(nb) + 2, na.max(nb), na + nb + 1);
                let want_q = op == BinOp::FloorDiv;
                let tmp = self.int_tmp(nq + nr + ns)?;
                let (ra, rb) = self.refs(base);
                let r = self.int_compute(ra, rb, tmp, |a, b, w| {
                    let (first, rest) = w.split_at_mut(if want_q { nq } else { nr });
                    let (second, scratch) = rest.split_at_mut(if want_q { nr } else { nq });
                    if want_q {
                        bn::floor_divmod(a, b, first, second, scratch).map(|(q, _)| q)
                    } else {
                        bn::floor_divmod(a, b, second, first, scratch).map(|(_, r)| r)
                    }
                });
                self.int_done(tmp, r)
            }
            BinOp::TrueDiv => {
                if rb.is_zero() {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "division by zero"));
                }
                let tmp = self.int_tmp(bn::div_to_f64_scratch_len(na, nb))?;
                let (ra, rb) = self.refs(base);
                let r = self.int_compute(ra, rb, tmp, bn::div_to_f64);
                self.heap.shrink(tmp, 0);
                match r {
                    Ok(Some(f)) => self.new_float(f),
                    Ok(None) => Err(self.raise_msg(
                        TypeId::OverflowError,
                        "integer division result too large for a float",
                    )),
                    Err(e) => Err(self.num_error(e)),
                }
            }
            BinOp::Pow => self.bigint_pow(base),
            BinOp::LShift | BinOp::RShift => self.bigint_shift(op, base),
            BinOp::MatMul => Err(self.raise_msg(
                TypeId::TypeError,
                "unsupported operand type(s) for @: 'int' and 'int'",
            )),
        }
    }

    /// `a ** b` with `a`, `b` at `base`, `base + 1`.
    fn bigint_pow(&mut self, base: usize) -> PyResult<Value> {
        let (ra, rb) = self.refs(base);
        if rb.neg {
            let x = self.int_to_f64_checked(self.slot(base))?;
            let y = self.int_to_f64_checked(self.slot(base + 1))?;
            return self.int_pow_negative(x, y);
        }
        // Bases whose powers never grow.
        let odd = rb.len > 0 && rb.mag(&self.heap.words)[0] & 1 == 1;
        if ra.len == 0 {
            return Ok(Value::int(if rb.len == 0 { 1 } else { 0 }));
        }
        let a_mag = ra.mag(&self.heap.words);
        if ra.len == 1 && a_mag[0] == 1 {
            return Ok(Value::int(if ra.neg && odd { -1 } else { 1 }));
        }
        let e = bn::to_u64(rb.mag(&self.heap.words));
        let size = e.and_then(|e| bn::pow_len_bound(bn::bit_length(a_mag), e));
        let (Some(e), Some(size)) = (e, size) else {
            return Err(self.raise_memory_error());
        };
        if size >= MAX_WORDS / 2 {
            return Err(self.raise_memory_error());
        }
        let tmp = self.int_tmp(2 * size)?;
        let (ra, rb) = self.refs(base);
        let r = self.int_compute(ra, rb, tmp, |a, _, w| {
            let (out, scratch) = w.split_at_mut(size);
            bn::pow(a.mag, e, out, scratch)
        });
        match r {
            Ok(n) => Ok(self.int_finish(tmp, ra.neg && e & 1 == 1, n)),
            Err(err) => Err(self.num_error(err)),
        }
    }

    /// `a << b` / `a >> b` with `a`, `b` at `base`, `base + 1`.
    fn bigint_shift(&mut self, op: BinOp, base: usize) -> PyResult<Value> {
        let (ra, rb) = self.refs(base);
        if rb.neg {
            return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
        }
        if ra.is_zero() {
            return Ok(Value::int(0));
        }
        let bits = bn::to_u64(rb.mag(&self.heap.words)).and_then(|b| usize::try_from(b).ok());
        let na = ra.len;
        if op == BinOp::RShift {
            let Some(bits) = bits.filter(|&b| b < na * 32) else {
                return Ok(Value::int(if ra.neg { -1 } else { 0 }));
            };
            let tmp = self.int_tmp(na - bits / 32 + 1)?;
            let (ra, rb) = self.refs(base);
            let r = self.int_compute(ra, rb, tmp, |a, _, out| bn::signed_shr(a, bits, out));
            return self.int_done(tmp, r);
        }
        let Some(bits) = bits.filter(|&b| b / 32 < MAX_WORDS) else {
            return Err(self.raise_memory_error());
        };
        let tmp = self.int_tmp(na + bits / 32 + 1)?;
        let (ra, rb) = self.refs(base);
        let r = self.int_compute(ra, rb, tmp, |a, _, out| bn::signed_shl(a, bits, out));
        self.int_done(tmp, r)
    }

    /// `divmod(a, b)` for ints: a `(q, r)` tuple.
    pub fn int_divmod(&mut self, a: Value, b: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push_many(&[a, b])?;
        let r = self.int_divmod_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn int_divmod_rooted(&mut self, base: usize) -> PyResult<Value> {
        let (ra, rb) = self.refs(base);
        if rb.is_zero() {
            return Err(self.int_zero_div(BinOp::FloorDiv));
        }
        let (x, y) = (
            self.int_to_i64(self.slot(base)),
            self.int_to_i64(self.slot(base + 1)),
        );
        if let (Some(x), Some(y)) = (x, y) {
            if !(x == i64::MIN && y == -1) {
                let (q, r) = crate::ops::floor_divmod(x, y);
                let q = self.new_int(q)?;
                self.push(q)?;
                let r = self.new_int(r)?;
                self.push(r)?;
                return self.tuple_from_stack(base + 2, 2);
            }
        }
        let (na, nb) = (ra.len, rb.len);
        let (nq, nr, ns) = (na.saturating_sub(nb) + 2, na.max(nb), na + nb + 1);
        let tmp = self.int_tmp(nq + nr + ns)?;
        let (ra, rb) = self.refs(base);
        let r = self.int_compute(ra, rb, tmp, |a, b, w| {
            let (q, rest) = w.split_at_mut(nq);
            let (r, scratch) = rest.split_at_mut(nr);
            bn::floor_divmod(a, b, q, r, scratch)
        });
        let (qs, rs) = r.map_err(|e| self.num_error(e))?;
        self.push(tmp)?;
        let r = self.int_copy_out(base + 2, nq, rs.len, rs.neg)?;
        self.push(r)?;
        let tmp = self.slot(base + 2);
        let q = self.int_finish(tmp, qs.neg, qs.len);
        self.set_slot(base + 2, q);
        self.tuple_from_stack(base + 2, 2)
    }

    /// `pow(a, b, m)` for ints.
    pub fn int_pow_mod(&mut self, a: Value, b: Value, m: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push_many(&[a, b, m])?;
        let r = self.int_pow_mod_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn int_pow_mod_rooted(&mut self, base: usize) -> PyResult<Value> {
        let m = self.slot(base + 2);
        let rm = self.int_ref(m);
        if rm.is_zero() {
            return Err(self.raise_msg(TypeId::ValueError, "pow() 3rd argument cannot be 0"));
        }
        // |m| in slot base + 3.
        let am = if rm.neg {
            self.unary_op(Op::UNARY_NEGATIVE, m)?
        } else {
            m
        };
        self.push(am)?;
        // base % |m| (non-negative) in slot base.
        let (a, am) = (self.slot(base), self.slot(base + 3));
        let a = self.int_op(BinOp::Mod, a, am)?;
        self.set_slot(base, a);
        if self.int_ref(self.slot(base + 1)).neg {
            let a = self.int_mod_inverse(base, base + 3)?;
            self.set_slot(base, a);
            let e = self.slot(base + 1);
            let e = self.unary_op(Op::UNARY_NEGATIVE, e)?;
            self.set_slot(base + 1, e);
        }
        let (na, nm) = (
            self.int_ref(self.slot(base)).len,
            self.int_ref(self.slot(base + 3)).len,
        );
        let ns = bn::pow_mod_scratch_len(na, nm);
        let tmp = self.int_tmp(nm + ns)?;
        let (ra, re, rm) = (
            self.int_ref(self.slot(base)),
            self.int_ref(self.slot(base + 1)),
            self.int_ref(self.slot(base + 3)),
        );
        let start = tmp.word() + 2;
        let end = tmp.word() + self.heap.size(tmp);
        let (lo, hi) = self.heap.words.split_at_mut(start);
        let (out, scratch) = hi[..end - start].split_at_mut(nm);
        let r = bn::pow_mod(ra.mag(lo), re.mag(lo), rm.mag(lo), out, scratch);
        let n = r.map_err(|e| self.num_error(e))?;
        let r = self.int_finish(tmp, false, n);
        if self.int_ref(self.slot(base + 2)).neg && n > 0 {
            // The result takes the sign of the modulus.
            let m = self.slot(base + 2);
            return self.int_op(BinOp::Add, r, m);
        }
        Ok(r)
    }

    /// The inverse of the int in slot `a` modulo the positive int in slot
    /// `n` (extended Euclid), or ValueError.
    fn int_mod_inverse(&mut self, a: usize, n: usize) -> PyResult<Value> {
        // Slots: old_r, r, old_s, s, q.
        let w = self.sp();
        self.push(self.slot(a))?;
        self.push(self.slot(n))?;
        self.push(Value::int(1))?;
        self.push(Value::int(0))?;
        self.push(Value::int(0))?;
        while !self.int_ref(self.slot(w + 1)).is_zero() {
            let q = self.int_op(BinOp::FloorDiv, self.slot(w), self.slot(w + 1))?;
            self.set_slot(w + 4, q);
            for (x, y) in [(w, w + 1), (w + 2, w + 3)] {
                let t = self.int_op(BinOp::Mul, self.slot(w + 4), self.slot(y))?;
                let t = self.int_op(BinOp::Sub, self.slot(x), t)?;
                let old = self.slot(y);
                self.set_slot(x, old);
                self.set_slot(y, t);
            }
        }
        if self.int_to_i64(self.slot(w)) != Some(1) {
            self.heap.truncate(w);
            return Err(self.raise_msg(
                TypeId::ValueError,
                "base is not invertible for the given modulus",
            ));
        }
        let r = self.int_op(BinOp::Mod, self.slot(w + 2), self.slot(n));
        self.heap.truncate(w);
        r
    }

    // ---- unary, hash, conversions ---------------------------------------------------

    /// `-x`, `+x`, `~x` on a big int.
    pub(crate) fn bigint_unary(&mut self, op: Op, v: Value) -> PyResult<Value> {
        if op == Op::UNARY_POSITIVE {
            return Ok(v);
        }
        let base = self.sp();
        self.push(v)?;
        let na = self.int_ref(v).len;
        let r = self.int_tmp(na + 1).and_then(|tmp| {
            let ra = self.int_ref(self.slot(base));
            let r = self.int_compute(ra, ra, tmp, |a, _, out| {
                if op == Op::UNARY_NEGATIVE {
                    let n = a.mag.len();
                    out[..n].copy_from_slice(a.mag);
                    Ok(SignedLen {
                        neg: !a.neg && n > 0,
                        len: bn::normalized_len(&out[..n]),
                    })
                } else {
                    bn::invert(a, out)
                }
            });
            self.int_done(tmp, r)
        });
        self.heap.truncate(base);
        r
    }

    /// `abs(v)` for an int.
    pub fn int_abs(&mut self, v: Value) -> PyResult<Value> {
        if self.int_ref(v).neg {
            self.unary_op(Op::UNARY_NEGATIVE, v)
        } else if v == Value::TRUE || v == Value::FALSE {
            Ok(Value::int((v == Value::TRUE) as i32))
        } else {
            Ok(v)
        }
    }

    /// Whether an int is negative.
    pub fn int_is_negative(&self, v: Value) -> bool {
        self.int_ref(v).neg
    }

    /// `v.bit_length()` of an int.
    pub fn int_bit_length(&self, v: Value) -> u64 {
        let r = self.int_ref(v);
        bn::bit_length(r.mag(&self.heap.words))
    }

    /// Number of one bits in `abs(v)`.
    pub fn int_bit_count(&self, v: Value) -> u64 {
        let r = self.int_ref(v);
        r.mag(&self.heap.words)
            .iter()
            .map(|l| l.count_ones() as u64)
            .sum()
    }

    /// hash() of a big int (CPython's: modulo 2**61 - 1).
    pub(crate) fn bigint_hash(&self, v: Value) -> i64 {
        const P: u128 = (1 << 61) - 1;
        let (neg, limbs) = self.bigint_parts(v);
        let mut h: u128 = 0;
        for &l in limbs.iter().rev() {
            h = ((h << 32) | l as u128) % P;
        }
        let h = h as i64;
        let h = if neg { -h } else { h };
        if h == -1 {
            -2
        } else {
            h
        }
    }

    /// A big int as the nearest f64, OverflowError when too large.
    pub(crate) fn bigint_to_f64(&mut self, v: Value) -> PyResult<f64> {
        let f = self.bigint_to_f64_lossy(v);
        if f.is_infinite() {
            return Err(self.raise_msg(TypeId::OverflowError, "int too large to convert to float"));
        }
        Ok(f)
    }

    /// Any int as the nearest f64 (correctly rounded), OverflowError when
    /// too large.
    pub fn int_to_f64_checked(&mut self, v: Value) -> PyResult<f64> {
        if let Some(i) = self.int_to_i64(v) {
            return Ok(i as f64);
        }
        self.bigint_to_f64(v)
    }

    /// A big int as the nearest f64 (round-half-even; ±inf when too large).
    pub(crate) fn bigint_to_f64_lossy(&self, v: Value) -> f64 {
        if let Some(i) = self.int_to_i64(v) {
            return i as f64;
        }
        let r = self.int_ref(v);
        let f = bn::to_f64(r.mag(&self.heap.words)).unwrap_or(f64::INFINITY);
        if r.neg {
            -f
        } else {
            f
        }
    }

    /// Orders two ints, at least one big.
    pub(crate) fn bigint_cmp(&self, a: Value, b: Value) -> Ordering {
        let (ra, rb) = (self.int_ref(a), self.int_ref(b));
        let w = &self.heap.words;
        bn::signed_cmp(ra.signed(w), rb.signed(w))
    }

    /// Exact comparison of an int with a float (None when `f` is NaN).
    pub fn int_cmp_f64(&self, v: Value, f: f64) -> Option<Ordering> {
        let r = self.int_ref(v);
        bn::cmp_f64(r.signed(&self.heap.words), f)
    }

    /// The int with the integer part of a float (`int(f)`, truncating).
    pub fn int_from_f64(&mut self, f: f64) -> PyResult<Value> {
        if f.is_nan() {
            return Err(self.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(self.raise_msg(
                TypeId::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        if f.abs() < 9.0e18 {
            return self.new_int(f as i64);
        }
        let tmp = self.int_tmp(bn::FROM_F64_LIMBS)?;
        let r = self.int_compute(
            IntRef {
                neg: false,
                inline: [0; 2],
                len: 0,
                at: 0,
            },
            IntRef {
                neg: false,
                inline: [0; 2],
                len: 0,
                at: 0,
            },
            tmp,
            |_, _, out| bn::from_f64(f, out),
        );
        match r {
            Ok((neg, n)) => Ok(self.int_finish(tmp, neg, n)),
            Err(e) => Err(self.num_error(e)),
        }
    }

    /// An int from two's-complement or unsigned bytes (`int.from_bytes`).
    /// `data` is a bytes-like object; it is rooted here.
    pub fn int_from_bytes(&mut self, data: Value, little: bool, signed: bool) -> PyResult<Value> {
        let base = self.sp();
        self.push(data)?;
        let n = self.bytes_like_data(data).len();
        let nl = n.div_ceil(4);
        let r = self.int_tmp(nl + 1).map(|tmp| {
            let data = self.slot(base);
            let mut neg = false;
            for i in 0..n {
                let d = self.bytes_like_data(data);
                let byte = if little { d[i] } else { d[n - 1 - i] } as u32;
                if i == n - 1 {
                    neg = signed && byte & 0x80 != 0;
                }
                let l = self.heap.raw(tmp, 1 + i / 4);
                self.heap.set_raw(tmp, 1 + i / 4, l | byte << (8 * (i % 4)));
            }
            if neg {
                // Magnitude = 2^(8n) - value: invert within 8n bits, add 1.
                let limbs = &mut self.heap.payload_mut(tmp, 1)[..nl + 1];
                for (i, l) in limbs[..nl].iter_mut().enumerate() {
                    let bits = (8 * n - 32 * i).min(32);
                    let mask = if bits == 32 {
                        u32::MAX
                    } else {
                        (1 << bits) - 1
                    };
                    *l = !*l & mask;
                }
                for l in limbs.iter_mut() {
                    let (v, c) = l.overflowing_add(1);
                    *l = v;
                    if !c {
                        break;
                    }
                }
            }
            let len = bn::normalized_len(&self.heap.payload(tmp, 1)[..nl + 1]);
            self.int_finish(tmp, neg, len)
        });
        self.heap.truncate(base);
        r
    }

    /// Byte `i` (little-endian) of the two's complement of an int: the
    /// magnitude's bytes for non-negative values, `!mag + 1` for negative
    /// ones (`carry` tracks the +1 across bytes; start it at 1).
    pub fn int_twos_byte(&self, v: Value, i: usize, carry: &mut u32) -> u8 {
        let r = self.int_ref(v);
        let mag = r.mag(&self.heap.words);
        let b = mag
            .get(i / 4)
            .map(|l| (l >> (8 * (i % 4))) as u8)
            .unwrap_or(0);
        if !r.neg {
            return b;
        }
        let x = (!b) as u32 + *carry;
        *carry = x >> 8;
        x as u8
    }

    /// Whether `|v| == 2^k` for `k = bit_length - 1` (the most negative
    /// value of a signed width fits).
    pub fn int_is_power_of_two(&self, v: Value) -> bool {
        let r = self.int_ref(v);
        let mag = r.mag(&self.heap.words);
        let ones: u32 = mag.iter().map(|l| l.count_ones()).sum();
        ones == 1
    }

    // ---- text -------------------------------------------------------------------------

    /// An int as text in `radix` (2..=36) after an optional `-` and
    /// `prefix` (`hex(-255)` is `int_to_radix_str(v, 16, "0x")` = `-0xff`).
    /// Decimal output obeys CPython's 4300-digit limit.
    pub fn int_to_radix_str(&mut self, v: Value, radix: u32, prefix: &str) -> PyResult<Value> {
        if let Some(i) = self.int_to_i64(v) {
            let mut m = Msg::new();
            let sign = if i < 0 { "-" } else { "" };
            let u = i.unsigned_abs();
            let _ = match radix {
                16 => write!(m, "{sign}{prefix}{u:x}"),
                8 => write!(m, "{sign}{prefix}{u:o}"),
                2 => write!(m, "{sign}{prefix}{u:b}"),
                10 => write!(m, "{sign}{prefix}{u}"),
                _ => {
                    let _ = write!(m, "{sign}{prefix}");
                    let mut digits = [0u8; 64];
                    let mut k = digits.len();
                    let mut u = u;
                    loop {
                        k -= 1;
                        digits[k] = RADIX_DIGITS[(u % radix as u64) as usize];
                        u /= radix as u64;
                        if u == 0 {
                            break;
                        }
                    }
                    m.write_str(core::str::from_utf8(&digits[k..]).unwrap_or(""))
                }
            };
            return self.new_str(m.as_str());
        }
        let base = self.sp();
        self.push(v)?;
        let r = self.bigint_to_radix_str(base, radix, prefix);
        self.heap.truncate(base);
        r
    }

    fn bigint_to_radix_str(&mut self, slot: usize, radix: u32, prefix: &str) -> PyResult<Value> {
        let r = self.int_ref(self.slot(slot));
        let na = r.len;
        if radix == 10 && bn::bit_length(r.mag(&self.heap.words)) >= 14286 {
            return Err(self.int_digits_limit_error(None));
        }
        let nbytes = 1 + prefix.len() + bn::radix_digits_bound(na, radix);
        let text_words = words_for(nbytes);
        let scratch = bn::to_radix_scratch_len(na);
        if DATA + text_words + scratch >= MAX_WORDS {
            return Err(self.raise_memory_error());
        }
        let s = self.alloc(kind::STR, DATA + text_words + scratch)?;
        let r = self.int_ref(self.slot(slot));
        let start = s.word() + 1 + DATA;
        let end = s.word() + self.heap.size(s);
        let (lo, hi) = self.heap.words.split_at_mut(start);
        let (text, scratch) = hi[..end - start].split_at_mut(text_words);
        let mut sink = SliceSink::new(words_as_bytes_mut(text));
        if r.neg {
            sink.put(b"-");
        }
        sink.put(prefix.as_bytes());
        let res = bn::to_radix(r.mag(lo), radix, scratch, &mut sink);
        let (len, overflow) = (sink.len, sink.overflow);
        if res.is_err() || overflow {
            self.heap.shrink(s, 0);
            return Err(self.raise_msg(TypeId::SystemError, "int to text conversion failed"));
        }
        if radix == 10 && len - r.neg as usize > MAX_STR_DIGITS {
            self.heap.shrink(s, 0);
            return Err(self.int_digits_limit_error(None));
        }
        self.heap.set_raw(s, HASH, 0);
        self.heap.set_raw(s, NCHARS, len as u32);
        self.heap.set_raw(s, NBYTES, len as u32);
        self.heap.shrink(s, DATA + words_for(len));
        Ok(s)
    }

    fn int_digits_limit_error(&mut self, ndigits: Option<usize>) -> Raised {
        match ndigits {
            Some(n) => self.raise_fmt(
                TypeId::ValueError,
                format_args!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
                     value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
                ),
            ),
            None => self.raise_fmt(
                TypeId::ValueError,
                format_args!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit"
                ),
            ),
        }
    }

    /// `int(s, base)` for a str, bytes or bytearray `s` (read in place on
    /// the heap). `shown_base` is the base as the caller gave it (for the
    /// error message).
    pub fn int_from_text_value(&mut self, s: Value, base: u32) -> PyResult<Value> {
        let b = self.sp();
        self.push(s)?;
        let r = self.int_from_text_rooted(b, base);
        self.heap.truncate(b);
        r
    }

    /// The text bytes of a str or bytes-like object (immediates via `buf`).
    fn text_of<'a>(&'a self, v: Value, buf: &'a mut [u8; 4]) -> &'a [u8] {
        if self.is_str(v) {
            self.str_bytes_buf(v, buf)
        } else {
            self.bytes_like_data(v)
        }
    }

    fn int_from_text_rooted(&mut self, slot: usize, base: u32) -> PyResult<Value> {
        let mut buf = [0; 4];
        let v = self.slot(slot);
        let text = self.text_of(v, &mut buf);
        let parsed = match parse_int(text, base) {
            Ok(p) => p,
            Err(IntParseError::BadBase) => {
                return Err(self.raise_msg(
                    TypeId::ValueError,
                    "int() base must be >= 2 and <= 36, or 0",
                ))
            }
            Err(IntParseError::Invalid) => return Err(self.int_literal_error(slot, base)),
        };
        if let Some(i) = parsed.to_i64() {
            return self.new_int(i);
        }
        let (neg, radix, ndigits) = (parsed.neg, parsed.radix, parsed.ndigits);
        // Offsets of the digits inside the text (the text moves on allocation).
        let from = parsed.digits.as_ptr() as usize - text.as_ptr() as usize;
        let dlen = parsed.digits.len();
        if !radix.is_power_of_two() && ndigits > MAX_STR_DIGITS {
            return Err(self.int_digits_limit_error(Some(ndigits)));
        }
        let nl = bn::from_radix_len_bound(ndigits, radix);
        let tmp = self.int_tmp(nl)?;
        // Where the text is now, as a byte offset into the heap block.
        let v = self.slot(slot);
        let mut buf = [0; 4];
        let text = self.text_of(v, &mut buf);
        if !v.is_heap() || text.len() < from + dlen {
            return Err(self.int_literal_error(slot, base));
        }
        let at = text.as_ptr() as usize - self.heap.words.as_ptr() as usize + from;
        let start = tmp.word() + 2;
        let end = tmp.word() + self.heap.size(tmp);
        let (lo, hi) = self.heap.words.split_at_mut(start);
        let digits = &crate::heap::words_as_bytes(lo)[at..at + dlen];
        let r = bn::from_radix(digits, radix, &mut hi[..end - start]);
        match r {
            Ok(n) => Ok(self.int_finish(tmp, neg, n)),
            Err(_) => Err(self.int_literal_error(slot, base)),
        }
    }

    /// ValueError "invalid literal for int() with base N: <repr>".
    fn int_literal_error(&mut self, slot: usize, base: u32) -> Raised {
        let v = self.slot(slot);
        let r = (|| -> PyResult<Value> {
            let rep = self.repr(v)?;
            let rep_slot = self.sp();
            self.push(rep)?;
            let mut m = Msg::new();
            let _ = write!(m, "invalid literal for int() with base {base}: ");
            let mut b = self.builder(64)?;
            let r = (|| {
                self.builder_push(&mut b, m.as_str())?;
                let rep = self.slot(rep_slot);
                let n = self.str_len(rep);
                if n <= 200 {
                    self.builder_push_str(&mut b, rep)
                } else {
                    let cut = self.str_slice_chars(rep, 0, 200)?;
                    self.builder_push_str(&mut b, cut)
                }
            })();
            if let Err(e) = r {
                self.builder_drop(b);
                return Err(e);
            }
            let s = self.builder_finish(b);
            self.heap.truncate(rep_slot);
            s
        })();
        match r {
            Ok(s) => self.raise_with_arg(TypeId::ValueError, s),
            Err(e) => e,
        }
    }
}

/// `int(text, base)` for text outside the heap (source literals, platform
/// input): CPython's syntax, errors and digit limit.
pub fn int_from_str(vm: &mut Vm, text: &[u8], base: u32) -> PyResult<Value> {
    let parsed = match parse_int(text, base) {
        Ok(p) => p,
        Err(IntParseError::BadBase) => {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "int() base must be >= 2 and <= 36, or 0",
            ))
        }
        Err(IntParseError::Invalid) => {
            let s = vm.new_str_from_utf8(text)?;
            let b = vm.sp();
            vm.push(s)?;
            let e = vm.int_literal_error(b, base);
            vm.heap.truncate(b);
            return Err(e);
        }
    };
    if let Some(i) = parsed.to_i64() {
        return vm.new_int(i);
    }
    if !parsed.radix.is_power_of_two() && parsed.ndigits > MAX_STR_DIGITS {
        return Err(vm.int_digits_limit_error(Some(parsed.ndigits)));
    }
    let nl = bn::from_radix_len_bound(parsed.ndigits, parsed.radix);
    let tmp = vm.int_tmp(nl)?;
    let r = bn::from_radix(
        parsed.digits,
        parsed.radix,
        &mut vm.heap.payload_mut(tmp, 1)[..nl],
    );
    match r {
        Ok(n) => Ok(vm.int_finish(tmp, parsed.neg, n)),
        Err(e) => Err(vm.num_error(e)),
    }
}
