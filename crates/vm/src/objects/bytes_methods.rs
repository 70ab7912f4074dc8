//! The methods of bytes and bytearray, and their constructors.
//!
//! Every method reads its operands from the heap again after each
//! allocation (objects move). Results are built in two passes: the first
//! measures the result, then the result is allocated and the second pass
//! fills it straight from the operands' heap data ([`with_regions`]), so no
//! Rust buffer proportional to the data is ever needed.
//!
//! Methods of bytes return bytes; the same methods called on a bytearray
//! return bytearrays. For the lead: [`bytearray_set_slice`],
//! [`bytearray_delitem`], [`bytearray_extend`] and [`bytes_percent_format`]
//! are the entry points for `ba[a:b] = x`, `del ba[k]`, `ba += x` and `b % x`.

use crate::heap::{kind, words_as_bytes_mut};
use crate::native::{def, Args, NativeDef};
use crate::objects::str as pystr;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;

macro_rules! methods {
    ($($extra:expr),* $(,)?) => {
        &[
            def("decode", decode),
            def("hex", hex),
            def("find", find),
            def("rfind", rfind),
            def("index", index),
            def("rindex", rindex),
            def("count", count),
            def("startswith", startswith),
            def("endswith", endswith),
            def("split", split),
            def("rsplit", rsplit),
            def("strip", strip),
            def("lstrip", lstrip),
            def("rstrip", rstrip),
            def("replace", replace),
            def("join", join),
            def("partition", partition),
            def("rpartition", rpartition),
            def("upper", upper),
            def("lower", lower),
            def("swapcase", swapcase),
            def("title", title),
            def("capitalize", capitalize),
            def("isdigit", isdigit),
            def("isalpha", isalpha),
            def("isspace", isspace),
            def("isalnum", isalnum),
            def("isupper", isupper),
            def("islower", islower),
            def("istitle", istitle),
            def("isascii", isascii),
            def("center", center),
            def("ljust", ljust),
            def("rjust", rjust),
            def("zfill", zfill),
            def("splitlines", splitlines),
            def("expandtabs", expandtabs),
            def("removeprefix", removeprefix),
            def("removesuffix", removesuffix),
            def("maketrans", maketrans),
            def("translate", translate),
            $($extra,)*
        ]
    };
}

/// Methods of bytes.
pub static BYTES_METHODS: &[NativeDef] = methods!(def("fromhex", fromhex_bytes));
/// Methods of bytearray.
pub static BYTEARRAY_METHODS: &[NativeDef] = methods!(
    def("fromhex", fromhex_bytearray),
    def("append", ba_append),
    def("extend", ba_extend),
    def("insert", ba_insert),
    def("pop", ba_pop),
    def("remove", ba_remove),
    def("clear", ba_clear),
    def("copy", ba_copy),
    def("reverse", ba_reverse),
);

// ---- heap data access ---------------------------------------------------------

/// Byte offset (in the heap's words viewed as bytes) and length of the data
/// of a bytes, bytearray or heap str; (0, 0) for anything else.
fn region(vm: &Vm, v: Value) -> (usize, usize) {
    match vm.heap.kind(v) {
        kind::BYTES => ((v.word() + 3) * 4, vm.heap.raw(v, 1) as usize),
        kind::BYTEARRAY => {
            let raw = vm.heap.get(v, 1);
            if raw.is_null() {
                (0, 0)
            } else {
                (
                    (raw.word() + 1) * 4,
                    vm.heap.get(v, 0).small_value() as usize,
                )
            }
        }
        kind::STR => (
            (v.word() + 1 + pystr::DATA) * 4,
            vm.heap.raw(v, pystr::NBYTES) as usize,
        ),
        _ => (0, 0),
    }
}

/// Calls `f` with the data of up to three sources (bytes-like, str, or NULL
/// for none) and the mutable data of `dst`, a different object. Nothing may
/// allocate in `f`.
fn with_regions<R>(
    vm: &mut Vm,
    srcs: [Value; 3],
    dst: Value,
    f: impl FnOnce([&[u8]; 3], &mut [u8]) -> R,
) -> R {
    let mut inline = [[0u8; 4]; 3];
    let mut inline_len = [usize::MAX; 3];
    let mut regs = [(0usize, 0usize); 3];
    for (i, &v) in srcs.iter().enumerate() {
        if v.is_imm_of(imm::CHAR) {
            let mut b = [0u8; 4];
            let s = vm.str_bytes_buf(v, &mut b);
            let n = s.len();
            inline[i][..n].copy_from_slice(s);
            inline_len[i] = n;
        } else if !v.is_null() {
            regs[i] = region(vm, v);
        }
    }
    let (d0, dn) = region(vm, dst);
    let all = words_as_bytes_mut(&mut vm.heap.words);
    let (lo, rest) = all.split_at_mut(d0);
    let (d, hi) = rest.split_at_mut(dn);
    let (lo, hi): (&[u8], &[u8]) = (lo, hi);
    let mut out: [&[u8]; 3] = [&[]; 3];
    for (i, o) in out.iter_mut().enumerate() {
        if inline_len[i] != usize::MAX {
            *o = &inline[i][..inline_len[i]];
        } else {
            let (off, n) = regs[i];
            if n == 0 {
                continue;
            }
            *o = if off < d0 {
                &lo[off..off + n]
            } else {
                let s = off - d0 - dn;
                &hi[s..s + n]
            };
        }
    }
    f(out, d)
}

/// `self` of a method (the bytes inside an instance of a subclass).
fn this(vm: &Vm, args: Args) -> Value {
    vm.unwrap_base(vm.slot(args.base))
}

/// The data of the value in stack slot `slot`.
fn slot_data(vm: &Vm, slot: usize) -> &[u8] {
    vm.bytes_like_data(vm.unwrap_base(vm.slot(slot)))
}

/// Whether the method's `self` is a bytearray (results are then bytearrays).
fn self_is_ba(vm: &Vm, args: Args) -> bool {
    vm.heap.kind(this(vm, args)) == kind::BYTEARRAY
}

/// A new bytes or bytearray of `n` zero bytes.
fn new_result(vm: &mut Vm, is_ba: bool, n: usize) -> PyResult<Value> {
    if is_ba {
        vm.new_bytearray(n)
    } else {
        vm.alloc_bytes(n)
    }
}

/// A new bytes/bytearray holding bytes `a..b` of the value in stack slot `slot`.
fn copy_range(vm: &mut Vm, slot: usize, is_ba: bool, a: usize, b: usize) -> PyResult<Value> {
    let r = new_result(vm, is_ba, b - a)?;
    let src = vm.unwrap_base(vm.slot(slot));
    with_regions(vm, [src, Value::NULL, Value::NULL], r, |s, d| {
        d.copy_from_slice(&s[0][a..b])
    });
    Ok(r)
}

/// The stack slot of argument `i` (self is 0) or of keyword `name`.
fn arg_slot(vm: &Vm, args: Args, i: usize, name: &str) -> Option<usize> {
    if i < args.npos() {
        return Some(args.base + i);
    }
    for k in 0..args.nkw {
        let n = vm.kwname(args, k);
        if vm.str_is(n, name) {
            return Some(args.base + args.npos() + k);
        }
    }
    None
}

/// Argument `i` (self is 0) or keyword `name`, None when absent or `None`.
fn opt_value(vm: &Vm, args: Args, i: usize, name: &str) -> Option<Value> {
    arg_slot(vm, args, i, name)
        .map(|s| vm.slot(s))
        .filter(|v| !v.is_none())
}

/// Checks the count of positional arguments after self, with CPython's
/// messages: methods of one or no argument name their type
/// (`bytes.zfill() takes exactly one argument (0 given)`); the others use
/// the argument-clinic form (`center expected at least 1 argument, got 0`).
fn npos(vm: &mut Vm, args: Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.npos().saturating_sub(1);
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let tp = if self_is_ba(vm, args) {
        "bytearray"
    } else {
        "bytes"
    };
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let mut m = Msg::new();
    let _ = match (min, max) {
        (0, 0) => write!(m, "{tp}.{name}() takes no arguments ({n} given)"),
        (1, 1) => write!(m, "{tp}.{name}() takes exactly one argument ({n} given)"),
        _ if min == max => write!(m, "{name} expected {min} arguments, got {n}"),
        _ if n < min => write!(
            m,
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        _ => write!(
            m,
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    };
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// Like [`npos`], with the messages of methods parsing a tuple
/// (`find() takes at least 1 argument (0 given)`).
fn npos_tuple(vm: &mut Vm, args: Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.npos().saturating_sub(1);
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let (what, k) = if n < min {
        ("least", min)
    } else {
        ("most", max)
    };
    let s = if k == 1 { "" } else { "s" };
    Err(vm.raise_fmt(
        TypeId::TypeError,
        format_args!("{name}() takes at {what} {k} argument{s} ({n} given)"),
    ))
}

/// Raises for keyword arguments given to a method that takes none.
fn no_kw(vm: &mut Vm, args: Args, name: &str) -> PyResult<()> {
    if args.nkw > 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name}() takes no keyword arguments"),
        ));
    }
    Ok(())
}

/// Raises `t` with `pre` + type name of `v` + `post`.
fn raise_with_type(vm: &mut Vm, t: TypeId, pre: &str, v: Value, post: &str) -> Raised {
    let mut b = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "{pre}{}{post}", vm.type_name(v, &mut b));
    vm.raise_msg(t, m.as_str())
}

/// TypeError "a bytes-like object is required, not 'T'".
fn need_bytes_like(vm: &mut Vm, v: Value) -> Raised {
    raise_with_type(
        vm,
        TypeId::TypeError,
        "a bytes-like object is required, not '",
        v,
        "'",
    )
}

/// The bytes-like value `v` (unwrapped from a subclass instance), or TypeError.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let u = vm.unwrap_base(v);
    if vm.is_bytes_like(u) {
        Ok(u)
    } else {
        Err(need_bytes_like(vm, v))
    }
}

/// An optional index argument (`None` means absent); big ints clamp.
fn opt_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = vm.int_to_i64(v) {
        return Ok(Some(i));
    }
    if vm.heap.kind(v) == kind::BIGINT {
        return Ok(Some(if vm.bigint_parts(v).0 {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }));
    }
    vm.index_value(v).map(Some)
}

/// CPython's ADJUST_INDICES: start and end of a search window.
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let fix = |x: i64| if x < 0 { (x + len).max(0) } else { x };
    let s = fix(start.unwrap_or(0));
    let e = fix(end.unwrap_or(len)).min(len);
    (s, e)
}

/// A byte value 0..=255 from an int-like, with `msg` when out of range.
fn byte_value(vm: &mut Vm, v: Value, msg: &str) -> PyResult<u8> {
    let i = match vm.int_to_i64(v) {
        Some(i) => i,
        None if vm.heap.kind(v) == kind::BIGINT => -1,
        None => vm.index_value(v)?,
    };
    if (0..256).contains(&i) {
        Ok(i as u8)
    } else {
        Err(vm.raise_msg(TypeId::ValueError, msg))
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    (0..=h.len() - n.len()).find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

fn count_sub(h: &[u8], n: &[u8], max: usize) -> usize {
    if n.is_empty() {
        return (h.len() + 1).min(max);
    }
    let (mut i, mut c) = (0, 0);
    while c < max {
        match find_sub(&h[i..], n) {
            Some(j) => {
                c += 1;
                i += j + n.len();
            }
            None => break,
        }
    }
    c
}

// ---- codecs ---------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Enc {
    Utf8,
    Ascii,
    Latin1,
}

impl Enc {
    fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Ascii => "ascii",
            Enc::Latin1 => "latin-1",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Errs {
    Strict,
    Ignore,
    Replace,
    /// An unknown handler: LookupError at the first error.
    Unknown,
}

/// A codec error: the span of input positions and the reason.
struct CodecErr {
    start: usize,
    end: usize,
    reason: &'static str,
    /// The first offending code point (encoding) or byte (decoding).
    ch: u32,
}

/// Checks that an encoding/errors argument is a str.
fn str_arg(vm: &mut Vm, v: Value, fname: &str, aname: &str) -> PyResult<()> {
    if vm.is_str(v) {
        return Ok(());
    }
    let mut b = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "{fname}() argument '{aname}' must be str, not {}",
        vm.type_name(v, &mut b)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// Parses an encoding name (None: utf-8).
fn parse_encoding(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<Enc> {
    let Some(v) = v else { return Ok(Enc::Utf8) };
    str_arg(vm, v, fname, "encoding")?;
    let mut norm = [0u8; 24];
    let mut buf = [0; 4];
    let raw = vm.str_bytes_buf(v, &mut buf);
    let mut n = 0;
    let mut too_long = raw.len() > norm.len();
    if !too_long {
        for &c in raw {
            norm[n] = match c {
                b'_' | b' ' => b'-',
                c => c.to_ascii_lowercase(),
            };
            n += 1;
        }
    }
    let enc = match &norm[..n] {
        b"utf-8" | b"utf8" | b"u8" | b"utf" | b"cp65001" => Some(Enc::Utf8),
        b"ascii" | b"us-ascii" | b"646" | b"us" => Some(Enc::Ascii),
        b"latin-1" | b"latin1" | b"latin" | b"l1" | b"iso-8859-1" | b"iso8859-1" | b"8859"
        | b"cp819" | b"iso-ir-100" => Some(Enc::Latin1),
        _ => {
            too_long = true;
            None
        }
    };
    if let (Some(e), false) = (enc, too_long) {
        return Ok(e);
    }
    let mut m = Msg::new();
    let _ = write!(m, "unknown encoding: {}", vm.str_text(v, &mut buf));
    Err(vm.raise_msg(TypeId::LookupError, m.as_str()))
}

/// Parses an errors handler name (None: strict).
fn parse_errors(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<Errs> {
    let Some(v) = v else { return Ok(Errs::Strict) };
    str_arg(vm, v, fname, "errors")?;
    Ok(if vm.str_is(v, "strict") {
        Errs::Strict
    } else if vm.str_is(v, "ignore") {
        Errs::Ignore
    } else if vm.str_is(v, "replace") {
        Errs::Replace
    } else {
        Errs::Unknown
    })
}

/// Decodes `src`, passing the UTF-8 output to `emit` piece by piece.
fn decode_core(
    enc: Enc,
    errs: Errs,
    src: &[u8],
    emit: &mut dyn FnMut(&[u8]),
) -> Result<(), CodecErr> {
    const REPL: &[u8] = "\u{fffd}".as_bytes();
    let mut i = 0;
    while i < src.len() {
        let run = src[i..].iter().take_while(|c| c.is_ascii()).count();
        if run > 0 {
            emit(&src[i..i + run]);
            i += run;
            continue;
        }
        let c = src[i];
        let (len, reason) = match enc {
            Enc::Latin1 => {
                emit(&[0xc0 | (c >> 6), 0x80 | (c & 0x3f)]);
                i += 1;
                continue;
            }
            Enc::Ascii => (1, "ordinal not in range(128)"),
            Enc::Utf8 => match core::str::from_utf8(&src[i..]) {
                Ok(s) => {
                    emit(s.as_bytes());
                    return Ok(());
                }
                Err(e) if e.valid_up_to() > 0 => {
                    let n = e.valid_up_to();
                    emit(&src[i..i + n]);
                    i += n;
                    continue;
                }
                Err(e) => match e.error_len() {
                    None => (src.len() - i, "unexpected end of data"),
                    Some(n) => {
                        let start_ok = matches!(c, 0xc2..=0xf4);
                        (
                            n,
                            if start_ok {
                                "invalid continuation byte"
                            } else {
                                "invalid start byte"
                            },
                        )
                    }
                },
            },
        };
        match errs {
            Errs::Ignore => {}
            Errs::Replace => emit(REPL),
            _ => {
                return Err(CodecErr {
                    start: i,
                    end: i + len,
                    reason,
                    ch: c as u32,
                })
            }
        }
        i += len;
    }
    Ok(())
}

/// Encodes UTF-8 text `src`, passing the output to `emit`.
fn encode_core(
    enc: Enc,
    errs: Errs,
    src: &[u8],
    emit: &mut dyn FnMut(&[u8]),
) -> Result<(), CodecErr> {
    let limit: u32 = match enc {
        Enc::Utf8 => {
            emit(src);
            return Ok(());
        }
        Enc::Ascii => 128,
        Enc::Latin1 => 256,
    };
    let reason = if limit == 128 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let text = core::str::from_utf8(src).unwrap_or("");
    let mut chars = text.chars().enumerate().peekable();
    while let Some((pos, c)) = chars.next() {
        let u = c as u32;
        if u < limit {
            emit(&[u as u8]);
        } else {
            match errs {
                Errs::Ignore => {}
                Errs::Replace => emit(b"?"),
                _ => {
                    let mut end = pos + 1;
                    while let Some(&(_, d)) = chars.peek() {
                        if (d as u32) < limit {
                            break;
                        }
                        chars.next();
                        end += 1;
                    }
                    return Err(CodecErr {
                        start: pos,
                        end,
                        reason,
                        ch: u,
                    });
                }
            }
        }
    }
    Ok(())
}

/// Raises the error of a failed decode or encode.
fn raise_codec(vm: &mut Vm, enc: Enc, errs: Errs, e: &CodecErr, decoding: bool) -> Raised {
    if errs == Errs::Unknown {
        // Only reached with a non-strict unknown handler name.
        return vm.raise_msg(TypeId::LookupError, "unknown error handler name");
    }
    let mut m = Msg::new();
    let name = enc.name();
    if decoding {
        if e.end - e.start == 1 {
            let _ = write!(
                m,
                "'{name}' codec can't decode byte 0x{:02x} in position {}: {}",
                e.ch, e.start, e.reason
            );
        } else {
            let _ = write!(
                m,
                "'{name}' codec can't decode bytes in position {}-{}: {}",
                e.start,
                e.end - 1,
                e.reason
            );
        }
        return vm.raise_msg(TypeId::UnicodeDecodeError, m.as_str());
    }
    if e.end - e.start == 1 {
        let _ = write!(m, "'{name}' codec can't encode character '");
        if e.ch < 0x100 {
            let _ = write!(m, "\\x{:02x}", e.ch);
        } else if e.ch < 0x10000 {
            let _ = write!(m, "\\u{:04x}", e.ch);
        } else {
            let _ = write!(m, "\\U{:08x}", e.ch);
        }
        let _ = write!(m, "' in position {}: {}", e.start, e.reason);
    } else {
        let _ = write!(
            m,
            "'{name}' codec can't encode characters in position {}-{}: {}",
            e.start,
            e.end - 1,
            e.reason
        );
    }
    vm.raise_msg(TypeId::UnicodeEncodeError, m.as_str())
}

/// Raises LookupError for an unknown error handler.
fn unknown_handler(vm: &mut Vm, v: Option<Value>) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let name = v.map(|v| vm.str_text(v, &mut buf)).unwrap_or("");
    let _ = write!(m, "unknown error handler name '{name}'");
    vm.raise_msg(TypeId::LookupError, m.as_str())
}

/// Encodes str `s` to bytes (or a bytearray when `is_ba`), with CPython's
/// `encoding` and `errors` arguments (utf-8, ascii, latin-1; strict, ignore,
/// replace). Usable for `str.encode`.
pub fn encode_str(
    vm: &mut Vm,
    s: Value,
    encoding: Option<Value>,
    errors: Option<Value>,
    is_ba: bool,
) -> PyResult<Value> {
    // Parsing allocates only to raise.
    let enc = parse_encoding(vm, encoding, "encode")?;
    let errs = parse_errors(vm, errors, "encode")?;
    let base = vm.sp();
    vm.push(s)?;
    vm.push(errors.unwrap_or(Value::NONE))?;
    let r = encode_slot(vm, base, enc, errs, is_ba);
    vm.heap.truncate(base);
    r
}

/// Encodes the str in stack slot `slot` (the errors name, for messages, in `slot + 1`).
fn encode_slot(vm: &mut Vm, slot: usize, enc: Enc, errs: Errs, is_ba: bool) -> PyResult<Value> {
    let s = vm.slot(slot);
    let mut buf = [0; 4];
    let mut n = 0;
    let res = encode_core(enc, errs, vm.str_bytes_buf(s, &mut buf), &mut |b| {
        n += b.len()
    });
    if let Err(e) = res {
        if errs == Errs::Unknown {
            let name = vm.slot(slot + 1);
            return Err(unknown_handler(vm, Some(name)));
        }
        return Err(raise_codec(vm, enc, errs, &e, false));
    }
    let r = new_result(vm, is_ba, n)?;
    let s = vm.slot(slot);
    with_regions(vm, [s, Value::NULL, Value::NULL], r, |src, d| {
        let mut at = 0;
        let _ = encode_core(enc, errs, src[0], &mut |b| {
            d[at..at + b.len()].copy_from_slice(b);
            at += b.len();
        });
    });
    Ok(r)
}

/// Decodes the bytes-like value in stack slot `slot` to a str.
fn decode_slot(
    vm: &mut Vm,
    slot: usize,
    enc: Enc,
    errs: Errs,
    errors: Option<Value>,
) -> PyResult<Value> {
    let (mut nbytes, mut nchars) = (0, 0);
    let mut small = [0u8; 4];
    let res = decode_core(enc, errs, slot_data(vm, slot), &mut |b| {
        for &c in b {
            if nbytes < 4 {
                small[nbytes] = c;
            }
            nbytes += 1;
            if c & 0xc0 != 0x80 {
                nchars += 1;
            }
        }
    });
    if let Err(e) = res {
        if errs == Errs::Unknown {
            return Err(unknown_handler(vm, errors));
        }
        return Err(raise_codec(vm, enc, errs, &e, true));
    }
    if nchars <= 1 {
        return Ok(core::str::from_utf8(&small[..nbytes.min(4)])
            .ok()
            .and_then(|s| s.chars().next())
            .map(Value::char)
            .unwrap_or(Value::EMPTY_STR));
    }
    let r = vm.alloc_str_raw(nbytes, nchars, false)?;
    let src = vm.unwrap_base(vm.slot(slot));
    with_regions(vm, [src, Value::NULL, Value::NULL], r, |s, d| {
        let mut at = 0;
        let _ = decode_core(enc, errs, s[0], &mut |b| {
            d[at..at + b.len()].copy_from_slice(b);
            at += b.len();
        });
    });
    Ok(r)
}

/// `bytes.decode(encoding='utf-8', errors='strict')`
fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "decode", &["encoding", "errors"])?;
    npos_tuple(vm, args, "decode", 0, 2)?;
    let encoding = opt_value(vm, args, 1, "encoding");
    let errors = opt_value(vm, args, 2, "errors");
    let enc = parse_encoding(vm, encoding, "decode")?;
    let errs = parse_errors(vm, errors, "decode")?;
    decode_slot(vm, args.base, enc, errs, errors)
}

// ---- constructors -----------------------------------------------------------------

/// What a conversion from an iterable is for (its error messages differ).
#[derive(Clone, Copy, PartialEq, Eq)]
enum IterCtx {
    Bytes,
    ByteArray,
    Extend,
    Assign,
}

/// A new bytes (or bytearray) from an iterable of ints (or a bytes-like).
fn from_iterable(vm: &mut Vm, src: Value, is_ba: bool, ctx: IterCtx) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(src)?;
    let r = from_iterable_rooted(vm, base, is_ba, ctx);
    vm.heap.truncate(base);
    r
}

fn from_iterable_rooted(vm: &mut Vm, base: usize, is_ba: bool, ctx: IterCtx) -> PyResult<Value> {
    let src = vm.unwrap_base(vm.slot(base));
    if vm.is_bytes_like(src) {
        let n = vm.bytes_like_data(src).len();
        return copy_range(vm, base, is_ba, 0, n);
    }
    let acc = vm.new_bytearray(0)?;
    vm.push(acc)?;
    let src = vm.slot(base);
    let it = match vm.get_iter(src) {
        Ok(it) => it,
        Err(e) => {
            let src = vm.slot(base);
            let exc = vm.exception();
            let user_iter = vm.user_special(src, "__iter__").is_some();
            if !vm.exc_matches(exc, TypeId::TypeError) || user_iter {
                return Err(e);
            }
            vm.take_exception();
            let (pre, post) = match ctx {
                IterCtx::Bytes => ("cannot convert '", "' object to bytes"),
                IterCtx::ByteArray => ("cannot convert '", "' object to bytearray"),
                IterCtx::Extend => ("can't extend bytearray with ", ""),
                IterCtx::Assign => {
                    return Err(vm.raise_msg(
                        TypeId::TypeError,
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ))
                }
            };
            return Err(raise_with_type(vm, TypeId::TypeError, pre, src, post));
        }
    };
    vm.push(it)?;
    let msg = if ctx == IterCtx::Bytes {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    loop {
        let it = vm.slot(base + 2);
        let Some(x) = vm.iter_next(it)? else { break };
        let b = byte_value(vm, x, msg)?;
        let acc = vm.slot(base + 1);
        let n = vm.bytes_like_data(acc).len();
        vm.bytearray_resize(acc, n + 1)?;
        let acc = vm.slot(base + 1);
        vm.bytearray_data_mut(acc)[n] = b;
    }
    let acc = vm.slot(base + 1);
    if is_ba {
        return Ok(acc);
    }
    let n = vm.bytes_like_data(acc).len();
    copy_range(vm, base + 1, false, 0, n)
}

fn construct(vm: &mut Vm, args: Args, is_ba: bool) -> PyResult<Value> {
    let name = if is_ba { "bytearray" } else { "bytes" };
    for k in 0..args.nkw {
        let n = vm.kwname(args, k);
        if !["source", "encoding", "errors"]
            .iter()
            .any(|a| vm.str_is(n, a))
        {
            let mut b = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' is an invalid keyword argument for {name}()",
                vm.str_text(n, &mut b)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    if args.len > 3 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{name}() takes at most 3 arguments ({} given)", args.len),
        ));
    }
    let source = arg_slot(vm, args, 0, "source").map(|s| vm.slot(s));
    let encoding = arg_slot(vm, args, 1, "encoding").map(|s| vm.slot(s));
    let errors = arg_slot(vm, args, 2, "errors").map(|s| vm.slot(s));
    let Some(src) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() {
                "encoding"
            } else {
                "errors"
            };
            return Err(vm.raise_fmt(
                TypeId::TypeError,
                format_args!("{what} without a string argument"),
            ));
        }
        return new_result(vm, is_ba, 0);
    };
    if vm.is_str(src) {
        if encoding.is_none() {
            return Err(vm.raise_msg(TypeId::TypeError, "string argument without an encoding"));
        }
        return encode_str(vm, src, encoding, errors, is_ba);
    }
    if encoding.is_some() || errors.is_some() {
        let what = if encoding.is_some() {
            "encoding"
        } else {
            "errors"
        };
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("{what} without a string argument"),
        ));
    }
    if !is_ba {
        if let Some(m) = vm.user_special(src, "__bytes__") {
            let r = vm.call(m, &[src])?;
            if vm.heap.kind(r) != kind::BYTES {
                return Err(raise_with_type(
                    vm,
                    TypeId::TypeError,
                    "__bytes__ returned non-bytes (type ",
                    r,
                    ")",
                ));
            }
            return Ok(r);
        }
    }
    let counted = vm.is_int(src)
        || vm.heap.kind(src) == kind::BIGINT
        || (vm.heap.kind(src) == kind::INSTANCE && vm.user_special(src, "__index__").is_some());
    if counted {
        if vm.heap.kind(src) == kind::BIGINT {
            if vm.bigint_parts(src).0 {
                return Err(vm.raise_msg(TypeId::ValueError, "negative count"));
            }
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        let n = vm.index_value(src)?;
        if n < 0 {
            return Err(vm.raise_msg(TypeId::ValueError, "negative count"));
        }
        if n > i32::MAX as i64 {
            return Err(vm.raise_memory_error());
        }
        return new_result(vm, is_ba, n as usize);
    }
    let ctx = if is_ba {
        IterCtx::ByteArray
    } else {
        IterCtx::Bytes
    };
    from_iterable(vm, src, is_ba, ctx)
}

/// `bytes(...)`
pub fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    construct(vm, args, false)
}

/// `bytearray(...)`
pub fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    construct(vm, args, true)
}

// ---- searching ----------------------------------------------------------------------

/// A search needle: one byte, or the bytes-like value in a stack slot.
enum Needle {
    Byte(u8),
    Slot(usize),
}

fn needle_arg(vm: &mut Vm, slot: usize) -> PyResult<Needle> {
    let v = vm.slot(slot);
    if vm.is_int(v) || vm.heap.kind(v) == kind::BIGINT {
        return Ok(Needle::Byte(byte_value(
            vm,
            v,
            "byte must be in range(0, 256)",
        )?));
    }
    if vm.is_bytes_like(vm.unwrap_base(v)) {
        return Ok(Needle::Slot(slot));
    }
    Err(raise_with_type(
        vm,
        TypeId::TypeError,
        "argument should be integer or bytes-like object, not '",
        v,
        "'",
    ))
}

fn needle_data<'a>(vm: &'a Vm, n: &Needle, buf: &'a mut [u8; 1]) -> &'a [u8] {
    match *n {
        Needle::Byte(b) => {
            buf[0] = b;
            &buf[..]
        }
        Needle::Slot(s) => slot_data(vm, s),
    }
}

/// Parses `(sub[, start[, end]])`: the needle and the window.
fn search_args(vm: &mut Vm, args: Args, name: &str) -> PyResult<(Needle, i64, i64)> {
    no_kw(vm, args, name)?;
    npos_tuple(vm, args, name, 1, 3)?;
    let needle = needle_arg(vm, args.base + 1)?;
    let start = opt_index(vm, (args.npos() > 2).then(|| vm.slot(args.base + 2)))?;
    let end = opt_index(vm, (args.npos() > 3).then(|| vm.slot(args.base + 3)))?;
    let len = vm.bytes_like_data(this(vm, args)).len();
    let (s, e) = adjust(len, start, end);
    Ok((needle, s, e))
}

/// find/rfind: the position or -1.
fn find_pos(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<i64> {
    let (needle, s, e) = search_args(vm, args, name)?;
    let h = vm.bytes_like_data(this(vm, args));
    let mut buf = [0u8; 1];
    let n = needle_data(vm, &needle, &mut buf);
    if s > h.len() as i64 || e - s < n.len() as i64 {
        return Ok(-1);
    }
    let w = &h[s as usize..e as usize];
    let r = if rev { rfind_sub(w, n) } else { find_sub(w, n) };
    Ok(r.map(|i| i as i64 + s).unwrap_or(-1))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = find_pos(vm, args, "find", false)?;
    vm.new_int(r)
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = find_pos(vm, args, "rfind", true)?;
    vm.new_int(r)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = find_pos(vm, args, "index", false)?;
    if r < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "subsection not found"));
    }
    vm.new_int(r)
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = find_pos(vm, args, "rindex", true)?;
    if r < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "subsection not found"));
    }
    vm.new_int(r)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (needle, s, e) = search_args(vm, args, "count")?;
    let h = vm.bytes_like_data(this(vm, args));
    let mut buf = [0u8; 1];
    let n = needle_data(vm, &needle, &mut buf);
    if s > h.len() as i64 || e < s {
        return Ok(Value::int(0));
    }
    let c = count_sub(&h[s as usize..e as usize], n, usize::MAX);
    vm.new_int(c as i64)
}

fn starts_ends(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    npos_tuple(vm, args, name, 1, 3)?;
    let start = opt_index(vm, (args.npos() > 2).then(|| vm.slot(args.base + 2)))?;
    let end = opt_index(vm, (args.npos() > 3).then(|| vm.slot(args.base + 3)))?;
    let p = vm.slot(args.base + 1);
    let is_tuple = vm.heap.kind(p) == kind::TUPLE;
    let count = if is_tuple { vm.tuple_len(p) } else { 1 };
    if !is_tuple && !vm.is_bytes_like(vm.unwrap_base(p)) {
        let mut b = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(p, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    for i in 0..count {
        let item = if is_tuple { vm.tuple_get(p, i) } else { p };
        let item = bytes_arg(vm, item)?;
        let h = vm.bytes_like_data(this(vm, args));
        let (s, e) = adjust(h.len(), start, end);
        let n = vm.bytes_like_data(item);
        if s > h.len() as i64 || e - s < n.len() as i64 {
            continue;
        }
        let (s, e) = (s as usize, e as usize);
        let w = if ends {
            &h[e - n.len()..e]
        } else {
            &h[s..s + n.len()]
        };
        if w == n {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

// ---- splitting, stripping, joining -------------------------------------------------

/// Appends bytes `a..b` of the value in stack slot `src` to the list in slot `list`.
fn push_piece(
    vm: &mut Vm,
    list: usize,
    src: usize,
    is_ba: bool,
    a: usize,
    b: usize,
) -> PyResult<()> {
    let p = copy_range(vm, src, is_ba, a, b)?;
    let l = vm.slot(list);
    vm.list_append(l, p)
}

fn reverse_list(vm: &mut Vm, l: Value) {
    let n = vm.list_len(l);
    for i in 0..n / 2 {
        let (a, b) = (vm.list_get(l, i), vm.list_get(l, n - 1 - i));
        vm.list_set(l, i, b);
        vm.list_set(l, n - 1 - i, a);
    }
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    vm.check_kwargs(args, name, &["sep", "maxsplit"])?;
    npos_tuple(vm, args, name, 0, 2)?;
    let sep_slot = arg_slot(vm, args, 1, "sep").filter(|&s| !vm.slot(s).is_none());
    let maxsplit = match opt_value(vm, args, 2, "maxsplit") {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    if let Some(s) = sep_slot {
        let sep = vm.slot(s);
        let sep = bytes_arg(vm, sep)?;
        if vm.bytes_like_data(sep).is_empty() {
            return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
        }
    }
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let is_ba = self_is_ba(vm, args);
    let base = vm.sp();
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let r = split_rooted(vm, args.base, sep_slot, base, is_ba, max, rev);
    let l = vm.slot(base);
    vm.heap.truncate(base);
    r.map(|_| l)
}

fn split_rooted(
    vm: &mut Vm,
    me: usize,
    sep_slot: Option<usize>,
    list: usize,
    is_ba: bool,
    max: usize,
    rev: bool,
) -> PyResult<()> {
    let mut splits = 0;
    if let Some(sep) = sep_slot {
        // Explicit separator: `pos` is the start (forward) or end (reverse) of the rest.
        let mut pos = if rev { slot_data(vm, me).len() } else { 0 };
        loop {
            let h = slot_data(vm, me);
            let n = slot_data(vm, sep);
            let nl = n.len();
            let found = if splits >= max {
                None
            } else if rev {
                rfind_sub(&h[..pos], n)
            } else {
                find_sub(&h[pos..], n).map(|i| i + pos)
            };
            match found {
                Some(i) => {
                    if rev {
                        push_piece(vm, list, me, is_ba, i + nl, pos)?;
                        pos = i;
                    } else {
                        push_piece(vm, list, me, is_ba, pos, i)?;
                        pos = i + nl;
                    }
                    splits += 1;
                }
                None => {
                    if rev {
                        push_piece(vm, list, me, is_ba, 0, pos)?;
                    } else {
                        let len = h.len();
                        push_piece(vm, list, me, is_ba, pos, len)?;
                    }
                    break;
                }
            }
        }
    } else if !rev {
        let mut pos = 0;
        loop {
            let h = slot_data(vm, me);
            while pos < h.len() && is_ws(h[pos]) {
                pos += 1;
            }
            if pos >= h.len() {
                break;
            }
            if splits >= max {
                let len = h.len();
                push_piece(vm, list, me, is_ba, pos, len)?;
                break;
            }
            let mut j = pos;
            while j < h.len() && !is_ws(h[j]) {
                j += 1;
            }
            push_piece(vm, list, me, is_ba, pos, j)?;
            splits += 1;
            pos = j;
        }
    } else {
        let mut end = slot_data(vm, me).len();
        loop {
            let h = slot_data(vm, me);
            while end > 0 && is_ws(h[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if splits >= max {
                push_piece(vm, list, me, is_ba, 0, end)?;
                break;
            }
            let mut j = end;
            while j > 0 && !is_ws(h[j - 1]) {
                j -= 1;
            }
            push_piece(vm, list, me, is_ba, j, end)?;
            splits += 1;
            end = j;
        }
    }
    if rev {
        let l = vm.slot(list);
        reverse_list(vm, l);
    }
    Ok(())
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

/// strip/lstrip/rstrip: `left`/`right` say which ends.
fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    npos(vm, args, name, 0, 1)?;
    let chars = match opt_value(vm, args, 1, "chars") {
        None => None,
        Some(v) => Some(bytes_arg(vm, v)?),
    };
    let h = vm.bytes_like_data(this(vm, args));
    let set = chars.map(|c| vm.bytes_like_data(c));
    let strip = |c: u8| match set {
        None => is_ws(c),
        Some(s) => s.contains(&c),
    };
    let (mut a, mut b) = (0, h.len());
    if left {
        while a < b && strip(h[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && strip(h[b - 1]) {
            b -= 1;
        }
    }
    let is_ba = self_is_ba(vm, args);
    if !is_ba && a == 0 && b == h.len() && vm.heap.kind(vm.slot(args.base)) == kind::BYTES {
        return Ok(vm.slot(args.base));
    }
    copy_range(vm, args.base, is_ba, a, b)
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

/// Writes `h` with up to `max` occurrences of `old` replaced by `new` into `d`.
fn replace_into(h: &[u8], old: &[u8], new: &[u8], max: usize, d: &mut [u8]) {
    let mut at = 0;
    let mut put = |s: &[u8]| {
        d[at..at + s.len()].copy_from_slice(s);
        at += s.len();
    };
    if old.is_empty() {
        let mut k = 0;
        for (i, &c) in h.iter().enumerate() {
            if k < max {
                put(new);
                k += 1;
            }
            put(&h[i..i + 1]);
            let _ = c;
        }
        if k < max {
            put(new);
        }
        return;
    }
    let (mut i, mut k) = (0, 0);
    while k < max {
        match find_sub(&h[i..], old) {
            Some(j) => {
                put(&h[i..i + j]);
                put(new);
                i += j + old.len();
                k += 1;
            }
            None => break,
        }
    }
    put(&h[i..]);
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, args, "replace")?;
    npos(vm, args, "replace", 2, 3)?;
    let max = match opt_value(vm, args, 3, "count") {
        None => usize::MAX,
        Some(v) => {
            let c = vm.index_value(v)?;
            if c < 0 {
                usize::MAX
            } else {
                c as usize
            }
        }
    };
    let old = vm.slot(args.base + 1);
    let old = bytes_arg(vm, old)?;
    let new = vm.slot(args.base + 2);
    bytes_arg(vm, new)?;
    let h = vm.bytes_like_data(this(vm, args));
    let (ol, nl) = (
        vm.bytes_like_data(old).len(),
        vm.bytes_like_data(vm.unwrap_base(vm.slot(args.base + 2)))
            .len(),
    );
    let k = count_sub(h, vm.bytes_like_data(old), max);
    let n = h.len() + k * nl - k * ol;
    let is_ba = self_is_ba(vm, args);
    let r = new_result(vm, is_ba, n)?;
    let srcs = [
        this(vm, args),
        vm.unwrap_base(vm.slot(args.base + 1)),
        vm.unwrap_base(vm.slot(args.base + 2)),
    ];
    with_regions(vm, srcs, r, |s, d| replace_into(s[0], s[1], s[2], max, d));
    Ok(r)
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, args, "join")?;
    npos(vm, args, "join", 1, 1)?;
    let is_ba = self_is_ba(vm, args);
    let base = vm.sp();
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let r = join_rooted(vm, args, base, is_ba);
    vm.heap.truncate(base);
    r
}

fn join_rooted(vm: &mut Vm, args: Args, base: usize, is_ba: bool) -> PyResult<Value> {
    let src = vm.slot(args.base + 1);
    let it = match vm.get_iter(src) {
        Ok(it) => it,
        Err(e) => {
            let exc = vm.exception();
            let src = vm.slot(args.base + 1);
            if vm.exc_matches(exc, TypeId::TypeError) && vm.user_special(src, "__iter__").is_none()
            {
                vm.take_exception();
                return Err(vm.raise_msg(TypeId::TypeError, "can only join an iterable"));
            }
            return Err(e);
        }
    };
    vm.push(it)?;
    loop {
        let it = vm.slot(base + 1);
        let Some(x) = vm.iter_next(it)? else { break };
        let l = vm.slot(base);
        vm.list_append(l, x)?;
    }
    let l = vm.slot(base);
    let n = vm.list_len(l);
    let mut total = 0;
    for i in 0..n {
        let item = vm.unwrap_base(vm.list_get(l, i));
        if !vm.is_bytes_like(item) {
            let mut b = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(item, &mut b)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        total += vm.bytes_like_data(item).len();
    }
    let sl = vm.bytes_like_data(this(vm, args)).len();
    total += sl * n.saturating_sub(1);
    let r = new_result(vm, is_ba, total)?;
    let mut at = 0;
    for i in 0..n {
        let l = vm.slot(base);
        let item = vm.unwrap_base(vm.list_get(l, i));
        let sep = this(vm, args);
        with_regions(vm, [item, sep, Value::NULL], r, |s, d| {
            if i > 0 {
                d[at..at + sl].copy_from_slice(s[1]);
                at += sl;
            }
            d[at..at + s[0].len()].copy_from_slice(s[0]);
            at += s[0].len();
        });
    }
    Ok(r)
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    npos(vm, args, name, 1, 1)?;
    let sep = vm.slot(args.base + 1);
    let sep = bytes_arg(vm, sep)?;
    let n = vm.bytes_like_data(sep);
    if n.is_empty() {
        return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
    }
    let nl = n.len();
    let h = vm.bytes_like_data(this(vm, args));
    let len = h.len();
    let found = if rev { rfind_sub(h, n) } else { find_sub(h, n) };
    let is_ba = self_is_ba(vm, args);
    let me = args.base;
    let sep_slot = args.base + 1;
    let base = vm.sp();
    let r = (|| -> PyResult<Value> {
        match found {
            Some(i) => {
                let a = copy_range(vm, me, is_ba, 0, i)?;
                vm.push(a)?;
                let b = copy_range(vm, sep_slot, is_ba, 0, nl)?;
                vm.push(b)?;
                let c = copy_range(vm, me, is_ba, i + nl, len)?;
                vm.push(c)?;
            }
            None => {
                for k in 0..3 {
                    let whole = if rev { k == 2 } else { k == 0 };
                    let v = if whole {
                        copy_range(vm, me, is_ba, 0, len)?
                    } else {
                        new_result(vm, is_ba, 0)?
                    };
                    vm.push(v)?;
                }
            }
        }
        vm.tuple_from_stack(base, 3)
    })();
    vm.heap.truncate(base);
    r
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

/// Splits at line boundaries (`\n`, `\r`, `\r\n`).
fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "splitlines", &["keepends"])?;
    npos_tuple(vm, args, "splitlines", 0, 1)?;
    let keep = match opt_value(vm, args, 1, "keepends") {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    let is_ba = self_is_ba(vm, args);
    let base = vm.sp();
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let r = (|| -> PyResult<()> {
        let mut pos = 0;
        loop {
            let h = slot_data(vm, args.base);
            if pos >= h.len() {
                return Ok(());
            }
            let mut j = pos;
            while j < h.len() && h[j] != b'\n' && h[j] != b'\r' {
                j += 1;
            }
            let mut eol = j;
            if j < h.len() {
                eol = if h[j] == b'\r' && j + 1 < h.len() && h[j + 1] == b'\n' {
                    j + 2
                } else {
                    j + 1
                };
            }
            push_piece(vm, base, args.base, is_ba, pos, if keep { eol } else { j })?;
            pos = eol;
        }
    })();
    let l = vm.slot(base);
    vm.heap.truncate(base);
    r.map(|_| l)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removesuffix", true)
}

fn remove_affix(vm: &mut Vm, args: Args, name: &str, suffix: bool) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    npos(vm, args, name, 1, 1)?;
    let a = vm.slot(args.base + 1);
    let a = bytes_arg(vm, a)?;
    let h = vm.bytes_like_data(this(vm, args));
    let p = vm.bytes_like_data(a);
    let len = h.len();
    let (s, e) = if suffix && h.ends_with(p) {
        (0, len - p.len())
    } else if !suffix && h.starts_with(p) {
        (p.len(), len)
    } else {
        (0, len)
    };
    copy_range(vm, args.base, self_is_ba(vm, args), s, e)
}

// ---- case, predicates, padding ---------------------------------------------------

/// A same-length copy of self with `f` applied to the whole data.
fn map_bytes(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8], &mut [u8])) -> PyResult<Value> {
    npos(vm, args, name, 0, 0)?;
    let n = vm.bytes_like_data(this(vm, args)).len();
    let r = new_result(vm, self_is_ba(vm, args), n)?;
    let me = this(vm, args);
    with_regions(vm, [me, Value::NULL, Value::NULL], r, |s, d| f(s[0], d));
    Ok(r)
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |s, d| {
        for (o, c) in d.iter_mut().zip(s) {
            *o = c.to_ascii_uppercase();
        }
    })
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |s, d| {
        for (o, c) in d.iter_mut().zip(s) {
            *o = c.to_ascii_lowercase();
        }
    })
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |s, d| {
        for (o, &c) in d.iter_mut().zip(s) {
            *o = if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
        }
    })
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "title", |s, d| {
        let mut prev_cased = false;
        for (o, &c) in d.iter_mut().zip(s) {
            *o = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
        }
    })
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |s, d| {
        for (i, (o, &c)) in d.iter_mut().zip(s).enumerate() {
            *o = if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
        }
    })
}

fn predicate(vm: &mut Vm, args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    npos(vm, args, name, 0, 0)?;
    Ok(Value::bool(f(vm.bytes_like_data(this(vm, args)))))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isdigit", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_digit)
    })
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isalpha", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isalnum", |h| {
        !h.is_empty() && h.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isspace", |h| {
        !h.is_empty() && h.iter().all(|&c| is_ws(c))
    })
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isupper", |h| {
        h.iter().any(u8::is_ascii_uppercase) && !h.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "islower", |h| {
        h.iter().any(u8::is_ascii_lowercase) && !h.iter().any(u8::is_ascii_uppercase)
    })
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "istitle", |h| {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in h {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, args, "isascii", |h| h.is_ascii())
}

/// center/ljust/rjust: `how` is 0 center, 1 ljust, 2 rjust.
fn pad(vm: &mut Vm, args: Args, name: &str, how: u8) -> PyResult<Value> {
    no_kw(vm, args, name)?;
    npos(vm, args, name, 1, 2)?;
    let w = vm.slot(args.base + 1);
    let width = vm.index_value(w)?;
    let mut fill = b' ';
    if args.npos() > 2 {
        let f = vm.slot(args.base + 2);
        let fu = vm.unwrap_base(f);
        if !vm.is_bytes_like(fu) || vm.bytes_like_data(fu).len() != 1 {
            let mut b = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "{name}() argument 2 must be a byte string of length 1, not {}",
                vm.type_name(f, &mut b)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        fill = vm.bytes_like_data(fu)[0];
    }
    let len = vm.bytes_like_data(this(vm, args)).len();
    let is_ba = self_is_ba(vm, args);
    if width <= len as i64 {
        return copy_range(vm, args.base, is_ba, 0, len);
    }
    let width = width as usize;
    let marg = width - len;
    let left = match how {
        0 => marg / 2 + (marg & width & 1),
        1 => 0,
        _ => marg,
    };
    let r = new_result(vm, is_ba, width)?;
    let me = this(vm, args);
    with_regions(vm, [me, Value::NULL, Value::NULL], r, |s, d| {
        d.fill(fill);
        d[left..left + len].copy_from_slice(s[0]);
    });
    Ok(r)
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "center", 0)
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "ljust", 1)
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad(vm, args, "rjust", 2)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, args, "zfill")?;
    npos(vm, args, "zfill", 1, 1)?;
    let w = vm.slot(args.base + 1);
    let width = vm.index_value(w)?;
    let len = vm.bytes_like_data(this(vm, args)).len();
    let is_ba = self_is_ba(vm, args);
    if width <= len as i64 {
        return copy_range(vm, args.base, is_ba, 0, len);
    }
    let width = width as usize;
    let r = new_result(vm, is_ba, width)?;
    let me = this(vm, args);
    with_regions(vm, [me, Value::NULL, Value::NULL], r, |s, d| {
        let fill = width - len;
        d.fill(b'0');
        d[fill..].copy_from_slice(s[0]);
        if let Some(&c) = s[0].first() {
            if c == b'+' || c == b'-' {
                d[0] = c;
                d[fill] = b'0';
            }
        }
    });
    Ok(r)
}

/// Expands tabs of `s` into `out` (which may be None to only count).
fn expand_into(s: &[u8], tab: i64, mut out: Option<&mut [u8]>) -> usize {
    let (mut n, mut col) = (0usize, 0i64);
    let mut put = |c: u8, n: &mut usize| {
        if let Some(o) = out.as_deref_mut() {
            o[*n] = c;
        }
        *n += 1;
    };
    for &c in s {
        if c == b'\t' {
            if tab > 0 {
                let k = tab - col % tab;
                for _ in 0..k {
                    put(b' ', &mut n);
                }
                col += k;
            }
        } else {
            put(c, &mut n);
            col = if c == b'\n' || c == b'\r' { 0 } else { col + 1 };
        }
    }
    n
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "expandtabs", &["tabsize"])?;
    npos_tuple(vm, args, "expandtabs", 0, 1)?;
    let tab = match opt_value(vm, args, 1, "tabsize") {
        None => 8,
        Some(v) => vm.index_value(v)?,
    };
    let n = expand_into(vm.bytes_like_data(this(vm, args)), tab, None);
    let r = new_result(vm, self_is_ba(vm, args), n)?;
    let me = this(vm, args);
    with_regions(vm, [me, Value::NULL, Value::NULL], r, |s, d| {
        expand_into(s[0], tab, Some(d));
    });
    Ok(r)
}

// ---- hex, fromhex, translate -------------------------------------------------------

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "hex", &["sep", "bytes_per_sep"])?;
    npos_tuple(vm, args, "hex", 0, 2)?;
    let mut sep: Option<u8> = None;
    if let Some(s) = opt_value(vm, args, 1, "sep") {
        let mut buf = [0; 4];
        let data: &[u8] = if vm.is_str(s) {
            vm.str_bytes_buf(s, &mut buf)
        } else if vm.is_bytes_like(vm.unwrap_base(s)) {
            vm.bytes_like_data(vm.unwrap_base(s))
        } else {
            return Err(need_bytes_like(vm, s));
        };
        let (len, first) = (data.len(), data.first().copied());
        if vm.is_str(s) && vm.str_len(s) != 1 || !vm.is_str(s) && len != 1 {
            return Err(vm.raise_msg(TypeId::ValueError, "sep must be length 1."));
        }
        match first {
            Some(c) if c.is_ascii() => sep = Some(c),
            _ => return Err(vm.raise_msg(TypeId::ValueError, "sep must be ASCII.")),
        }
    }
    let per = match opt_value(vm, args, 2, "bytes_per_sep") {
        None => 1,
        Some(v) => vm.index_value(v)?,
    };
    let n = vm.bytes_like_data(this(vm, args)).len();
    if n == 0 {
        return Ok(Value::EMPTY_STR);
    }
    let group = per.unsigned_abs() as usize;
    let nsep = match sep {
        Some(_) if group > 0 => (n - 1) / group,
        _ => 0,
    };
    let total = 2 * n + nsep;
    let r = vm.alloc_str_raw(total, total, false)?;
    let me = this(vm, args);
    with_regions(vm, [me, Value::NULL, Value::NULL], r, |s, d| {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut at = 0;
        for (i, &c) in s[0].iter().enumerate() {
            if nsep > 0 && i > 0 {
                // Groups count from the right for a positive bytes_per_sep.
                let from_start = if per > 0 { n - i } else { i };
                let boundary = from_start.rem_euclid(group) == 0;
                if boundary {
                    d[at] = sep.unwrap_or(b':');
                    at += 1;
                }
            }
            d[at] = DIGITS[(c >> 4) as usize];
            d[at + 1] = DIGITS[(c & 15) as usize];
            at += 2;
        }
    });
    Ok(r)
}

/// Parses hex text; returns the byte count, or the char position of the error.
fn parse_hex(s: &[u8], mut out: Option<&mut [u8]>) -> Result<usize, usize> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let (mut i, mut n) = (0, 0);
    loop {
        while i < s.len() && is_ws(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            return Ok(n);
        }
        let Some(hi) = digit(s[i]) else {
            return Err(i);
        };
        let Some(lo) = s.get(i + 1).and_then(|&c| digit(c)) else {
            return Err(i + 1);
        };
        if let Some(o) = out.as_deref_mut() {
            o[n] = hi << 4 | lo;
        }
        n += 1;
        i += 2;
    }
}

fn fromhex_impl(vm: &mut Vm, args: Args, is_ba: bool) -> PyResult<Value> {
    no_kw(vm, args, "fromhex")?;
    // Called on the type (1 argument) or on an instance (self + 1).
    let args = if args.npos() == 2 { args.skip1() } else { args };
    vm.check_args(args, "fromhex", 1, 1)?;
    let s = vm.slot(args.base);
    if !vm.is_str(s) {
        return Err(raise_with_type(
            vm,
            TypeId::TypeError,
            "fromhex() argument must be str, not ",
            s,
            "",
        ));
    }
    let mut buf = [0; 4];
    let text = vm.str_bytes_buf(s, &mut buf);
    let n = match parse_hex(text, None) {
        Ok(n) => n,
        Err(pos) => {
            let pos = pystr::count_chars(&text[..pos.min(text.len())]);
            return Err(vm.raise_fmt(
                TypeId::ValueError,
                format_args!("non-hexadecimal number found in fromhex() arg at position {pos}"),
            ));
        }
    };
    let r = new_result(vm, is_ba, n)?;
    let s = vm.slot(args.base);
    with_regions(vm, [s, Value::NULL, Value::NULL], r, |src, d| {
        let _ = parse_hex(src[0], Some(d));
    });
    Ok(r)
}

fn fromhex_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex_impl(vm, args, false)
}

fn fromhex_bytearray(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fromhex_impl(vm, args, true)
}

/// `bytes.maketrans(from, to)` (static).
fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, args, "maketrans")?;
    let args = if args.npos() == 3 { args.skip1() } else { args };
    vm.check_args(args, "maketrans", 2, 2)?;
    let a = vm.slot(args.base);
    let a = bytes_arg(vm, a)?;
    let b = vm.slot(args.base + 1);
    let b = bytes_arg(vm, b)?;
    if vm.bytes_like_data(a).len() != vm.bytes_like_data(b).len() {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "maketrans arguments must have same length",
        ));
    }
    let r = vm.alloc_bytes(256)?;
    let a = vm.unwrap_base(vm.slot(args.base));
    let b = vm.unwrap_base(vm.slot(args.base + 1));
    with_regions(vm, [a, b, Value::NULL], r, |s, d| {
        for (i, o) in d.iter_mut().enumerate() {
            *o = i as u8;
        }
        for (&x, &y) in s[0].iter().zip(s[1]) {
            d[x as usize] = y;
        }
    });
    Ok(r)
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_kwargs(args, "translate", &["delete"])?;
    npos(vm, args, "translate", 1, 2)?;
    let t = vm.slot(args.base + 1);
    let table = if t.is_none() {
        Value::NULL
    } else {
        let t = bytes_arg(vm, t)?;
        if vm.bytes_like_data(t).len() != 256 {
            return Err(vm.raise_msg(
                TypeId::ValueError,
                "translation table must be 256 characters long",
            ));
        }
        t
    };
    let del_slot = arg_slot(vm, args, 2, "delete");
    let del = match del_slot {
        None => Value::NULL,
        Some(s) => {
            let d = vm.slot(s);
            bytes_arg(vm, d)?
        }
    };
    let h = vm.bytes_like_data(this(vm, args));
    let dl: &[u8] = if del.is_null() {
        &[]
    } else {
        vm.bytes_like_data(del)
    };
    let n = h.iter().filter(|c| !dl.contains(c)).count();
    let r = new_result(vm, self_is_ba(vm, args), n)?;
    let table = if table.is_null() {
        Value::NULL
    } else {
        vm.unwrap_base(vm.slot(args.base + 1))
    };
    let del = match del_slot {
        None => Value::NULL,
        Some(s) => vm.unwrap_base(vm.slot(s)),
    };
    let me = this(vm, args);
    with_regions(vm, [me, table, del], r, |s, d| {
        let mut at = 0;
        for &c in s[0] {
            if s[2].contains(&c) {
                continue;
            }
            d[at] = if s[1].is_empty() { c } else { s[1][c as usize] };
            at += 1;
        }
    });
    Ok(r)
}

// ---- bytearray mutation ----------------------------------------------------------

/// The bytearray `self` of a mutating method.
fn ba_self(vm: &Vm, args: Args) -> Value {
    this(vm, args)
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "append", 1, 1)?;
    let x = vm.slot(args.base + 1);
    let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
    let me = ba_self(vm, args);
    let n = vm.bytes_like_data(me).len();
    vm.bytearray_resize(me, n + 1)?;
    let me = ba_self(vm, args);
    vm.bytearray_data_mut(me)[n] = b;
    Ok(Value::NONE)
}

/// `ba.extend(iterable)` and `ba += bytes_like`: appends the bytes of
/// `iterable` (a bytes-like object or an iterable of ints) to bytearray `b`.
pub fn bytearray_extend(vm: &mut Vm, b: Value, iterable: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(b)?;
    vm.push(iterable)?;
    let r = extend_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn extend_rooted(vm: &mut Vm, base: usize) -> PyResult<()> {
    let src = vm.unwrap_base(vm.slot(base + 1));
    if !vm.is_bytes_like(src) {
        let tmp = from_iterable(vm, src, true, IterCtx::Extend)?;
        vm.set_slot(base + 1, tmp);
    }
    let b = vm.unwrap_base(vm.slot(base));
    let src = vm.unwrap_base(vm.slot(base + 1));
    let n = vm.bytes_like_data(b).len();
    let m = vm.bytes_like_data(src).len();
    let same = src == b;
    vm.bytearray_resize(b, n + m)?;
    let b = vm.unwrap_base(vm.slot(base));
    if same {
        vm.bytearray_data_mut(b).copy_within(0..m, n);
        return Ok(());
    }
    let src = vm.unwrap_base(vm.slot(base + 1));
    with_regions(vm, [src, Value::NULL, Value::NULL], b, |s, d| {
        d[n..n + m].copy_from_slice(s[0])
    });
    Ok(())
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "extend", 1, 1)?;
    let (b, x) = (ba_self(vm, args), vm.slot(args.base + 1));
    bytearray_extend(vm, b, x)?;
    Ok(Value::NONE)
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "insert", 2, 2)?;
    let i = vm.slot(args.base + 1);
    let i = vm.index_value(i)?;
    let x = vm.slot(args.base + 2);
    let x = byte_value(vm, x, "byte must be in range(0, 256)")?;
    let me = ba_self(vm, args);
    let n = vm.bytes_like_data(me).len();
    let at = if i < 0 {
        (i + n as i64).max(0) as usize
    } else {
        (i as usize).min(n)
    };
    vm.bytearray_resize(me, n + 1)?;
    let me = ba_self(vm, args);
    let d = vm.bytearray_data_mut(me);
    d.copy_within(at..n, at + 1);
    d[at] = x;
    Ok(Value::NONE)
}

/// Removes byte `i` (< len) of bytearray `b`.
fn remove_at(vm: &mut Vm, b: Value, i: usize) -> PyResult<()> {
    let n = vm.bytes_like_data(b).len();
    vm.bytearray_data_mut(b).copy_within(i + 1..n, i);
    vm.bytearray_resize(b, n - 1)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "pop", 0, 1)?;
    let i = match args.npos() {
        2 => {
            let v = vm.slot(args.base + 1);
            vm.index_value(v)?
        }
        _ => -1,
    };
    let me = ba_self(vm, args);
    let n = vm.bytes_like_data(me).len();
    if n == 0 {
        return Err(vm.raise_msg(TypeId::IndexError, "pop from empty bytearray"));
    }
    let Some(i) = Vm::norm_index(i, n) else {
        return Err(vm.raise_msg(TypeId::IndexError, "pop index out of range"));
    };
    let x = vm.bytes_like_data(me)[i];
    remove_at(vm, me, i)?;
    Ok(Value::int(x as i32))
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "remove", 1, 1)?;
    let x = vm.slot(args.base + 1);
    let x = byte_value(vm, x, "byte must be in range(0, 256)")?;
    let me = ba_self(vm, args);
    let Some(i) = vm.bytes_like_data(me).iter().position(|&c| c == x) else {
        return Err(vm.raise_msg(TypeId::ValueError, "value not found in bytearray"));
    };
    remove_at(vm, me, i)?;
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "clear", 0, 0)?;
    let me = ba_self(vm, args);
    vm.bytearray_resize(me, 0)?;
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "copy", 0, 0)?;
    let n = vm.bytes_like_data(ba_self(vm, args)).len();
    copy_range(vm, args.base, true, 0, n)
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    npos(vm, args, "reverse", 0, 0)?;
    let me = ba_self(vm, args);
    vm.bytearray_data_mut(me).reverse();
    Ok(Value::NONE)
}

/// `b[slice] = value` for a bytearray `b` (value: bytes-like or an iterable
/// of ints in range(0, 256)).
pub fn bytearray_set_slice(vm: &mut Vm, b: Value, slice: Value, value: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(b)?;
    vm.push(slice)?;
    vm.push(value)?;
    let r = set_slice_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn set_slice_rooted(vm: &mut Vm, base: usize) -> PyResult<()> {
    let b = vm.unwrap_base(vm.slot(base));
    let v = vm.unwrap_base(vm.slot(base + 2));
    if vm.is_str(v) || vm.is_int(v) || vm.heap.kind(v) == kind::BIGINT {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    if !vm.is_bytes_like(v) || v == b {
        let tmp = from_iterable(vm, v, false, IterCtx::Assign)?;
        vm.set_slot(base + 2, tmp);
    }
    let b = vm.unwrap_base(vm.slot(base));
    let len = vm.bytes_like_data(b).len();
    let s = vm.slot(base + 1);
    let (start, stop, step, n) = vm.slice_indices(s, len)?;
    let v = vm.unwrap_base(vm.slot(base + 2));
    let m = vm.bytes_like_data(v).len();
    if step != 1 {
        if m != n {
            return Err(vm.raise_fmt(
                TypeId::ValueError,
                format_args!("attempt to assign bytes of size {m} to extended slice of size {n}"),
            ));
        }
        let b = vm.unwrap_base(vm.slot(base));
        with_regions(vm, [v, Value::NULL, Value::NULL], b, |s, d| {
            for (j, &x) in s[0].iter().enumerate() {
                d[(start + j as i64 * step) as usize] = x;
            }
        });
        return Ok(());
    }
    let start = start as usize;
    let stop = (stop.max(start as i64)) as usize;
    let removed = stop - start;
    let new_len = len - removed + m;
    if m > removed {
        let b = vm.unwrap_base(vm.slot(base));
        vm.bytearray_resize(b, new_len)?;
        let b = vm.unwrap_base(vm.slot(base));
        vm.bytearray_data_mut(b).copy_within(stop..len, start + m);
    }
    let b = vm.unwrap_base(vm.slot(base));
    let v = vm.unwrap_base(vm.slot(base + 2));
    with_regions(vm, [v, Value::NULL, Value::NULL], b, |s, d| {
        d[start..start + m].copy_from_slice(s[0])
    });
    if m < removed {
        vm.bytearray_data_mut(b).copy_within(stop..len, start + m);
        vm.bytearray_resize(b, new_len)?;
    }
    Ok(())
}

/// `del b[k]` for a bytearray `b` (k: an int or a slice).
pub fn bytearray_delitem(vm: &mut Vm, b: Value, k: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(b)?;
    vm.push(k)?;
    let r = delitem_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn delitem_rooted(vm: &mut Vm, base: usize) -> PyResult<()> {
    let b = vm.unwrap_base(vm.slot(base));
    let k = vm.slot(base + 1);
    let len = vm.bytes_like_data(b).len();
    if vm.heap.kind(k) == kind::SLICE {
        let (start, _, step, n) = vm.slice_indices(k, len)?;
        if n == 0 {
            return Ok(());
        }
        // Walk the deleted indices upwards, compacting the kept bytes.
        let (first, step) = if step < 0 {
            (start + (n as i64 - 1) * step, -step)
        } else {
            (start, step)
        };
        let (first, step) = (first as usize, step as usize);
        let b = vm.unwrap_base(vm.slot(base));
        let d = vm.bytearray_data_mut(b);
        let mut w = first;
        for r in first..len {
            let deleted = (r - first) % step == 0 && (r - first) / step < n;
            if !deleted {
                d[w] = d[r];
                w += 1;
            }
        }
        return vm.bytearray_resize(b, len - n);
    }
    let i = match vm.int_to_i64(k) {
        Some(i) => i,
        None => vm.index_value(k)?,
    };
    let b = vm.unwrap_base(vm.slot(base));
    let Some(i) = Vm::norm_index(i, len) else {
        return Err(vm.raise_msg(TypeId::IndexError, "bytearray index out of range"));
    };
    remove_at(vm, b, i)
}

// ---- %-formatting ------------------------------------------------------------------

/// `fmt % args` for bytes/bytearray `fmt`: formats through the str
/// implementation (bytes are decoded as latin-1 first, and so are bytes
/// arguments, so `%s` of bytes inserts them as they are), then encodes
/// the result as latin-1. Returns bytes (a bytearray when `fmt` is one).
pub fn bytes_percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(fmt)?;
    vm.push(args)?;
    let r = percent_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn percent_rooted(vm: &mut Vm, base: usize) -> PyResult<Value> {
    let fmt = vm.unwrap_base(vm.slot(base));
    let is_ba = vm.heap.kind(fmt) == kind::BYTEARRAY;
    let f = decode_slot(vm, base, Enc::Latin1, Errs::Strict, None)?;
    vm.set_slot(base, f);
    let a = vm.slot(base + 1);
    if vm.heap.kind(a) == kind::TUPLE {
        let n = vm.tuple_len(a);
        let t = vm.new_tuple(n)?;
        vm.push(t)?;
        for i in 0..n {
            let a = vm.slot(base + 1);
            let x = vm.tuple_get(a, i);
            let x = if vm.is_bytes_like(vm.unwrap_base(x)) {
                vm.push(x)?;
                let s = vm.sp() - 1;
                let r = decode_slot(vm, s, Enc::Latin1, Errs::Strict, None);
                vm.pop();
                r?
            } else {
                x
            };
            let t = vm.slot(base + 2);
            vm.heap.set(t, i, x);
        }
        let t = vm.pop();
        vm.set_slot(base + 1, t);
    } else if vm.is_bytes_like(vm.unwrap_base(a)) {
        let s = decode_slot(vm, base + 1, Enc::Latin1, Errs::Strict, None)?;
        vm.set_slot(base + 1, s);
    }
    let (f, a) = (vm.slot(base), vm.slot(base + 1));
    let s = crate::format::percent_format(vm, f, a)?;
    vm.set_slot(base, s);
    vm.set_slot(base + 1, Value::NONE);
    encode_slot(vm, base, Enc::Latin1, Errs::Strict, is_ba)
}
