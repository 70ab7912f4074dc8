//! `time`: CPython's clock functions plus MicroPython's `sleep_ms`,
//! `sleep_us` and `ticks_*` (what mp-flipper scripts use).
//!
//! Everything comes from the [`crate::vm::Platform`]: wall-clock and
//! monotonic nanoseconds, and sleeping. Sleeps are cut into short slices and
//! poll `interrupted()` between them, so Ctrl+C (or a long Back on the
//! device) raises KeyboardInterrupt during a long sleep.
//!
//! Ticks follow MicroPython: `ticks_ms()`/`ticks_us()`/`ticks_cpu()` wrap at
//! 2**30 (they stay small ints), `ticks_add(t, d)` wraps the same way and
//! `ticks_diff(a, b)` is the signed modular difference in
//! `-2**29 .. 2**29 - 1`.

use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Functions of `time`.
pub static FUNCTIONS: &[NativeDef] = &[
    def("time", time_time),
    def("time_ns", time_time_ns),
    def("monotonic", time_monotonic),
    def("monotonic_ns", time_monotonic_ns),
    def("perf_counter", time_monotonic),
    def("perf_counter_ns", time_monotonic_ns),
    def("process_time", time_monotonic),
    def("process_time_ns", time_monotonic_ns),
    def("sleep", time_sleep),
    def("sleep_ms", time_sleep_ms),
    def("sleep_us", time_sleep_us),
    def("ticks_ms", time_ticks_ms),
    def("ticks_us", time_ticks_us),
    def("ticks_cpu", time_ticks_cpu),
    def("ticks_add", time_ticks_add),
    def("ticks_diff", time_ticks_diff),
    def("gmtime", time_gmtime),
    def("localtime", time_gmtime),
    def("mktime", time_mktime),
];

/// Ticks wrap at this period (MicroPython's `MICROPY_PY_TIME_TICKS_PERIOD`).
const TICKS_PERIOD: i64 = 1 << 30;
const TICKS_MAX: i64 = TICKS_PERIOD - 1;
const TICKS_HALF: i64 = TICKS_PERIOD / 2;

/// Longest single platform sleep between interrupt polls.
const SLICE_NS: u64 = 20_000_000;

fn time_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "time", 0, 0)?;
    let ns = vm.platform.time_ns();
    vm.new_float(ns as f64 / 1e9)
}

fn time_time_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "time_ns", 0, 0)?;
    let ns = vm.platform.time_ns();
    vm.new_int(ns.min(i64::MAX as u64) as i64)
}

fn time_monotonic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "monotonic", 0, 0)?;
    let ns = vm.platform.monotonic_ns();
    vm.new_float(ns as f64 / 1e9)
}

fn time_monotonic_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "monotonic_ns", 0, 0)?;
    let ns = vm.platform.monotonic_ns();
    vm.new_int(ns.min(i64::MAX as u64) as i64)
}

/// Sleeps `ns` nanoseconds in slices, raising KeyboardInterrupt when the
/// user interrupts.
pub fn sleep_ns(vm: &mut Vm, ns: u64) -> PyResult<()> {
    let start = vm.platform.monotonic_ns();
    let mut left = ns;
    loop {
        if vm.platform.interrupted() {
            return Err(vm.raise_empty(TypeId::KeyboardInterrupt));
        }
        // Extension events (Flipper input callbacks) are delivered during sleeps.
        if let Some(hook) = vm.event_hook {
            hook(vm)?;
        }
        if left == 0 {
            return Ok(());
        }
        vm.platform.sleep_ns(left.min(SLICE_NS));
        let now = vm.platform.monotonic_ns();
        let done = now.saturating_sub(start);
        if now <= start {
            // A platform without a monotonic clock: count the slices instead.
            left = left.saturating_sub(SLICE_NS.min(left));
        } else {
            left = ns.saturating_sub(done);
        }
    }
}

/// An int argument (MicroPython's sleep_ms / ticks functions take ints).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if vm.is_float(v) {
        let f = vm.float_value(v);
        if f.is_finite() {
            return Ok(f as i64);
        }
    }
    vm.index_value(v)
}

fn time_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "time.sleep", 1, 1)?;
    let v = vm.slot(args.base);
    let secs = if vm.is_float(v) {
        vm.float_value(v)
    } else if let Some(i) = vm.int_to_i64(v) {
        i as f64
    } else {
        // CPython's message for non-numbers.
        vm.index_value(v)? as f64
    };
    if secs.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.raise_msg(TypeId::ValueError, "sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    sleep_ns(vm, (secs * 1e9) as u64)?;
    Ok(Value::NONE)
}

fn time_sleep_ms(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "sleep_ms", 1, 1)?;
    let v = vm.slot(args.base);
    let ms = int_arg(vm, v)?;
    sleep_ns(vm, ms.max(0) as u64 * 1_000_000)?;
    Ok(Value::NONE)
}

fn time_sleep_us(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "sleep_us", 1, 1)?;
    let v = vm.slot(args.base);
    let us = int_arg(vm, v)?;
    sleep_ns(vm, us.max(0) as u64 * 1_000)?;
    Ok(Value::NONE)
}

fn ticks(vm: &mut Vm, args: Args, name: &str, div: u64) -> PyResult<Value> {
    vm.check_args(args, name, 0, 0)?;
    let t = vm.platform.monotonic_ns() / div;
    Ok(Value::int((t as i64 & TICKS_MAX) as i32))
}

fn time_ticks_ms(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ticks(vm, args, "ticks_ms", 1_000_000)
}

fn time_ticks_us(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ticks(vm, args, "ticks_us", 1_000)
}

fn time_ticks_cpu(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // The CPU cycle counter is not exposed: microseconds stand in for it.
    ticks(vm, args, "ticks_cpu", 1_000)
}

fn time_ticks_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "ticks_add", 2, 2)?;
    let t = vm.slot(args.base);
    let t = int_arg(vm, t)?;
    let d = vm.slot(args.base + 1);
    let d = int_arg(vm, d)?;
    if !(-TICKS_HALF..TICKS_HALF).contains(&d) {
        return Err(vm.raise_msg(TypeId::OverflowError, "ticks interval overflow"));
    }
    Ok(Value::int((t.wrapping_add(d) & TICKS_MAX) as i32))
}

fn time_ticks_diff(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "ticks_diff", 2, 2)?;
    let a = vm.slot(args.base);
    let a = int_arg(vm, a)?;
    let b = vm.slot(args.base + 1);
    let b = int_arg(vm, b)?;
    let d = ((a.wrapping_sub(b).wrapping_add(TICKS_HALF)) & TICKS_MAX) - TICKS_HALF;
    Ok(Value::int(d as i32))
}

/// Days since 1970-01-01 to (year, month, day) (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) to days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `gmtime([secs])` / `localtime([secs])` (UTC: the device has no time zone):
/// a 9-tuple like CPython's struct_time.
fn time_gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "gmtime", 0, 1)?;
    let secs = match args.npos() {
        1 if !vm.slot(args.base).is_none() => {
            let v = vm.slot(args.base);
            if vm.is_float(v) {
                let f = vm.float_value(v);
                if f.is_nan() {
                    return Err(
                        vm.raise_msg(TypeId::ValueError, "Invalid value NaN (not a number)")
                    );
                }
                if !f.is_finite() {
                    return Err(vm.raise_msg(
                        TypeId::OverflowError,
                        "timestamp out of range for platform time_t",
                    ));
                }
                libm::floor(f) as i64
            } else {
                vm.index_value(v)?
            }
        }
        _ => (vm.platform.time_ns() / 1_000_000_000) as i64,
    };
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, mo, d) = civil_from_days(days);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    let wday = (days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (Monday = 0).
    let year = vm.new_int(y)?;
    let items = [
        year,
        Value::int(mo as i32),
        Value::int(d as i32),
        Value::int((rem / 3600) as i32),
        Value::int((rem / 60 % 60) as i32),
        Value::int((rem % 60) as i32),
        Value::int(wday as i32),
        Value::int(yday as i32),
        Value::int(0),
    ];
    // The year is a small int for any realistic date; tuple_of needs no roots then.
    vm.tuple_of(&items)
}

/// `mktime(t)`: the inverse of `localtime` (UTC), as a float.
fn time_mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "mktime", 1, 1)?;
    let t = vm.slot(args.base);
    let k = vm.heap.kind(t);
    let n = if k == crate::heap::kind::TUPLE {
        vm.tuple_len(t)
    } else if k == crate::heap::kind::LIST {
        vm.list_len(t)
    } else {
        0
    };
    if n < 6 {
        let msg = if k == crate::heap::kind::TUPLE {
            "mktime(): illegal time tuple argument"
        } else {
            "Tuple or struct_time argument required"
        };
        return Err(vm.raise_msg(TypeId::TypeError, msg));
    }
    let mut f = [0i64; 6];
    for (i, x) in f.iter_mut().enumerate() {
        let t = vm.slot(args.base);
        let v = if k == crate::heap::kind::TUPLE {
            vm.tuple_get(t, i)
        } else {
            vm.list_get(t, i)
        };
        *x = vm.index_value(v)?;
    }
    let days = days_from_civil(f[0], f[1], f[2]);
    let secs = days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5];
    vm.new_float(secs as f64)
}
