//! range `[start][stop][step]` and slice `[start][stop][step]` objects.

use crate::heap::kind;
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Methods of range.
pub static METHODS: &[NativeDef] = &[def("index", range_index), def("count", range_count)];
/// Methods of slice.
pub static SLICE_METHODS: &[NativeDef] = &[def("indices", slice_indices)];

impl Vm {
    /// The (start, stop, step) of a range as i64 (ranges of big ints are refused at creation).
    pub fn range_parts(&self, r: Value) -> (i64, i64, i64) {
        let f = |i| self.int_to_i64(self.heap.get(r, i)).unwrap_or(0);
        (f(0), f(1), f(2))
    }

    /// Number of items of a range.
    pub fn range_len(&mut self, r: Value) -> PyResult<usize> {
        let (a, b, s) = self.range_parts(r);
        let (a, b, s) = (a as i128, b as i128, s as i128);
        let n = if s > 0 && a < b {
            (b - a - 1) / s + 1
        } else if s < 0 && a > b {
            (a - b - 1) / (-s) + 1
        } else {
            0
        };
        if n > isize::MAX as i128 {
            return Err(self.raise_msg(
                TypeId::OverflowError,
                "Python int too large to convert to C ssize_t",
            ));
        }
        Ok(n as usize)
    }

    /// A new range object (bounds within ±2**62).
    pub fn new_range(&mut self, a: i64, b: i64, s: i64) -> PyResult<Value> {
        let base = self.sp();
        let r = (|| {
            for x in [a, b, s] {
                let v = self.new_int(x)?;
                self.push(v)?;
            }
            let r = self.alloc(kind::RANGE, 3)?;
            for i in 0..3 {
                let v = self.slot(base + i);
                self.heap.set(r, i, v);
            }
            Ok(r)
        })();
        self.heap.truncate(base);
        r
    }

    /// Item `i` (< len) of a range.
    pub fn range_item(&mut self, r: Value, i: usize) -> PyResult<Value> {
        let (a, _, s) = self.range_parts(r);
        self.new_int(a + s * i as i64)
    }

    /// Resolves a slice against a sequence of `len` items: (start, stop, step, count).
    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let len = len as i64;
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            if !vm.is_int(v) && vm.user_special(v, "__index__").is_none() {
                return Err(vm.raise_msg(
                    TypeId::TypeError,
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            // Huge bounds clamp like CPython's.
            if vm.heap.kind(v) == crate::heap::kind::BIGINT {
                let neg = vm.bigint_parts(v).0;
                return Ok(Some(if neg { i64::MIN / 2 } else { i64::MAX / 2 }));
            }
            vm.index_value(v).map(Some)
        };
        let step = get(self, self.heap.get(s, 2))?.unwrap_or(1);
        if step == 0 {
            return Err(self.raise_msg(TypeId::ValueError, "slice step cannot be zero"));
        }
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |x: Option<i64>, default: i64| -> i64 {
            match x {
                None => default,
                Some(x) if x < 0 => (x + len).max(lo),
                Some(x) => x.min(hi),
            }
        };
        let start = clamp(
            get(self, self.heap.get(s, 0))?,
            if step < 0 { hi } else { lo },
        );
        let stop = clamp(
            get(self, self.heap.get(s, 1))?,
            if step < 0 { lo } else { hi },
        );
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok((start, stop, step, n as usize))
    }
}

/// `range(stop)` / `range(start, stop[, step])`
pub fn new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.npos();
    if n == 0 || n > 3 || args.nkw > 0 {
        return Err(if n == 0 {
            vm.raise_msg(
                TypeId::TypeError,
                "range expected at least 1 argument, got 0",
            )
        } else {
            vm.raise_fmt(
                TypeId::TypeError,
                format_args!("range expected at most 3 arguments, got {n}"),
            )
        });
    }
    let mut parts = [0i64, 0, 1];
    for (i, part) in parts.iter_mut().enumerate().take(n) {
        let v = vm.slot(args.base + i);
        // Bounds within ±2**62 keep all range arithmetic in i64/i128.
        let x = vm.index_value(v)?;
        if !(-(1i64 << 62)..(1i64 << 62)).contains(&x) {
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "range() argument too large for this build",
            ));
        }
        *part = x;
    }
    let (a, b, s) = if n == 1 {
        (0, parts[0], 1)
    } else {
        (parts[0], parts[1], if n == 3 { parts[2] } else { 1 })
    };
    if s == 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "range() arg 3 must not be zero"));
    }
    vm.new_range(a, b, s)
}

/// `slice(stop)` / `slice(start, stop[, step])`
pub fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "slice", 1, 3)?;
    let n = args.npos();
    let s = vm.alloc(kind::SLICE, 3)?;
    let vals: [Value; 3] = if n == 1 {
        [Value::NONE, vm.slot(args.base), Value::NONE]
    } else {
        [
            vm.slot(args.base),
            vm.slot(args.base + 1),
            if n == 3 {
                vm.slot(args.base + 2)
            } else {
                Value::NONE
            },
        ]
    };
    for (i, v) in vals.into_iter().enumerate() {
        vm.heap.set(s, i, v);
    }
    Ok(s)
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "index", 2, 2)?;
    let (r, x) = (vm.slot(args.base), vm.slot(args.base + 1));
    if let Some(x) = vm.int_to_i64(x) {
        let (a, _, s) = vm.range_parts(r);
        let n = vm.range_len(r)? as i64;
        if (x - a) % s == 0 {
            let i = (x - a) / s;
            if (0..n).contains(&i) {
                return vm.new_int(i);
            }
        }
    }
    let x = vm.slot(args.base + 1);
    let r = vm.repr(x)?;
    let mut buf = [0; 4];
    let mut m = crate::vm::Msg::new();
    let _ = core::fmt::Write::write_fmt(
        &mut m,
        format_args!("{} is not in range", vm.str_text(r, &mut buf)),
    );
    Err(vm.raise_msg(TypeId::ValueError, m.as_str()))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "count", 2, 2)?;
    let (r, x) = (vm.slot(args.base), vm.slot(args.base + 1));
    let found = vm.contains(r, x)?;
    Ok(Value::int(found as i32))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "indices", 2, 2)?;
    let n = vm.slot(args.base + 1);
    let n = vm.index_value(n)?;
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "length should not be negative"));
    }
    let s = vm.slot(args.base);
    let (a, b, c, _) = vm.slice_indices(s, n as usize)?;
    let (a, b, c) = (vm.new_int(a)?, vm.new_int(b)?, vm.new_int(c)?);
    vm.tuple_of(&[a, b, c])
}
