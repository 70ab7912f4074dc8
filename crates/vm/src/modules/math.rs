//! `math`: CPython's math module on the `libm` crate (the Flipper firmware
//! exports no math functions).
//!
//! Errors follow CPython: a NaN result from a non-NaN argument is
//! `ValueError('math domain error')`, an infinite result from finite
//! arguments is `OverflowError('math range error')` (or a domain error for
//! poles such as `log(0)`). Integer functions (`factorial`, `gcd`, `comb`,
//! `isqrt` ...) are exact: they use i64/u128 while the values fit and the
//! VM's int arithmetic beyond.

use crate::heap::kind;
use crate::modules::Const;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::cmp::Ordering;
use core::f64::consts;
use core::fmt::Write;
use fzpy_bytecode::{BinOp, Op};

/// Functions of `math`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("sqrt", m_sqrt),
    def("exp", m_exp),
    def("exp2", m_exp2),
    def("expm1", m_expm1),
    def("log", m_log),
    def("log2", m_log2),
    def("log10", m_log10),
    def("log1p", m_log1p),
    def("pow", m_pow),
    def("sin", m_sin),
    def("cos", m_cos),
    def("tan", m_tan),
    def("asin", m_asin),
    def("acos", m_acos),
    def("atan", m_atan),
    def("atan2", m_atan2),
    def("sinh", m_sinh),
    def("cosh", m_cosh),
    def("tanh", m_tanh),
    def("asinh", m_asinh),
    def("acosh", m_acosh),
    def("atanh", m_atanh),
    def("cbrt", m_cbrt),
    def("floor", m_floor),
    def("ceil", m_ceil),
    def("trunc", m_trunc),
    def("fabs", m_fabs),
    def("fmod", m_fmod),
    def("remainder", m_remainder),
    def("copysign", m_copysign),
    def("hypot", m_hypot),
    def("degrees", m_degrees),
    def("radians", m_radians),
    def("isfinite", m_isfinite),
    def("isinf", m_isinf),
    def("isnan", m_isnan),
    def("isclose", m_isclose),
    def("factorial", m_factorial),
    def("gcd", m_gcd),
    def("lcm", m_lcm),
    def("comb", m_comb),
    def("perm", m_perm),
    def("isqrt", m_isqrt),
    def("modf", m_modf),
    def("frexp", m_frexp),
    def("ldexp", m_ldexp),
    def("fsum", m_fsum),
    def("prod", m_prod),
    def("dist", m_dist),
    def("erf", m_erf),
    def("erfc", m_erfc),
    def("gamma", m_gamma),
    def("lgamma", m_lgamma),
    def("nextafter", m_nextafter),
    def("ulp", m_ulp),
];

/// Constants of `math`.
pub static CONSTS: &[(&str, Const)] = &[
    ("pi", Const::Float(consts::PI)),
    ("e", Const::Float(consts::E)),
    ("tau", Const::Float(consts::TAU)),
    ("inf", Const::Float(f64::INFINITY)),
    ("nan", Const::Float(f64::NAN)),
];

// ---- argument conversion and errors --------------------------------------------

fn domain(vm: &mut Vm) -> Raised {
    vm.raise_msg(TypeId::ValueError, "math domain error")
}

fn range(vm: &mut Vm) -> Raised {
    vm.raise_msg(TypeId::OverflowError, "math range error")
}

/// A real number argument as f64 (int, float, or an object with `__float__`).
fn num(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = vm.as_f64(v)? {
        return Ok(f);
    }
    let u = vm.unwrap_base(v);
    if u != v {
        return num(vm, u);
    }
    if let Some(m) = vm.user_special(v, "__float__") {
        let r = vm.call(m, &[v])?;
        if vm.is_float(r) {
            return Ok(vm.float_value(r));
        }
        let mut b = [0; 4];
        let mut msg = Msg::new();
        let _ = write!(
            msg,
            "__float__ returned non-float (type {})",
            vm.type_name(r, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, msg.as_str()));
    }
    if vm.user_special(v, "__index__").is_some() {
        let i = vm.index_value(v)?;
        return Ok(i as f64);
    }
    let mut b = [0; 4];
    let mut msg = Msg::new();
    let _ = write!(msg, "must be real number, not {}", vm.type_name(v, &mut b));
    Err(vm.raise_msg(TypeId::TypeError, msg.as_str()))
}

/// The single argument of `math.name(x)`.
fn one_value(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("math.{name}() takes no keyword arguments"),
        ));
    }
    if args.npos() != 1 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!(
                "math.{name}() takes exactly one argument ({} given)",
                args.npos()
            ),
        ));
    }
    Ok(vm.slot(args.base))
}

fn one(vm: &mut Vm, args: Args, name: &str) -> PyResult<f64> {
    let v = one_value(vm, args, name)?;
    num(vm, v)
}

/// The two arguments of `math.name(x, y)` as values.
fn two_values(vm: &mut Vm, args: Args, name: &str) -> PyResult<(Value, Value)> {
    if args.nkw > 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name}() takes no keyword arguments"),
        ));
    }
    if args.npos() != 2 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name} expected 2 arguments, got {}", args.npos()),
        ));
    }
    Ok((vm.slot(args.base), vm.slot(args.base + 1)))
}

fn two(vm: &mut Vm, args: Args, name: &str) -> PyResult<(f64, f64)> {
    let (a, _) = two_values(vm, args, name)?;
    let x = num(vm, a)?;
    let b = vm.slot(args.base + 1);
    let y = num(vm, b)?;
    Ok((x, y))
}

/// CPython's result check for a one-argument function.
fn checked(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    vm.new_float(r)
}

fn math_1(
    vm: &mut Vm,
    args: Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one(vm, args, name)?;
    checked(vm, x, f(x), can_overflow)
}

macro_rules! unary {
    ($($fname:ident => $name:literal, $f:expr, $over:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(vm, args, $name, $f, $over)
        })*
    };
}

unary! {
    m_sqrt => "sqrt", libm::sqrt, false;
    m_exp => "exp", libm::exp, true;
    m_exp2 => "exp2", libm::exp2, true;
    m_expm1 => "expm1", libm::expm1, true;
    m_log1p => "log1p", libm::log1p, false;
    m_sin => "sin", libm::sin, false;
    m_cos => "cos", libm::cos, false;
    m_tan => "tan", libm::tan, false;
    m_asin => "asin", libm::asin, false;
    m_acos => "acos", libm::acos, false;
    m_atan => "atan", libm::atan, false;
    m_sinh => "sinh", libm::sinh, true;
    m_cosh => "cosh", libm::cosh, true;
    m_tanh => "tanh", libm::tanh, false;
    m_asinh => "asinh", libm::asinh, false;
    m_acosh => "acosh", libm::acosh, false;
    m_atanh => "atanh", libm::atanh, false;
    m_cbrt => "cbrt", libm::cbrt, false;
    m_fabs => "fabs", libm::fabs, false;
    m_erf => "erf", libm::erf, false;
    m_erfc => "erfc", libm::erfc, false;
    m_degrees => "degrees", |x| x * (180.0 / consts::PI), true;
    m_radians => "radians", |x| x * (consts::PI / 180.0), false;
}

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "gamma")?;
    if x.is_finite() && x <= 0.0 && libm::floor(x) == x {
        return Err(domain(vm));
    }
    if x == f64::NEG_INFINITY {
        return Err(domain(vm));
    }
    checked(vm, x, libm::tgamma(x), true)
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "lgamma")?;
    if x.is_finite() && x <= 0.0 && libm::floor(x) == x {
        return Err(domain(vm));
    }
    checked(vm, x, libm::lgamma(x), true)
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "isfinite")?;
    Ok(Value::bool(x.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "isinf")?;
    Ok(Value::bool(x.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "isnan")?;
    Ok(Value::bool(x.is_nan()))
}

// ---- logarithms and powers ------------------------------------------------------------

/// CPython's loghelper: `f(v)` for a positive number, huge ints included.
fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if vm.is_int(v) || vm.heap.kind(v) == kind::BIGINT {
        if let Some(i) = vm.int_to_i64(v) {
            if i <= 0 {
                return Err(domain(vm));
            }
            return Ok(f(i as f64));
        }
        let (neg, limbs) = vm.bigint_parts(v);
        if neg {
            return Err(domain(vm));
        }
        let x = vm.bigint_to_f64_lossy(v);
        if x.is_finite() {
            return Ok(f(x));
        }
        // x = top * 2**e with the top three limbs in `top`.
        let n = limbs.len();
        let top = (limbs[n - 1] as f64 * 4_294_967_296.0 + limbs[n - 2] as f64) * 4_294_967_296.0
            + limbs[n - 3] as f64;
        let (m, e) = libm::frexp(top);
        let e = e as f64 + 32.0 * (n - 3) as f64;
        return Ok(f(m) + f(2.0) * e);
    }
    let x = num(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 || args.npos() == 0 || args.npos() > 2 {
        return Err(vm.raise_msg(TypeId::TypeError, "math.log requires 1 to 2 arguments"));
    }
    let x = vm.slot(args.base);
    let num_ = log_of(vm, x, libm::log)?;
    if args.npos() == 1 {
        return vm.new_float(num_);
    }
    let b = vm.slot(args.base + 1);
    let den = log_of(vm, b, libm::log)?;
    if den == 0.0 {
        return Err(vm.raise_msg(TypeId::ZeroDivisionError, "float division by zero"));
    }
    vm.new_float(num_ / den)
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_value(vm, args, "log2")?;
    let r = log_of(vm, v, libm::log2)?;
    vm.new_float(r)
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_value(vm, args, "log10")?;
    let r = log_of(vm, v, libm::log10)?;
    vm.new_float(r)
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, args, "pow")?;
    let r = libm::pow(x, y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range(vm) });
        }
    }
    vm.new_float(r)
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two(vm, args, "atan2")?;
    vm.new_float(libm::atan2(y, x))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return vm.new_float(x);
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    vm.new_float(r)
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return vm.new_float(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return vm.new_float(x);
    }
    vm.new_float(libm::remainder(x, y))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, args, "copysign")?;
    vm.new_float(libm::copysign(x, y))
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, args, "nextafter")?;
    vm.new_float(libm::nextafter(x, y))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "ulp")?;
    let r = if x.is_nan() {
        x
    } else if x.is_infinite() {
        f64::INFINITY
    } else {
        let x = libm::fabs(x);
        if x == f64::MAX {
            x - libm::nextafter(x, 0.0)
        } else {
            libm::nextafter(x, f64::INFINITY) - x
        }
    };
    vm.new_float(r)
}

/// `hypot(*coordinates)`.
fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_msg(TypeId::TypeError, "hypot() takes no keyword arguments"));
    }
    let mut acc = 0.0f64;
    let (mut inf, mut nan) = (false, false);
    for i in 0..args.npos() {
        let v = vm.slot(args.base + i);
        let x = num(vm, v)?;
        inf |= x.is_infinite();
        nan |= x.is_nan();
        acc = libm::hypot(acc, x);
    }
    if inf {
        return vm.new_float(f64::INFINITY);
    }
    if nan {
        return vm.new_float(f64::NAN);
    }
    vm.new_float(acc)
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    let (Some(a), Some(_)) = (vm.opt_arg(args, 0, "a"), vm.opt_arg(args, 1, "b")) else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "isclose() missing required argument 'b' (pos 2)",
        ));
    };
    if args.npos() > 2 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!(
                "isclose() takes exactly 2 positional arguments ({} given)",
                args.npos()
            ),
        ));
    }
    let a = num(vm, a)?;
    let b = vm.opt_arg(args, 1, "b").unwrap_or(Value::NONE);
    let b = num(vm, b)?;
    let rel = match vm.kwarg(args, "rel_tol") {
        Some(v) => num(vm, v)?,
        None => 1e-9,
    };
    let abs = match vm.kwarg(args, "abs_tol") {
        Some(v) => num(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.raise_msg(TypeId::ValueError, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = libm::fabs(b - a);
    Ok(Value::bool(
        diff <= libm::fabs(rel * b) || diff <= libm::fabs(rel * a) || diff <= abs,
    ))
}

// ---- float -> int --------------------------------------------------------------------

/// The int value of an integral float.
fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() < 9.2e18 {
        return vm.new_int(f as i64);
    }
    // |f| = mantissa * 2**exp with a 53-bit mantissa and exp >= 10.
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as usize - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut limbs = [0u32; 36];
    let (w, b) = (exp / 32, exp % 32);
    let m = (mant as u128) << b;
    for k in 0..3 {
        limbs[w + k] = (m >> (32 * k)) as u32;
    }
    vm.new_bigint(f < 0.0, &limbs[..w + 3])
}

/// floor/ceil/trunc: ints pass through, `__floor__`-style methods are used.
fn rounding(
    vm: &mut Vm,
    args: Args,
    name: &str,
    special: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one_value(vm, args, name)?;
    if let Some(i) = vm.int_to_i64(v) {
        return vm.new_int(i);
    }
    if vm.heap.kind(v) == kind::BIGINT {
        return Ok(v);
    }
    if let Some(m) = vm.user_special(v, special) {
        return vm.call(m, &[v]);
    }
    if special == "__trunc__" && vm.as_f64(v)?.is_none() && vm.unwrap_base(v) == v {
        let mut b = [0; 4];
        let mut msg = Msg::new();
        let _ = write!(
            msg,
            "type {} doesn't define __trunc__ method",
            vm.type_name(v, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, msg.as_str()));
    }
    let x = num(vm, v)?;
    float_to_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", libm::floor)
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", libm::ceil)
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "trunc", "__trunc__", libm::trunc)
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "modf")?;
    let (frac, int) = if x.is_infinite() {
        (libm::copysign(0.0, x), x)
    } else {
        libm::modf(x)
    };
    float_pair(vm, frac, int)
}

/// The tuple `(a, b)` of two floats.
fn float_pair(vm: &mut Vm, a: f64, b: f64) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let x = vm.new_float(a)?;
        vm.push(x)?;
        let y = vm.new_float(b)?;
        vm.push(y)?;
        vm.tuple_from_stack(base, 2)
    })();
    vm.heap.truncate(base);
    r
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one(vm, args, "frexp")?;
    let (m, e) = if x == 0.0 || !x.is_finite() {
        (x, 0)
    } else {
        libm::frexp(x)
    };
    let m = vm.new_float(m)?;
    // tuple_of roots the float.
    vm.tuple_of(&[m, Value::int(e)])
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (xv, iv) = two_values(vm, args, "ldexp")?;
    let i = if let Some(i) = vm.int_to_i64(iv) {
        i
    } else if vm.heap.kind(iv) == kind::BIGINT {
        if vm.bigint_parts(iv).0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Expected an int as second argument to ldexp.",
        ));
    };
    let x = num(vm, xv)?;
    let r = libm::scalbn(x, i.clamp(-100_000, 100_000) as i32);
    if r.is_infinite() && x.is_finite() {
        return Err(range(vm));
    }
    vm.new_float(r)
}

// ---- sums and products ----------------------------------------------------------------

/// `fsum(iterable)`: Shewchuk's exactly rounded sum (as CPython).
fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "fsum", 1, 1)?;
    let base = vm.sp();
    let it = vm.get_iter(vm.slot(args.base))?;
    vm.push(it)?;
    let mut p = [0.0f64; 128];
    let mut n = 0usize;
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    let r = (|| -> PyResult<()> {
        loop {
            let it = vm.slot(base);
            let Some(v) = vm.iter_next(it)? else {
                return Ok(());
            };
            let mut x = num(vm, v)?;
            let xsave = x;
            let mut i = 0;
            for j in 0..n {
                let mut y = p[j];
                if libm::fabs(x) < libm::fabs(y) {
                    core::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    p[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            n = i;
            if x != 0.0 {
                if !x.is_finite() {
                    if xsave.is_finite() {
                        return Err(
                            vm.raise_msg(TypeId::OverflowError, "intermediate overflow in fsum")
                        );
                    }
                    if xsave.is_infinite() {
                        inf_sum += xsave;
                    }
                    special += xsave;
                    n = 0;
                } else if n < p.len() {
                    p[n] = x;
                    n += 1;
                } else {
                    // Cannot happen for doubles (the partials stay few); fold.
                    p[n - 1] += x;
                }
            }
        }
    })();
    vm.heap.truncate(base);
    r?;
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.raise_msg(TypeId::ValueError, "-inf + inf in fsum"));
        }
        return vm.new_float(special);
    }
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    vm.new_float(hi)
}

/// `prod(iterable, *, start=1)`.
fn m_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "prod", &["start"])?;
    if args.npos() != 1 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!(
                "prod() takes exactly 1 positional argument ({} given)",
                args.npos()
            ),
        ));
    }
    let start = vm.kwarg(args, "start").unwrap_or(Value::int(1));
    let base = vm.sp();
    vm.push(start)?;
    let r = (|| {
        let it = vm.get_iter(vm.slot(args.base))?;
        vm.push(it)?;
        loop {
            let it = vm.slot(base + 1);
            let Some(x) = vm.iter_next(it)? else {
                return Ok(vm.slot(base));
            };
            let acc = vm.slot(base);
            let r = vm.binary_op(BinOp::Mul, acc, x, false)?;
            vm.set_slot(base, r);
        }
    })();
    vm.heap.truncate(base);
    r
}

/// `dist(p, q)`: Euclidean distance of two points.
fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (p, _) = two_values(vm, args, "dist")?;
    let n = vm.len(p)?;
    let q = vm.slot(args.base + 1);
    if vm.len(q)? != n {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    let (mut inf, mut nan) = (false, false);
    for i in 0..n {
        let p = vm.slot(args.base);
        let a = vm.getitem(p, Value::from_usize(i))?;
        let a = num(vm, a)?;
        let q = vm.slot(args.base + 1);
        let b = vm.getitem(q, Value::from_usize(i))?;
        let b = num(vm, b)?;
        let d = a - b;
        inf |= d.is_infinite();
        nan |= d.is_nan();
        acc = libm::hypot(acc, d);
    }
    if inf {
        return vm.new_float(f64::INFINITY);
    }
    if nan {
        return vm.new_float(f64::NAN);
    }
    vm.new_float(acc)
}

// ---- integer functions ----------------------------------------------------------------

/// An integer argument (bools become ints; `__index__` objects are converted).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small() || vm.heap.kind(v) == kind::BIGINT {
        return Ok(v);
    }
    let i = vm.index_value(v)?;
    vm.new_int(i)
}

fn is_negative(vm: &Vm, v: Value) -> bool {
    match vm.int_to_i64(v) {
        Some(i) => i < 0,
        None => vm.bigint_parts(v).0,
    }
}

fn is_zero(v: Value) -> bool {
    v == Value::int(0)
}

/// `|v|` for an int.
fn int_abs(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_negative(vm, v) {
        vm.unary_op(Op::UNARY_NEGATIVE, v)
    } else {
        Ok(v)
    }
}

/// An int from a u128.
fn int_from_u128(vm: &mut Vm, m: u128) -> PyResult<Value> {
    vm.new_bigint(
        false,
        &[
            m as u32,
            (m >> 32) as u32,
            (m >> 64) as u32,
            (m >> 96) as u32,
        ],
    )
}

/// `slot = slot OP x` for ints.
fn op_slot(vm: &mut Vm, slot: usize, op: BinOp, x: Value) -> PyResult<()> {
    let a = vm.slot(slot);
    let r = vm.binary_op(op, a, x, false)?;
    vm.set_slot(slot, r);
    Ok(())
}

/// `slot = slot OP n` for an int in `slot` and a u128 `n`.
fn op_slot_u128(vm: &mut Vm, slot: usize, op: BinOp, n: u128) -> PyResult<()> {
    let x = int_from_u128(vm, n)?;
    op_slot(vm, slot, op, x)
}

/// Multiplies the int in `slot` by every number of `lo..=hi`, batching
/// factors in a u128 so that the int multiplication runs rarely.
fn mul_range(vm: &mut Vm, slot: usize, lo: u64, hi: u64) -> PyResult<()> {
    let mut chunk: u128 = 1;
    let mut i = lo;
    while i <= hi {
        match chunk.checked_mul(i as u128) {
            Some(c) if c < 1 << 100 => chunk = c,
            _ => {
                op_slot_u128(vm, slot, BinOp::Mul, chunk)?;
                chunk = i as u128;
            }
        }
        if i == u64::MAX {
            break;
        }
        i += 1;
    }
    if chunk != 1 {
        op_slot_u128(vm, slot, BinOp::Mul, chunk)?;
    }
    Ok(())
}

/// Runs `f` with a fresh int accumulator slot holding 1; returns its value.
fn with_acc(vm: &mut Vm, f: impl FnOnce(&mut Vm, usize) -> PyResult<()>) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(Value::int(1))?;
    let r = f(vm, base).map(|_| vm.slot(base));
    vm.heap.truncate(base);
    r
}

/// A non-negative int argument as u64 (None when too big).
fn small_u64(vm: &Vm, v: Value) -> Option<u64> {
    vm.int_to_i64(v).and_then(|i| u64::try_from(i).ok())
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_value(vm, args, "factorial")?;
    let v = int_arg(vm, v)?;
    if is_negative(vm, v) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = small_u64(vm, v) else {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    if n <= 33 {
        let r = (2..=n as u128).product::<u128>();
        return int_from_u128(vm, r);
    }
    with_acc(vm, |vm, acc| mul_range(vm, acc, 2, n))
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// gcd of the non-negative ints in slots `a` and `b`, left in slot `a`.
fn gcd_slots(vm: &mut Vm, a: usize, b: usize) -> PyResult<()> {
    loop {
        let (x, y) = (vm.slot(a), vm.slot(b));
        if let (Some(x), Some(y)) = (small_u64(vm, x), small_u64(vm, y)) {
            let g = gcd_u64(x, y);
            let g = int_from_u128(vm, g as u128)?;
            vm.set_slot(a, g);
            return Ok(());
        }
        if is_zero(y) {
            return Ok(());
        }
        let r = vm.binary_op(BinOp::Mod, x, y, false)?;
        let y = vm.slot(b);
        vm.set_slot(a, y);
        vm.set_slot(b, r);
    }
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_msg(TypeId::TypeError, "gcd() takes no keyword arguments"));
    }
    let base = vm.sp();
    let r = (|| {
        vm.push(Value::int(0))?;
        vm.push(Value::int(0))?;
        for i in 0..args.npos() {
            let v = vm.slot(args.base + i);
            let v = int_arg(vm, v)?;
            let v = int_abs(vm, v)?;
            vm.set_slot(base + 1, v);
            gcd_slots(vm, base, base + 1)?;
        }
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 {
        return Err(vm.raise_msg(TypeId::TypeError, "lcm() takes no keyword arguments"));
    }
    let base = vm.sp();
    let r = (|| {
        // Slots: the lcm so far, the next argument, scratch for the gcd.
        vm.push(Value::int(1))?;
        vm.push(Value::int(0))?;
        vm.push(Value::int(0))?;
        vm.push(Value::int(0))?;
        for i in 0..args.npos() {
            let v = vm.slot(args.base + i);
            let v = int_arg(vm, v)?;
            let v = int_abs(vm, v)?;
            vm.set_slot(base + 1, v);
            if is_zero(v) || is_zero(vm.slot(base)) {
                vm.set_slot(base, Value::int(0));
                continue;
            }
            vm.set_slot(base + 2, vm.slot(base));
            vm.set_slot(base + 3, v);
            gcd_slots(vm, base + 2, base + 3)?;
            let g = vm.slot(base + 2);
            op_slot(vm, base, BinOp::FloorDiv, g)?;
            let v = vm.slot(base + 1);
            op_slot(vm, base, BinOp::Mul, v)?;
        }
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

/// The (n, k) arguments of comb/perm as u64s, after CPython's checks.
fn nk_args(vm: &mut Vm, n: Value, k: Value) -> PyResult<(u64, u64)> {
    let n = int_arg(vm, n)?;
    vm.push(n)?;
    let k = int_arg(vm, k);
    let n = vm.pop();
    let k = k?;
    if is_negative(vm, n) {
        return Err(vm.raise_msg(TypeId::ValueError, "n must be a non-negative integer"));
    }
    if is_negative(vm, k) {
        return Err(vm.raise_msg(TypeId::ValueError, "k must be a non-negative integer"));
    }
    match (small_u64(vm, n), small_u64(vm, k)) {
        (Some(n), Some(k)) => Ok((n, k)),
        _ => Err(vm.raise_msg(
            TypeId::OverflowError,
            "n must not exceed 9223372036854775807",
        )),
    }
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (n, k) = two_values(vm, args, "comb")?;
    let (n, k) = nk_args(vm, n, k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let k = k.min(n - k);
    with_acc(vm, |vm, acc| {
        // r = r * (n - k + i) // i stays exact at every step.
        let mut r: u128 = 1;
        let mut big = false;
        for i in 1..=k {
            let f = (n - k + i) as u128;
            if !big {
                match r.checked_mul(f) {
                    Some(x) => {
                        r = x / i as u128;
                        continue;
                    }
                    None => {
                        op_slot_u128(vm, acc, BinOp::Mul, r)?;
                        big = true;
                    }
                }
            }
            op_slot_u128(vm, acc, BinOp::Mul, f)?;
            op_slot_u128(vm, acc, BinOp::FloorDiv, i as u128)?;
        }
        if !big {
            op_slot_u128(vm, acc, BinOp::Mul, r)?;
        }
        Ok(())
    })
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.nkw > 0 || args.npos() == 0 || args.npos() > 2 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("perm expected at most 2 arguments, got {}", args.len),
        ));
    }
    let n = vm.slot(args.base);
    if args.npos() == 1 || vm.slot(args.base + 1).is_none() {
        let n = int_arg(vm, n)?;
        if is_negative(vm, n) {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "factorial() not defined for negative values",
            ));
        }
        let Some(n) = small_u64(vm, n) else {
            return Err(vm.raise_msg(TypeId::OverflowError, "n too large"));
        };
        return with_acc(vm, |vm, acc| mul_range(vm, acc, 2, n));
    }
    let k = vm.slot(args.base + 1);
    let (n, k) = nk_args(vm, n, k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    with_acc(vm, |vm, acc| mul_range(vm, acc, n - k + 1, n))
}

fn isqrt_u128(n: u128) -> u128 {
    if n == 0 {
        return 0;
    }
    let mut x = libm::sqrt(n as f64) as u128;
    while x * x > n {
        x -= 1;
    }
    while (x + 1) * (x + 1) <= n {
        x += 1;
    }
    x
}

/// Bit length of a non-negative int.
fn bit_length(vm: &Vm, v: Value) -> usize {
    if let Some(i) = vm.int_to_i64(v) {
        return 64 - i.unsigned_abs().leading_zeros() as usize;
    }
    let (_, limbs) = vm.bigint_parts(v);
    let n = limbs.len();
    (n - 1) * 32 + 32 - limbs[n - 1].leading_zeros() as usize
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_value(vm, args, "isqrt")?;
    let v = int_arg(vm, v)?;
    if is_negative(vm, v) {
        return Err(vm.raise_msg(TypeId::ValueError, "isqrt() argument must be nonnegative"));
    }
    if let Some(n) = small_u64(vm, v) {
        let r = isqrt_u128(n as u128);
        return int_from_u128(vm, r);
    }
    // Newton's iteration from a power of two above the root.
    let base = vm.sp();
    vm.push(v)?;
    let r = (|| {
        let bits = bit_length(vm, vm.slot(base));
        let x = vm.binary_op(
            BinOp::LShift,
            Value::int(1),
            Value::int(bits.div_ceil(2) as i32),
            false,
        )?;
        vm.push(x)?;
        loop {
            let (n, x) = (vm.slot(base), vm.slot(base + 1));
            let q = vm.binary_op(BinOp::FloorDiv, n, x, false)?;
            let x = vm.slot(base + 1);
            let y = vm.binary_op(BinOp::Add, x, q, false)?;
            let y = vm.binary_op(BinOp::RShift, y, Value::int(1), false)?;
            let x = vm.slot(base + 1);
            if vm.bigint_cmp(y, x) != Ordering::Less {
                return Ok(x);
            }
            vm.set_slot(base + 1, y);
        }
    })();
    vm.heap.truncate(base);
    r
}
