//! `random`: CPython's functions on the VM's xorshift128+ generator
//! ([`Vm::next_random`]; seeded from the platform at start). Sequences differ
//! from CPython's Mersenne Twister, but ranges, errors and reproducibility
//! after `seed(x)` behave the same.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::BinOp;

/// Functions of `random`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("random", rnd_random),
    def("uniform", rnd_uniform),
    def("randrange", rnd_randrange),
    def("randint", rnd_randint),
    def("choice", rnd_choice),
    def("choices", rnd_choices),
    def("shuffle", rnd_shuffle),
    def("sample", rnd_sample),
    def("getrandbits", rnd_getrandbits),
    def("randbytes", rnd_randbytes),
    def("seed", rnd_seed),
    def("getstate", rnd_getstate),
    def("setstate", rnd_setstate),
    def("triangular", rnd_triangular),
    def("gauss", rnd_gauss),
    def("normalvariate", rnd_gauss),
    def("expovariate", rnd_expovariate),
];

/// A float in [0, 1) with 53 random bits.
fn next_float(vm: &mut Vm) -> f64 {
    (vm.next_random() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A uniform integer in `0..n` (n > 0), without modulo bias.
fn below_u64(vm: &mut Vm, n: u64) -> u64 {
    if n <= 1 {
        return 0;
    }
    let k = 64 - (n - 1).leading_zeros();
    loop {
        let r = vm.next_random() >> (64 - k);
        if r < n {
            return r;
        }
    }
}

/// A uniform integer in `0..n` for any positive u128.
fn below_u128(vm: &mut Vm, n: u128) -> u128 {
    if n <= u64::MAX as u128 {
        return below_u64(vm, n as u64) as u128;
    }
    let k = 128 - (n - 1).leading_zeros();
    loop {
        let r = ((vm.next_random() as u128) << 64 | vm.next_random() as u128) >> (128 - k);
        if r < n {
            return r;
        }
    }
}

/// An int from an i128.
fn int_from_i128(vm: &mut Vm, v: i128) -> PyResult<Value> {
    if let Ok(i) = i64::try_from(v) {
        return vm.new_int(i);
    }
    let m = v.unsigned_abs();
    let limbs = [
        m as u32,
        (m >> 32) as u32,
        (m >> 64) as u32,
        (m >> 96) as u32,
    ];
    vm.new_bigint(v < 0, &limbs)
}

/// `k` random bits as a non-negative int.
fn random_bits(vm: &mut Vm, k: usize) -> PyResult<Value> {
    if k == 0 {
        return Ok(Value::int(0));
    }
    if k <= 63 {
        let r = vm.next_random() >> (64 - k);
        return vm.new_int(r as i64);
    }
    const CHUNK_LIMBS: usize = 64;
    let mut limbs = [0u32; CHUNK_LIMBS];
    let nl = k.div_ceil(32);
    if nl <= CHUNK_LIMBS {
        for pair in limbs[..nl].chunks_mut(2) {
            let r = vm.next_random();
            pair[0] = r as u32;
            if pair.len() > 1 {
                pair[1] = (r >> 32) as u32;
            }
        }
        let top_bits = k & 31;
        if top_bits != 0 {
            limbs[nl - 1] &= (1u32 << top_bits) - 1;
        }
        return vm.new_bigint(false, &limbs[..nl]);
    }
    // Very long: combine chunks with int arithmetic.
    let base = vm.sp();
    let r = (|| {
        let first = random_bits(vm, k % (CHUNK_LIMBS * 32))?;
        vm.push(first)?;
        let mut left = k - k % (CHUNK_LIMBS * 32);
        while left > 0 {
            let shift = Value::int((CHUNK_LIMBS * 32) as i32);
            let acc = vm.slot(base);
            let acc = vm.binary_op(BinOp::LShift, acc, shift, false)?;
            vm.set_slot(base, acc);
            let chunk = random_bits(vm, CHUNK_LIMBS * 32)?;
            let acc = vm.slot(base);
            let acc = vm.binary_op(BinOp::Or, acc, chunk, false)?;
            vm.set_slot(base, acc);
            left -= CHUNK_LIMBS * 32;
        }
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

fn rnd_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "random", 0, 0)?;
    let f = next_float(vm);
    vm.new_float(f)
}

/// A float argument (ints accepted).
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_f64(v)? {
        Some(f) => Ok(f),
        None => {
            let mut b = [0; 4];
            let mut m = Msg::new();
            let _ = write!(m, "must be real number, not {}", vm.type_name(v, &mut b));
            Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
        }
    }
}

/// Optional float argument `i` / keyword `name` with a default.
fn opt_float(vm: &mut Vm, args: Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    match vm.opt_arg(args, i, name) {
        Some(v) => float_arg(vm, v),
        None => Ok(default),
    }
}

fn rnd_uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "uniform", &["a", "b"])?;
    let (Some(a), Some(b)) = (vm.opt_arg(args, 0, "a"), vm.opt_arg(args, 1, "b")) else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Random.uniform() missing required argument",
        ));
    };
    let (fa, fb) = (vm.as_f64(a)?, vm.as_f64(b)?);
    let (Some(fa), Some(fb)) = (fa, fb) else {
        // Non-numbers: CPython computes `a + (b - a) * random()`.
        let d = vm.binary_op(BinOp::Sub, b, a, false)?;
        let r = next_float(vm);
        let r = vm.new_float(r)?;
        let p = vm.binary_op(BinOp::Mul, d, r, false)?;
        let a = vm.opt_arg(args, 0, "a").unwrap_or(Value::NONE);
        return vm.binary_op(BinOp::Add, a, p, false);
    };
    let r = next_float(vm);
    vm.new_float(fa + (fb - fa) * r)
}

/// randrange's argument conversion: ints, and floats with integral values.
fn range_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    if let Some(i) = vm.int_to_i64(v) {
        return Ok(i);
    }
    if vm.heap.kind(v) == kind::BIGINT {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C long",
        ));
    }
    if vm.is_float(v) {
        let f = vm.float_value(v);
        if f.is_finite() && libm::floor(f) == f && f.abs() < 9.2e18 {
            return Ok(f as i64);
        }
        return Err(vm.raise_fmt(
            TypeId::ValueError,
            format_args!("non-integer {what} for randrange()"),
        ));
    }
    vm.index_value(v)
}

/// CPython 3.11's randrange on i64 arguments (`stop` None: one argument).
fn randrange(vm: &mut Vm, start: i64, stop: Option<i64>, step: i64) -> PyResult<Value> {
    let Some(stop) = stop else {
        if step != 1 {
            return Err(vm.raise_msg(TypeId::TypeError, "Missing a non-None stop argument"));
        }
        if start > 0 {
            let r = below_u64(vm, start as u64);
            return vm.new_int(r as i64);
        }
        return Err(vm.raise_msg(TypeId::ValueError, "empty range for randrange()"));
    };
    let width = stop as i128 - start as i128;
    if step == 1 {
        if width > 0 {
            let r = below_u128(vm, width as u128) as i128;
            return int_from_i128(vm, start as i128 + r);
        }
        return Err(vm.raise_fmt(
            TypeId::ValueError,
            format_args!("empty range for randrange() ({start}, {stop}, {width})"),
        ));
    }
    let step = step as i128;
    // Python's floor division.
    let floor_div = |a: i128, b: i128| {
        let q = a / b;
        if (a % b != 0) && ((a < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    };
    let n = if step > 0 {
        floor_div(width + step - 1, step)
    } else if step < 0 {
        floor_div(width + step + 1, step)
    } else {
        return Err(vm.raise_msg(TypeId::ValueError, "zero step for randrange()"));
    };
    if n <= 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "empty range for randrange()"));
    }
    let r = below_u128(vm, n as u128) as i128;
    int_from_i128(vm, start as i128 + step * r)
}

fn rnd_randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "randrange", &["start", "stop", "step"])?;
    let Some(a) = vm.opt_arg(args, 0, "start") else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Random.randrange() missing 1 required positional argument: 'start'",
        ));
    };
    if args.len > 3 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!(
                "Random.randrange() takes from 2 to 4 positional arguments but {} were given",
                args.len + 1
            ),
        ));
    }
    let start = range_arg(vm, a, "arg 1")?;
    let stop = match vm.opt_arg(args, 1, "stop") {
        Some(v) if !v.is_none() => Some(range_arg(vm, v, "stop")?),
        _ => None,
    };
    let step = match vm.opt_arg(args, 2, "step") {
        Some(v) => range_arg(vm, v, "step")?,
        None => 1,
    };
    randrange(vm, start, stop, step)
}

fn rnd_randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "randint", &["a", "b"])?;
    let (Some(a), Some(b)) = (vm.opt_arg(args, 0, "a"), vm.opt_arg(args, 1, "b")) else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Random.randint() missing 1 required positional argument: 'b'",
        ));
    };
    let _ = b;
    let a = range_arg(vm, a, "arg 1")?;
    let b = vm.opt_arg(args, 1, "b").unwrap_or(Value::NONE);
    let b = range_arg(vm, b, "stop")?;
    randrange(vm, a, Some(b.saturating_add(1)), 1)
}

/// The stack slot of positional argument `i` or keyword `name`.
fn arg_slot(vm: &Vm, args: Args, i: usize, name: &str) -> Option<usize> {
    if i < args.npos() {
        return Some(args.base + i);
    }
    (0..args.nkw)
        .find(|&k| vm.str_is(vm.kwname(args, k), name))
        .map(|k| args.base + args.npos() + k)
}

/// Length of a sequence argument.
fn seq_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    vm.len(v)
}

fn rnd_choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "choice", 1, 1)?;
    let s = vm.slot(args.base);
    let n = seq_len(vm, s)?;
    if n == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "Cannot choose from an empty sequence"));
    }
    let i = below_u64(vm, n as u64);
    let s = vm.slot(args.base);
    vm.getitem(s, Value::from_usize(i as usize))
}

fn rnd_choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(
        args,
        "choices",
        &["population", "weights", "cum_weights", "k"],
    )?;
    let Some(pop_slot) = arg_slot(vm, args, 0, "population") else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Random.choices() missing 1 required positional argument: 'population'",
        ));
    };
    let wslot = arg_slot(vm, args, 1, "weights").filter(|&s| !vm.slot(s).is_none());
    let cslot = arg_slot(vm, args, usize::MAX, "cum_weights").filter(|&s| !vm.slot(s).is_none());
    if wslot.is_some() && cslot.is_some() {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Cannot specify both weights and cumulative weights",
        ));
    }
    let k = match vm.kwarg(args, "k") {
        Some(v) => vm.index_value(v)?.max(0) as usize,
        None => 1,
    };
    let cumulative = cslot.is_some();
    let wslot = wslot.or(cslot);
    let p = vm.slot(pop_slot);
    let n = seq_len(vm, p)?;
    let mut total = 0.0;
    if let Some(ws) = wslot {
        let w = vm.slot(ws);
        if seq_len(vm, w)? != n {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "The number of weights does not match the population",
            ));
        }
        for i in 0..n {
            let w = vm.slot(ws);
            let x = vm.getitem(w, Value::from_usize(i))?;
            let x = float_arg(vm, x)?;
            total = if cumulative { x } else { total + x };
        }
        if total <= 0.0 {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(vm.raise_msg(TypeId::ValueError, "Total of weights must be finite"));
        }
    }
    let base = vm.sp();
    let r = (|| {
        let l = vm.new_list(k)?;
        vm.push(l)?;
        for _ in 0..k {
            let idx = match wslot {
                None => (next_float(vm) * n as f64) as usize,
                Some(ws) => {
                    let target = next_float(vm) * total;
                    let mut acc = 0.0;
                    let mut pick = n.saturating_sub(1);
                    for i in 0..n {
                        let w = vm.slot(ws);
                        let x = vm.getitem(w, Value::from_usize(i))?;
                        let x = float_arg(vm, x)?;
                        acc = if cumulative { x } else { acc + x };
                        if target < acc {
                            pick = i;
                            break;
                        }
                    }
                    pick
                }
            };
            let p = vm.slot(pop_slot);
            let item = vm.getitem(p, Value::from_usize(idx))?;
            let l = vm.slot(base);
            vm.list_append(l, item)?;
        }
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

fn rnd_shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "shuffle", 1, 1)?;
    let x = vm.slot(args.base);
    let n = seq_len(vm, x)?;
    for i in (1..n).rev() {
        let j = below_u64(vm, i as u64 + 1) as usize;
        let x = vm.slot(args.base);
        if vm.heap.kind(x) == kind::LIST && vm.list_len(x) == n {
            let (a, b) = (vm.list_get(x, i), vm.list_get(x, j));
            vm.list_set(x, i, b);
            vm.list_set(x, j, a);
            continue;
        }
        let a = vm.getitem(x, Value::from_usize(i))?;
        vm.push(a)?;
        let x = vm.slot(args.base);
        let b = vm.getitem(x, Value::from_usize(j));
        let a = vm.pop();
        let b = b?;
        vm.push(a)?;
        let x = vm.slot(args.base);
        let r = vm.setitem(x, Value::from_usize(i), b);
        let a = vm.pop();
        r?;
        let x = vm.slot(args.base);
        vm.setitem(x, Value::from_usize(j), a)?;
    }
    Ok(Value::NONE)
}

fn rnd_sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "sample", &["population", "k"])?;
    let (Some(p), Some(k)) = (vm.opt_arg(args, 0, "population"), vm.opt_arg(args, 1, "k")) else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Random.sample() missing 1 required positional argument: 'k'",
        ));
    };
    if matches!(
        vm.heap.kind(p),
        kind::SET | kind::FROZENSET | kind::DICT | kind::DICT_VIEW
    ) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let k = vm.index_value(k)?;
    let base = vm.sp();
    let r = (|| {
        // The pool: a copy of the population, consumed from its end.
        let pool = vm.new_list(0)?;
        vm.push(pool)?;
        let p = vm.opt_arg(args, 0, "population").unwrap_or(Value::NONE);
        let it = vm.get_iter(p)?;
        vm.push(it)?;
        loop {
            let it = vm.slot(base + 1);
            let Some(x) = vm.iter_next(it)? else { break };
            let pool = vm.slot(base);
            vm.list_append(pool, x)?;
        }
        let n = vm.list_len(vm.slot(base));
        if k < 0 || k as usize > n {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let out = vm.new_list(k)?;
        vm.set_slot(base + 1, out);
        for i in 0..k {
            let j = below_u64(vm, (n - i) as u64) as usize;
            let pool = vm.slot(base);
            let (x, last) = (vm.list_get(pool, j), vm.list_get(pool, n - i - 1));
            vm.list_set(pool, j, last);
            let out = vm.slot(base + 1);
            vm.list_append(out, x)?;
        }
        Ok(vm.slot(base + 1))
    })();
    vm.heap.truncate(base);
    r
}

fn rnd_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "getrandbits", 1, 1)?;
    let v = vm.slot(args.base);
    let k = vm.index_value(v)?;
    if k < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "number of bits must be non-negative"));
    }
    random_bits(vm, k as usize)
}

fn rnd_randbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "randbytes", 1, 1)?;
    let v = vm.slot(args.base);
    let n = vm.index_value(v)?;
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "number of bits must be non-negative"));
    }
    let b = vm.alloc_bytes(n as usize)?;
    for i in (0..n as usize).step_by(8) {
        let r = vm.next_random().to_le_bytes();
        let d = &mut vm.heap.bytes_mut(b, 2)[i..n as usize];
        let m = d.len().min(8);
        d[..m].copy_from_slice(&r[..m]);
    }
    Ok(b)
}

/// A 64-bit seed from an int's magnitude.
fn int_seed(vm: &Vm, v: Value) -> u64 {
    if let Some(i) = vm.int_to_i64(v) {
        return i.unsigned_abs();
    }
    let (_, limbs) = vm.bigint_parts(v);
    let mut h: u64 = 0;
    for (i, &l) in limbs.iter().enumerate() {
        h ^= (l as u64).rotate_left((i as u32 * 32) % 64);
        h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17);
    }
    h
}

/// FNV-1a over bytes (str and bytes seeds).
fn bytes_seed(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn rnd_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "seed", &["a", "version"])?;
    vm.check_args(args, "seed", 0, 2)?;
    let a = vm.opt_arg(args, 0, "a").unwrap_or(Value::NONE);
    let seed = if a.is_none() {
        vm.platform.random_seed()
    } else if vm.is_int(a) || vm.heap.kind(a) == kind::BIGINT {
        int_seed(vm, a)
    } else if vm.is_float(a) {
        vm.float_value(a).to_bits()
    } else if vm.is_str(a) {
        let mut b = [0; 4];
        bytes_seed(vm.str_bytes_buf(a, &mut b)) ^ 0x5bd1_e995
    } else if vm.is_bytes_like(a) {
        bytes_seed(vm.bytes_like_data(a))
    } else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        ));
    };
    vm.seed_rng(seed);
    Ok(Value::NONE)
}

/// An int from a u64.
fn int_from_u64(vm: &mut Vm, u: u64) -> PyResult<Value> {
    vm.new_bigint(false, &[u as u32, (u >> 32) as u32])
}

/// The u64 value of a non-negative int below 2**64.
fn u64_of(vm: &Vm, v: Value) -> Option<u64> {
    if let Some(i) = vm.int_to_i64(v) {
        return u64::try_from(i).ok();
    }
    if vm.heap.kind(v) != kind::BIGINT {
        return None;
    }
    let (neg, limbs) = vm.bigint_parts(v);
    if neg || limbs.len() > 2 {
        return None;
    }
    Some(limbs[0] as u64 | (limbs.get(1).copied().unwrap_or(0) as u64) << 32)
}

fn rnd_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "getstate", 0, 0)?;
    let [s0, s1] = vm.rng;
    let a = int_from_u64(vm, s0)?;
    vm.push(a)?;
    let b = int_from_u64(vm, s1);
    let a = vm.pop();
    let b = b?;
    // Both halves are rooted by tuple_of.
    vm.tuple_of(&[a, b])
}

fn rnd_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "setstate", 1, 1)?;
    let t = vm.slot(args.base);
    let ok = vm.heap.kind(t) == kind::TUPLE && vm.tuple_len(t) == 2;
    let s = if ok {
        (
            u64_of(vm, vm.tuple_get(t, 0)),
            u64_of(vm, vm.tuple_get(t, 1)),
        )
    } else {
        (None, None)
    };
    match s {
        (Some(a), Some(b)) if a | b != 0 => {
            vm.rng = [a, b];
            Ok(Value::NONE)
        }
        _ => Err(vm.raise_msg(TypeId::ValueError, "state vector is the wrong size")),
    }
}

fn rnd_triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "triangular", &["low", "high", "mode"])?;
    let low = opt_float(vm, args, 0, "low", 0.0)?;
    let high = opt_float(vm, args, 1, "high", 1.0)?;
    let mode = match vm.opt_arg(args, 2, "mode") {
        Some(v) if !v.is_none() => Some(float_arg(vm, v)?),
        _ => None,
    };
    let u = next_float(vm);
    let c = match mode {
        None => 0.5,
        Some(m) => {
            if high == low {
                return vm.new_float(low);
            }
            (m - low) / (high - low)
        }
    };
    let (u, c, low, high) = if u > c {
        (1.0 - u, 1.0 - c, high, low)
    } else {
        (u, c, low, high)
    };
    vm.new_float(low + (high - low) * libm::sqrt(u * c))
}

fn rnd_gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "gauss", &["mu", "sigma"])?;
    let mu = opt_float(vm, args, 0, "mu", 0.0)?;
    let sigma = opt_float(vm, args, 1, "sigma", 1.0)?;
    // Box-Muller.
    let u1 = 1.0 - next_float(vm);
    let u2 = next_float(vm);
    let z = libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * core::f64::consts::PI * u2);
    vm.new_float(mu + sigma * z)
}

fn rnd_expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "expovariate", &["lambd"])?;
    let l = opt_float(vm, args, 0, "lambd", 1.0)?;
    if l == 0.0 {
        return Err(vm.raise_msg(TypeId::ZeroDivisionError, "float division by zero"));
    }
    let u = next_float(vm);
    vm.new_float(-libm::log(1.0 - u) / l)
}
