//! int: small ints are immediates; larger ones are BIGINT objects
//! `[sign << 31 | nlimbs][limbs...]` (little-endian u32 magnitude limbs,
//! never representable as a small int: every constructor normalises).
//! bool is an int subtype whose two values are the immediates True/False.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The methods of int (in `int_methods.rs`).
pub static METHODS: &[NativeDef] = crate::objects::int_methods::METHODS;

/// Sign bit of a BIGINT's first payload word.
pub const SIGN: u32 = 1 << 31;

impl Vm {
    /// An int from an i64 (small or big).
    pub fn new_int(&mut self, i: i64) -> PyResult<Value> {
        if let Some(v) = Value::small(i) {
            return Ok(v);
        }
        let neg = i < 0;
        let m = i.unsigned_abs();
        let limbs = [m as u32, (m >> 32) as u32];
        self.new_bigint(neg, &limbs)
    }

    /// An int from a sign and magnitude limbs (normalised: small when it fits).
    pub fn new_bigint(&mut self, neg: bool, limbs: &[u32]) -> PyResult<Value> {
        let mut n = limbs.len();
        while n > 0 && limbs[n - 1] == 0 {
            n -= 1;
        }
        let limbs = &limbs[..n];
        if n <= 2 {
            let m = limbs.first().copied().unwrap_or(0) as u64
                | (limbs.get(1).copied().unwrap_or(0) as u64) << 32;
            if m <= i64::MAX as u64 {
                let i = if neg { -(m as i64) } else { m as i64 };
                if let Some(v) = Value::small(i) {
                    return Ok(v);
                }
            }
        }
        let v = self.alloc(kind::BIGINT, 1 + n)?;
        self.heap
            .set_raw(v, 0, n as u32 | if neg { SIGN } else { 0 });
        self.heap.payload_mut(v, 1).copy_from_slice(limbs);
        Ok(v)
    }

    /// Whether `v` is an int (bool included).
    #[inline]
    pub fn is_int(&self, v: Value) -> bool {
        v.is_small() || v == Value::TRUE || v == Value::FALSE || self.heap.kind(v) == kind::BIGINT
    }

    /// The value of an int as i64, if it fits (bools included).
    pub fn int_to_i64(&self, v: Value) -> Option<i64> {
        if v.is_small() {
            return Some(v.small_value());
        }
        if v == Value::TRUE {
            return Some(1);
        }
        if v == Value::FALSE {
            return Some(0);
        }
        if self.heap.kind(v) != kind::BIGINT {
            return None;
        }
        let (neg, limbs) = self.bigint_parts(v);
        if limbs.len() > 2 {
            return None;
        }
        let m = limbs[0] as u64 | (limbs.get(1).copied().unwrap_or(0) as u64) << 32;
        if neg {
            if m <= 1 << 63 {
                return Some((m as i64).wrapping_neg());
            }
            None
        } else {
            i64::try_from(m).ok()
        }
    }

    /// Sign and magnitude of a BIGINT.
    pub fn bigint_parts(&self, v: Value) -> (bool, &[u32]) {
        let h = self.heap.raw(v, 0);
        let n = (h & !SIGN) as usize;
        (h & SIGN != 0, &self.heap.payload(v, 1)[..n])
    }
}

/// `int(x=0)` / `int(x, base=10)`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::int_methods::int_new(vm, args)
}

/// `bool(x=False)`
pub fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "bool", 0, 1)?;
    if args.npos() == 0 {
        return Ok(Value::FALSE);
    }
    let v = vm.slot(args.base);
    Ok(Value::bool(vm.truthy(v)?))
}
