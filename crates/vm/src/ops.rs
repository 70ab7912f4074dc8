//! Operators on values: truth, equality, hashing, arithmetic, comparison,
//! membership, items, length, unpacking.
//!
//! Each operation tries the builtin types natively first (small ints and
//! floats without allocating where possible), then user special methods
//! with CPython's reflected-operand rules, then raises CPython's TypeError.

use crate::heap::kind;
use crate::objects::class::inst;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;
use fzpy_bytecode::{BinOp, CmpOp, Op};

impl Vm {
    // ---- truth, identity, equality, hashing ---------------------------------

    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v == Value::TRUE {
            return Ok(true);
        }
        if v == Value::FALSE || v == Value::NONE {
            return Ok(false);
        }
        if v.is_small() {
            return Ok(v.small_value() != 0);
        }
        if v.is_imm_of(imm::CHAR) {
            return Ok(v != Value::EMPTY_STR);
        }
        match self.heap.kind(v) {
            kind::FLOAT => return Ok(self.float_value(v) != 0.0),
            kind::BIGINT | kind::STR => return Ok(true),
            kind::LIST => return Ok(self.list_len(v) > 0),
            kind::TUPLE => return Ok(self.tuple_len(v) > 0),
            kind::DICT | kind::SET | kind::FROZENSET => return Ok(self.dict_len(v) > 0),
            kind::BYTES | kind::BYTEARRAY => return Ok(!self.bytes_like_data(v).is_empty()),
            kind::RANGE => return Ok(self.range_len(v)? > 0),
            kind::DICT_VIEW => return Ok(self.dict_len(self.heap.get(v, 0)) > 0),
            kind::INSTANCE => {}
            _ => return Ok(true),
        }
        if let Some(m) = self.user_special(v, "__bool__") {
            let r = self.call(m, &[v])?;
            if r == Value::TRUE || r == Value::FALSE {
                return Ok(r == Value::TRUE);
            }
            let mut buf = [0; 4];
            let mut msg = Msg::new();
            let _ = write!(
                msg,
                "__bool__ should return bool, returned {}",
                self.type_name(r, &mut buf)
            );
            return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
        }
        if self.user_special(v, "__len__").is_some() {
            return Ok(self.len(v)? > 0);
        }
        let b = self.heap.get(v, inst::BASE);
        if !b.is_null() {
            return self.truthy(b);
        }
        Ok(true)
    }

    /// `a is b`.
    #[inline]
    pub fn is_same(&self, a: Value, b: Value) -> bool {
        a == b
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b && !self.is_float(a) {
            return Ok(true);
        }
        if let Some(r) = self.eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(r)
    }

    /// Equality decided without running Python code or allocating, when possible.
    fn eq_fast(&self, a: Value, b: Value) -> Option<bool> {
        if a.is_small() && b.is_small() {
            return Some(a == b);
        }
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        let sa = a.is_imm_of(imm::CHAR) || ka == kind::STR;
        let sb = b.is_imm_of(imm::CHAR) || kb == kind::STR;
        if sa && sb {
            return Some(self.str_eq(a, b));
        }
        if sa != sb && !(ka == kind::INSTANCE || kb == kind::INSTANCE) {
            return Some(false);
        }
        None
    }

    /// The stable identity number of an object (for id() and default hashes).
    pub fn identity_hash(&mut self, v: Value) -> u32 {
        let slot = match self.heap.kind(v) {
            kind::INSTANCE => Some(inst::ID),
            kind::FUNCTION => Some(crate::objects::function::func::ID),
            kind::CLASS => Some(crate::objects::class::cls::ID),
            _ => None,
        };
        if let Some(i) = slot {
            let id = self.heap.get(v, i);
            if id.is_small() {
                return id.small_value() as u32;
            }
            self.next_id = self.next_id.wrapping_add(1) & 0x3fff_ffff;
            let n = self.next_id;
            self.heap.set(v, i, Value::int(n as i32));
            return n;
        }
        v.0 >> 2
    }

    /// `hash(v)` as Python sees it.
    pub fn py_hash(&mut self, v: Value) -> PyResult<i64> {
        if let Some(i) = self.int_to_i64(v) {
            return Ok(hash_int(i));
        }
        match self.heap.kind(v) {
            kind::FLOAT => return Ok(hash_float(self.float_value(v))),
            kind::BIGINT => return Ok(self.bigint_hash(v)),
            kind::STR => return Ok(self.str_hash(v) as i64),
            kind::BYTES => return Ok(crate::objects::str::hash_bytes(self.bytes_data(v)) as i64),
            kind::TUPLE => {
                let mut h: u64 = 0x345678;
                let n = self.tuple_len(v);
                self.push(v)?;
                for i in 0..n {
                    let t = self.heap.peek(0);
                    let x = self.tuple_get(t, i);
                    let xh = self.py_hash(x);
                    let xh = match xh {
                        Ok(x) => x,
                        Err(e) => {
                            self.pop();
                            return Err(e);
                        }
                    };
                    h = (h ^ xh as u64).wrapping_mul(1_000_003) ^ (n as u64);
                }
                self.pop();
                return Ok((h >> 2) as i64 & 0x3fff_ffff_ffff);
            }
            kind::FROZENSET => {
                let mut h: u64 = 1_927_868_237;
                for i in 0..self.dict_used(v) {
                    let e = self.heap.get(v, crate::objects::dict::ENTRIES);
                    let k = self.heap.get(e, i * 3 + 1);
                    if !k.is_null() {
                        let kh = self.heap.get(e, i * 3).small_value() as u64;
                        h ^= (kh ^ (kh << 16) ^ 89_869_747).wrapping_mul(3_644_798_167);
                    }
                }
                return Ok((h & 0x3fff_ffff_ffff) as i64);
            }
            kind::LIST | kind::DICT | kind::SET | kind::BYTEARRAY => {
                return Err(self.unhashable(v));
            }
            kind::RANGE => {
                // Equal ranges hash equal: by (length, first, step) as CPython.
                let n = self.range_len(v)? as i64;
                let (a, _, s) = self.range_parts(v);
                let (a, s) = if n == 0 {
                    (0, 0)
                } else if n == 1 {
                    (a, 0)
                } else {
                    (a, s)
                };
                let mut h: u64 = 0x345678;
                for x in [n, a, s] {
                    h = (h ^ hash_int(x) as u64).wrapping_mul(1_000_003);
                }
                return Ok((h >> 2) as i64 & 0x3fff_ffff_ffff);
            }
            kind::INSTANCE | kind::EXCEPTION => {
                if let Some(m) = self.user_special(v, "__hash__") {
                    if m.is_none() {
                        return Err(self.unhashable(v));
                    }
                    let r = self.call(m, &[v])?;
                    return match self.int_to_i64(r) {
                        Some(i) => Ok(i),
                        None if self.heap.kind(r) == kind::BIGINT => Ok(self.bigint_hash(r)),
                        None => Err(self.raise_msg(
                            TypeId::TypeError,
                            "__hash__ method should return an integer",
                        )),
                    };
                }
                if self.user_special(v, "__eq__").is_some() {
                    return Err(self.unhashable(v));
                }
                if self.heap.kind(v) == kind::INSTANCE {
                    let b = self.heap.get(v, inst::BASE);
                    if !b.is_null() {
                        return self.py_hash(b);
                    }
                }
            }
            _ => {}
        }
        if v.is_imm_of(imm::CHAR) {
            return Ok(self.str_hash(v) as i64);
        }
        Ok(self.identity_hash(v) as i64)
    }

    /// The hash used by dicts and sets (30 bits of `hash(v)`).
    pub fn hash(&mut self, v: Value) -> PyResult<u32> {
        if v.is_small() {
            return Ok((hash_int(v.small_value()) as u64 & 0x3fff_ffff) as u32);
        }
        if self.heap.kind(v) == kind::STR || v.is_imm_of(imm::CHAR) {
            return Ok(self.str_hash(v));
        }
        Ok((self.py_hash(v)? as u64 & 0x3fff_ffff) as u32)
    }

    fn unhashable(&mut self, v: Value) -> Raised {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(m, "unhashable type: '{}'", self.type_name(v, &mut buf));
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    // ---- numbers ---------------------------------------------------------------

    /// A number as f64 for mixed arithmetic (ints, bools, floats).
    pub fn as_f64(&mut self, v: Value) -> PyResult<Option<f64>> {
        if let Some(i) = self.int_to_i64(v) {
            return Ok(Some(i as f64));
        }
        if self.is_float(v) {
            return Ok(Some(self.float_value(v)));
        }
        if self.heap.kind(v) == kind::BIGINT {
            return self.bigint_to_f64(v).map(Some);
        }
        Ok(None)
    }

    /// `v + 1` for ints (enumerate's counter).
    pub fn add_one(&mut self, v: Value) -> PyResult<Value> {
        self.binary_op(BinOp::Add, v, Value::int(1), false)
    }

    /// `v - 1` for ints.
    pub fn sub_one(&mut self, v: Value) -> PyResult<Value> {
        self.binary_op(BinOp::Sub, v, Value::int(1), false)
    }

    /// An integer usable as an index (`__index__`).
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        if let Some(i) = self.int_to_i64(v) {
            return Ok(i);
        }
        if self.heap.kind(v) == kind::BIGINT {
            return Err(self.raise_msg(
                TypeId::IndexError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        if let Some(m) = self.user_special(v, "__index__") {
            let r = self.call(m, &[v])?;
            if let Some(i) = self.int_to_i64(r) {
                return Ok(i);
            }
        }
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'{}' object cannot be interpreted as an integer",
            self.type_name(v, &mut buf)
        );
        Err(self.raise_msg(TypeId::TypeError, m.as_str()))
    }

    /// Unary `-`, `+`, `~`.
    pub fn unary_op(&mut self, op: Op, v: Value) -> PyResult<Value> {
        if let Some(i) = self.int_to_i64(v) {
            return match op {
                Op::UNARY_NEGATIVE => self.int_neg(v, i),
                Op::UNARY_POSITIVE => self.new_int(i),
                _ => self.new_int(!i),
            };
        }
        if self.heap.kind(v) == kind::BIGINT {
            return self.bigint_unary(op, v);
        }
        if self.is_float(v) && op != Op::UNARY_INVERT {
            let f = self.float_value(v);
            return self.new_float(if op == Op::UNARY_NEGATIVE { -f } else { f });
        }
        let (name, sym) = match op {
            Op::UNARY_NEGATIVE => ("__neg__", "-"),
            Op::UNARY_POSITIVE => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        if let Some(m) = self.user_special(v, name) {
            return self.call(m, &[v]);
        }
        // Builtin-subclass instances: the operation on their builtin value.
        let b = self.unwrap_base(v);
        if b != v {
            return self.unary_op(op, b);
        }
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "bad operand type for unary {}: '{}'",
            sym,
            self.type_name(v, &mut buf)
        );
        Err(self.raise_msg(TypeId::TypeError, m.as_str()))
    }

    fn int_neg(&mut self, v: Value, i: i64) -> PyResult<Value> {
        match i.checked_neg() {
            Some(n) => self.new_int(n),
            None => self.bigint_unary(Op::UNARY_NEGATIVE, v),
        }
    }

    /// `a OP b` (and `a OP= b` when `inplace`).
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
        // bool & | ^ bool stays bool.
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
            && (a == Value::TRUE || a == Value::FALSE)
            && (b == Value::TRUE || b == Value::FALSE)
        {
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            return Ok(Value::bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        // Small ints first: the common case, no allocation for most results.
        if a.is_small() && b.is_small() {
            if let Some(r) = self.small_int_op(op, a.small_value(), b.small_value())? {
                return Ok(r);
            }
        }
        let base = self.sp();
        self.push(a)?;
        self.push(b)?;
        let r = self.binary_op_rooted(op, base, inplace);
        self.heap.truncate(base);
        r
    }

    fn binary_op_rooted(&mut self, op: BinOp, base: usize, inplace: bool) -> PyResult<Value> {
        let (a, b) = (self.slot(base), self.slot(base + 1));
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        // User classes get the first word.
        if ka == kind::INSTANCE
            || kb == kind::INSTANCE
            || ka == kind::EXCEPTION
            || kb == kind::EXCEPTION
        {
            if let Some(r) = self.user_binary_op(op, base, inplace)? {
                return Ok(r);
            }
            let (a, b) = (self.slot(base), self.slot(base + 1));
            // Builtin-subclass instances operate on their builtin value.
            let ua = self.unwrap_base(a);
            let ub = self.unwrap_base(b);
            if ua != a || ub != b {
                self.set_slot(base, ua);
                self.set_slot(base + 1, ub);
                return self.binary_op_rooted(op, base, inplace);
            }
            // `seq * obj` where obj has __index__, `str % obj` formatting obj.
            if op == BinOp::Mul || op == BinOp::Mod {
                if let Some(r) = self.container_op(op, base, inplace)? {
                    return Ok(r);
                }
            }
            let (a, b) = (self.slot(base), self.slot(base + 1));
            return Err(self.unsupported(op, a, b));
        }
        // Numbers.
        let a_num = self.is_int(a) || ka == kind::FLOAT;
        let b_num = self.is_int(b) || kb == kind::FLOAT;
        if a_num && b_num {
            if ka == kind::FLOAT || kb == kind::FLOAT {
                if matches!(
                    op,
                    BinOp::And
                        | BinOp::Or
                        | BinOp::Xor
                        | BinOp::LShift
                        | BinOp::RShift
                        | BinOp::MatMul
                ) {
                    return Err(self.unsupported(op, a, b));
                }
                let x = self.as_f64(a)?.unwrap_or(0.0);
                let y = self.as_f64(b)?.unwrap_or(0.0);
                return self.float_op(op, x, y);
            }
            return self.int_op(op, a, b);
        }
        // Sequences, sets, dicts.
        if let Some(r) = self.container_op(op, base, inplace)? {
            return Ok(r);
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        Err(self.unsupported(op, a, b))
    }

    /// The builtin value inside an instance of a builtin subclass, else `v`.
    pub fn unwrap_base(&self, v: Value) -> Value {
        if self.heap.kind(v) == kind::INSTANCE {
            let b = self.heap.get(v, inst::BASE);
            if !b.is_null() {
                return b;
            }
        }
        v
    }

    fn unsupported(&mut self, op: BinOp, a: Value, b: Value) -> Raised {
        let mut buf1 = [0; 4];
        let mut buf2 = [0; 4];
        let (ta, tb) = (self.type_name(a, &mut buf1), self.type_name(b, &mut buf2));
        let mut m = Msg::new();
        let sa = self.is_str(a);
        if op == BinOp::Add
            && matches!(self.heap.kind(a), kind::BYTES | kind::BYTEARRAY)
            && !self.is_bytes_like(b)
        {
            let _ = write!(m, "can't concat {tb} to {ta}");
        } else if op == BinOp::Add && (sa || matches!(self.heap.kind(a), kind::LIST | kind::TUPLE))
        {
            if sa {
                let _ = write!(m, "can only concatenate str (not \"{tb}\") to str");
            } else {
                let _ = write!(m, "can only concatenate {ta} (not \"{tb}\") to {ta}");
            }
        } else if op == BinOp::Mul
            && (sa
                || self.is_str(b)
                || matches!(self.heap.kind(a), kind::LIST | kind::TUPLE)
                || matches!(self.heap.kind(b), kind::LIST | kind::TUPLE))
        {
            // Name the operand that is not the sequence.
            let a_seq = sa || matches!(self.heap.kind(a), kind::LIST | kind::TUPLE);
            let other = if a_seq { tb } else { ta };
            let _ = write!(m, "can't multiply sequence by non-int of type '{other}'");
        } else {
            let _ = write!(
                m,
                "unsupported operand type(s) for {}: '{}' and '{}'",
                if op == BinOp::Pow {
                    "** or pow()"
                } else {
                    op.symbol()
                },
                ta,
                tb
            );
        }
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    /// Special methods: `__iop__`, then `__op__` / `__rop__` with the
    /// subclass-first rule.
    fn user_binary_op(&mut self, op: BinOp, base: usize, inplace: bool) -> PyResult<Option<Value>> {
        let (a, b) = (self.slot(base), self.slot(base + 1));
        if inplace {
            if let Some(m) = self.user_special(a, op.idunder()) {
                let r = self.call(m, &[a, b])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(Some(r));
                }
            }
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let rb = if ta != tb {
            self.user_special(b, op.rdunder())
        } else {
            None
        };
        let b_first = rb.is_some() && self.is_subclass(tb, ta) && ta != tb;
        if b_first {
            let r = self.call(rb.unwrap_or(Value::NONE), &[b, a])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        if let Some(m) = self.user_special(a, op.dunder()) {
            let r = self.call(m, &[a, b])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(Some(r));
            }
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        if !b_first && ta != tb {
            if let Some(m) = self.user_special(b, op.rdunder()) {
                let r = self.call(m, &[b, a])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// Small-int arithmetic; None when the operation needs the general path.
    fn small_int_op(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv | BinOp::Mod => {
                if y == 0 {
                    return Err(self.raise_msg(
                        TypeId::ZeroDivisionError,
                        if op == BinOp::Mod {
                            "integer modulo by zero"
                        } else {
                            "integer division or modulo by zero"
                        },
                    ));
                }
                let (q, r) = floor_divmod(x, y);
                if op == BinOp::FloorDiv {
                    q
                } else {
                    r
                }
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "division by zero"));
                }
                return self.new_float(x as f64 / y as f64).map(Some);
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
                }
                if x == 0 {
                    0
                } else if y < 32 {
                    x << y
                } else {
                    return Ok(None);
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.raise_msg(TypeId::ValueError, "negative shift count"));
                }
                x >> y.min(63)
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.raise_msg(
                            TypeId::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return self.int_pow_neg_i64(x, y).map(Some);
                }
                match checked_pow(x, y) {
                    Some(r) => r,
                    None => return Ok(None),
                }
            }
            BinOp::MatMul => return Ok(None),
        };
        self.new_int(r).map(Some)
    }

    /// Float arithmetic with CPython's errors.
    fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(
                        self.raise_msg(TypeId::ZeroDivisionError, "float floor division by zero")
                    );
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.raise_msg(TypeId::ZeroDivisionError, "float modulo"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => {
                // Integral operands: exact integer power, rounded once
                // (libm's pow can be an ulp off where CPython's is not).
                if x != 0.0
                    && libm::trunc(x) == x
                    && x.abs() < 9.0e15
                    && libm::trunc(y) == y
                    && y.abs() <= 1100.0
                {
                    let (xi, yi) = (x as i64, y as i64);
                    if yi < 0 {
                        return self.int_pow_neg_i64(xi, yi);
                    }
                    let base_v = self.new_int(xi)?;
                    let r = self.int_op(BinOp::Pow, base_v, Value::from_usize(yi as usize))?;
                    let f = match self.as_f64(r) {
                        Ok(Some(f)) => f,
                        _ => {
                            self.take_exception();
                            return Err(self.raise_msg(
                                TypeId::OverflowError,
                                "(34, 'Numerical result out of range')",
                            ));
                        }
                    };
                    return self.new_float(f);
                }
                if x == 0.0 && y < 0.0 {
                    return Err(self.raise_msg(
                        TypeId::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if x < 0.0 && libm::trunc(y) != y && y.is_finite() {
                    return Err(self.raise_msg(TypeId::ValueError, "math domain error"));
                }
                let r = libm::pow(x, y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.raise_fmt(
                        TypeId::OverflowError,
                        format_args!("(34, 'Numerical result out of range')"),
                    ));
                }
                r
            }
            _ => {
                let (a, b) = (self.new_float(x)?, self.new_float(y)?);
                return Err(self.unsupported(op, a, b));
            }
        };
        self.new_float(r)
    }

    // ---- comparison -------------------------------------------------------------

    /// `a CMP b` (may return any value from user methods).
    pub fn compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if a.is_small() && b.is_small() {
            return Ok(Value::bool(cmp_ord(
                op,
                a.small_value().cmp(&b.small_value()),
            )));
        }
        let base = self.sp();
        self.push(a)?;
        self.push(b)?;
        let r = self.compare_rooted(op, base);
        self.heap.truncate(base);
        r
    }

    fn compare_rooted(&mut self, op: CmpOp, base: usize) -> PyResult<Value> {
        let (a, b) = (self.slot(base), self.slot(base + 1));
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        let user = matches!(ka, kind::INSTANCE | kind::EXCEPTION | kind::CLASS)
            || matches!(kb, kind::INSTANCE | kind::EXCEPTION | kind::CLASS);
        if user {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            let reflected_first = ta != tb && self.is_subclass(tb, ta);
            // (first operand slot, other slot, operator), re-read after each call.
            let order: [(usize, usize, CmpOp); 2] = if reflected_first {
                [(base + 1, base, op.swapped()), (base, base + 1, op)]
            } else {
                [(base, base + 1, op), (base + 1, base, op.swapped())]
            };
            for (xs, ys, o) in order {
                let x = self.slot(xs);
                if let Some(m) = self.user_special(x, o.dunder()) {
                    let y = self.slot(ys);
                    let r = self.call(m, &[x, y])?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
            // `!=` without `__ne__`: the inverse of `__eq__`.
            if op == CmpOp::Ne {
                for (xs, ys) in [(base, base + 1), (base + 1, base)] {
                    let x = self.slot(xs);
                    if let Some(m) = self.user_special(x, "__eq__") {
                        let y = self.slot(ys);
                        let r = self.call(m, &[x, y])?;
                        if r != Value::NOT_IMPLEMENTED {
                            let t = self.truthy(r)?;
                            return Ok(Value::bool(!t));
                        }
                    }
                }
            }
            let (a, b) = (self.slot(base), self.slot(base + 1));
            let (ua, ub) = (self.unwrap_base(a), self.unwrap_base(b));
            if ua != a || ub != b {
                return self.compare(op, ua, ub);
            }
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        if let Some(ord) = self.compare_builtin(op, a, b)? {
            return Ok(Value::bool(ord));
        }
        let (a, b) = (self.slot(base), self.slot(base + 1));
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            CmpOp::Ne => Ok(Value::bool(a != b)),
            _ => {
                let mut buf1 = [0; 4];
                let mut buf2 = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a, &mut buf1),
                    self.type_name(b, &mut buf2)
                );
                Err(self.raise_msg(TypeId::TypeError, m.as_str()))
            }
        }
    }

    /// Comparison of builtin values; None when the types do not compare.
    fn compare_builtin(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        // Numbers.
        let a_num = self.is_int(a) || ka == kind::FLOAT;
        let b_num = self.is_int(b) || kb == kind::FLOAT;
        if a_num && b_num {
            return self.compare_numbers(op, a, b).map(Some);
        }
        // Strings.
        if self.is_str(a) && self.is_str(b) {
            let mut b1 = [0; 4];
            let mut b2 = [0; 4];
            let o = self
                .str_bytes_buf(a, &mut b1)
                .cmp(self.str_bytes_buf(b, &mut b2));
            return Ok(Some(cmp_ord(op, o)));
        }
        if self.is_bytes_like(a) && self.is_bytes_like(b) {
            let o = self.bytes_like_data(a).cmp(self.bytes_like_data(b));
            return Ok(Some(cmp_ord(op, o)));
        }
        // Sequences of the same type: lexicographic.
        if (ka == kind::LIST && kb == kind::LIST) || (ka == kind::TUPLE && kb == kind::TUPLE) {
            return self.compare_sequences(op, a, b).map(Some);
        }
        if self.is_anyset(a) && self.is_anyset(b) {
            return self.compare_sets(op, a, b).map(Some);
        }
        if ka == kind::DICT && kb == kind::DICT && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let e = self.dict_equal(a, b)?;
            return Ok(Some(e == (op == CmpOp::Eq)));
        }
        if ka == kind::RANGE && kb == kind::RANGE && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let (la, lb) = (self.range_len(a)?, self.range_len(b)?);
            let (sa, _, ta) = self.range_parts(a);
            let (sb, _, tb) = self.range_parts(b);
            let same = la == lb && (la == 0 || (sa == sb && (la == 1 || ta == tb)));
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            if (ka == kind::DICT_VIEW && (kb == kind::DICT_VIEW || self.is_anyset(b)))
                || (kb == kind::DICT_VIEW && self.is_anyset(a))
            {
                self.push(b)?;
                let sa = self.view_as_set(a);
                let b = self.pop();
                let sa = sa?;
                self.push(sa)?;
                let sb = self.view_as_set(b);
                let sa = self.pop();
                let sb = sb?;
                return self.compare_sets(op, sa, sb).map(Some);
            }
            if ka == kind::SLICE && kb == kind::SLICE {
                // As (start, stop, step) tuples; b is rooted while a's tuple is made.
                self.push(b)?;
                let ta = self.tuple_of(&[
                    self.heap.get(a, 0),
                    self.heap.get(a, 1),
                    self.heap.get(a, 2),
                ]);
                let b = self.pop();
                self.push(ta?)?;
                let tb = self.tuple_of(&[
                    self.heap.get(b, 0),
                    self.heap.get(b, 1),
                    self.heap.get(b, 2),
                ]);
                let ta = self.pop();
                return self.compare_sequences(op, ta, tb?).map(Some);
            }
            if ka == kind::METHOD && kb == kind::METHOD {
                let same = self.heap.get(a, 0) == self.heap.get(b, 0)
                    && self.heap.get(a, 1) == self.heap.get(b, 1);
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
        }
        Ok(None)
    }

    /// Keys of a dict view as a set (items views: a set of pairs).
    fn view_as_set(&mut self, v: Value) -> PyResult<Value> {
        if self.heap.kind(v) != kind::DICT_VIEW {
            return Ok(v);
        }
        self.push(v)?;
        let s = self.new_table(kind::SET, 0);
        let v = self.pop();
        let s = s?;
        self.push(s)?;
        self.set_update(s, v)?;
        Ok(self.pop())
    }

    fn compare_numbers(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (self.int_to_i64(a), self.int_to_i64(b)) {
            return Ok(cmp_ord(op, x.cmp(&y)));
        }
        if self.is_float(a) || self.is_float(b) {
            // Exact comparison of an int with a float.
            let o = if self.is_float(a) && self.is_float(b) {
                self.float_value(a).partial_cmp(&self.float_value(b))
            } else if self.is_float(a) {
                self.cmp_int_float(b, self.float_value(a))
                    .map(|o| o.reverse())
            } else {
                self.cmp_int_float(a, self.float_value(b))
            };
            return Ok(match o {
                Some(o) => cmp_ord(op, o),
                None => op == CmpOp::Ne,
            });
        }
        let o = self.bigint_cmp(a, b);
        Ok(cmp_ord(op, o))
    }

    /// Compares int `i` with float `f` exactly; None if f is NaN.
    fn cmp_int_float(&mut self, i: Value, f: f64) -> Option<core::cmp::Ordering> {
        if f.is_nan() {
            return None;
        }
        if let Some(x) = self.int_to_i64(i) {
            if x.unsigned_abs() < (1 << 53) {
                return (x as f64).partial_cmp(&f);
            }
        }
        // Exact comparison for ints that an f64 cannot represent.
        self.int_cmp_f64(i, f)
    }

    fn compare_sequences(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let base = self.sp();
        self.push(a)?;
        self.push(b)?;
        let r = self.compare_sequences_rooted(op, base);
        self.heap.truncate(base);
        r
    }

    fn seq_item(&self, s: Value, i: usize) -> Value {
        if self.heap.kind(s) == kind::LIST {
            self.list_get(s, i)
        } else {
            self.tuple_get(s, i)
        }
    }

    fn seq_len_of(&self, s: Value) -> usize {
        if self.heap.kind(s) == kind::LIST {
            self.list_len(s)
        } else {
            self.tuple_len(s)
        }
    }

    fn compare_sequences_rooted(&mut self, op: CmpOp, base: usize) -> PyResult<bool> {
        let mut i = 0;
        loop {
            let (a, b) = (self.slot(base), self.slot(base + 1));
            let (la, lb) = (self.seq_len_of(a), self.seq_len_of(b));
            if matches!(op, CmpOp::Eq | CmpOp::Ne) && la != lb {
                return Ok(op == CmpOp::Ne);
            }
            if i >= la || i >= lb {
                return Ok(cmp_ord(op, la.cmp(&lb)));
            }
            let (x, y) = (self.seq_item(a, i), self.seq_item(b, i));
            if x != y && !self.eq(x, y)? {
                if op == CmpOp::Eq {
                    return Ok(false);
                }
                if op == CmpOp::Ne {
                    return Ok(true);
                }
                let (a, b) = (self.slot(base), self.slot(base + 1));
                let (x, y) = (self.seq_item(a, i), self.seq_item(b, i));
                let r = self.compare(op, x, y)?;
                return self.truthy(r);
            }
            i += 1;
        }
    }

    fn compare_sets(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
        let (la, lb) = (self.dict_len(a), self.dict_len(b));
        let sub = |vm: &mut Vm, x: Value, y: Value| -> PyResult<bool> {
            let base = vm.sp();
            vm.push(x)?;
            vm.push(y)?;
            let mut i = 0;
            let r = loop {
                let x = vm.slot(base);
                if i >= vm.dict_used(x) {
                    break Ok(true);
                }
                if let Some((k, _)) = vm.dict_entry(x, i) {
                    let y = vm.slot(base + 1);
                    match vm.dict_get(y, k) {
                        Ok(Some(_)) => {}
                        Ok(None) => break Ok(false),
                        Err(e) => break Err(e),
                    }
                }
                i += 1;
            };
            vm.heap.truncate(base);
            r
        };
        Ok(match op {
            CmpOp::Eq => la == lb && sub(self, a, b)?,
            CmpOp::Ne => !(la == lb && sub(self, a, b)?),
            CmpOp::Le => la <= lb && sub(self, a, b)?,
            CmpOp::Lt => la < lb && sub(self, a, b)?,
            CmpOp::Ge => la >= lb && sub(self, b, a)?,
            CmpOp::Gt => la > lb && sub(self, b, a)?,
        })
    }

    fn dict_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let base = self.sp();
        self.push(a)?;
        self.push(b)?;
        let mut i = 0;
        let r = loop {
            let a = self.slot(base);
            if i >= self.dict_used(a) {
                break Ok(true);
            }
            if let Some((k, v)) = self.dict_entry(a, i) {
                self.push(v)?;
                let b = self.slot(base + 1);
                let other = self.dict_get(b, k);
                let v = self.pop();
                match other {
                    Ok(Some(w)) => match self.eq(v, w) {
                        Ok(true) => {}
                        Ok(false) => break Ok(false),
                        Err(e) => break Err(e),
                    },
                    Ok(None) => break Ok(false),
                    Err(e) => break Err(e),
                }
            }
            i += 1;
        };
        self.heap.truncate(base);
        r
    }

    // ---- membership, items, length ------------------------------------------------

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if self.is_str(container) {
            if !self.is_str(item) {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item, &mut buf)
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
            let mut b1 = [0; 4];
            let mut b2 = [0; 4];
            let hay = self.str_bytes_buf(container, &mut b1);
            let needle = self.str_bytes_buf(item, &mut b2);
            return Ok(find_bytes(hay, needle, 0).is_some());
        }
        match self.heap.kind(container) {
            kind::DICT | kind::SET | kind::FROZENSET => {
                return Ok(self.dict_get(container, item)?.is_some())
            }
            kind::DICT_VIEW => {
                let d = self.heap.get(container, 0);
                let which = self.heap.get(container, 1).small_value();
                if which == 0 {
                    return Ok(self.dict_get(d, item)?.is_some());
                }
            }
            kind::RANGE => {
                if let Some(x) = self.int_to_i64(item) {
                    let (a, b, s) = self.range_parts(container);
                    let inside = if s > 0 {
                        a <= x && x < b
                    } else {
                        b < x && x <= a
                    };
                    return Ok(inside && (x - a) % s == 0);
                }
            }
            kind::BYTES | kind::BYTEARRAY => {
                if let Some(x) = self.int_to_i64(item) {
                    if !(0..256).contains(&x) {
                        return Err(
                            self.raise_msg(TypeId::ValueError, "byte must be in range(0, 256)")
                        );
                    }
                    return Ok(self.bytes_like_data(container).contains(&(x as u8)));
                }
                if self.is_bytes_like(item) {
                    let (h, n) = (self.bytes_like_data(container), self.bytes_like_data(item));
                    return Ok(find_bytes(h, n, 0).is_some());
                }
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "a bytes-like object is required, not '{}'",
                    self.type_name(item, &mut buf)
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
            kind::INSTANCE => {
                if let Some(m) = self.user_special(container, "__contains__") {
                    let r = self.call(m, &[container, item])?;
                    return self.truthy(r);
                }
                let b = self.heap.get(container, inst::BASE);
                if !b.is_null() && self.user_special(container, "__iter__").is_none() {
                    return self.contains(b, item);
                }
            }
            _ => {}
        }
        // Generic: iterate and compare.
        let base = self.sp();
        self.push(item)?;
        self.push(container)?;
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) => {
                let exc = self.exception();
                let container = self.slot(base + 1);
                self.heap.truncate(base);
                if self.exc_matches(exc, TypeId::TypeError) {
                    let mut buf = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(
                        m,
                        "argument of type '{}' is not iterable",
                        self.type_name(container, &mut buf)
                    );
                    return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
                }
                return Err(e);
            }
        };
        self.heap.truncate(base + 1);
        self.push(it)?;
        let r = loop {
            let it = self.slot(base + 1);
            match self.iter_next(it) {
                Ok(Some(v)) => {
                    let item = self.slot(base);
                    if v == item {
                        break Ok(true);
                    }
                    match self.eq(v, item) {
                        Ok(true) => break Ok(true),
                        Ok(false) => {}
                        Err(e) => break Err(e),
                    }
                }
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.heap.truncate(base);
        r
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if v.is_imm_of(imm::CHAR) {
            return Ok(self.str_len(v));
        }
        match self.heap.kind(v) {
            kind::STR => return Ok(self.str_len(v)),
            kind::LIST => return Ok(self.list_len(v)),
            kind::TUPLE => return Ok(self.tuple_len(v)),
            kind::DICT | kind::SET | kind::FROZENSET => return Ok(self.dict_len(v)),
            kind::BYTES | kind::BYTEARRAY => return Ok(self.bytes_like_data(v).len()),
            kind::RANGE => return self.range_len(v),
            kind::DICT_VIEW => return Ok(self.dict_len(self.heap.get(v, 0))),
            kind::INSTANCE => {
                if let Some(m) = self.user_special(v, "__len__") {
                    let r = self.call(m, &[v])?;
                    let Some(n) = self.int_to_i64(r) else {
                        let mut buf = [0; 4];
                        let mut msg = Msg::new();
                        let _ = write!(
                            msg,
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(r, &mut buf)
                        );
                        return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
                    };
                    if n < 0 {
                        return Err(
                            self.raise_msg(TypeId::ValueError, "__len__() should return >= 0")
                        );
                    }
                    return Ok(n as usize);
                }
                let b = self.heap.get(v, inst::BASE);
                if !b.is_null() {
                    return self.len(b);
                }
            }
            _ => {}
        }
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "object of type '{}' has no len()",
            self.type_name(v, &mut buf)
        );
        Err(self.raise_msg(TypeId::TypeError, m.as_str()))
    }

    /// Normalises index `i` for a sequence of `len`; None when out of range.
    pub fn norm_index(i: i64, len: usize) -> Option<usize> {
        let i = if i < 0 { i + len as i64 } else { i };
        if (0..len as i64).contains(&i) {
            Some(i as usize)
        } else {
            None
        }
    }

    /// `c[k]`.
    pub fn getitem(&mut self, c: Value, k: Value) -> PyResult<Value> {
        crate::subscript::getitem(self, c, k)
    }

    /// `c[k] = v`.
    pub fn setitem(&mut self, c: Value, k: Value, v: Value) -> PyResult<()> {
        crate::subscript::setitem(self, c, k, v)
    }

    /// `del c[k]`.
    pub fn delitem(&mut self, c: Value, k: Value) -> PyResult<()> {
        crate::subscript::delitem(self, c, k)
    }

    // ---- building helpers used by the loop -------------------------------------------

    /// Concatenates `n` strs on the stack from `base`.
    pub(crate) fn join_strs_from_stack(&mut self, base: usize, n: usize) -> PyResult<Value> {
        let (mut bytes, mut chars) = (0, 0);
        for i in 0..n {
            let s = self.slot(base + i);
            bytes += self.str_byte_len(s);
            chars += self.str_len(s);
        }
        if chars <= 1 {
            for i in 0..n {
                let s = self.slot(base + i);
                if s != Value::EMPTY_STR {
                    return Ok(s);
                }
            }
            return Ok(Value::EMPTY_STR);
        }
        let r = self.alloc_str_raw(bytes, chars, false)?;
        let mut at = 0;
        for i in 0..n {
            let s = self.slot(base + i);
            self.copy_str_into(r, at, s);
            at += self.str_byte_len(s);
        }
        Ok(r)
    }

    /// LIST_EXTEND with CPython's message for non-iterables in `[*x]` / `f(*x)`.
    /// LIST_EXTEND; the iterable is also on top of the VM stack (for the message).
    pub(crate) fn list_extend_checked(&mut self, l: Value, it: Value) -> PyResult<()> {
        let r = self.list_extend(l, it);
        let it = self.heap.peek(0);
        if r.is_err() && !self.is_iterable(it) {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "Value after * must be an iterable, not {}",
                self.type_name(it, &mut buf)
            );
            return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
        }
        r
    }

    /// Adds every item of `it` to set `s`.
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        self.extend_with(s, it, |vm, s, v| vm.set_add(s, v))
    }

    /// `d.update(m)` (`{**m}`); with `strict` a repeated key is a TypeError
    /// (`f(**m)`, `f` naming the function in the message).
    pub fn dict_merge(&mut self, d: Value, m: Value, strict: bool, f: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(d)?;
        self.push(m)?;
        self.push(f)?;
        let r = self.dict_merge_rooted(base, strict);
        self.heap.truncate(base);
        r
    }

    /// Writes how CPython names a callable in call errors: `mod.qualname()`.
    pub(crate) fn write_callable_name(&self, f: Value, m: &mut Msg) {
        let mut b1 = [0; 4];
        let mut b2 = [0; 4];
        if self.heap.kind(f) == kind::FUNCTION {
            let module = self.heap.get(f, crate::objects::function::func::MODULE);
            let q = self.heap.get(f, crate::objects::function::func::QUALNAME);
            if self.is_str(module) && !self.str_is(module, "builtins") {
                let _ = write!(m, "{}.", self.str_text(module, &mut b1));
            }
            let _ = write!(m, "{}()", self.str_text(q, &mut b2));
        } else if f.is_imm() {
            let _ = write!(m, "{}()", self.imm_name(f));
        } else {
            let _ = write!(m, "{} object", self.type_name(f, &mut b1));
        }
    }

    fn dict_merge_rooted(&mut self, base: usize, strict: bool) -> PyResult<()> {
        let m = self.slot(base + 1);
        if self.heap.kind(m) == kind::DICT {
            let mut i = 0;
            loop {
                let m = self.slot(base + 1);
                if i >= self.dict_used(m) {
                    return Ok(());
                }
                if let Some((k, v)) = self.dict_entry(m, i) {
                    let d = self.slot(base);
                    if strict {
                        self.push(k)?;
                        self.push(v)?;
                        let have = self.dict_get(d, k)?;
                        let v = self.pop();
                        let k = self.pop();
                        if have.is_some() {
                            let mut buf = [0; 4];
                            let mut msg = Msg::new();
                            self.write_callable_name(self.slot(base + 2), &mut msg);
                            let _ = write!(
                                msg,
                                " got multiple values for keyword argument '{}'",
                                self.str_text(k, &mut buf)
                            );
                            return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
                        }
                        let d = self.slot(base);
                        self.dict_set(d, k, v)?;
                    } else {
                        self.dict_set(d, k, v)?;
                    }
                }
                i += 1;
            }
        }
        // A mapping with keys(), or an iterable of pairs.
        let keys_name = self.new_str("keys")?;
        let m = self.slot(base + 1);
        let keys = self.getattr(m, keys_name);
        if keys.is_err() && strict {
            self.take_exception();
            let m = self.slot(base + 1);
            let mut buf = [0; 4];
            let mut msg = Msg::new();
            self.write_callable_name(self.slot(base + 2), &mut msg);
            let _ = write!(
                msg,
                " argument after ** must be a mapping, not {}",
                self.type_name(m, &mut buf)
            );
            return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
        }
        if let Ok(keys) = keys {
            let ks = self.call(keys, &[])?;
            let ks = self.list_from_iter(ks)?;
            self.push(ks)?;
            let n = self.list_len(ks);
            for i in 0..n {
                let ks = self.slot(base + 3);
                let k = self.list_get(ks, i);
                let m = self.slot(base + 1);
                let v = self.getitem(m, k)?;
                let ks = self.slot(base + 3);
                let k = self.list_get(ks, i);
                let d = self.slot(base);
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        self.take_exception();
        let m = self.slot(base + 1);
        let it = self.get_iter(m)?;
        self.push(it)?;
        let mut n = 0;
        loop {
            let it = self.slot(base + 3);
            let Some(pair) = self.iter_next(it)? else {
                return Ok(());
            };
            self.push(pair)?;
            let items = self.list_from_iter(pair).map_err(|e| {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let p = self.heap.peek(0);
                let _ = write!(
                    m,
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    n
                );
                let _ = self.type_name(p, &mut buf);
                let _ = e;
                self.raise_msg(TypeId::TypeError, m.as_str())
            })?;
            self.pop();
            if self.list_len(items) != 2 {
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    n,
                    self.list_len(items)
                );
                return Err(self.raise_msg(TypeId::ValueError, m.as_str()));
            }
            let (k, v) = (self.list_get(items, 0), self.list_get(items, 1));
            let d = self.slot(base);
            self.dict_set(d, k, v)?;
            n += 1;
        }
    }

    /// UNPACK_SEQUENCE / UNPACK_EX on the top of stack.
    pub(crate) fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<()> {
        let seq = self.unwrap_base(seq);
        let items = match self.heap.kind(seq) {
            kind::TUPLE | kind::LIST => seq,
            _ => {
                if !self.is_iterable(seq) {
                    let mut buf = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(
                        m,
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq, &mut buf)
                    );
                    return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
                }
                self.list_from_iter(seq)?
            }
        };
        let n = self.seq_len_of(items);
        match after {
            None => {
                if n != before {
                    let mut m = Msg::new();
                    if n < before {
                        let _ = write!(
                            m,
                            "not enough values to unpack (expected {before}, got {n})"
                        );
                    } else {
                        let _ = write!(m, "too many values to unpack (expected {before})");
                    }
                    return Err(self.raise_msg(TypeId::ValueError, m.as_str()));
                }
                self.heap.pop();
                self.heap.reserve_stack(n).map_err(|e| self.oom(e))?;
                for i in (0..n).rev() {
                    let v = self.seq_item(items, i);
                    self.heap.push(v);
                }
            }
            Some(after) => {
                if n < before + after {
                    let mut m = Msg::new();
                    let _ = write!(
                        m,
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        n
                    );
                    return Err(self.raise_msg(TypeId::ValueError, m.as_str()));
                }
                let top = self.sp() - 1;
                self.set_slot(top, items);
                let mid = self.new_list(n - before - after)?;
                let items = self.slot(top);
                for i in before..n - after {
                    let v = self.seq_item(items, i);
                    self.list_append(mid, v)?;
                }
                let items = self.slot(top);
                self.heap.pop();
                self.heap.reserve_stack(n).map_err(|e| self.oom(e))?;
                for i in (n - after..n).rev() {
                    let v = self.seq_item(items, i);
                    self.heap.push(v);
                }
                self.heap.push(mid);
                for i in (0..before).rev() {
                    let v = self.seq_item(items, i);
                    self.heap.push(v);
                }
            }
        }
        Ok(())
    }

    /// Whether `iter(v)` would work (without calling it).
    pub(crate) fn is_iterable(&self, v: Value) -> bool {
        if v.is_imm_of(imm::CHAR) {
            return true;
        }
        match self.heap.kind(v) {
            kind::LIST
            | kind::TUPLE
            | kind::STR
            | kind::BYTES
            | kind::BYTEARRAY
            | kind::RANGE
            | kind::DICT
            | kind::SET
            | kind::FROZENSET
            | kind::DICT_VIEW
            | kind::SEQ_ITER
            | kind::ITER
            | kind::GENERATOR => true,
            kind::INSTANCE => {
                self.user_special(v, "__iter__").is_some()
                    || self.user_special(v, "__getitem__").is_some()
                    || !self.heap.get(v, inst::BASE).is_null()
            }
            _ => false,
        }
    }

    /// Reads a name from a locals mapping (a dict, or any mapping).
    pub(crate) fn mapping_get(&mut self, m: Value, k: Value) -> PyResult<Option<Value>> {
        if self.heap.kind(m) == kind::DICT {
            return self.dict_get(m, k);
        }
        match self.getitem(m, k) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let exc = self.exception();
                if self.exc_matches(exc, TypeId::KeyError) {
                    self.take_exception();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Stores into a locals mapping.
    pub(crate) fn mapping_set(&mut self, m: Value, k: Value, v: Value) -> PyResult<()> {
        if self.heap.kind(m) == kind::DICT {
            return self.dict_set(m, k, v);
        }
        self.setitem(m, k, v)
    }
}

/// Python's floor division and modulo of i64s (`y != 0`).
pub fn floor_divmod(x: i64, y: i64) -> (i64, i64) {
    let (q, r) = (x.wrapping_div(y), x.wrapping_rem(y));
    if r != 0 && ((r < 0) != (y < 0)) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

/// Python's float divmod (`y != 0`).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = libm::fmod(x, y);
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, y);
    }
    let floordiv = if div != 0.0 {
        let f = libm::floor(div);
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        libm::copysign(0.0, x / y)
    };
    (floordiv, m)
}

/// i64 power with overflow detection.
fn checked_pow(mut b: i64, mut e: i64) -> Option<i64> {
    let mut r: i64 = 1;
    while e > 0 {
        if e & 1 == 1 {
            r = r.checked_mul(b)?;
        }
        e >>= 1;
        if e > 0 {
            b = b.checked_mul(b)?;
        }
    }
    Some(r)
}

/// Whether ordering `o` satisfies `op`.
pub fn cmp_ord(op: CmpOp, o: core::cmp::Ordering) -> bool {
    use core::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

/// CPython's hash of an int that fits i64 (modulo 2**61 - 1; -1 becomes -2).
pub fn hash_int(i: i64) -> i64 {
    const P: i64 = (1 << 61) - 1;
    let m = (i.unsigned_abs() % P as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a float.
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314_159 } else { -314_159 };
    }
    if libm::trunc(f) == f && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    const P: u64 = (1 << 61) - 1;
    let (mut m, mut e) = libm::frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 { e % 61 } else { 60 - ((-1 - e) % 61) };
    x = ((x << e) & P) | x >> (61 - e);
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Position of `needle` in `hay` at or after `from`.
pub fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}
