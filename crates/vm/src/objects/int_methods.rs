//! The methods of int, and int().

use crate::builtins_more::{index_int, round_value};
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{type_error_for, Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::{BinOp, CmpOp, Op};

/// Methods of int.
pub static METHODS: &[NativeDef] = &[
    def("bit_length", bit_length),
    def("bit_count", bit_count),
    def("to_bytes", to_bytes),
    def("from_bytes", from_bytes),
    def("conjugate", plain),
    def("as_integer_ratio", as_integer_ratio),
    def("__index__", plain),
    def("__int__", plain),
    def("__trunc__", plain),
    def("__floor__", plain),
    def("__ceil__", plain),
    def("__round__", dunder_round),
    def("__float__", dunder_float),
    def("__abs__", dunder_abs),
    def("__neg__", dunder_neg),
    def("__pos__", plain),
    def("__invert__", dunder_invert),
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
    def("__floordiv__", floordiv),
    def("__rfloordiv__", rfloordiv),
    def("__truediv__", truediv),
    def("__rtruediv__", rtruediv),
    def("__mod__", mod_),
    def("__rmod__", rmod),
    def("__divmod__", divmod_),
    def("__rdivmod__", rdivmod),
    def("__pow__", pow_),
    def("__rpow__", rpow),
    def("__lshift__", lshift),
    def("__rlshift__", rlshift),
    def("__rshift__", rshift),
    def("__rrshift__", rrshift),
    def("__and__", and),
    def("__rand__", rand),
    def("__or__", or),
    def("__ror__", ror),
    def("__xor__", xor),
    def("__rxor__", rxor),
    def("__eq__", eq),
    def("__ne__", ne),
    def("__lt__", lt),
    def("__le__", le),
    def("__gt__", gt),
    def("__ge__", ge),
];

/// An int as a plain int (bools become 0/1).
fn plain_int(v: Value) -> Value {
    if v == Value::TRUE || v == Value::FALSE {
        Value::int((v == Value::TRUE) as i32)
    } else {
        v
    }
}

/// `self` of an int method (argument 0), unwrapped from int subclasses.
fn self_int(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    if args.npos() == 0 {
        let mut m = Msg::new();
        let _ = write!(m, "descriptor '{name}' of 'int' object needs an argument");
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let v = vm.slot(args.base);
    let u = vm.unwrap_base(v);
    if vm.is_int(u) {
        return Ok(u);
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
        vm.type_name(v, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// A method taking only `self`.
fn self_only(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let v = self_int(vm, args, name)?;
    vm.check_args(args.skip1(), name, 0, 0)?;
    Ok(v)
}

// ---- int() ---------------------------------------------------------------------------

/// `int(x=0)` / `int(x, base=10)`
pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.len > 2 {
        let n = args.len;
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("int() takes at most 2 arguments ({n} given)"),
        ));
    }
    vm.check_kwargs(args, "int", &["base"])?;
    vm.check_args(args, "int", 0, 2)?;
    let base = vm.opt_arg(args, 1, "base");
    if args.npos() == 0 {
        if base.is_some() {
            return Err(vm.raise_msg(TypeId::TypeError, "int() missing string argument"));
        }
        return Ok(Value::int(0));
    }
    if let Some(b) = base {
        let b = vm.index_value(b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let v = vm.slot(args.base);
        let u = vm.unwrap_base(v);
        if vm.is_str(u) || vm.is_bytes_like(u) {
            return vm.int_from_text_value(u, b as u32);
        }
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "int() can't convert non-string with explicit base",
        ));
    }
    let v = vm.slot(args.base);
    int_of(vm, v)
}

/// `int(v)` for one argument: ints, floats (truncated), text, and objects
/// with `__int__`, `__index__` or `__trunc__`.
pub fn int_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if vm.is_int(v) {
        return Ok(plain_int(v));
    }
    if vm.is_float(v) {
        let f = vm.float_value(v);
        return vm.int_from_f64(f);
    }
    if vm.is_str(v) || vm.is_bytes_like(v) {
        return vm.int_from_text_value(v, 10);
    }
    for (name, what) in [
        ("__int__", "__int__ returned non-int (type "),
        ("__index__", "__index__ returned non-int (type "),
    ] {
        if let Some(m) = vm.user_special(v, name) {
            let r = vm.call(m, &[v])?;
            if vm.is_int(vm.unwrap_base(r)) {
                return Ok(r);
            }
            return Err(type_error_for(vm, what, r, ")"));
        }
    }
    if let Some(m) = vm.user_special(v, "__trunc__") {
        let r = vm.call(m, &[v])?;
        if vm.is_int(vm.unwrap_base(r)) {
            return Ok(r);
        }
        if vm.user_special(r, "__index__").is_some() {
            return index_int(vm, r);
        }
        return Err(type_error_for(
            vm,
            "__trunc__ returned non-Integral (type ",
            r,
            ")",
        ));
    }
    let b = vm.unwrap_base(v);
    if b != v {
        return int_of(vm, b);
    }
    Err(type_error_for(
        vm,
        "int() argument must be a string, a bytes-like object or a real number, not '",
        v,
        "'",
    ))
}

// ---- methods -------------------------------------------------------------------------------

fn bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "bit_length")?;
    let n = vm.int_bit_length(v);
    vm.new_int(n as i64)
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "bit_count")?;
    let n = vm.int_bit_count(v);
    vm.new_int(n as i64)
}

fn plain(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__int__")?;
    Ok(plain_int(v))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "as_integer_ratio")?;
    let base = vm.sp();
    vm.push(plain_int(v))?;
    vm.push(Value::int(1))?;
    let t = vm.tuple_from_stack(base, 2);
    vm.heap.truncate(base);
    t
}

/// Reads `byteorder`: true for little-endian.
fn byteorder(vm: &mut Vm, v: Option<Value>, method: &str) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    if !vm.is_str(v) {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "{method}() argument 'byteorder' must be str, not {}",
            vm.type_name(v, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    if vm.str_is(v, "little") {
        Ok(true)
    } else if vm.str_is(v, "big") {
        Ok(false)
    } else {
        Err(vm.raise_msg(
            TypeId::ValueError,
            "byteorder must be either 'little' or 'big'",
        ))
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`
fn to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "to_bytes", &["length", "byteorder", "signed"])?;
    self_int(vm, args, "to_bytes")?;
    let rest = args.skip1();
    if rest.npos() > 2 {
        let n = rest.npos();
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("to_bytes() takes at most 2 positional arguments ({n} given)"),
        ));
    }
    let n = match vm.opt_arg(rest, 0, "length") {
        Some(l) => vm.index_value(l)?,
        None => 1,
    };
    let o = vm.opt_arg(rest, 1, "byteorder");
    let little = byteorder(vm, o, "to_bytes")?;
    let signed = match vm.kwarg(args, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "length argument must be non-negative"));
    }
    let v = vm.unwrap_base(vm.slot(args.base));
    let neg = vm.int_is_negative(v);
    if neg && !signed {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    let bits = vm.int_bit_length(v);
    let width = 8 * n as u64;
    let fits = if !signed {
        bits <= width
    } else if !neg {
        bits < width
    } else {
        bits < width || (bits == width && vm.int_is_power_of_two(v))
    };
    if !fits {
        return Err(vm.raise_msg(TypeId::OverflowError, "int too big to convert"));
    }
    let n = n as usize;
    let b = vm.alloc_bytes(n)?;
    let v = vm.unwrap_base(vm.slot(args.base));
    let mut carry = 1;
    for i in 0..n {
        let byte = vm.int_twos_byte(v, i, &mut carry);
        let at = if little { i } else { n - 1 - i };
        vm.heap.bytes_mut(b, 2)[at] = byte;
    }
    Ok(b)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class
/// method: argument 0 is the data, unless called on an int instance).
fn from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "from_bytes", &["bytes", "byteorder", "signed"])?;
    let mut a = args;
    if a.npos() >= 2 && vm.is_int(vm.unwrap_base(vm.slot(a.base))) {
        let d = vm.slot(a.base + 1);
        if !vm.is_str(d) {
            a = a.skip1();
        }
    }
    if a.npos() > 2 {
        let n = a.npos();
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("from_bytes() takes at most 2 positional arguments ({n} given)"),
        ));
    }
    if vm.opt_arg(a, 0, "bytes").is_none() {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    }
    let o = vm.opt_arg(a, 1, "byteorder");
    let little = byteorder(vm, o, "from_bytes")?;
    let signed = match vm.kwarg(args, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let data = vm.opt_arg(a, 0, "bytes").unwrap_or(Value::NONE);
    let data = vm.unwrap_base(data);
    if vm.is_bytes_like(data) {
        return vm.int_from_bytes(data, little, signed);
    }
    if vm.is_str(data) || vm.is_int(data) || vm.is_float(data) || data.is_none() {
        return Err(type_error_for(
            vm,
            "cannot convert '",
            data,
            "' object to bytes",
        ));
    }
    let base = vm.sp();
    let r = (|| {
        let l = vm.list_from_iter(data)?;
        vm.push(l)?;
        let n = vm.list_len(l);
        let b = vm.alloc_bytes(n)?;
        vm.push(b)?;
        for i in 0..n {
            let item = vm.list_get(vm.slot(base), i);
            let x = vm.index_value(item)?;
            if !(0..256).contains(&x) {
                return Err(vm.raise_msg(TypeId::ValueError, "bytes must be in range(0, 256)"));
            }
            let b = vm.slot(base + 1);
            vm.heap.bytes_mut(b, 2)[i] = x as u8;
        }
        let b = vm.slot(base + 1);
        vm.int_from_bytes(b, little, signed)
    })();
    vm.heap.truncate(base);
    r
}

fn dunder_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_int(vm, args, "__round__")?;
    vm.check_args(args.skip1(), "__round__", 0, 1)?;
    let nd = if args.npos() > 1 {
        Some(vm.slot(args.base + 1)).filter(|v| !v.is_none())
    } else {
        None
    };
    round_value(vm, v, nd)
}

fn dunder_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__float__")?;
    let f = vm.int_to_f64_checked(v)?;
    vm.new_float(f)
}

fn dunder_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__abs__")?;
    vm.int_abs(v)
}

fn dunder_neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__neg__")?;
    vm.unary_op(Op::UNARY_NEGATIVE, v)
}

fn dunder_invert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__invert__")?;
    vm.unary_op(Op::UNARY_INVERT, v)
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__bool__")?;
    Ok(Value::bool(vm.truthy(v)?))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__hash__")?;
    let h = vm.py_hash(v)?;
    vm.new_int(h)
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_only(vm, args, "__repr__")?;
    vm.repr(v)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_int(vm, args, "__format__")?;
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
    crate::format::format(vm, v, spec)
}

// ---- operator methods ------------------------------------------------------------------

/// `self OP other` (or `other OP self` when `rev`): NotImplemented unless
/// `other` is an int.
fn binop(vm: &mut Vm, args: Args, name: &str, op: BinOp, rev: bool) -> PyResult<Value> {
    let a = self_int(vm, args, name)?;
    let max = if op == BinOp::Pow && !rev { 2 } else { 1 };
    vm.check_args(args.skip1(), name, 1, max)?;
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !vm.is_int(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if args.npos() == 3 {
        let m = vm.slot(args.base + 2);
        if !m.is_none() {
            let m = vm.unwrap_base(m);
            if !vm.is_int(m) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            return vm.int_pow_mod(a, b, m);
        }
    }
    if rev {
        vm.binary_op(op, b, a, false)
    } else {
        vm.binary_op(op, a, b, false)
    }
}

fn divmod_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let a = self_int(vm, args, name)?;
    vm.check_args(args.skip1(), name, 1, 1)?;
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !vm.is_int(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if rev {
        vm.int_divmod(b, a)
    } else {
        vm.int_divmod(a, b)
    }
}

fn divmod_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, "__divmod__", false)
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, args, "__rdivmod__", true)
}

fn cmp(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let a = self_int(vm, args, name)?;
    vm.check_args(args.skip1(), name, 1, 1)?;
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    if !vm.is_int(b) {
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
    floordiv => "__floordiv__", FloorDiv, false;
    rfloordiv => "__rfloordiv__", FloorDiv, true;
    truediv => "__truediv__", TrueDiv, false;
    rtruediv => "__rtruediv__", TrueDiv, true;
    mod_ => "__mod__", Mod, false;
    rmod => "__rmod__", Mod, true;
    pow_ => "__pow__", Pow, false;
    rpow => "__rpow__", Pow, true;
    lshift => "__lshift__", LShift, false;
    rlshift => "__rlshift__", LShift, true;
    rshift => "__rshift__", RShift, false;
    rrshift => "__rrshift__", RShift, true;
    and => "__and__", And, false;
    rand => "__rand__", And, true;
    or => "__or__", Or, false;
    ror => "__ror__", Or, true;
    xor => "__xor__", Xor, false;
    rxor => "__rxor__", Xor, true;
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
