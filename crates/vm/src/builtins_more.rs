//! More builtin functions (sorted, min, max, sum, ...): a second static
//! table so the two can grow independently.

use crate::heap::kind;
use crate::native::{def, native_value, Args, NativeDef};
use crate::objects::class::{cls, inst};
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{type_error_for, CompileMode, Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::{BinOp, CmpOp};

/// Table number of these functions.
pub const TABLE: u32 = 201;

/// The functions.
pub static FUNCTIONS: &[NativeDef] = &[
    def("sorted", sorted),
    def("min", min),
    def("max", max),
    def("sum", sum),
    def("any", any),
    def("all", all),
    def("divmod", divmod),
    def("pow", pow),
    def("round", round),
    def("bin", bin),
    def("hex", hex),
    def("oct", oct),
    def("dir", dir),
    def("input", input),
    def("eval", eval),
    def("exec", exec),
    def("vars", vars),
];

/// A function of this table by name.
pub fn lookup(n: &str) -> Option<Value> {
    FUNCTIONS
        .iter()
        .position(|d| d.name == n)
        .map(|i| native_value(TABLE, i as u32))
}

/// Runs `f` with the stack depth restored afterwards (errors included).
fn scoped<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm, usize) -> PyResult<T>) -> PyResult<T> {
    let base = vm.sp();
    let r = f(vm, base);
    vm.heap.truncate(base);
    r
}

/// Pushes the arguments named `pos` (positional or keyword) then the
/// keyword-only ones named `kw`, NULL when absent, and returns the slot of
/// the first: values read into Rust locals go stale when objects move, so
/// natives that allocate before using their arguments keep them here.
pub fn gather(vm: &mut Vm, args: Args, pos: &[&str], kw: &[&str]) -> PyResult<usize> {
    let mut vals = [Value::NULL; 8];
    for (i, n) in pos.iter().enumerate() {
        vals[i] = vm.opt_arg(args, i, n).unwrap_or(Value::NULL);
    }
    for (i, n) in kw.iter().enumerate() {
        vals[pos.len() + i] = vm.kwarg(args, n).unwrap_or(Value::NULL);
    }
    let base = vm.sp();
    vm.push_many(&vals[..pos.len() + kw.len()])?;
    Ok(base)
}

// ---- sorted, min, max -----------------------------------------------------------

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.npos() != 1 {
        let n = args.npos();
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("sorted expected 1 argument, got {n}"),
        ));
    }
    for k in 0..args.nkw {
        let n = vm.kwname(args, k);
        if !vm.str_is(n, "key") && !vm.str_is(n, "reverse") {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' is an invalid keyword argument for sort()",
                vm.str_text(n, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    scoped(vm, |vm, base| {
        // Slots: key, reverse, then the new list.
        gather(vm, args, &[], &["key", "reverse"])?;
        let r = vm.slot(base + 1);
        let reverse = !r.is_null() && vm.truthy(r)?;
        let it = vm.slot(args.base);
        let l = vm.list_from_iter(it)?;
        vm.push(l)?;
        let (key, l) = (vm.slot(base), vm.slot(base + 2));
        let key = if key.is_null() { Value::NONE } else { key };
        crate::objects::seq_methods::list_sort(vm, l, key, reverse)?;
        Ok(vm.slot(base + 2))
    })
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpOp::Gt)
}

/// `min`/`max`: items from one iterable or from the arguments; `key=`,
/// `default=` (iterable form only); the first extreme item wins.
fn min_max(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    vm.check_kwargs(args, name, &["key", "default"])?;
    let n = args.npos();
    if n == 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name} expected at least 1 argument, got 0"),
        ));
    }
    if n > 1 && vm.kwarg(args, "default").is_some() {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            ),
        ));
    }
    scoped(vm, |vm, base| {
        // Slots: key, default, iterator (or NULL), best item, best key.
        gather(vm, args, &[], &["key", "default"])?;
        let keyed = !vm.slot(base).is_null() && !vm.slot(base).is_none();
        let it = if n == 1 {
            let v = vm.slot(args.base);
            vm.get_iter(v)?
        } else {
            Value::NULL
        };
        vm.push_many(&[it, Value::NULL, Value::NULL])?;
        let mut i = 0;
        loop {
            let item = if n == 1 {
                let it = vm.slot(base + 2);
                match vm.iter_next(it)? {
                    Some(v) => v,
                    None => break,
                }
            } else if i < n {
                vm.slot(args.base + i)
            } else {
                break;
            };
            i += 1;
            vm.push(item)?;
            let item = vm.heap.peek(0);
            let k = if keyed {
                let f = vm.slot(base);
                vm.call(f, &[item])?
            } else {
                item
            };
            vm.push(k)?;
            let (k, best) = (vm.heap.peek(0), vm.slot(base + 4));
            let better = if best.is_null() {
                true
            } else {
                let r = vm.compare(op, k, best)?;
                vm.truthy(r)?
            };
            let k = vm.pop();
            let item = vm.pop();
            if better {
                vm.set_slot(base + 3, item);
                vm.set_slot(base + 4, k);
            }
        }
        let best = vm.slot(base + 3);
        if !best.is_null() {
            return Ok(best);
        }
        let d = vm.slot(base + 1);
        if !d.is_null() {
            return Ok(d);
        }
        Err(vm.raise_fmt(
            TypeId::ValueError,
            format_args!("{name}() arg is an empty sequence"),
        ))
    })
}

// ---- sum, any, all ------------------------------------------------------------------

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "sum", &["start"])?;
    vm.check_args(args, "sum", 1, 2)?;
    let start = vm.opt_arg(args, 1, "start").unwrap_or(Value::int(0));
    if vm.is_str(start) || vm.is_bytes_like(start) {
        let (what, join) = if vm.is_str(start) {
            ("strings", "''")
        } else if vm.heap.kind(start) == kind::BYTES {
            ("bytes", "b''")
        } else {
            ("bytearray", "b''")
        };
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("sum() can't sum {what} [use {join}.join(seq) instead]"),
        ));
    }
    let it = vm.slot(args.base);
    scoped(vm, |vm, base| {
        // Slots: iterator, accumulator.
        vm.push_many(&[it, start])?;
        let it = vm.get_iter(it)?;
        vm.set_slot(base, it);
        let start = vm.slot(base + 1);
        // Accumulate machine ints and floats without allocating, as
        // CPython does (plain double addition for floats).
        let mut int_acc: Option<i64> = vm.int_to_i64(start).filter(|_| start.is_small());
        let mut float_acc: Option<f64> = if vm.is_float(start) {
            Some(vm.float_value(start))
        } else {
            None
        };
        loop {
            let it = vm.slot(base);
            let Some(item) = vm.iter_next(it)? else {
                break;
            };
            if let Some(a) = int_acc {
                if item.is_small() || item == Value::TRUE || item == Value::FALSE {
                    let x = vm.int_to_i64(item).unwrap_or(0);
                    if let Some(s) = a.checked_add(x) {
                        int_acc = Some(s);
                        continue;
                    }
                }
                if vm.is_float(item) {
                    int_acc = None;
                    float_acc = Some(a as f64 + vm.float_value(item));
                    continue;
                }
                vm.push(item)?;
                let acc = vm.new_int(a)?;
                vm.set_slot(base + 1, acc);
                int_acc = None;
                let item = vm.pop();
                let acc = vm.slot(base + 1);
                let r = vm.binary_op(BinOp::Add, acc, item, false)?;
                vm.set_slot(base + 1, r);
                continue;
            }
            if let Some(f) = float_acc {
                if vm.is_float(item) {
                    float_acc = Some(f + vm.float_value(item));
                    continue;
                }
                if let Some(x) = vm.int_to_i64(item) {
                    float_acc = Some(f + x as f64);
                    continue;
                }
                vm.push(item)?;
                let acc = vm.new_float(f)?;
                vm.set_slot(base + 1, acc);
                float_acc = None;
                let item = vm.pop();
                let acc = vm.slot(base + 1);
                let r = vm.binary_op(BinOp::Add, acc, item, false)?;
                vm.set_slot(base + 1, r);
                continue;
            }
            let acc = vm.slot(base + 1);
            let r = vm.binary_op(BinOp::Add, acc, item, false)?;
            if vm.is_float(r) {
                float_acc = Some(vm.float_value(r));
            } else if r.is_small() {
                int_acc = r.as_small();
            }
            vm.set_slot(base + 1, r);
        }
        if let Some(a) = int_acc {
            return vm.new_int(a);
        }
        if let Some(f) = float_acc {
            return vm.new_float(f);
        }
        Ok(vm.slot(base + 1))
    })
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "any", 1, 1)?;
    any_all(vm, args, true)
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "all", 1, 1)?;
    any_all(vm, args, false)
}

/// `any` (stop at the first true item) or `all` (at the first false one).
fn any_all(vm: &mut Vm, args: Args, want: bool) -> PyResult<Value> {
    let v = vm.slot(args.base);
    scoped(vm, |vm, base| {
        let it = vm.get_iter(v)?;
        vm.push(it)?;
        loop {
            let it = vm.slot(base);
            let Some(item) = vm.iter_next(it)? else {
                return Ok(Value::bool(!want));
            };
            if vm.truthy(item)? == want {
                return Ok(Value::bool(want));
            }
        }
    })
}

// ---- divmod, pow, round ------------------------------------------------------------

/// `v` as an int (unwrapping int subclass instances), if it is one.
fn as_int(vm: &Vm, v: Value) -> Option<Value> {
    let u = vm.unwrap_base(v);
    if vm.is_int(u) {
        Some(u)
    } else {
        None
    }
}

/// `v` as a float value if it is a float (or float subclass instance).
fn as_float(vm: &Vm, v: Value) -> Option<f64> {
    let u = vm.unwrap_base(v);
    if vm.is_float(u) {
        Some(vm.float_value(u))
    } else {
        None
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "divmod", 2, 2)?;
    let (a, b) = (vm.slot(args.base), vm.slot(args.base + 1));
    // User special methods first.
    if let Some(m) = vm.user_special(a, "__divmod__") {
        let r = vm.call(m, &[a, b])?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    let (a, b) = (vm.slot(args.base), vm.slot(args.base + 1));
    if let Some(m) = vm.user_special(b, "__rdivmod__") {
        let r = vm.call(m, &[b, a])?;
        if r != Value::NOT_IMPLEMENTED {
            return Ok(r);
        }
    }
    let (a, b) = (vm.slot(args.base), vm.slot(args.base + 1));
    if let (Some(x), Some(y)) = (as_int(vm, a), as_int(vm, b)) {
        return vm.int_divmod(x, y);
    }
    let fa = match as_int(vm, a) {
        Some(i) => Some(vm.int_to_f64_checked(i)?),
        None => as_float(vm, a),
    };
    let fb = match as_int(vm, b) {
        Some(i) => Some(vm.int_to_f64_checked(i)?),
        None => as_float(vm, b),
    };
    let (Some(x), Some(y)) = (fa, fb) else {
        let mut b1 = [0; 4];
        let mut b2 = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a, &mut b1),
            vm.type_name(b, &mut b2)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    if y == 0.0 {
        return Err(vm.raise_msg(TypeId::ZeroDivisionError, "float divmod()"));
    }
    let (q, r) = crate::ops::float_divmod(x, y);
    scoped(vm, |vm, base| {
        let q = vm.new_float(q)?;
        vm.push(q)?;
        let r = vm.new_float(r)?;
        vm.push(r)?;
        vm.tuple_from_stack(base, 2)
    })
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "pow", &["base", "exp", "mod"])?;
    let n = args.npos();
    if n > 3 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("pow expected at most 3 arguments, got {n}"),
        ));
    }
    let (Some(a), Some(b)) = (vm.opt_arg(args, 0, "base"), vm.opt_arg(args, 1, "exp")) else {
        let missing = if vm.opt_arg(args, 0, "base").is_none() {
            "'base' (pos 1)"
        } else {
            "'exp' (pos 2)"
        };
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("pow() missing required argument {missing}"),
        ));
    };
    let m = vm.opt_arg(args, 2, "mod").filter(|m| !m.is_none());
    let Some(m) = m else {
        return vm.binary_op(BinOp::Pow, a, b, false);
    };
    if let (Some(x), Some(y), Some(z)) = (as_int(vm, a), as_int(vm, b), as_int(vm, m)) {
        return vm.int_pow_mod(x, y, z);
    }
    let numeric = |vm: &Vm, v: Value| as_int(vm, v).is_some() || as_float(vm, v).is_some();
    if numeric(vm, a) && numeric(vm, b) && numeric(vm, m) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let mut b1 = [0; 4];
    let mut b2 = [0; 4];
    let mut b3 = [0; 4];
    let mut msg = Msg::new();
    let _ = write!(
        msg,
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(a, &mut b1),
        vm.type_name(b, &mut b2),
        vm.type_name(m, &mut b3)
    );
    Err(vm.raise_msg(TypeId::TypeError, msg.as_str()))
}

/// The `ndigits` argument of round() as i64 (big values clamp).
fn ndigits_value(vm: &mut Vm, nd: Value) -> PyResult<i64> {
    if let Some(i) = as_int(vm, nd) {
        if let Some(x) = vm.int_to_i64(i) {
            return Ok(x);
        }
        return Ok(if vm.int_is_negative(i) {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    vm.index_value(nd)
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "round", &["number", "ndigits"])?;
    if args.len > 2 {
        let n = args.len;
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("round() takes at most 2 arguments ({n} given)"),
        ));
    }
    let Some(x) = vm.opt_arg(args, 0, "number") else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "round() missing required argument 'number' (pos 1)",
        ));
    };
    let nd = vm.opt_arg(args, 1, "ndigits").filter(|v| !v.is_none());
    if vm.user_special(x, "__round__").is_some() {
        let m = vm.user_special(x, "__round__").unwrap_or(Value::NONE);
        return match nd {
            Some(d) => vm.call(m, &[x, d]),
            None => vm.call(m, &[x]),
        };
    }
    round_value(vm, x, nd)
}

/// `v` as a plain int (bools become 0/1).
fn plain_int(v: Value) -> Value {
    if v == Value::TRUE || v == Value::FALSE {
        Value::int((v == Value::TRUE) as i32)
    } else {
        v
    }
}

/// round(x[, nd]) for ints and floats (also `__round__` of both types).
pub fn round_value(vm: &mut Vm, x: Value, nd: Option<Value>) -> PyResult<Value> {
    if let Some(i) = as_int(vm, x) {
        let Some(nd) = nd else {
            return Ok(plain_int(i));
        };
        let base = vm.sp();
        vm.push_many(&[i, nd])?;
        let nd = vm.slot(base + 1);
        let r = ndigits_value(vm, nd).and_then(|d| {
            vm.heap.truncate(base + 1);
            round_int(vm, base, d)
        });
        vm.heap.truncate(base);
        return r;
    }
    let Some(f) = as_float(vm, x) else {
        return Err(type_error_for(
            vm,
            "type ",
            x,
            " doesn't define __round__ method",
        ));
    };
    let Some(nd) = nd else {
        let r = fzpy_num::float_fmt::round_half_even(f);
        return vm.int_from_f64(r);
    };
    let d = ndigits_value(vm, nd)?;
    match fzpy_num::float_fmt::round_ndigits(f, d) {
        Some(r) => vm.new_float(r),
        None => Err(vm.raise_msg(
            TypeId::OverflowError,
            "rounded value too large to represent",
        )),
    }
}

/// Rounds the int in slot `slot` to a multiple of `10**-nd` (half to
/// even). Pushes temporaries above `slot` (the caller truncates).
fn round_int(vm: &mut Vm, slot: usize, nd: i64) -> PyResult<Value> {
    let x = vm.slot(slot);
    if nd >= 0 {
        return Ok(plain_int(x));
    }
    // |x| < 10**k / 2 rounds to 0.
    let k = nd.unsigned_abs();
    if k > vm.int_bit_length(x) / 3 + 2 {
        return Ok(Value::int(0));
    }
    // Slots: slot + 1 = p, slot + 2 = (q, r), slot + 3 = 2r.
    let p = vm.binary_op(BinOp::Pow, Value::int(10), Value::int(k as i32), false)?;
    vm.push(p)?;
    let x = vm.slot(slot);
    let qr = vm.int_divmod(x, p)?;
    vm.push(qr)?;
    let r = vm.tuple_get(qr, 1);
    let r2 = vm.binary_op(BinOp::Add, r, r, false)?;
    vm.push(r2)?;
    let p = vm.slot(slot + 1);
    let order = vm.bigint_cmp(r2, p);
    let q = vm.tuple_get(vm.slot(slot + 2), 0);
    let q_odd = vm.binary_op(BinOp::And, q, Value::int(1), false)? == Value::int(1);
    let up =
        order == core::cmp::Ordering::Greater || (order == core::cmp::Ordering::Equal && q_odd);
    let mut q = vm.tuple_get(vm.slot(slot + 2), 0);
    if up {
        q = vm.binary_op(BinOp::Add, q, Value::int(1), false)?;
    }
    let p = vm.slot(slot + 1);
    vm.binary_op(BinOp::Mul, q, p, false)
}

// ---- bin, hex, oct -----------------------------------------------------------------

/// The int behind an `__index__`-able value.
pub fn index_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some(i) = as_int(vm, v) {
        return Ok(i);
    }
    if let Some(m) = vm.user_special(v, "__index__") {
        let r = vm.call(m, &[v])?;
        if vm.is_int(r) {
            return Ok(r);
        }
        return Err(type_error_for(
            vm,
            "__index__ returned non-int (type ",
            r,
            ")",
        ));
    }
    Err(type_error_for(
        vm,
        "'",
        v,
        "' object cannot be interpreted as an integer",
    ))
}

fn radix_text(vm: &mut Vm, args: Args, name: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    vm.check_args(args, name, 1, 1)?;
    let v = vm.slot(args.base);
    let i = index_int(vm, v)?;
    vm.int_to_radix_str(i, radix, prefix)
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "bin", 2, "0b")
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "hex", 16, "0x")
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_text(vm, args, "oct", 8, "0o")
}

// ---- dir, vars ------------------------------------------------------------------------

/// Dunder names every object has (CPython's `dir(object())`).
const OBJECT_NAMES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// Adds the keys of dict `d` to set `s` (both rooted by the caller in slots).
fn add_dict_keys(vm: &mut Vm, s_slot: usize, d_slot: usize) -> PyResult<()> {
    let mut i = 0;
    loop {
        let d = vm.slot(d_slot);
        if i >= vm.dict_used(d) {
            return Ok(());
        }
        if let Some((k, _)) = vm.dict_entry(d, i) {
            let s = vm.slot(s_slot);
            vm.set_add(s, k)?;
        }
        i += 1;
    }
}

/// Adds the names of a builtin type's method table (and its bases').
fn add_type_names(vm: &mut Vm, s_slot: usize, t: TypeId) -> PyResult<()> {
    let extra: &[&str] = match t {
        TypeId::Int | TypeId::Bool => &["real", "imag", "numerator", "denominator"],
        TypeId::Float => &["real", "imag"],
        _ => &[],
    };
    for n in extra {
        let k = vm.intern(n)?;
        let s = vm.slot(s_slot);
        vm.set_add(s, k)?;
    }
    let mut t = t;
    loop {
        for d in t.info().methods {
            let k = vm.intern(d.name)?;
            let s = vm.slot(s_slot);
            vm.set_add(s, k)?;
        }
        if t == TypeId::Object {
            break;
        }
        t = t.info().base;
    }
    for n in OBJECT_NAMES {
        let k = vm.intern(n)?;
        let s = vm.slot(s_slot);
        vm.set_add(s, k)?;
    }
    Ok(())
}

/// Adds the attribute names of class `c` (in slot `c_slot`) and its MRO.
fn add_class_names(vm: &mut Vm, s_slot: usize, c_slot: usize) -> PyResult<()> {
    let c = vm.slot(c_slot);
    let n = vm.mro_len(c);
    for i in 0..n {
        let c = vm.slot(c_slot);
        let k = vm.mro_get(c, i);
        if k.is_imm_of(imm::TYPE) {
            let t = TypeId::from_index(k.payload()).unwrap_or(TypeId::Object);
            add_type_names(vm, s_slot, t)?;
        } else if vm.heap.kind(k) == kind::CLASS {
            let d = vm.heap.get(k, cls::DICT);
            vm.push(d)?;
            let r = add_dict_keys(vm, s_slot, vm.sp() - 1);
            vm.pop();
            r?;
        }
    }
    if vm.heap.kind(vm.slot(c_slot)) == kind::CLASS {
        for n in ["__dict__", "__module__", "__weakref__"] {
            let k = vm.intern(n)?;
            let s = vm.slot(s_slot);
            vm.set_add(s, k)?;
        }
    }
    Ok(())
}

/// A sorted list of the items of the set or iterable in slot `slot`.
fn sorted_list_of(vm: &mut Vm, slot: usize) -> PyResult<Value> {
    let s = vm.slot(slot);
    let l = vm.list_from_iter(s)?;
    vm.push(l)?;
    let l = vm.heap.peek(0);
    let r = crate::objects::seq_methods::list_sort(vm, l, Value::NONE, false);
    let l = vm.pop();
    r.map(|_| l)
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "dir", 0, 1)?;
    scoped(vm, |vm, base| {
        if args.npos() == 0 {
            let d = vm.frame_locals()?;
            vm.push(d)?;
            let l = vm.list_from_iter(vm.slot(base))?;
            vm.push(l)?;
            let l = vm.slot(base + 1);
            crate::objects::seq_methods::list_sort(vm, l, Value::NONE, false)?;
            return Ok(vm.slot(base + 1));
        }
        let o = vm.slot(args.base);
        if let Some(m) = vm.user_special(o, "__dir__") {
            let r = vm.call(m, &[o])?;
            vm.push(r)?;
            return sorted_list_of(vm, base);
        }
        let s = vm.new_table(kind::SET, 0)?;
        vm.push(s)?;
        let o = vm.slot(args.base);
        let k = vm.heap.kind(o);
        if k == kind::MODULE || o.is_imm_of(imm::MODULE) {
            let d = vm.module_dict(o)?;
            vm.push(d)?;
            add_dict_keys(vm, base, base + 1)?;
            let o = vm.slot(args.base);
            if o.is_imm_of(imm::MODULE) {
                if let Some(m) = crate::modules::MODULES.get(o.payload() as usize) {
                    let names = m.functions.iter().map(|f| f.name);
                    let consts = m.consts.iter().map(|c| c.0);
                    for n in names.chain(consts).chain(["__name__", "__doc__"]) {
                        let k = vm.intern(n)?;
                        let s = vm.slot(base);
                        vm.set_add(s, k)?;
                    }
                }
            }
        } else if k == kind::CLASS || o.is_imm_of(imm::TYPE) {
            vm.push(o)?;
            add_class_names(vm, base, base + 1)?;
        } else {
            let d = vm.instance_dict(o);
            vm.push(d)?;
            if !d.is_null() {
                add_dict_keys(vm, base, base + 1)?;
            }
            let o = vm.slot(args.base);
            let t = vm.type_of(o);
            vm.push(t)?;
            add_class_names(vm, base, base + 2)?;
        }
        sorted_list_of(vm, base)
    })
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "vars", 0, 1)?;
    if args.npos() == 0 {
        return vm.frame_locals();
    }
    let o = vm.slot(args.base);
    let k = vm.heap.kind(o);
    if k == kind::MODULE || o.is_imm_of(imm::MODULE) {
        return vm.module_dict(o);
    }
    if k == kind::INSTANCE && vm.heap.get(o, inst::DICT).is_null() {
        let d = vm.new_dict()?;
        let o = vm.slot(args.base);
        vm.heap.set(o, inst::DICT, d);
        return Ok(d);
    }
    let d = vm.instance_dict(o);
    if !d.is_null() {
        return Ok(d);
    }
    Err(vm.raise_msg(
        TypeId::TypeError,
        "vars() argument must have __dict__ attribute",
    ))
}

// ---- input, eval, exec ---------------------------------------------------------------

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "input", 0, 1)?;
    if args.npos() == 1 {
        let p = vm.slot(args.base);
        let s = vm.str(p)?;
        // Copy out in chunks: the platform cannot borrow the heap.
        let mut chunk = [0u8; 128];
        let mut at = 0;
        let mut buf = [0; 4];
        let total = vm.str_bytes_buf(s, &mut buf).len();
        while at < total {
            let n = (total - at).min(chunk.len());
            chunk[..n].copy_from_slice(&vm.str_bytes_buf(s, &mut buf)[at..at + n]);
            vm.platform.write_out(&chunk[..n]);
            at += n;
        }
    }
    vm.platform.flush();
    match vm.platform.read_line() {
        // ALLOC: the platform hands the line over as a Rust String.
        Some(line) => vm.new_str(&line),
        None => Err(vm.raise_msg(TypeId::EOFError, "EOF when reading a line")),
    }
}

fn eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_source(vm, args, "eval", CompileMode::Eval)
}

fn exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    run_source(vm, args, "exec", CompileMode::Exec).map(|_| Value::NONE)
}

/// eval()/exec(): compile the source and run it with the given (or the
/// caller's) globals and locals.
fn run_source(vm: &mut Vm, args: Args, name: &str, mode: CompileMode) -> PyResult<Value> {
    vm.check_kwargs(args, name, &["globals", "locals"])?;
    vm.check_args(args, name, 1, 3)?;
    let src = vm.slot(args.base);
    let g = vm.opt_arg(args, 1, "globals").filter(|v| !v.is_none());
    let l = vm.opt_arg(args, 2, "locals").filter(|v| !v.is_none());
    if let Some(g) = g {
        if vm.heap.kind(g) != kind::DICT {
            let what = if mode == CompileMode::Eval {
                "globals must be a dict"
            } else {
                "exec() globals must be a dict, not "
            };
            if mode == CompileMode::Eval {
                return Err(vm.raise_msg(TypeId::TypeError, what));
            }
            return Err(type_error_for(vm, what, g, ""));
        }
    }
    if let Some(l) = l {
        let mapping = vm.heap.kind(l) == kind::DICT
            || vm.user_special(l, "__getitem__").is_some()
            || vm.heap.kind(vm.unwrap_base(l)) == kind::DICT;
        if !mapping {
            return Err(vm.raise_msg(TypeId::TypeError, "locals must be a mapping"));
        }
    }
    let is_text = vm.is_str(src) || vm.is_bytes_like(src);
    if !is_text {
        let msg = if mode == CompileMode::Eval {
            "eval() arg 1 must be a string, bytes or code object"
        } else {
            "exec() arg 1 must be a string, bytes or code object"
        };
        return Err(vm.raise_msg(TypeId::TypeError, msg));
    }
    // ALLOC: the compiler takes Rust text (copied out of the heap).
    let text: alloc::string::String = {
        let mut buf = [0; 4];
        let b = if vm.is_str(src) {
            vm.str_bytes_buf(src, &mut buf)
        } else {
            vm.bytes_like_data(src)
        };
        let s = core::str::from_utf8(b).unwrap_or("");
        if mode == CompileMode::Eval {
            s.trim_start_matches([' ', '\t']).into()
        } else {
            s.into()
        }
    };
    let cu = vm.compile(&text, "<string>", mode)?;
    drop(text);
    scoped(vm, |vm, base| {
        // Slots: globals, locals, code, function.
        let g = match g {
            Some(_) => vm.opt_arg(args, 1, "globals").unwrap_or(Value::NONE),
            None => vm.globals(),
        };
        vm.push(g)?;
        let l = match l {
            Some(_) => vm.opt_arg(args, 2, "locals").unwrap_or(Value::NONE),
            None if vm.opt_arg(args, 1, "globals").is_some_and(|v| !v.is_none()) => vm.slot(base),
            None => vm.frame_locals()?,
        };
        vm.push(l)?;
        let c = vm.load_code(&cu)?;
        vm.push(c)?;
        let f = vm.alloc(kind::FUNCTION, func::SIZE)?;
        let (c, g) = (vm.slot(base + 2), vm.slot(base));
        vm.heap.set(f, func::CODE, c);
        vm.heap.set(f, func::GLOBALS, g);
        let n = vm.heap.get(c, code::NAME);
        vm.heap.set(f, func::NAME, n);
        vm.heap.set(f, func::QUALNAME, n);
        vm.push(f)?;
        vm.run_nested(|vm| {
            let (f, l) = (vm.slot(base + 3), vm.slot(base + 1));
            vm.push_frame(
                f,
                crate::interp::args_at(base, 0, crate::native::NO_KW, 0),
                base + 4,
                true,
                l,
            )
        })
    })
}

// ---- class creation hooks ----------------------------------------------------------------

/// Runs `__set_name__` of class attributes and the parent's `__init_subclass__`.
pub fn after_class_created(vm: &mut Vm, c: Value) -> PyResult<()> {
    if vm.heap.kind(c) != kind::CLASS {
        return Ok(());
    }
    scoped(vm, |vm, base| {
        vm.push(c)?;
        // __set_name__ on attributes (only instances of user classes can have it).
        let mut i = 0;
        loop {
            let c = vm.slot(base);
            let d = vm.heap.get(c, cls::DICT);
            if i >= vm.dict_used(d) {
                break;
            }
            if let Some((k, v)) = vm.dict_entry(d, i) {
                if vm.heap.kind(v) == kind::INSTANCE {
                    if let Some(m) = vm.user_special(v, "__set_name__") {
                        let c = vm.slot(base);
                        vm.call(m, &[v, c, k])?;
                    }
                }
            }
            i += 1;
        }
        // The nearest user-defined __init_subclass__ above the class.
        let c = vm.slot(base);
        let n = vm.mro_len(c);
        for j in 1..n {
            let c = vm.slot(base);
            let k = vm.mro_get(c, j);
            if vm.heap.kind(k) != kind::CLASS {
                return Ok(());
            }
            let d = vm.heap.get(k, cls::DICT);
            if let Some(f) = vm.dict_get_str(d, "__init_subclass__") {
                let f = match vm.heap.kind(f) {
                    kind::CLASSMETHOD | kind::STATICMETHOD => vm.heap.get(f, 0),
                    _ => f,
                };
                let c = vm.slot(base);
                vm.call(f, &[c])?;
                return Ok(());
            }
        }
        Ok(())
    })
}
