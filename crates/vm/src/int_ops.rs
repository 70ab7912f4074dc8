//! Integer arithmetic beyond the small-int fast path: i64 first, then big
//! ints (sign + magnitude limbs, see `objects/int.rs`).

use crate::heap::kind;
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use core::cmp::Ordering;
use fzpy_bytecode::{BinOp, Op};

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
                        return Err(self.raise_msg(
                            TypeId::ZeroDivisionError,
                            "integer division or modulo by zero",
                        ));
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
                    return self.new_float(x as f64 / y as f64);
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
                    if y < 63 && (x << y) >> y == x {
                        Some(x << y)
                    } else {
                        None
                    }
                }
                BinOp::Pow => {
                    if y < 0 {
                        if x == 0 {
                            return Err(self.raise_msg(
                                TypeId::ZeroDivisionError,
                                "0.0 cannot be raised to a negative power",
                            ));
                        }
                        return self.new_float(libm::pow(x as f64, y as f64));
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
            if op == BinOp::MatMul {
                return Err(self.raise_msg(
                    TypeId::TypeError,
                    "unsupported operand type(s) for @: 'int' and 'int'",
                ));
            }
        }
        self.bigint_op(op, a, b)
    }

    /// Big-int arithmetic (results beyond i64).
    pub(crate) fn bigint_op(&mut self, op: BinOp, _a: Value, _b: Value) -> PyResult<Value> {
        let _ = op;
        Err(self.raise_msg(
            TypeId::OverflowError,
            "integer result too large (big ints are not finished yet)",
        ))
    }

    /// `-x`, `+x`, `~x` on a big int.
    pub(crate) fn bigint_unary(&mut self, op: Op, v: Value) -> PyResult<Value> {
        let (neg, limbs) = self.bigint_parts(v);
        let mut buf = [0u32; 4];
        if limbs.len() <= 4 && op == Op::UNARY_NEGATIVE {
            let n = limbs.len();
            buf[..n].copy_from_slice(limbs);
            return self.new_bigint(!neg, &buf[..n]);
        }
        if op == Op::UNARY_POSITIVE {
            return Ok(v);
        }
        Err(self.raise_msg(
            TypeId::OverflowError,
            "integer result too large (big ints are not finished yet)",
        ))
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

    /// A big int as f64 (inf when too large; rounding may be off by an ulp).
    pub(crate) fn bigint_to_f64_lossy(&self, v: Value) -> f64 {
        if let Some(i) = self.int_to_i64(v) {
            return i as f64;
        }
        let (neg, limbs) = self.bigint_parts(v);
        let mut f = 0.0;
        for &l in limbs.iter().rev() {
            f = f * 4_294_967_296.0 + l as f64;
        }
        if neg {
            -f
        } else {
            f
        }
    }

    /// Orders two ints, at least one big.
    pub(crate) fn bigint_cmp(&self, a: Value, b: Value) -> Ordering {
        let sign = |vm: &Vm, v: Value| -> i32 {
            if let Some(i) = vm.int_to_i64(v) {
                return i.signum() as i32;
            }
            if vm.heap.kind(v) == kind::BIGINT && vm.bigint_parts(v).0 {
                -1
            } else {
                1
            }
        };
        let (sa, sb) = (sign(self, a), sign(self, b));
        if sa != sb {
            return sa.cmp(&sb);
        }
        let mag = |vm: &Vm, v: Value| -> (usize, [u32; 2], bool) {
            if let Some(i) = vm.int_to_i64(v) {
                let m = i.unsigned_abs();
                (
                    if m >> 32 != 0 {
                        2
                    } else if m != 0 {
                        1
                    } else {
                        0
                    },
                    [m as u32, (m >> 32) as u32],
                    true,
                )
            } else {
                (vm.bigint_parts(v).1.len(), [0, 0], false)
            }
        };
        let (la, sma, ia) = mag(self, a);
        let (lb, smb, ib) = mag(self, b);
        let o = if la != lb {
            la.cmp(&lb)
        } else {
            let xa: &[u32] = if ia {
                &sma[..la]
            } else {
                self.bigint_parts(a).1
            };
            let xb: &[u32] = if ib {
                &smb[..lb]
            } else {
                self.bigint_parts(b).1
            };
            xa.iter().rev().cmp(xb.iter().rev())
        };
        if sa < 0 {
            o.reverse()
        } else {
            o
        }
    }
}
