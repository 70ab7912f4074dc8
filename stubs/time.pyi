"""Type stubs for fzpy's `time` module: CPython's clock functions plus
MicroPython's `sleep_ms`, `sleep_us` and `ticks_*` (what mp-flipper scripts use).

Sleeps deliver pending input callbacks and can be interrupted (Ctrl+C, or a
long Back on the device). Ticks wrap at 2**30."""

from typing import Tuple

def time() -> float:
    """Seconds since the Unix epoch."""

def time_ns() -> int:
    """Nanoseconds since the Unix epoch."""

def monotonic() -> float:
    """Seconds of a clock that never goes back (any origin)."""

def monotonic_ns() -> int:
    """Nanoseconds of the monotonic clock."""

def perf_counter() -> float:
    """The monotonic clock, in seconds."""

def perf_counter_ns() -> int:
    """The monotonic clock, in nanoseconds."""

def process_time() -> float:
    """The monotonic clock, in seconds (the device runs one process)."""

def process_time_ns() -> int:
    """The monotonic clock, in nanoseconds."""

def sleep(seconds: float) -> None:
    """Sleeps `seconds` (a float)."""

def sleep_ms(ms: int) -> None:
    """Sleeps `ms` milliseconds."""

def sleep_us(us: int) -> None:
    """Sleeps `us` microseconds."""

def ticks_ms() -> int:
    """Milliseconds of the monotonic clock, wrapping at 2**30."""

def ticks_us() -> int:
    """Microseconds of the monotonic clock, wrapping at 2**30."""

def ticks_cpu() -> int:
    """The finest ticks available, wrapping at 2**30."""

def ticks_add(ticks: int, delta: int) -> int:
    """`ticks + delta`, wrapped like the ticks."""

def ticks_diff(a: int, b: int) -> int:
    """The signed difference `a - b` of two tick values, in -2**29 .. 2**29 - 1."""

def gmtime(secs: float = ...) -> Tuple[int, int, int, int, int, int, int, int, int]:
    """UTC date and time as a 9-tuple like CPython's struct_time (now by default)."""

def localtime(secs: float = ...) -> Tuple[int, int, int, int, int, int, int, int, int]:
    """Same as gmtime: the device has no time zone."""

def mktime(t: Tuple[int, ...]) -> float:
    """The inverse of localtime (UTC), in seconds."""
