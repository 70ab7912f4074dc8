//! Allocation-free numeric algorithms for the fzpy VM.
//!
//! Everything here works on caller-provided slices and fixed-size stack
//! buffers: the VM owns the only heap, asks for size bounds first, allocates
//! result buffers itself and passes them in. Text output goes to a [`Sink`].
//!
//! * [`bigint`] — arbitrary-precision magnitudes as little-endian `u32` limb
//!   slices, plus Python-semantics signed helpers.
//! * [`float_repr`] — `repr(float)` exactly as CPython 3.11 prints it.
//! * [`float_fmt`] — correctly rounded `'f'`/`'e'`/`'g'` formatting and
//!   `round(x, n)`.
//! * [`float_parse`] — `float(str)` and `int(str, base)` syntax.
//! * [`dec_to_f64`] — correctly rounded decimal to `f64`, without tables.
//! * [`format_spec`] — the format-spec mini-language and its padding applier.
//!
//! No function panics on any input; no function allocates.
#![no_std]
#![forbid(unsafe_code)]

#[cfg(test)]
extern crate std;

pub mod bigint;
pub mod dec_to_f64;
mod fixbig;
pub mod float_fmt;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;

/// Receiver of formatted text (always valid UTF-8 when taken as a whole;
/// individual calls may split nothing but whole characters).
pub trait Sink {
    /// Appends `bytes` to the output.
    fn put(&mut self, bytes: &[u8]);

    /// True once the sink cannot take more output (e.g. the heap is full);
    /// long padding/zero loops stop early. Defaults to `false`.
    fn full(&self) -> bool {
        false
    }
}

/// Errors of the numeric routines (buffer sizing and domain errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumError {
    /// An output or scratch slice was shorter than the documented bound.
    BufferTooSmall,
    /// Division or modulo by zero.
    ZeroDivision,
    /// A byte that is not a digit of the requested radix.
    InvalidDigit,
    /// An argument outside the function's domain (bad radix, `a < b` in
    /// `sub`, non-finite float for `from_f64`, ...).
    Domain,
}

/// A [`Sink`] that only counts bytes (useful to size a buffer before writing).
#[derive(Default, Debug, Clone, Copy)]
pub struct CountSink {
    /// Number of bytes put so far.
    pub bytes: usize,
}

impl Sink for CountSink {
    fn put(&mut self, bytes: &[u8]) {
        self.bytes = self.bytes.saturating_add(bytes.len());
    }
}

/// A [`Sink`] writing into a fixed byte slice; bytes beyond its end are
/// dropped and `overflow` is set.
#[derive(Debug)]
pub struct SliceSink<'a> {
    /// Destination buffer.
    pub buf: &'a mut [u8],
    /// Bytes written so far.
    pub len: usize,
    /// Set when some bytes did not fit.
    pub overflow: bool,
}

impl<'a> SliceSink<'a> {
    /// Creates a sink writing to the start of `buf`.
    pub fn new(buf: &'a mut [u8]) -> Self {
        SliceSink {
            buf,
            len: 0,
            overflow: false,
        }
    }

    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl Sink for SliceSink<'_> {
    fn full(&self) -> bool {
        self.overflow
    }
    fn put(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            } else {
                self.overflow = true;
                return;
            }
        }
    }
}

/// Writes the decimal digits of `v` (no sign) to `sink` without `core::fmt`.
pub fn write_u64(sink: &mut dyn Sink, v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || i == 0 {
            break;
        }
    }
    sink.put(buf.get(i..).unwrap_or(&[]));
}

/// Writes `v` in decimal (with a leading `-` when negative) to `sink`.
pub fn write_i64(sink: &mut dyn Sink, v: i64) {
    if v < 0 {
        sink.put(b"-");
    }
    write_u64(sink, v.unsigned_abs());
}

#[cfg(test)]
pub(crate) mod testutil {
    use std::string::String;
    use std::vec::Vec;

    /// Test sink collecting into a `Vec<u8>`.
    #[derive(Default)]
    pub struct VecSink(pub Vec<u8>);
    impl super::Sink for VecSink {
        fn put(&mut self, bytes: &[u8]) {
            self.0.extend_from_slice(bytes);
        }
    }
    impl VecSink {
        pub fn string(self) -> String {
            String::from_utf8(self.0).unwrap()
        }
    }

    /// Undoes Python's `unicode_escape` encoding used in the test vectors.
    pub fn unescape(s: &str) -> String {
        let mut out = String::new();
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let n = it.next().unwrap();
            let hex = |it: &mut std::iter::Peekable<std::str::Chars>, k: usize| {
                let h: String = (0..k).map(|_| it.next().unwrap()).collect();
                char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap()
            };
            match n {
                't' => out.push('\t'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                '\\' => out.push('\\'),
                'x' => out.push(hex(&mut it, 2)),
                'u' => out.push(hex(&mut it, 4)),
                'U' => out.push(hex(&mut it, 8)),
                other => panic!("escape {other}"),
            }
        }
        out
    }

    /// Float from 16 hex digits of its bits.
    pub fn fbits(h: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(h, 16).unwrap())
    }

    /// xorshift64 random numbers for randomized tests.
    pub struct Rng(pub u64);
    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use testutil::VecSink;

    #[test]
    fn write_ints() {
        for (v, s) in [
            (0i64, "0"),
            (-1, "-1"),
            (i64::MIN, "-9223372036854775808"),
            (i64::MAX, "9223372036854775807"),
            (1234, "1234"),
        ] {
            let mut k = VecSink::default();
            write_i64(&mut k, v);
            assert_eq!(k.string(), s);
        }
    }

    #[test]
    fn slice_sink_overflow() {
        let mut b = [0u8; 3];
        let mut s = SliceSink::new(&mut b);
        s.put(b"ab");
        s.put(b"cd");
        assert!(s.overflow);
        assert_eq!(s.as_bytes(), b"abc");
    }
}
