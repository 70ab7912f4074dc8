//! `format(v, spec)`, `str.format` / `str.format_map`, `str % args`, and
//! `ascii()`.
//!
//! Numbers are formatted by the allocation-free routines of `fzpy-num`,
//! streamed straight into a [`StrBuilder`]; text of heap strs is copied in
//! chunks through small stack buffers (it moves at every allocation).

use crate::heap::kind;
use crate::native::Args;
use crate::objects::str::count_chars;
use crate::repr::StrBuilder;
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Raised, Vm};
use alloc::vec::Vec;
use core::fmt::Write;
use fzpy_num::format_spec::{Align, FormatSpec, Grouping, SignOpt, SpecError};
use fzpy_num::{CountSink, Sink};

/// A sink collecting bytes.
// ALLOC: a Rust vector proportional to the output (kept for `int_to_str`).
pub struct VecSink(pub Vec<u8>);

impl Sink for VecSink {
    fn put(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

/// A sink appending to a [`StrBuilder`]; remembers a failed allocation.
struct BSink<'a> {
    vm: &'a mut Vm,
    b: &'a mut StrBuilder,
    failed: bool,
    upper: bool,
}

impl<'a> BSink<'a> {
    fn new(vm: &'a mut Vm, b: &'a mut StrBuilder) -> Self {
        BSink {
            vm,
            b,
            failed: false,
            upper: false,
        }
    }

    fn done(self) -> PyResult<()> {
        if self.failed {
            Err(Raised)
        } else {
            Ok(())
        }
    }
}

impl Sink for BSink<'_> {
    fn put(&mut self, bytes: &[u8]) {
        if self.failed {
            return;
        }
        let mut tmp = [0u8; 64];
        let mut rest = bytes;
        while !rest.is_empty() {
            let mut n = rest.len().min(64);
            while n < rest.len() && n > 0 && rest[n] & 0xc0 == 0x80 {
                n -= 1;
            }
            tmp[..n].copy_from_slice(&rest[..n]);
            if self.upper {
                tmp[..n].make_ascii_uppercase();
            }
            let s = core::str::from_utf8(&tmp[..n]).unwrap_or("");
            if self.vm.builder_push(self.b, s).is_err() {
                self.failed = true;
                return;
            }
            rest = &rest[n..];
        }
    }

    fn full(&self) -> bool {
        self.failed
    }
}

/// A sink writing into a message buffer.
struct MsgSink<'a>(&'a mut Msg);

impl Sink for MsgSink<'_> {
    fn put(&mut self, bytes: &[u8]) {
        let _ = self.0.write_str(core::str::from_utf8(bytes).unwrap_or(""));
    }
}

/// Appends bytes `bs..be` of the str in stack slot `slot` (valid char
/// boundaries) to `b`.
pub(crate) fn push_range(
    vm: &mut Vm,
    b: &mut StrBuilder,
    slot: usize,
    bs: usize,
    be: usize,
) -> PyResult<()> {
    let mut i = bs;
    while i < be {
        let mut tmp = [0u8; 128];
        let n = {
            let mut cb = [0; 4];
            let src = vm.str_bytes_buf(vm.unwrap_base(vm.slot(slot)), &mut cb);
            let mut n = (be - i).min(tmp.len());
            while n < be - i && n > 0 && src[i + n] & 0xc0 == 0x80 {
                n -= 1;
            }
            tmp[..n].copy_from_slice(&src[i..i + n]);
            n
        };
        vm.builder_push(b, core::str::from_utf8(&tmp[..n]).unwrap_or(""))?;
        i += n;
    }
    Ok(())
}

/// Pushes `a` then `b` on the stack; `b` stays valid when the first push
/// grows the stack (which may collect).
pub(crate) fn push_pair(vm: &mut Vm, a: Value, b: Value) -> PyResult<()> {
    const TMP: usize = crate::heap::root::TMP0 + 7;
    vm.heap.set_root(TMP, b);
    let r = vm.push(a);
    let b = vm.heap.root(TMP);
    vm.heap.set_root(TMP, Value::NULL);
    r?;
    vm.push(b)
}

/// Appends `n` copies of `c`.
fn push_fill(vm: &mut Vm, b: &mut StrBuilder, c: char, n: usize) -> PyResult<()> {
    let mut tmp = [0u8; 64];
    let w = c.len_utf8();
    let per = 64 / w;
    let mut k = 0;
    while k < per.min(n) {
        c.encode_utf8(&mut tmp[k * w..]);
        k += 1;
    }
    let mut left = n;
    while left > 0 {
        let m = left.min(per);
        vm.builder_push(b, core::str::from_utf8(&tmp[..m * w]).unwrap_or(""))?;
        left -= m;
    }
    Ok(())
}

/// Raises the error of a rejected spec (`spec` a str, `v` the value).
fn spec_error(vm: &mut Vm, e: SpecError, spec: Value, v: Value) -> Raised {
    if e == SpecError::Buffer {
        return vm.raise_memory_error();
    }
    let mut m = Msg::new();
    {
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let st = vm.str_text(spec, &mut b1);
        let tn = vm.type_name(v, &mut b2);
        e.write_message(st, tn, &mut MsgSink(&mut m));
    }
    let t = if e.is_overflow() {
        TypeId::OverflowError
    } else {
        TypeId::ValueError
    };
    vm.raise_msg(t, m.as_str())
}

/// An int's sign and magnitude copied out of the heap.
struct Mag {
    neg: bool,
    local: [u32; fzpy_num::bigint::FROM_F64_LIMBS],
    len: usize,
    // ALLOC: limbs of a big int (proportional to its size), copied out of
    // the moving heap while the digits stream into it.
    big: Vec<u32>,
}

impl Mag {
    fn of_int(vm: &Vm, v: Value) -> Mag {
        let mut m = Mag {
            neg: false,
            local: [0; fzpy_num::bigint::FROM_F64_LIMBS],
            len: 2,
            big: Vec::new(),
        };
        if let Some(i) = vm.int_to_i64(v) {
            let a = i.unsigned_abs();
            m.neg = i < 0;
            m.local[0] = a as u32;
            m.local[1] = (a >> 32) as u32;
        } else {
            let (neg, l) = vm.bigint_parts(v);
            m.neg = neg;
            m.big.extend_from_slice(l);
        }
        m
    }

    /// The integer part of a finite float.
    fn of_float(f: f64) -> Mag {
        let mut m = Mag {
            neg: false,
            local: [0; fzpy_num::bigint::FROM_F64_LIMBS],
            len: 0,
            big: Vec::new(),
        };
        if let Ok((neg, n)) = fzpy_num::bigint::from_f64(f, &mut m.local) {
            m.neg = neg;
            m.len = n;
        }
        m
    }

    fn mag(&self) -> &[u32] {
        if self.big.is_empty() {
            &self.local[..self.len]
        } else {
            &self.big
        }
    }

    fn is_zero(&self) -> bool {
        self.mag().iter().all(|&x| x == 0)
    }
}

/// Runs `f` with a scratch slice of `n` limbs (on the stack when small).
fn with_scratch<R>(n: usize, f: impl FnOnce(&mut [u32]) -> R) -> R {
    let mut local = [0u32; 80];
    if n <= local.len() {
        return f(&mut local[..n]);
    }
    // ALLOC: scratch for the digits of a big int.
    let mut v = alloc::vec![0u32; n];
    f(&mut v)
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let Some(spec) = Some(vm.unwrap_base(spec)).filter(|&s| vm.is_str(s)) else {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "format() argument 2 must be str, not {}",
            vm.type_name(spec, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    if vm.user_special(v, "__format__").is_none() && spec == Value::EMPTY_STR {
        return vm.str(v);
    }
    let base = vm.sp();
    push_pair(vm, v, spec)?;
    let r = (|| {
        let v = vm.slot(base);
        if let Some(m) = vm.user_special(v, "__format__") {
            let spec = vm.slot(base + 1);
            let r = vm.call(m, &[v, spec])?;
            return check_format_result(vm, r);
        }
        let mut b = vm.builder(16)?;
        match write_format(vm, &mut b, base, base + 1) {
            Ok(()) => vm.builder_finish(b),
            Err(e) => {
                vm.builder_drop(b);
                Err(e)
            }
        }
    })();
    vm.heap.truncate(base);
    r
}

fn check_format_result(vm: &mut Vm, r: Value) -> PyResult<Value> {
    if vm.is_str(vm.unwrap_base(r)) {
        return Ok(r);
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "__format__ must return a str, not {}",
        vm.type_name(r, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// Writes `format(v, spec)` into `b`: the value in stack slot `vs`, the
/// spec (a str) in slot `ss`.
pub(crate) fn write_format(vm: &mut Vm, b: &mut StrBuilder, vs: usize, ss: usize) -> PyResult<()> {
    let v = vm.slot(vs);
    if let Some(m) = vm.user_special(v, "__format__") {
        let spec = vm.slot(ss);
        let r = vm.call(m, &[v, spec])?;
        let r = check_format_result(vm, r)?;
        return vm.builder_push_str(b, vm.unwrap_base(r));
    }
    let spec = vm.unwrap_base(vm.slot(ss));
    if spec == Value::EMPTY_STR {
        return vm.write_str(b, v);
    }
    let u = vm.unwrap_base(v);
    let (is_s, is_f, is_i) = (vm.is_str(u), vm.is_float(u), vm.is_int(u));
    if !is_s && !is_f && !is_i {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "unsupported format string passed to {}.__format__",
            vm.type_name(v, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let parsed = {
        let mut cb = [0; 4];
        FormatSpec::parse(vm.str_text(spec, &mut cb))
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => return Err(spec_error(vm, e, spec, v)),
    };
    let r = if is_s {
        // Validate with the library, then pad the heap text directly.
        if let Err(e) = fzpy_num::format_spec::format_str(&parsed, "", &mut CountSink::default()) {
            return Err(spec_error(vm, e, spec, v));
        }
        return write_padded_str(vm, b, vs, &parsed);
    } else if is_f {
        let f = vm.float_value(u);
        let mut sink = BSink::new(vm, b);
        let r = fzpy_num::format_spec::format_float(&parsed, f, &mut sink);
        sink.done()?;
        r
    } else {
        let m = Mag::of_int(vm, u);
        let mut sink = BSink::new(vm, b);
        let r = with_scratch(
            fzpy_num::format_spec::format_int_scratch_len(m.mag().len()),
            |scratch| {
                fzpy_num::format_spec::format_int(
                    &parsed,
                    fzpy_num::bigint::Signed {
                        neg: m.neg,
                        mag: m.mag(),
                    },
                    scratch,
                    &mut sink,
                )
            },
        );
        sink.done()?;
        r
    };
    match r {
        Ok(()) => Ok(()),
        Err(e) => {
            let (spec, v) = (vm.slot(ss), vm.slot(vs));
            Err(spec_error(vm, e, spec, v))
        }
    }
}

/// A str (in slot `vs`, possibly a str-subclass instance) padded and
/// truncated as a validated spec says.
fn write_padded_str(vm: &mut Vm, b: &mut StrBuilder, vs: usize, spec: &FormatSpec) -> PyResult<()> {
    let s = vm.unwrap_base(vm.slot(vs));
    let len = vm.str_len(s);
    let take = spec.precision.map_or(len, |p| p.min(len));
    let end = char_offset_any(vm, s, take);
    let pad = spec.width.unwrap_or(0).saturating_sub(take);
    let (l, r) = match spec.align_or(Align::Left) {
        Align::Left | Align::AfterSign => (0, pad),
        Align::Right => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    let fill = spec.fill_char();
    push_fill(vm, b, fill, l)?;
    push_range(vm, b, vs, 0, end)?;
    push_fill(vm, b, fill, r)
}

/// The byte offset of code point `i` of any str (immediates included).
fn char_offset_any(vm: &Vm, v: Value, i: usize) -> usize {
    if v.is_heap() {
        return vm.str_char_offset(v, i);
    }
    if i == 0 {
        0
    } else {
        vm.str_byte_len(v)
    }
}

/// `ascii(s)` of an already repr'd str: non-ASCII as escapes.
pub fn ascii_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let mut cb = [0; 4];
    if vm.str_bytes_buf(s, &mut cb).is_ascii() {
        return Ok(s);
    }
    let base = vm.sp();
    vm.push(s)?;
    let r = (|| {
        let n = vm.str_byte_len(vm.slot(base));
        let mut b = vm.builder(n + 8)?;
        let r = (|| {
            let mut i = 0;
            while i < n {
                let (j, c) = {
                    let mut cb = [0; 4];
                    let t = vm.str_bytes_buf(vm.slot(base), &mut cb);
                    let j = t[i..].iter().position(|&x| x >= 0x80).map_or(n, |p| i + p);
                    (
                        j,
                        (j < n).then(|| crate::objects::str_methods::decode_at(t, j)),
                    )
                };
                push_range(vm, &mut b, base, i, j)?;
                let Some((c, w)) = c else { break };
                let mut m = Msg::new();
                let x = c as u32;
                let _ = if x <= 0xff {
                    write!(m, "\\x{x:02x}")
                } else if x <= 0xffff {
                    write!(m, "\\u{x:04x}")
                } else {
                    write!(m, "\\U{x:08x}")
                };
                vm.builder_push(&mut b, m.as_str())?;
                i = j + w;
            }
            Ok(())
        })();
        match r {
            Ok(()) => vm.builder_finish(b),
            Err(e) => {
                vm.builder_drop(b);
                Err(e)
            }
        }
    })();
    vm.heap.truncate(base);
    r
}

// ---- str.format ---------------------------------------------------------------

/// State of one `str.format` call.
struct Ctx {
    /// The method's arguments: the format str first, then the positional
    /// fields; keyword fields by name.
    args: Args,
    /// `format_map`: the stack slot of the mapping.
    map: Option<usize>,
    /// 0: no field numbered yet, 1: automatic, 2: manual.
    numbering: u8,
    next: usize,
}

impl Ctx {
    fn fmt(&self, vm: &Vm) -> Value {
        vm.unwrap_base(vm.slot(self.args.base))
    }
}

/// Byte `i` of the format string.
fn fbyte(vm: &Vm, ctx: &Ctx, i: usize) -> u8 {
    let mut cb = [0; 4];
    vm.str_bytes_buf(ctx.fmt(vm), &mut cb)[i]
}

/// `str.format(*args, **kwargs)` (`map` None) and `str.format_map(map)`:
/// `args` are the method's arguments, the format string first.
pub fn str_format(vm: &mut Vm, args: Args, map: Option<usize>) -> PyResult<Value> {
    let mut ctx = Ctx {
        args,
        map,
        numbering: 0,
        next: 0,
    };
    let n = vm.str_byte_len(ctx.fmt(vm));
    build_string(vm, &mut ctx, 0, n, 2)
}

fn build_string(vm: &mut Vm, ctx: &mut Ctx, bs: usize, be: usize, depth: i32) -> PyResult<Value> {
    if depth <= 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "Max string recursion exceeded"));
    }
    let mut b = vm.builder(be - bs + 8)?;
    match render(vm, ctx, &mut b, bs, be, depth) {
        Ok(()) => vm.builder_finish(b),
        Err(e) => {
            vm.builder_drop(b);
            Err(e)
        }
    }
}

fn value_error(vm: &mut Vm, msg: &str) -> Raised {
    vm.raise_msg(TypeId::ValueError, msg)
}

/// CPython's MarkupIterator over bytes `bs..be` of the format string.
fn render(
    vm: &mut Vm,
    ctx: &mut Ctx,
    b: &mut StrBuilder,
    bs: usize,
    be: usize,
    depth: i32,
) -> PyResult<()> {
    let slot = ctx.args.base;
    let mut i = bs;
    while i < be {
        // Literal text up to a brace.
        let start = i;
        let mut c = 0u8;
        let mut markup = false;
        {
            let mut cb = [0; 4];
            let t = vm.str_bytes_buf(ctx.fmt(vm), &mut cb);
            while i < be {
                c = t[i];
                i += 1;
                if c == b'{' || c == b'}' {
                    markup = true;
                    break;
                }
            }
        }
        let at_end = i >= be;
        let mut len = i - start;
        if markup && c == b'}' && (at_end || fbyte(vm, ctx, i) != b'}') {
            return Err(value_error(vm, "Single '}' encountered in format string"));
        }
        if markup && at_end && c == b'{' {
            return Err(value_error(vm, "Single '{' encountered in format string"));
        }
        if markup {
            if fbyte(vm, ctx, i) == c {
                i += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        push_range(vm, b, slot, start, start + len)?;
        if !markup {
            continue;
        }
        i = field(vm, ctx, b, i, be, depth)?;
    }
    Ok(())
}

/// Parses and renders the replacement field starting after its `{` at
/// byte `i`; returns the offset after its `}`.
fn field(
    vm: &mut Vm,
    ctx: &mut Ctx,
    b: &mut StrBuilder,
    mut i: usize,
    be: usize,
    depth: i32,
) -> PyResult<usize> {
    // Field name: up to '}', ':' or '!' (brackets may hold anything).
    let fs = i;
    let mut c = 0u8;
    let mut stopped = false;
    while i < be {
        c = fbyte(vm, ctx, i);
        i += 1;
        match c {
            b'{' => return Err(value_error(vm, "unexpected '{' in field name")),
            b'[' => {
                while i < be && fbyte(vm, ctx, i) != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => {
                stopped = true;
                break;
            }
            _ => {}
        }
    }
    let fe = if stopped { i - 1 } else { i };
    let mut conv: Option<char> = None;
    let (mut ss, mut se, mut expand) = (i, i, false);
    if stopped && (c == b'!' || c == b':') {
        if c == b'!' {
            if i >= be {
                return Err(value_error(
                    vm,
                    "end of string while looking for conversion specifier",
                ));
            }
            let (cc, w) = {
                let mut cb = [0; 4];
                crate::objects::str_methods::decode_at(vm.str_bytes_buf(ctx.fmt(vm), &mut cb), i)
            };
            conv = Some(cc);
            i += w;
            if i < be {
                let c2 = fbyte(vm, ctx, i);
                i += 1;
                if c2 == b'}' {
                    return finish_field(vm, ctx, b, (fs, fe), conv, None, depth).map(|_| i);
                }
                if c2 != b':' {
                    return Err(value_error(vm, "expected ':' after conversion specifier"));
                }
            }
        }
        ss = i;
        let mut count = 1;
        let mut closed = false;
        while i < be {
            let c = fbyte(vm, ctx, i);
            i += 1;
            if c == b'{' {
                expand = true;
                count += 1;
            } else if c == b'}' {
                count -= 1;
                if count == 0 {
                    se = i - 1;
                    closed = true;
                    break;
                }
            }
        }
        if !closed {
            return Err(value_error(vm, "unmatched '{' in format spec"));
        }
    } else if !(stopped && c == b'}') {
        return Err(value_error(vm, "expected '}' before end of string"));
    }
    finish_field(vm, ctx, b, (fs, fe), conv, Some((ss, se, expand)), depth).map(|_| i)
}

/// Looks up, converts and formats one field into `b`.
fn finish_field(
    vm: &mut Vm,
    ctx: &mut Ctx,
    b: &mut StrBuilder,
    (fs, fe): (usize, usize),
    conv: Option<char>,
    spec: Option<(usize, usize, bool)>,
    depth: i32,
) -> PyResult<()> {
    let base = vm.sp();
    let r = (|| {
        get_field(vm, ctx, fs, fe)?; // pushes the object at `base`
        if let Some(cv) = conv {
            let o = vm.slot(base);
            let r = match cv {
                'r' => vm.repr(o)?,
                's' => vm.str(o)?,
                'a' => {
                    let r = vm.repr(o)?;
                    ascii_of(vm, r)?
                }
                c => {
                    let x = c as u32;
                    return Err(if x > 32 && x < 127 {
                        vm.raise_fmt(
                            TypeId::ValueError,
                            format_args!("Unknown conversion specifier {c}"),
                        )
                    } else {
                        vm.raise_fmt(
                            TypeId::ValueError,
                            format_args!("Unknown conversion specifier \\x{x:x}"),
                        )
                    });
                }
            };
            vm.set_slot(base, r);
        }
        let spec = match spec {
            None => Value::EMPTY_STR,
            Some((ss, se, true)) => build_string(vm, ctx, ss, se, depth - 1)?,
            Some((ss, se, false)) => {
                let f = ctx.fmt(vm);
                substr_any(vm, f, ss, se)?
            }
        };
        vm.push(spec)?;
        write_format(vm, b, base, base + 1)
    })();
    vm.heap.truncate(base);
    r
}

/// Substring by byte range of any str.
fn substr_any(vm: &mut Vm, s: Value, bs: usize, be: usize) -> PyResult<Value> {
    if bs >= be {
        return Ok(Value::EMPTY_STR);
    }
    if !s.is_heap() {
        return Ok(s);
    }
    let n = count_chars(&vm.str_bytes(s)[bs..be]);
    if n <= 1 {
        let mut cb = [0; 4];
        let c = crate::objects::str_methods::decode_at(vm.str_bytes_buf(s, &mut cb), bs).0;
        return Ok(Value::char(c));
    }
    vm.str_from_byte_range(s, bs, be, n)
}

/// Digits-only text as an index (None: not all digits; Err: too long).
fn parse_index(vm: &Vm, ctx: &Ctx, bs: usize, be: usize) -> Result<Option<usize>, ()> {
    if bs >= be {
        return Ok(None);
    }
    let mut cb = [0; 4];
    let t = &vm.str_bytes_buf(ctx.fmt(vm), &mut cb)[bs..be];
    if !t.iter().all(u8::is_ascii_digit) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &d in t {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add((d - b'0') as usize))
            .filter(|&n| n <= i64::MAX as usize)
            .ok_or(())?;
    }
    Ok(Some(n))
}

/// Resolves the field name `fs..fe` and pushes the object.
fn get_field(vm: &mut Vm, ctx: &mut Ctx, fs: usize, fe: usize) -> PyResult<()> {
    let mut p = fs;
    while p < fe && !matches!(fbyte(vm, ctx, p), b'.' | b'[') {
        p += 1;
    }
    let too_many = |vm: &mut Vm| value_error(vm, "Too many decimal digits in format string");
    let index = if p == fs {
        if ctx.numbering == 2 {
            return Err(value_error(
                vm,
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        ctx.numbering = 1;
        ctx.next += 1;
        Some(ctx.next - 1)
    } else {
        match parse_index(vm, ctx, fs, p) {
            Err(()) => return Err(too_many(vm)),
            Ok(Some(n)) => {
                if ctx.numbering == 1 {
                    return Err(value_error(
                        vm,
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                ctx.numbering = 2;
                Some(n)
            }
            Ok(None) => None,
        }
    };
    let obj = match index {
        Some(n) => {
            if ctx.map.is_some() {
                return Err(value_error(vm, "Format string contains positional fields"));
            }
            let npos = ctx.args.npos() - 1;
            if n >= npos {
                return Err(vm.raise_fmt(
                    TypeId::IndexError,
                    format_args!("Replacement index {n} out of range for positional args tuple"),
                ));
            }
            vm.slot(ctx.args.base + 1 + n)
        }
        None => match ctx.map {
            Some(ms) => {
                let f = ctx.fmt(vm);
                let key = substr_any(vm, f, fs, p)?;
                let m = vm.slot(ms);
                vm.getitem(m, key)?
            }
            None => {
                let a = ctx.args;
                let found = (0..a.nkw).find(|&k| {
                    let (mut b1, mut b2) = ([0; 4], [0; 4]);
                    let name = vm.kwname(a, k);
                    vm.str_bytes_buf(name, &mut b1)
                        == &vm.str_bytes_buf(ctx.fmt(vm), &mut b2)[fs..p]
                });
                match found {
                    Some(k) => vm.slot(a.base + a.npos() + k),
                    None => {
                        let f = ctx.fmt(vm);
                        let key = substr_any(vm, f, fs, p)?;
                        return Err(vm.raise_with_arg(TypeId::KeyError, key));
                    }
                }
            }
        },
    };
    vm.push(obj)?;
    let os = vm.sp() - 1;
    while p < fe {
        let c = fbyte(vm, ctx, p);
        p += 1;
        match c {
            b'.' => {
                let s = p;
                while p < fe && !matches!(fbyte(vm, ctx, p), b'.' | b'[') {
                    p += 1;
                }
                if s == p {
                    return Err(value_error(vm, "Empty attribute in format string"));
                }
                let f = ctx.fmt(vm);
                let name = substr_any(vm, f, s, p)?;
                let o = vm.slot(os);
                let r = vm.getattr(o, name)?;
                vm.set_slot(os, r);
            }
            b'[' => {
                let s = p;
                while p < fe && fbyte(vm, ctx, p) != b']' {
                    p += 1;
                }
                if p >= fe {
                    return Err(value_error(vm, "Missing ']' in format string"));
                }
                if s == p {
                    return Err(value_error(vm, "Empty attribute in format string"));
                }
                let key = match parse_index(vm, ctx, s, p) {
                    Ok(Some(n)) => vm.new_int(n as i64)?,
                    _ => {
                        let f = ctx.fmt(vm);
                        substr_any(vm, f, s, p)?
                    }
                };
                p += 1;
                let o = vm.slot(os);
                let r = vm.getitem(o, key)?;
                vm.set_slot(os, r);
            }
            _ => {
                return Err(value_error(
                    vm,
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok(())
}

// ---- printf-style formatting ----------------------------------------------------

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let base = vm.sp();
    push_pair(vm, vm.unwrap_base(fmt), args)?;
    vm.push(Value::NONE)?;
    let r = (|| {
        let n = vm.str_byte_len(vm.slot(base));
        let mut b = vm.builder(n + 16)?;
        match percent_rooted(vm, base, &mut b) {
            Ok(()) => vm.builder_finish(b),
            Err(e) => {
                vm.builder_drop(b);
                Err(e)
            }
        }
    })();
    vm.heap.truncate(base);
    r
}

/// Flags and sizes of one `%` conversion.
#[derive(Default, Clone, Copy)]
struct Conv {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// State of the argument cursor (CPython's argidx / arglen).
struct Cursor {
    idx: i64,
    len: i64,
}

fn next_arg(vm: &mut Vm, base: usize, cur: &mut Cursor) -> PyResult<Value> {
    if cur.idx < cur.len {
        cur.idx += 1;
        let args = vm.slot(base + 1);
        if cur.len < 0 {
            return Ok(args);
        }
        return Ok(vm.tuple_get(vm.unwrap_base(args), (cur.idx - 1) as usize));
    }
    Err(vm.raise_msg(TypeId::TypeError, "not enough arguments for format string"))
}

fn percent_rooted(vm: &mut Vm, base: usize, b: &mut StrBuilder) -> PyResult<()> {
    let vslot = base + 2;
    let args = vm.unwrap_base(vm.slot(base + 1));
    let is_tuple = vm.heap.kind(args) == kind::TUPLE;
    let is_map = !is_tuple
        && !vm.is_str(args)
        && (matches!(
            vm.heap.kind(args),
            kind::DICT | kind::LIST | kind::BYTES | kind::BYTEARRAY | kind::RANGE
        ) || vm.user_special(vm.slot(base + 1), "__getitem__").is_some());
    let mut cur = if is_tuple {
        Cursor {
            idx: 0,
            len: vm.tuple_len(args) as i64,
        }
    } else {
        Cursor { idx: -2, len: -1 }
    };
    let n = vm.str_byte_len(vm.slot(base));
    let byte = |vm: &Vm, i: usize| {
        let mut cb = [0; 4];
        vm.str_bytes_buf(vm.slot(base), &mut cb)[i]
    };
    let mut i = 0;
    while i < n {
        let j = {
            let mut cb = [0; 4];
            let t = vm.str_bytes_buf(vm.slot(base), &mut cb);
            t[i..].iter().position(|&c| c == b'%').map_or(n, |p| i + p)
        };
        push_range(vm, b, base, i, j)?;
        if j == n {
            break;
        }
        i = j + 1;
        if i >= n {
            return Err(vm.raise_msg(TypeId::ValueError, "incomplete format"));
        }
        if byte(vm, i) == b'%' {
            vm.builder_push(b, "%")?;
            i += 1;
            continue;
        }
        let mut keyed = false;
        if byte(vm, i) == b'(' {
            if !is_map {
                return Err(vm.raise_msg(TypeId::TypeError, "format requires a mapping"));
            }
            let mut depth = 1;
            let mut k = i + 1;
            while k < n {
                match byte(vm, k) {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
            if k >= n {
                return Err(vm.raise_msg(TypeId::ValueError, "incomplete format key"));
            }
            let f = vm.slot(base);
            let key = substr_any(vm, f, i + 1, k)?;
            let m = vm.slot(base + 1);
            let v = vm.getitem(m, key)?;
            vm.set_slot(vslot, v);
            keyed = true;
            cur = Cursor { idx: -1, len: -1 };
            i = k + 1;
        }
        let mut cv = Conv::default();
        while i < n {
            match byte(vm, i) {
                b'-' => cv.left = true,
                b'+' => cv.plus = true,
                b' ' => cv.space = true,
                b'#' => cv.alt = true,
                b'0' => cv.zero = true,
                _ => break,
            }
            i += 1;
        }
        let star = |vm: &mut Vm, cur: &mut Cursor| -> PyResult<i64> {
            let v = next_arg(vm, base, cur)?;
            match vm.int_to_i64(vm.unwrap_base(v)) {
                Some(w) => Ok(w),
                None => Err(vm.raise_msg(TypeId::TypeError, "* wants int")),
            }
        };
        let digits = |vm: &mut Vm, i: &mut usize, what: &str| -> PyResult<usize> {
            let mut v: usize = 0;
            while *i < n && byte(vm, *i).is_ascii_digit() {
                v = match v
                    .checked_mul(10)
                    .and_then(|v| v.checked_add((byte(vm, *i) - b'0') as usize))
                    .filter(|&v| v <= i32::MAX as usize)
                {
                    Some(v) => v,
                    None => {
                        return Err(vm.raise_fmt(TypeId::ValueError, format_args!("{what} too big")))
                    }
                };
                *i += 1;
            }
            Ok(v)
        };
        if i < n && byte(vm, i) == b'*' {
            let w = star(vm, &mut cur)?;
            if w < 0 {
                cv.left = true;
            }
            cv.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            cv.width = digits(vm, &mut i, "width")?;
        }
        if i < n && byte(vm, i) == b'.' {
            i += 1;
            if i < n && byte(vm, i) == b'*' {
                cv.prec = Some(star(vm, &mut cur)?.max(0) as usize);
                i += 1;
            } else {
                cv.prec = Some(digits(vm, &mut i, "precision")?);
            }
        }
        while i < n && matches!(byte(vm, i), b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.raise_msg(TypeId::ValueError, "incomplete format"));
        }
        let (conv, w) = {
            let mut cb = [0; 4];
            crate::objects::str_methods::decode_at(vm.str_bytes_buf(vm.slot(base), &mut cb), i)
        };
        let conv_at = i;
        i += w;
        if !keyed {
            let v = next_arg(vm, base, &mut cur)?;
            vm.set_slot(vslot, v);
        }
        if cv.left {
            cv.zero = false;
        }
        match conv {
            's' | 'r' | 'a' => {
                let v = vm.slot(vslot);
                let s = match conv {
                    's' => vm.str(v)?,
                    'r' => vm.repr(v)?,
                    _ => {
                        let r = vm.repr(v)?;
                        ascii_of(vm, r)?
                    }
                };
                vm.set_slot(vslot, s);
                let len = vm.str_len(s);
                let take = cv.prec.map_or(len, |p| p.min(len));
                let end = char_offset_any(vm, vm.unwrap_base(s), take);
                let pad = cv.width.saturating_sub(take);
                if !cv.left {
                    push_fill(vm, b, ' ', pad)?;
                }
                push_range(vm, b, vslot, 0, end)?;
                if cv.left {
                    push_fill(vm, b, ' ', pad)?;
                }
            }
            'c' => {
                let v = vm.unwrap_base(vm.slot(vslot));
                let c = if let Some(s) = Some(v).filter(|&s| vm.is_str(s) && vm.str_len(s) == 1) {
                    let mut cb = [0; 4];
                    vm.str_text(s, &mut cb).chars().next()
                } else if vm.is_int(v) {
                    match vm.int_to_i64(v).and_then(|x| u32::try_from(x).ok()) {
                        Some(x) if x < 0x11_0000 => Some(char::from_u32(x).unwrap_or('\u{fffd}')),
                        _ => {
                            return Err(vm
                                .raise_msg(TypeId::OverflowError, "%c arg not in range(0x110000)"))
                        }
                    }
                } else {
                    None
                };
                let Some(c) = c else {
                    return Err(vm.raise_msg(TypeId::TypeError, "%c requires int or char"));
                };
                let pad = cv.width.saturating_sub(1);
                if !cv.left {
                    push_fill(vm, b, ' ', pad)?;
                }
                vm.builder_push_char(b, c)?;
                if cv.left {
                    push_fill(vm, b, ' ', pad)?;
                }
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => percent_int(vm, b, vslot, conv, cv)?,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => percent_float(vm, b, vslot, conv, cv)?,
            c => {
                let x = c as u32;
                let shown = if (32..127).contains(&x) { c } else { '?' };
                let idx = {
                    let mut cb = [0; 4];
                    count_chars(&vm.str_bytes_buf(vm.slot(base), &mut cb)[..conv_at])
                };
                return Err(vm.raise_fmt(
                    TypeId::ValueError,
                    format_args!("unsupported format character '{shown}' (0x{x:x}) at index {idx}"),
                ));
            }
        }
    }
    if cur.idx < cur.len && !is_map {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "not all arguments converted during string formatting",
        ));
    }
    Ok(())
}

fn percent_type_error(vm: &mut Vm, conv: char, v: Value, integer: bool) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let what = if integer {
        "an integer is required"
    } else {
        "a real number is required"
    };
    let _ = write!(
        m,
        "%{conv} format: {what}, not {}",
        vm.type_name(v, &mut buf)
    );
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// `%d %i %u %x %X %o`.
fn percent_int(
    vm: &mut Vm,
    b: &mut StrBuilder,
    vslot: usize,
    conv: char,
    cv: Conv,
) -> PyResult<()> {
    let integer = matches!(conv, 'x' | 'X' | 'o');
    let mut v = vm.unwrap_base(vm.slot(vslot));
    if !vm.is_int(v) && !vm.is_float(v) {
        let hook = if integer {
            "__index__"
        } else if vm.user_special(v, "__int__").is_some() {
            "__int__"
        } else {
            "__index__"
        };
        match vm.user_special(v, hook) {
            Some(m) => {
                let r = vm.call(m, &[v])?;
                if !vm.is_int(vm.unwrap_base(r)) {
                    return Err(percent_type_error(vm, conv, r, integer));
                }
                vm.set_slot(vslot, r);
                v = vm.unwrap_base(r);
            }
            None => return Err(percent_type_error(vm, conv, v, integer)),
        }
    }
    let m = if vm.is_float(v) {
        if integer {
            return Err(percent_type_error(vm, conv, v, true));
        }
        let f = vm.float_value(v);
        if f.is_nan() {
            return Err(vm.raise_msg(TypeId::ValueError, "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "cannot convert float infinity to integer",
            ));
        }
        Mag::of_float(f)
    } else {
        Mag::of_int(vm, v)
    };
    let radix = match conv {
        'x' | 'X' => 16,
        'o' => 8,
        _ => 10,
    };
    let neg = m.neg && !m.is_zero();
    let ndigits = with_scratch(fzpy_num::bigint::to_radix_scratch_len(m.mag().len()), |s| {
        let mut c = CountSink::default();
        let _ = fzpy_num::bigint::to_radix(m.mag(), radix, s, &mut c);
        c.bytes
    });
    let sign = if neg {
        "-"
    } else if cv.plus {
        "+"
    } else if cv.space {
        " "
    } else {
        ""
    };
    let prefix = match (cv.alt, conv) {
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        (true, 'o') => "0o",
        _ => "",
    };
    let zeros = cv.prec.map_or(0, |p| p.saturating_sub(ndigits));
    let len = sign.len() + prefix.len() + zeros + ndigits;
    let pad = cv.width.saturating_sub(len);
    if !cv.left && !cv.zero {
        push_fill(vm, b, ' ', pad)?;
    }
    vm.builder_push(b, sign)?;
    vm.builder_push(b, prefix)?;
    push_fill(vm, b, '0', zeros + if cv.zero { pad } else { 0 })?;
    {
        let mut sink = BSink::new(vm, b);
        sink.upper = conv == 'X';
        with_scratch(fzpy_num::bigint::to_radix_scratch_len(m.mag().len()), |s| {
            let _ = fzpy_num::bigint::to_radix(m.mag(), radix, s, &mut sink);
        });
        sink.done()?;
    }
    if cv.left {
        push_fill(vm, b, ' ', pad)?;
    }
    Ok(())
}

/// `%e %E %f %F %g %G`.
fn percent_float(
    vm: &mut Vm,
    b: &mut StrBuilder,
    vslot: usize,
    conv: char,
    cv: Conv,
) -> PyResult<()> {
    let v = vm.unwrap_base(vm.slot(vslot));
    let f = match vm.as_f64(v)? {
        Some(f) => f,
        None => {
            let hook = vm
                .user_special(v, "__float__")
                .or_else(|| vm.user_special(v, "__index__"));
            let r = match hook {
                Some(m) => Some(vm.call(m, &[v])?),
                None => None,
            };
            match r.map(|r| vm.unwrap_base(r)) {
                Some(r) if vm.is_float(r) || vm.is_int(r) => vm.as_f64(r)?.unwrap_or(0.0),
                _ => {
                    let v = vm.slot(vslot);
                    let mut buf = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(m, "must be real number, not {}", vm.type_name(v, &mut buf));
                    return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                }
            }
        }
    };
    let spec = FormatSpec {
        fill: None,
        align: if cv.left { Some(Align::Left) } else { None },
        sign: if cv.plus {
            Some(SignOpt::Plus)
        } else if cv.space {
            Some(SignOpt::Space)
        } else {
            None
        },
        no_neg_0: false,
        alternate: cv.alt,
        zero: cv.zero,
        width: (cv.width > 0).then_some(cv.width),
        grouping: Grouping::None,
        precision: Some(cv.prec.unwrap_or(6)),
        ty: Some(conv),
    };
    let mut sink = BSink::new(vm, b);
    let r = fzpy_num::format_spec::format_float(&spec, f, &mut sink);
    sink.done()?;
    if let Err(e) = r {
        let mut m = Msg::new();
        e.write_message("", "float", &mut MsgSink(&mut m));
        let t = if e.is_overflow() {
            TypeId::OverflowError
        } else {
            TypeId::ValueError
        };
        return Err(vm.raise_msg(t, m.as_str()));
    }
    Ok(())
}
