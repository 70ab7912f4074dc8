//! The methods of float, and float().

use crate::builtins_more::round_value;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{type_error_for, Msg, PyResult, Raised, Vm};
use core::fmt::Write;
use fzpy_bytecode::{BinOp, CmpOp};

/// Methods of float.
pub static METHODS: &[NativeDef] = &[
    def("is_integer", is_integer),
    def("as_integer_ratio", as_integer_ratio),
    def("conjugate", conjugate),
    def("hex", hex),
    def("fromhex", fromhex),
    def("__round__", dunder_round),
    def("__trunc__", dunder_trunc),
    def("__int__", dunder_trunc),
    def("__floor__", dunder_floor),
    def("__ceil__", dunder_ceil),
    def("__float__", conjugate),
    def("__abs__", dunder_abs),
    def("__neg__", dunder_neg),
    def("__pos__", conjugate),
    def("__bool__", dunder_bool),
    def("__hash__", dunder_hash),
    def("__repr__", dunder_repr),
    def("__str__", dunder_repr),
    def("__format__", dunder_format),
    def("__add__", add),
    def("__radd__", radd),
    def("__sub__", sub),
    def("__rsub__", rsub),
    def("__mul__", mul),
    def("__rmul__", rmul),
    def("__truediv__", truediv),
    def("__rtruediv__", rtruediv),
    def("__floordiv__", floordiv),
    def("__rfloordiv__", rfloordiv),
    def("__mod__", mod_),
    def("__rmod__", rmod),
    def("__pow__", pow_),
    def("__rpow__", rpow),
    def("__divmod__", divmod_),
    def("__rdivmod__", rdivmod),
    def("__eq__", eq),
    def("__ne__", ne),
    def("__lt__", lt),
    def("__le__", le),
    def("__gt__", gt),
    def("__ge__", ge),
];

// ---- float() -----------------------------------------------------------------------------

/// `float(x=0.0)`
pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "float", 0, 1)?;
    if args.nkw > 0 {
        return Err(vm.raise_msg(TypeId::TypeError, "float() takes no keyword arguments"));
    }
    if args.npos() == 0 {
        return vm.new_float(0.0);
    }
    let v = vm.slot(args.base);
    if vm.is_float(v) {
        return Ok(v);
    }
    let f = float_of(vm, v)?;
    vm.new_float(f)
}

/// The value of `float(v)`.
pub fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if vm.is_float(v) {
        return Ok(vm.float_value(v));
    }
    if vm.is_int(v) {
        return vm.int_to_f64_checked(v);
    }
    if vm.is_str(v) || vm.is_bytes_like(v) {
        let mut buf = [0; 4];
        let text = if vm.is_str(v) {
            vm.str_bytes_buf(v, &mut buf)
        } else {
            vm.bytes_like_data(v)
        };
        if let Some(f) = fzpy_num::float_parse::parse_float(text) {
            return Ok(f);
        }
        return Err(parse_error(vm, v));
    }
    if let Some(m) = vm.user_special(v, "__float__") {
        vm.push(v)?;
        let r = vm.call(m, &[vm.heap.peek(0)]);
        let v = vm.pop();
        let r = r?;
        let u = vm.unwrap_base(r);
        if vm.is_float(u) {
            return Ok(vm.float_value(u));
        }
        let mut b1 = [0; 4];
        let mut b2 = [0; 4];
        let mut msg = Msg::new();
        let _ = write!(
            msg,
            "{}.__float__ returned non-float (type {})",
            vm.type_name(v, &mut b1),
            vm.type_name(r, &mut b2)
        );
        return Err(vm.raise_msg(TypeId::TypeError, msg.as_str()));
    }
    if vm.user_special(v, "__index__").is_some() {
        let i = crate::builtins_more::index_int(vm, v)?;
        return vm.int_to_f64_checked(i);
    }
    let b = vm.unwrap_base(v);
    if b != v {
        return float_of(vm, b);
    }
    Err(type_error_for(
        vm,
        "float() argument must be a string or a real number, not '",
        v,
        "'",
    ))
}

/// ValueError "could not convert string to float: <repr>".
fn parse_error(vm: &mut Vm, v: Value) -> Raised {
    let r = (|| -> PyResult<Value> {
        let rep = vm.repr(v)?;
        let base = vm.sp();
        vm.push(rep)?;
        let head = vm.new_str("could not convert string to float: ")?;
        let rep = vm.slot(base);
        let s = vm.str_concat(head, rep);
        vm.heap.truncate(base);
        s
    })();
    match r {
        Ok(s) => vm.raise_with_arg(TypeId::ValueError, s),
        Err(e) => e,
    }
}

// ---- methods --------------------------------------------------------------------------------

/// `self` of a float method (argument 0), unwrapped from float subclasses.
fn self_float(vm: &mut Vm, args: Args, name: &str) -> PyResult<f64> {
    if args.npos() == 0 {
        let mut m = Msg::new();
        let _ = write!(m, "descriptor '{name}' of 'float' object needs an argument");
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let v = vm.slot(args.base);
    let u = vm.unwrap_base(v);
    if vm.is_float(u) {
        return Ok(vm.float_value(u));
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
        vm.type_name(v, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// A method taking only `self`.
fn self_only(vm: &mut Vm, args: Args, name: &str) -> PyResult<f64> {
    let f = self_float(vm, args, name)?;
    vm.check_args(args.skip1(), name, 0, 0)?;
    Ok(f)
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "is_integer")?;
    Ok(Value::bool(f.is_finite() && libm::trunc(f) == f))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_only(vm, args, "conjugate")?;
    let v = vm.unwrap_base(vm.slot(args.base));
    Ok(v)
}

/// Mantissa and exponent of a finite non-zero `|f|`: `|f| = m * 2^e`
/// with `m` odd.
fn odd_parts(f: f64) -> (u64, i32) {
    let bits = f.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (m, e)
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let base = vm.sp();
    let r = (|| {
        if f == 0.0 {
            vm.push_many(&[Value::int(0), Value::int(1)])?;
            return vm.tuple_from_stack(base, 2);
        }
        let (m, e) = odd_parts(f);
        let m = vm.new_int(if f < 0.0 { -(m as i64) } else { m as i64 })?;
        let (num, den) = if e >= 0 {
            let n = vm.binary_op(BinOp::LShift, m, Value::int(e), false)?;
            (n, Value::int(1))
        } else {
            vm.push(m)?;
            let d = vm.binary_op(BinOp::LShift, Value::int(1), Value::int(-e), false)?;
            let m = vm.pop();
            (m, d)
        };
        vm.push_many(&[num, den])?;
        vm.tuple_from_stack(base, 2)
    })();
    vm.heap.truncate(base);
    r
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` (CPython's layout).
fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "hex")?;
    let mut m = Msg::new();
    if f.is_nan() {
        let _ = m.write_str("nan");
    } else if f.is_infinite() {
        let _ = m.write_str(if f < 0.0 { "-inf" } else { "inf" });
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.abs().to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        if exp == 0 && frac == 0 {
            let _ = write!(m, "{sign}0x0.0p+0");
        } else {
            let (lead, e) = if exp == 0 {
                (0, -1022)
            } else {
                (1, exp - 1023)
            };
            let _ = write!(m, "{sign}0x{lead}.{frac:013x}p{e:+}");
        }
    }
    vm.new_str(m.as_str())
}

/// Parses CPython's `float.fromhex` syntax; None on a syntax error,
/// Some(Err(())) on overflow.
fn parse_hex_float(s: &[u8]) -> Option<Result<f64, ()>> {
    let s = fzpy_num::float_parse::strip_space(s);
    let (neg, mut s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if neg { -x } else { x };
    let lower_eq = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
    if lower_eq(s, "inf") || lower_eq(s, "infinity") {
        return Some(Ok(sign(f64::INFINITY)));
    }
    if lower_eq(s, "nan") {
        return Some(Ok(f64::NAN));
    }
    if s.len() >= 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        s = &s[2..];
    }
    // Mantissa: keep the first 60 significant bits plus a sticky bit.
    let mut mant: u64 = 0;
    let mut sticky = false;
    let mut exp: i64 = 0;
    let mut digits = 0;
    let mut seen_point = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (c as char).to_digit(16) else {
            break;
        };
        digits += 1;
        if mant >> 56 == 0 {
            mant = mant << 4 | d as u64;
            if seen_point {
                exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                exp += 4;
            }
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] | 0x20) == b'p' {
        i += 1;
        let mut eneg = false;
        if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
            eneg = s[i] == b'-';
            i += 1;
        }
        let start = i;
        let mut e: i64 = 0;
        while i < s.len() && s[i].is_ascii_digit() {
            e = (e * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    if i != s.len() {
        return None;
    }
    if mant == 0 {
        return Some(Ok(sign(0.0)));
    }
    // Normalise to 62..=63 significant bits, then round to 53 (or fewer
    // for subnormals) with round-half-even on the bits dropped.
    let lz = mant.leading_zeros() as i64;
    let mut m = mant << lz.min(63);
    exp -= lz;
    // Value = m * 2^exp, m has its top bit at 63.
    let top = exp + 63; // exponent of the leading bit
    if top > 1023 {
        return Some(Err(()));
    }
    let keep: i64 = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep <= 0 {
        // Below half the smallest subnormal, or exactly around it.
        let half = keep == 0 && (m > 1 << 63 || (m == 1 << 63 && sticky));
        return Some(Ok(sign(if half { 5e-324 } else { 0.0 })));
    }
    let drop = 64 - keep;
    let rest = m & ((1u64 << drop) - 1);
    m >>= drop;
    let halfway = 1u64 << (drop - 1);
    if rest > halfway || (rest == halfway && (sticky || m & 1 == 1)) {
        m += 1;
    } else if rest == halfway && !sticky {
        // exact tie, even: keep
    }
    let e2 = exp + drop;
    let x = (m as f64) * libm::pow(2.0, e2 as f64);
    let x = if e2 < -1000 {
        // Two steps to avoid a subnormal power of two underflowing.
        (m as f64) * libm::pow(2.0, (e2 + 200) as f64) * libm::pow(2.0, -200.0)
    } else {
        x
    };
    if x.is_infinite() {
        return Some(Err(()));
    }
    Some(Ok(sign(x)))
}

/// `float.fromhex(s)` (a class method: the string is argument 0, or 1 when
/// called on an instance).
fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut a = args;
    if a.npos() == 2 && vm.is_float(vm.unwrap_base(vm.slot(a.base))) {
        a = a.skip1();
    }
    vm.check_args(a, "fromhex", 1, 1)?;
    let s = vm.slot(a.base);
    if !vm.is_str(s) {
        return Err(type_error_for(
            vm,
            "fromhex() argument must be str, not ",
            s,
            "",
        ));
    }
    let mut buf = [0; 4];
    let r = parse_hex_float(vm.str_bytes_buf(s, &mut buf));
    match r {
        Some(Ok(f)) => vm.new_float(f),
        Some(Err(())) => Err(vm.raise_msg(
            TypeId::OverflowError,
            "hexadecimal value too large to represent as a float",
        )),
        None => Err(vm.raise_msg(
            TypeId::ValueError,
            "invalid hexadecimal floating-point string",
        )),
    }
}

fn dunder_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_float(vm, args, "__round__")?;
    vm.check_args(args.skip1(), "__round__", 0, 1)?;
    let v = vm.unwrap_base(vm.slot(args.base));
    let nd = if args.npos() > 1 {
        Some(vm.slot(args.base + 1)).filter(|v| !v.is_none())
    } else {
        None
    };
    round_value(vm, v, nd)
}

fn dunder_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__trunc__")?;
    vm.int_from_f64(f)
}

fn dunder_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__floor__")?;
    vm.int_from_f64(libm::floor(f))
}

fn dunder_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__ceil__")?;
    vm.int_from_f64(libm::ceil(f))
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__abs__")?;
    vm.new_float(f.abs())
}

fn dunder_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__neg__")?;
    vm.new_float(-f)
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__bool__")?;
    Ok(Value::bool(f != 0.0))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_only(vm, args, "__hash__")?;
    vm.new_int(crate::ops::hash_float(f))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_only(vm, args, "__repr__")?;
    let v = vm.unwrap_base(vm.slot(args.base));
    vm.repr(v)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_float(vm, args, "__format__")?;
    vm.check_args(args.skip1(), "__format__", 1, 1)?;
    let spec = vm.slot(args.base + 1);
    if !vm.is_str(spec) {
        return Err(type_error_for(
            vm,
            "__format__() argument must be str, not ",
            spec,
            "",
        ));
    }
    let v = vm.unwrap_base(vm.slot(args.base));
    crate::format::format(vm, v, spec)
}

// ---- operator methods ----------------------------------------------------------------------

/// Whether `v` is an int or float operand for float operator methods.
fn is_number(vm: &Vm, v: Value) -> bool {
    vm.is_int(v) || vm.is_float(v)
}

fn binop(vm: &mut Vm, args: Args, name: &str, op: BinOp, rev: bool) -> PyResult<Value> {
    self_float(vm, args, name)?;
    let max = if op == BinOp::Pow { 2 } else { 1 };
    vm.check_args(args.skip1(), name, 1, max)?;
    if args.npos() == 3 && !vm.slot(args.base + 2).is_none() {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let a = vm.unwrap_base(vm.slot(args.base));
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !is_number(vm, b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if rev {
        vm.binary_op(op, b, a, false)
    } else {
        vm.binary_op(op, a, b, false)
    }
}

fn divmod_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    self_float(vm, args, name)?;
    vm.check_args(args.skip1(), name, 1, 1)?;
    let a = vm.unwrap_base(vm.slot(args.base));
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !is_number(vm, b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let divmod = crate::builtins_more::lookup("divmod").unwrap_or(Value::NONE);
    if rev {
        vm.call(divmod, &[b, a])
    } else {
        vm.call(divmod, &[a, b])
    }
}

fn divmod_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, "__rdivmod__", true)
}

fn cmp(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    self_float(vm, args, name)?;
    vm.check_args(args.skip1(), name, 1, 1)?;
    let a = vm.unwrap_base(vm.slot(args.base));
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !is_number(vm, b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.compare(op, a, b)
}

macro_rules! binops {
    ($($f:ident => $name:literal, $op:ident, $rev:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                binop(vm, args, $name, BinOp::$op, $rev)
            }
        )*
    };
}

binops! {
    add => "__add__", Add, false;
    radd => "__radd__", Add, true;
    sub => "__sub__", Sub, false;
    rsub => "__rsub__", Sub, true;
    mul => "__mul__", Mul, false;
    rmul => "__rmul__", Mul, true;
    truediv => "__truediv__", TrueDiv, false;
    rtruediv => "__rtruediv__", TrueDiv, true;
    floordiv => "__floordiv__", FloorDiv, false;
    rfloordiv => "__rfloordiv__", FloorDiv, true;
    mod_ => "__mod__", Mod, false;
    rmod => "__rmod__", Mod, true;
    pow_ => "__pow__", Pow, false;
    rpow => "__rpow__", Pow, true;
}

macro_rules! cmps {
    ($($f:ident => $name:literal, $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult<Value> {
                cmp(vm, args, $name, CmpOp::$op)
            }
        )*
    };
}

cmps! {
    eq => "__eq__", Eq;
    ne => "__ne__", Ne;
    lt => "__lt__", Lt;
    le => "__le__", Le;
    gt => "__gt__", Gt;
    ge => "__ge__", Ge;
}
