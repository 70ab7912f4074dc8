//! The methods of str, the str constructor, the utf-8 / ascii / latin-1
//! codecs, and the Unicode character properties they need.
//!
//! Text lives in the heap and moves at every allocation, so the methods work
//! with byte offsets: they measure without allocating, allocate the result
//! once, then re-read their arguments from the stack and fill it in
//! ([`build`] runs a generator twice: counting, then writing).

use crate::heap::{kind, words_as_bytes_mut};
use crate::native::{def, Args, NativeDef};
use crate::objects::str::{count_chars, DATA};
use crate::types::TypeId;
use crate::unicode_case::{self as case, in_runs};
use crate::value::Value;
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;

/// Methods of str (searched linearly: the common ones first).
pub static METHODS: &[NativeDef] = &[
    def("join", join),
    def("split", split),
    def("strip", strip),
    def("format", format),
    def("startswith", startswith),
    def("endswith", endswith),
    def("replace", replace),
    def("find", find),
    def("lower", lower),
    def("upper", upper),
    def("rstrip", rstrip),
    def("lstrip", lstrip),
    def("rsplit", rsplit),
    def("splitlines", splitlines),
    def("index", index),
    def("rfind", rfind),
    def("rindex", rindex),
    def("count", count),
    def("encode", encode),
    def("isdigit", isdigit),
    def("isalpha", isalpha),
    def("isspace", isspace),
    def("isalnum", isalnum),
    def("isupper", isupper),
    def("islower", islower),
    def("partition", partition),
    def("rpartition", rpartition),
    def("center", center),
    def("ljust", ljust),
    def("rjust", rjust),
    def("zfill", zfill),
    def("capitalize", capitalize),
    def("title", title),
    def("swapcase", swapcase),
    def("casefold", casefold),
    def("removeprefix", removeprefix),
    def("removesuffix", removesuffix),
    def("expandtabs", expandtabs),
    def("isdecimal", isdecimal),
    def("isnumeric", isnumeric),
    def("istitle", istitle),
    def("isidentifier", isidentifier),
    def("isprintable", isprintable),
    def("isascii", isascii),
    def("format_map", format_map),
    def("maketrans", maketrans),
    def("translate", translate),
    def("__len__", dunder_len),
    def("__contains__", dunder_contains),
    def("__getitem__", dunder_getitem),
    def("__add__", dunder_add),
    def("__mul__", dunder_mul),
    def("__rmul__", dunder_rmul),
    def("__mod__", dunder_mod),
    def("__rmod__", dunder_rmod),
    def("__eq__", dunder_eq),
    def("__ne__", dunder_ne),
    def("__lt__", dunder_lt),
    def("__le__", dunder_le),
    def("__gt__", dunder_gt),
    def("__ge__", dunder_ge),
    def("__hash__", dunder_hash),
    def("__str__", dunder_str),
    def("__repr__", dunder_repr),
    def("__format__", dunder_format),
    def("__iter__", dunder_iter),
];

// ---- argument plumbing ------------------------------------------------------

/// How a method reports a wrong argument count (CPython is not uniform).
#[derive(Clone, Copy)]
enum Ar {
    /// `str.name() takes no arguments (n given)`
    Zero,
    /// `str.name() takes exactly one argument (n given)`
    One,
    /// `name() takes at least / at most ... (n given)`
    Call(u8, u8),
    /// `name expected at least / at most ..., got n`
    Expect(u8, u8),
    /// `expected n argument(s), got k` (slot wrappers)
    Wrap(u8),
}

/// Checks that `self` (argument 0) is a str.
fn check_self(vm: &mut Vm, args: Args, name: &str) -> PyResult<()> {
    if args.npos() == 0 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("unbound method str.{name}() needs an argument"),
        ));
    }
    let me = vm.slot(args.base);
    if !vm.is_str(vm.unwrap_base(me)) {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(me, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    Ok(())
}

/// Checks `self` and the argument counts of a str method; `kws` lists the
/// keyword names it takes (`None`: it takes none).
fn enter(vm: &mut Vm, args: Args, name: &str, ar: Ar, kws: Option<&[&str]>) -> PyResult<()> {
    check_self(vm, args, name)?;
    let mut m = Msg::new();
    match kws {
        Some(allowed) => {
            for k in 0..args.nkw {
                let n = vm.kwname(args, k);
                if !allowed.iter().any(|a| vm.str_is(n, a)) {
                    let mut buf = [0; 4];
                    let _ = write!(
                        m,
                        "'{}' is an invalid keyword argument for {name}()",
                        vm.str_text(n, &mut buf)
                    );
                    return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                }
            }
        }
        None if args.nkw > 0 => {
            let _ = match ar {
                Ar::Wrap(_) => write!(m, "wrapper {name}() takes no keyword arguments"),
                _ => write!(m, "str.{name}() takes no keyword arguments"),
            };
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        None => {}
    }
    let n = args.npos() - 1;
    let s = |k: u8| if k == 1 { "" } else { "s" };
    let _ = match ar {
        Ar::Zero if n != 0 => write!(m, "str.{name}() takes no arguments ({n} given)"),
        Ar::One if n != 1 => write!(m, "str.{name}() takes exactly one argument ({n} given)"),
        Ar::Call(lo, _) if n < lo as usize => write!(
            m,
            "{name}() takes at least {lo} argument{} ({n} given)",
            s(lo)
        ),
        Ar::Call(_, hi) if n > hi as usize => write!(
            m,
            "{name}() takes at most {hi} argument{} ({n} given)",
            s(hi)
        ),
        Ar::Expect(lo, _) if n < lo as usize => write!(
            m,
            "{name} expected at least {lo} argument{}, got {n}",
            s(lo)
        ),
        Ar::Expect(_, hi) if n > hi as usize => {
            write!(m, "{name} expected at most {hi} argument{}, got {n}", s(hi))
        }
        Ar::Wrap(k) if n != k as usize => {
            write!(m, "expected {k} argument{}, got {n}", s(k))
        }
        _ => return Ok(()),
    };
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// `self` of a str method (a str-subclass instance's str value).
#[inline]
fn this(vm: &Vm, args: Args) -> Value {
    vm.unwrap_base(vm.slot(args.base))
}

/// Positional argument `i` after `self`.
#[inline]
fn pos(vm: &Vm, args: Args, i: usize) -> Option<Value> {
    (i + 1 < args.npos()).then(|| vm.slot(args.base + 1 + i))
}

/// Argument `i` after `self`, given by position or by keyword `name`.
#[inline]
fn param(vm: &Vm, args: Args, i: usize, name: &str) -> Option<Value> {
    vm.opt_arg(args, i + 1, name)
}

/// `v` as a str (str subclasses give their str value).
#[inline]
fn as_str(vm: &Vm, v: Value) -> Option<Value> {
    let u = vm.unwrap_base(v);
    vm.is_str(u).then_some(u)
}

/// Raises TypeError `"{prefix}must be str, not {type}"`.
fn must_be_str(vm: &mut Vm, prefix: &str, v: Value) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "{prefix}must be str, not {}", vm.type_name(v, &mut buf));
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// A Py_ssize_t argument (`width`, `maxsplit`, `count` ...).
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if vm.heap.kind(vm.unwrap_base(v)) == kind::BIGINT {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    vm.index_value(vm.unwrap_base(v))
}

/// An optional `start`/`end` slice index (None and absent give `None`).
fn slice_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    let v = vm.unwrap_base(v);
    if let Some(i) = vm.int_to_i64(v) {
        return Ok(Some(i));
    }
    if vm.heap.kind(v) == kind::BIGINT {
        let (neg, _) = vm.bigint_parts(v);
        return Ok(Some(if neg { i64::MIN } else { i64::MAX }));
    }
    if vm.user_special(v, "__index__").is_some() {
        return vm.index_value(v).map(Some);
    }
    Err(vm.raise_msg(
        TypeId::TypeError,
        "slice indices must be integers or None or have an __index__ method",
    ))
}

/// CPython's ADJUST_INDICES: clamps start/end (code points) to `0..=len`
/// (start may stay above len).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    (s, e)
}

// ---- text helpers -----------------------------------------------------------

/// Decodes the code point at byte `i` of valid UTF-8: (char, byte length).
#[inline]
pub(crate) fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let c0 = b[i];
    if c0 < 0x80 {
        return (c0 as char, 1);
    }
    let n = if c0 >= 0xf0 {
        4
    } else if c0 >= 0xe0 {
        3
    } else {
        2
    };
    let mut cp = (c0 as u32) & (0x7f >> n);
    for k in 1..n {
        cp = (cp << 6) | (b.get(i + k).copied().unwrap_or(0x80) as u32 & 0x3f);
    }
    (char::from_u32(cp).unwrap_or('\u{fffd}'), n)
}

/// Decodes the code point that ends at byte `i`: (char, byte length).
#[inline]
fn decode_before(b: &[u8], i: usize) -> (char, usize) {
    let mut j = i - 1;
    while j > 0 && b[j] & 0xc0 == 0x80 {
        j -= 1;
    }
    (decode_at(b, j).0, i - j)
}

/// Byte offset of code point `ci` (clamped to the end).
fn char_off(b: &[u8], ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci.min(b.len());
    }
    let mut n = 0;
    for (off, &c) in b.iter().enumerate() {
        if c & 0xc0 != 0x80 {
            if n == ci {
                return off;
            }
            n += 1;
        }
    }
    b.len()
}

/// Whether a str's code points are all ASCII (then bytes are code points).
#[inline]
fn is_ascii_str(vm: &Vm, v: Value, nbytes: usize) -> bool {
    vm.str_len(v) == nbytes
}

/// Last position of `n` in `h`.
fn rfind_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// First position of `n` in `h` at or after `from`.
#[inline]
fn find_bytes(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.len() == 1 {
        return h
            .get(from..)?
            .iter()
            .position(|&c| c == n[0])
            .map(|p| p + from);
    }
    crate::ops::find_bytes(h, n, from)
}

/// Non-overlapping occurrences of non-empty `n` in `h`, at most `max`.
fn count_bytes(h: &[u8], n: &[u8], max: usize) -> usize {
    let mut k = 0;
    let mut i = 0;
    while k < max {
        match find_bytes(h, n, i) {
            Some(p) => {
                k += 1;
                i = p + n.len();
            }
            None => break,
        }
    }
    k
}

/// A substring of `s` by byte range, keeping the immediate invariants.
fn substr(vm: &mut Vm, s: Value, bs: usize, be: usize) -> PyResult<Value> {
    if bs >= be {
        return Ok(Value::EMPTY_STR);
    }
    if !s.is_heap() {
        return Ok(s);
    }
    let b = vm.str_bytes(s);
    if bs == 0 && be == b.len() {
        return Ok(s);
    }
    let n = count_chars(&b[bs..be]);
    if n <= 1 {
        return Ok(Value::char(decode_at(b, bs).0));
    }
    vm.str_from_byte_range(s, bs, be, n)
}

/// The str of one code point.
#[inline]
fn char_value(c: char) -> Value {
    Value::char(c)
}

// ---- two-pass output ----------------------------------------------------------

/// Output of a two-pass str construction: the first pass counts, the second
/// writes into the result allocated in between.
struct Out {
    write: bool,
    /// Heap str being written, or NULL for results of at most one code point.
    dst: Value,
    small: [u8; 4],
    at: usize,
    chars: usize,
}

impl Out {
    /// Writes bytes (second pass only).
    fn put(&mut self, vm: &mut Vm, b: &[u8]) {
        if self.dst.is_null() {
            let end = (self.at + b.len()).min(4);
            if self.at < end {
                self.small[self.at..end].copy_from_slice(&b[..end - self.at]);
            }
        } else {
            vm.heap.bytes_mut(self.dst, DATA)[self.at..self.at + b.len()].copy_from_slice(b);
        }
        self.at += b.len();
    }

    /// Appends text that does not live in the heap.
    fn lit(&mut self, vm: &mut Vm, b: &[u8]) {
        if self.write {
            self.put(vm, b);
        } else {
            self.at += b.len();
            self.chars += count_chars(b);
        }
    }

    /// Appends a character.
    #[inline]
    fn ch(&mut self, vm: &mut Vm, c: char) {
        if !self.write {
            self.at += c.len_utf8();
            self.chars += 1;
            return;
        }
        let mut b = [0; 4];
        self.put(vm, c.encode_utf8(&mut b).as_bytes());
    }

    /// Appends `n` copies of `c`.
    fn fill(&mut self, vm: &mut Vm, c: char, n: usize) {
        if !self.write {
            self.at += c.len_utf8() * n;
            self.chars += n;
            return;
        }
        for _ in 0..n {
            self.ch(vm, c);
        }
    }

    /// Appends bytes `bs..be` of str `src`.
    fn copy(&mut self, vm: &mut Vm, src: Value, bs: usize, be: usize) {
        if be <= bs {
            return;
        }
        if !self.write {
            let mut buf = [0; 4];
            self.chars += count_chars(&vm.str_bytes_buf(src, &mut buf)[bs..be]);
            self.at += be - bs;
            return;
        }
        if src.is_heap() && !self.dst.is_null() {
            let from = (src.word() + 1 + DATA) * 4 + bs;
            let to = (self.dst.word() + 1 + DATA) * 4 + self.at;
            words_as_bytes_mut(&mut vm.heap.words).copy_within(from..from + (be - bs), to);
            self.at += be - bs;
            return;
        }
        let mut tmp = [0u8; 4];
        let n = be - bs;
        {
            let mut buf = [0; 4];
            let b = vm.str_bytes_buf(src, &mut buf);
            tmp[..n.min(4)].copy_from_slice(&b[bs..bs + n.min(4)]);
        }
        self.put(vm, &tmp[..n.min(4)]);
    }
}

/// Runs `gen` to count the result, allocates it, runs `gen` again to fill
/// it. `gen` must not allocate and must re-read its values from the stack.
fn build(vm: &mut Vm, gen: &dyn Fn(&mut Vm, &mut Out)) -> PyResult<Value> {
    let mut o = Out {
        write: false,
        dst: Value::NULL,
        small: [0; 4],
        at: 0,
        chars: 0,
    };
    gen(vm, &mut o);
    let (nbytes, nchars) = (o.at, o.chars);
    let mut w = Out {
        write: true,
        dst: Value::NULL,
        small: [0; 4],
        at: 0,
        chars: 0,
    };
    if nchars >= 2 {
        w.dst = vm.alloc_str_raw(nbytes, nchars, false)?;
    }
    gen(vm, &mut w);
    if nchars >= 2 {
        return Ok(w.dst);
    }
    if nchars == 0 {
        return Ok(Value::EMPTY_STR);
    }
    let s = core::str::from_utf8(&w.small[..nbytes.min(4)]).unwrap_or("\u{fffd}");
    Ok(s.chars().next().map_or(Value::EMPTY_STR, char_value))
}

// ---- Unicode properties -------------------------------------------------------

/// `str.isspace` for one character (Unicode White_Space plus the
/// information separators, as CPython).
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// Line boundaries of `str.splitlines`.
#[inline]
fn is_linebreak(c: char) -> bool {
    matches!(
        c as u32,
        0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// Whether `c` is in a range table of `start << 8 | (len - 1)` entries.
fn in_table(t: &[u32], c: char) -> bool {
    let c = c as u32;
    let i = t.partition_point(|&e| (e >> 8) <= c);
    i > 0 && c - (t[i - 1] >> 8) <= (t[i - 1] & 0xff)
}

/// `str.isdecimal` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (c as u32 >= 0x660 && in_table(&DECIMAL, c))
}

/// `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || (c as u32 >= 0xb2 && in_table(&DIGIT_EXTRA, c))
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    c.is_numeric() || (c as u32 >= 0x3405 && in_table(&NUMERIC_EXTRA, c))
}

/// `str.isalpha` for one character (categories L*: the Alphabetic property
/// without letter numbers, marks and circled letters).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic()
        && !c.is_numeric()
        && !is_mark(c)
        && !matches!(c as u32, 0x24b6..=0x24e9 | 0x1f130..=0x1f149 | 0x1f150..=0x1f169 | 0x1f170..=0x1f189)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.isprintable` for one character: not in Cc, Cf, Cs, Co, Cn, Zl, Zp,
/// or Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x7f {
        return n >= 0x20;
    }
    !in_runs(&NONPRINT_RUNS, &NONPRINT_INDEX, n)
}

/// Combining marks (Mn, Mc).
fn is_mark(c: char) -> bool {
    let n = c as u32;
    n >= 0x300 && in_runs(&MARK_RUNS, &MARK_INDEX, n)
}

/// Cased characters (upper, lower or title case).
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    case::is_cased(c)
}

/// Whether the capital sigma at bytes `i..j` of `b` ends a word (CPython's
/// final-sigma rule for lowercasing).
fn final_sigma(b: &[u8], i: usize, j: usize) -> bool {
    let mut k = i;
    let mut before = false;
    while k > 0 {
        let (c, n) = decode_before(b, k);
        k -= n;
        if !case::is_case_ignorable(c) {
            before = is_cased(c);
            break;
        }
    }
    if !before {
        return false;
    }
    let mut k = j;
    while k < b.len() {
        let (c, n) = decode_at(b, k);
        k += n;
        if !case::is_case_ignorable(c) {
            return !is_cased(c);
        }
    }
    true
}

/// Appends the lowercase of the character at bytes `i..i+n` of str `s`.
fn push_lower(vm: &mut Vm, o: &mut Out, s: Value, i: usize, c: char, n: usize) {
    if c.is_ascii() {
        o.ch(vm, c.to_ascii_lowercase());
        return;
    }
    if c == '\u{3a3}' {
        let mut buf = [0; 4];
        let sigma = final_sigma(vm.str_bytes_buf(s, &mut buf), i, i + n);
        o.ch(vm, if sigma { '\u{3c2}' } else { '\u{3c3}' });
        return;
    }
    push_mapped(vm, o, case::lower(c));
}

/// Appends the characters of a case mapping.
fn push_mapped(vm: &mut Vm, o: &mut Out, m: case::Mapped) {
    for c in case::chars(m) {
        o.ch(vm, c);
    }
}

/// Appends the uppercase of `c`.
fn push_upper(vm: &mut Vm, o: &mut Out, c: char) {
    if c.is_ascii() {
        return o.ch(vm, c.to_ascii_uppercase());
    }
    push_mapped(vm, o, case::upper(c));
}

/// Appends the titlecase of `c`.
fn push_title(vm: &mut Vm, o: &mut Out, c: char) {
    if c.is_ascii() {
        return o.ch(vm, c.to_ascii_uppercase());
    }
    push_mapped(vm, o, case::title(c));
}

/// Appends the case folding of `c`.
fn push_casefold(vm: &mut Vm, o: &mut Out, c: char) {
    if c.is_ascii() {
        return o.ch(vm, c.to_ascii_lowercase());
    }
    push_mapped(vm, o, case::fold(c));
}

// ---- case methods -----------------------------------------------------------

/// Which case conversion.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    Fold,
    Capitalize,
    Title,
    Swap,
}

fn case_method(vm: &mut Vm, args: Args, name: &str, which: Case) -> PyResult<Value> {
    enter(vm, args, name, Ar::Zero, None)?;
    build(vm, &|vm, o| {
        let s = this(vm, args);
        let nb = vm.str_byte_len(s);
        let mut i = 0;
        let mut prev_cased = false;
        while i < nb {
            let (c, n) = {
                let mut buf = [0; 4];
                decode_at(vm.str_bytes_buf(s, &mut buf), i)
            };
            match which {
                Case::Upper => push_upper(vm, o, c),
                Case::Lower => push_lower(vm, o, s, i, c, n),
                Case::Fold => push_casefold(vm, o, c),
                Case::Capitalize => {
                    if i == 0 {
                        push_title(vm, o, c)
                    } else {
                        push_lower(vm, o, s, i, c, n)
                    }
                }
                Case::Title => {
                    if prev_cased {
                        push_lower(vm, o, s, i, c, n)
                    } else {
                        push_title(vm, o, c)
                    }
                    prev_cased = is_cased(c);
                }
                Case::Swap => {
                    if case::is_upper(c) {
                        push_lower(vm, o, s, i, c, n)
                    } else if case::is_lower(c) {
                        push_upper(vm, o, c)
                    } else {
                        o.ch(vm, c)
                    }
                }
            }
            i += n;
        }
    })
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "upper", Case::Upper)
}
fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "lower", Case::Lower)
}
fn casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "casefold", Case::Fold)
}
fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "capitalize", Case::Capitalize)
}
fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "title", Case::Title)
}
fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_method(vm, args, "swapcase", Case::Swap)
}

// ---- predicates -------------------------------------------------------------

/// `str.isX()` where every character must satisfy `pred` (and the str
/// must not be empty).
fn all_chars(vm: &mut Vm, args: Args, name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    enter(vm, args, name, Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    let t = vm.str_text(s, &mut buf);
    Ok(Value::bool(!t.is_empty() && t.chars().all(pred)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isdigit", is_digit)
}
fn isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isdecimal", is_decimal)
}
fn isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isnumeric", is_numeric)
}
fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isalpha", is_alpha)
}
fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isalnum", is_alnum)
}
fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(vm, args, "isspace", is_space)
}

fn isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "isprintable", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    let t = vm.str_text(s, &mut buf);
    Ok(Value::bool(t.chars().all(is_printable)))
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "isascii", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    Ok(Value::bool(vm.str_bytes_buf(s, &mut buf).is_ascii()))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "isupper", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    let mut cased = false;
    for c in vm.str_text(s, &mut buf).chars() {
        if case::is_lower(c) || case::is_title(c) {
            return Ok(Value::FALSE);
        }
        cased |= case::is_upper(c);
    }
    Ok(Value::bool(cased))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "islower", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    let mut cased = false;
    for c in vm.str_text(s, &mut buf).chars() {
        if case::is_upper(c) || case::is_title(c) {
            return Ok(Value::FALSE);
        }
        cased |= case::is_lower(c);
    }
    Ok(Value::bool(cased))
}

fn istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "istitle", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    let (mut cased, mut prev) = (false, false);
    for c in vm.str_text(s, &mut buf).chars() {
        if case::is_upper(c) || case::is_title(c) {
            if prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            cased = true;
        } else if case::is_lower(c) {
            if !prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `str.isidentifier`: XID_Start then XID_Continue characters
/// (approximated from the general categories).
pub fn is_identifier(t: &str) -> bool {
    let start = |c: char| {
        c == '_'
            || (is_alpha(c) && c != '\u{2e2f}')
            || (c.is_alphabetic() && c.is_numeric())
            || matches!(c as u32, 0x2118 | 0x212e)
    };
    let mut it = t.chars();
    let Some(first) = it.next() else {
        return false;
    };
    start(first)
        && it.all(|c| {
            start(c)
                || is_decimal(c)
                || is_mark(c)
                || matches!(
                    c as u32,
                    0xb7 | 0x387 | 0x1369..=0x1371 | 0x19da | 0x203f | 0x2040 | 0x2054
                        | 0xfe33 | 0xfe34 | 0xfe4d..=0xfe4f | 0xff3f
                )
        })
}

fn isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "isidentifier", Ar::Zero, None)?;
    let s = this(vm, args);
    let mut buf = [0; 4];
    Ok(Value::bool(is_identifier(vm.str_text(s, &mut buf))))
}

// ---- join / split -------------------------------------------------------------

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "join", Ar::One, None)?;
    let base = vm.sp();
    let r = join_rooted(vm, args, base);
    vm.heap.truncate(base);
    r
}

fn join_rooted(vm: &mut Vm, args: Args, base: usize) -> PyResult<Value> {
    let it = vm.slot(args.base + 1);
    if matches!(vm.heap.kind(it), kind::LIST | kind::TUPLE) {
        vm.push(it)?;
    } else {
        let iter = match vm.get_iter(it) {
            Ok(i) => i,
            Err(e) => {
                let x = vm.exception();
                if vm.exc_matches(x, TypeId::TypeError) {
                    vm.take_exception();
                    return Err(vm.raise_msg(TypeId::TypeError, "can only join an iterable"));
                }
                return Err(e);
            }
        };
        // Collect the items: the iterator at `base`, the list above it;
        // the list then takes the iterator's slot.
        vm.push(iter)?;
        let l = vm.new_list(0)?;
        vm.push(l)?;
        loop {
            let iter = vm.slot(base);
            match vm.iter_next(iter)? {
                Some(v) => {
                    let l = vm.slot(base + 1);
                    vm.list_append(l, v)?;
                }
                None => break,
            }
        }
        let l = vm.slot(base + 1);
        vm.set_slot(base, l);
        vm.heap.truncate(base + 1);
    }
    let item = |vm: &Vm, i: usize| {
        let seq = vm.slot(base);
        let x = if vm.heap.kind(seq) == kind::LIST {
            vm.list_get(seq, i)
        } else {
            vm.tuple_get(seq, i)
        };
        vm.unwrap_base(x)
    };
    let n = {
        let seq = vm.slot(base);
        if vm.heap.kind(seq) == kind::LIST {
            vm.list_len(seq)
        } else {
            vm.tuple_len(seq)
        }
    };
    let sep = this(vm, args);
    let (seplen, sepchars) = (vm.str_byte_len(sep), vm.str_len(sep));
    let (mut nbytes, mut nchars) = (0usize, 0usize);
    for i in 0..n {
        let x = item(vm, i);
        if !vm.is_str(x) {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(x, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        nbytes += vm.str_byte_len(x);
        nchars += vm.str_len(x);
    }
    if n == 0 {
        return Ok(Value::EMPTY_STR);
    }
    if n == 1 {
        return Ok(item(vm, 0));
    }
    nbytes += seplen * (n - 1);
    nchars += sepchars * (n - 1);
    if nchars <= 1 {
        // At most one non-empty piece.
        for i in 0..n {
            let x = item(vm, i);
            if x != Value::EMPTY_STR {
                return Ok(x);
            }
        }
        return Ok(this(vm, args));
    }
    let r = vm.alloc_str_raw(nbytes, nchars, false)?;
    let mut at = 0;
    for i in 0..n {
        if i > 0 && seplen > 0 {
            let sep = this(vm, args);
            vm.copy_str_into(r, at, sep);
            at += seplen;
        }
        let x = item(vm, i);
        vm.copy_str_into(r, at, x);
        at += vm.str_byte_len(x);
    }
    Ok(r)
}

/// Appends the piece `bs..be` of `self` to the list in stack slot `ls`.
fn push_piece(vm: &mut Vm, args: Args, ls: usize, bs: usize, be: usize) -> PyResult<()> {
    let s = this(vm, args);
    let p = substr(vm, s, bs, be)?;
    let l = vm.slot(ls);
    vm.list_append(l, p)
}

/// Reverses a list in place.
fn list_reverse(vm: &mut Vm, l: Value) {
    let n = vm.list_len(l);
    for i in 0..n / 2 {
        let (a, b) = (vm.list_get(l, i), vm.list_get(l, n - 1 - i));
        vm.list_set(l, i, b);
        vm.list_set(l, n - 1 - i, a);
    }
}

/// Parses split's (sep, maxsplit); returns maxsplit (-1: no limit).
fn split_args(vm: &mut Vm, args: Args, name: &str) -> PyResult<i64> {
    enter(vm, args, name, Ar::Call(0, 2), Some(&["sep", "maxsplit"]))?;
    let max = match param(vm, args, 1, "maxsplit") {
        Some(m) => ssize_arg(vm, m)?,
        None => -1,
    };
    if let Some(sep) = param(vm, args, 0, "sep") {
        if !sep.is_none() {
            match as_str(vm, sep) {
                None => return Err(must_be_str_or_none(vm, sep)),
                Some(s) if s == Value::EMPTY_STR => {
                    return Err(vm.raise_msg(TypeId::ValueError, "empty separator"))
                }
                Some(_) => {}
            }
        }
    }
    Ok(max)
}

fn must_be_str_or_none(vm: &mut Vm, v: Value) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "must be str or None, not {}", vm.type_name(v, &mut buf));
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// The separator of split/rsplit (None: whitespace).
fn split_sep(vm: &Vm, args: Args) -> Option<Value> {
    param(vm, args, 0, "sep")
        .filter(|s| !s.is_none())
        .map(|s| vm.unwrap_base(s))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn split_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    let max = split_args(vm, args, name)?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let ls = vm.sp() - 1;
    let r = split_into(vm, args, ls, max, rev);
    let l = vm.slot(ls);
    vm.heap.truncate(ls);
    r?;
    if rev {
        list_reverse(vm, l);
    }
    Ok(l)
}

fn split_into(vm: &mut Vm, args: Args, ls: usize, max: usize, rev: bool) -> PyResult<()> {
    let len = vm.str_byte_len(this(vm, args));
    // Next boundary, computed without allocating: (piece start, end, resume).
    let ws_at = |vm: &Vm, i: usize| -> (char, usize) {
        let mut buf = [0; 4];
        decode_at(vm.str_bytes_buf(this(vm, args), &mut buf), i)
    };
    let ws_before = |vm: &Vm, i: usize| -> (char, usize) {
        let mut buf = [0; 4];
        decode_before(vm.str_bytes_buf(this(vm, args), &mut buf), i)
    };
    let mut count = 0;
    match (split_sep(vm, args).is_some(), rev) {
        (false, false) => {
            let mut i = 0;
            while count < max {
                while i < len && is_space(ws_at(vm, i).0) {
                    i += ws_at(vm, i).1;
                }
                if i == len {
                    break;
                }
                let j = i;
                while i < len && !is_space(ws_at(vm, i).0) {
                    i += ws_at(vm, i).1;
                }
                push_piece(vm, args, ls, j, i)?;
                count += 1;
            }
            while i < len && is_space(ws_at(vm, i).0) {
                i += ws_at(vm, i).1;
            }
            if i < len {
                push_piece(vm, args, ls, i, len)?;
            }
        }
        (false, true) => {
            let mut i = len;
            while count < max {
                while i > 0 && is_space(ws_before(vm, i).0) {
                    i -= ws_before(vm, i).1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !is_space(ws_before(vm, i).0) {
                    i -= ws_before(vm, i).1;
                }
                push_piece(vm, args, ls, i, j)?;
                count += 1;
            }
            while i > 0 && is_space(ws_before(vm, i).0) {
                i -= ws_before(vm, i).1;
            }
            if i > 0 {
                push_piece(vm, args, ls, 0, i)?;
            }
        }
        (true, false) => {
            let mut i = 0;
            while count < max {
                let found = {
                    let (mut b1, mut b2) = ([0; 4], [0; 4]);
                    let sep = split_sep(vm, args).unwrap_or(Value::EMPTY_STR);
                    let sb = vm.str_bytes_buf(sep, &mut b2);
                    find_bytes(vm.str_bytes_buf(this(vm, args), &mut b1), sb, i)
                        .map(|p| (p, sb.len()))
                };
                let Some((p, n)) = found else { break };
                push_piece(vm, args, ls, i, p)?;
                i = p + n;
                count += 1;
            }
            push_piece(vm, args, ls, i, len)?;
        }
        (true, true) => {
            let mut j = len;
            while count < max {
                let found = {
                    let (mut b1, mut b2) = ([0; 4], [0; 4]);
                    let sep = split_sep(vm, args).unwrap_or(Value::EMPTY_STR);
                    let sb = vm.str_bytes_buf(sep, &mut b2);
                    rfind_bytes(&vm.str_bytes_buf(this(vm, args), &mut b1)[..j], sb)
                        .map(|p| (p, sb.len()))
                };
                let Some((p, n)) = found else { break };
                push_piece(vm, args, ls, p + n, j)?;
                j = p;
                count += 1;
            }
            push_piece(vm, args, ls, 0, j)?;
        }
    }
    Ok(())
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "splitlines", Ar::Call(0, 1), Some(&["keepends"]))?;
    let keep = match param(vm, args, 0, "keepends") {
        Some(k) => ssize_arg(vm, k)? != 0,
        None => false,
    };
    let l = vm.new_list(0)?;
    vm.push(l)?;
    let ls = vm.sp() - 1;
    let len = vm.str_byte_len(this(vm, args));
    let at = |vm: &Vm, i: usize| -> (char, usize) {
        let mut buf = [0; 4];
        decode_at(vm.str_bytes_buf(this(vm, args), &mut buf), i)
    };
    let mut i = 0;
    let r = loop {
        if i >= len {
            break Ok(());
        }
        let j = i;
        while i < len && !is_linebreak(at(vm, i).0) {
            i += at(vm, i).1;
        }
        let mut eol = i;
        if i < len {
            let (c, n) = at(vm, i);
            if c == '\r' && i + 1 < len && at(vm, i + 1).0 == '\n' {
                i += 2;
            } else {
                i += n;
            }
            if keep {
                eol = i;
            }
        }
        if let Err(e) = push_piece(vm, args, ls, j, eol) {
            break Err(e);
        }
    };
    let l = vm.slot(ls);
    vm.heap.truncate(ls);
    r.map(|_| l)
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<Value> {
    enter(vm, args, name, Ar::One, None)?;
    let sep = vm.slot(args.base + 1);
    let Some(sep) = as_str(vm, sep) else {
        return Err(must_be_str(vm, "", sep));
    };
    if sep == Value::EMPTY_STR {
        return Err(vm.raise_msg(TypeId::ValueError, "empty separator"));
    }
    let s = this(vm, args);
    let (found, len) = {
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let (h, n) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(sep, &mut b2));
        let f = if rev {
            rfind_bytes(h, n)
        } else {
            find_bytes(h, n, 0)
        };
        (f.map(|p| (p, p + n.len())), h.len())
    };
    let base = vm.sp();
    let r = (|| {
        match found {
            None if rev => {
                vm.push(Value::EMPTY_STR)?;
                vm.push(Value::EMPTY_STR)?;
                vm.push(this(vm, args))?;
            }
            None => {
                vm.push(this(vm, args))?;
                vm.push(Value::EMPTY_STR)?;
                vm.push(Value::EMPTY_STR)?;
            }
            Some((p, q)) => {
                let a = substr(vm, this(vm, args), 0, p)?;
                vm.push(a)?;
                vm.push(as_str(vm, vm.slot(args.base + 1)).unwrap_or(Value::EMPTY_STR))?;
                let c = substr(vm, this(vm, args), q, len)?;
                vm.push(c)?;
            }
        }
        vm.tuple_from_stack(base, 3)
    })();
    vm.heap.truncate(base);
    r
}

// ---- strip, pad ---------------------------------------------------------------

/// Shared by strip/lstrip/rstrip: `left`/`right` select the ends.
fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    enter(vm, args, name, Ar::Expect(0, 1), None)?;
    let chars = match pos(vm, args, 0) {
        None => None,
        Some(c) if c.is_none() => None,
        Some(c) => match as_str(vm, c) {
            Some(c) => Some(c),
            None => {
                return Err(vm.raise_fmt(
                    TypeId::TypeError,
                    format_args!("{name} arg must be None or str"),
                ))
            }
        },
    };
    let s = this(vm, args);
    let (bs, be, len) = {
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let b = vm.str_bytes_buf(s, &mut b1);
        let set = chars.map(|c| vm.str_text(c, &mut b2));
        let strip_it = |c: char| match set {
            None => is_space(c),
            Some(t) => t.contains(c),
        };
        let (mut bs, mut be) = (0, b.len());
        if left {
            while bs < be {
                let (c, n) = decode_at(b, bs);
                if !strip_it(c) {
                    break;
                }
                bs += n;
            }
        }
        if right {
            while be > bs {
                let (c, n) = decode_before(b, be);
                if !strip_it(c) {
                    break;
                }
                be -= n;
            }
        }
        (bs, be, b.len())
    };
    if bs == 0 && be == len {
        return Ok(s);
    }
    substr(vm, s, bs, be)
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

/// The fill character argument of center/ljust/rjust.
fn fill_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(f) = as_str(vm, v) else {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "The fill character must be a unicode character, not {}",
            vm.type_name(v, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    if f.is_heap() || f == Value::EMPTY_STR {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "The fill character must be exactly one character long",
        ));
    }
    let mut buf = [0; 4];
    Ok(vm.str_text(f, &mut buf).chars().next().unwrap_or(' '))
}

/// center/ljust/rjust: `how` 0 = center, 1 = ljust, 2 = rjust.
fn pad_impl(vm: &mut Vm, args: Args, name: &str, how: u8) -> PyResult<Value> {
    enter(vm, args, name, Ar::Expect(1, 2), None)?;
    let width = ssize_arg(vm, vm.slot(args.base + 1))?;
    let fill = fill_arg(vm, pos(vm, args, 1))?;
    let s = this(vm, args);
    let len = vm.str_len(s) as i64;
    if width <= len {
        return Ok(s);
    }
    let marg = width - len;
    let left = match how {
        0 => marg / 2 + (marg & width & 1),
        1 => 0,
        _ => marg,
    } as usize;
    let right = marg as usize - left;
    build(vm, &|vm, o| {
        let s = this(vm, args);
        o.fill(vm, fill, left);
        o.copy(vm, s, 0, vm.str_byte_len(s));
        o.fill(vm, fill, right);
    })
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "center", 0)
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "ljust", 1)
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "rjust", 2)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "zfill", Ar::One, None)?;
    let width = ssize_arg(vm, vm.slot(args.base + 1))?;
    let s = this(vm, args);
    let len = vm.str_len(s) as i64;
    if width <= len {
        return Ok(s);
    }
    let fill = (width - len) as usize;
    build(vm, &|vm, o| {
        let s = this(vm, args);
        let nb = vm.str_byte_len(s);
        let first = {
            let mut buf = [0; 4];
            vm.str_bytes_buf(s, &mut buf).first().copied()
        };
        let skip = if matches!(first, Some(b'+' | b'-')) {
            o.lit(vm, &[first.unwrap_or(b'+')]);
            1
        } else {
            0
        };
        o.fill(vm, '0', fill);
        o.copy(vm, s, skip, nb);
    })
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "expandtabs", Ar::Call(0, 1), Some(&["tabsize"]))?;
    let tab = match param(vm, args, 0, "tabsize") {
        Some(t) => ssize_arg(vm, t)?,
        None => 8,
    };
    build(vm, &|vm, o| {
        let s = this(vm, args);
        let nb = vm.str_byte_len(s);
        let mut col: i64 = 0;
        let mut i = 0;
        let mut run = 0;
        while i < nb {
            let (c, n) = {
                let mut buf = [0; 4];
                decode_at(vm.str_bytes_buf(s, &mut buf), i)
            };
            if c == '\t' {
                o.copy(vm, s, run, i);
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    o.fill(vm, ' ', incr as usize);
                }
                run = i + n;
            } else {
                col += 1;
                if c == '\n' || c == '\r' {
                    col = 0;
                }
            }
            i += n;
        }
        o.copy(vm, s, run, nb);
    })
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    remove_affix(vm, args, "removesuffix", false)
}

fn remove_affix(vm: &mut Vm, args: Args, name: &str, prefix: bool) -> PyResult<Value> {
    enter(vm, args, name, Ar::One, None)?;
    let a = vm.slot(args.base + 1);
    let Some(a) = as_str(vm, a) else {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "{name}() argument must be str, not {}",
            vm.type_name(a, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    let s = this(vm, args);
    let (hit, n, len) = {
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let (h, x) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(a, &mut b2));
        let hit = if prefix {
            h.starts_with(x)
        } else {
            h.ends_with(x)
        };
        (hit && !x.is_empty(), x.len(), h.len())
    };
    if !hit {
        return Ok(s);
    }
    if prefix {
        substr(vm, s, n, len)
    } else {
        substr(vm, s, 0, len - n)
    }
}

// ---- searching ----------------------------------------------------------------

/// The (sub, start, end) arguments of find & co, resolved to byte offsets
/// of `self`: (bs, be, start char index), or None when the range cannot
/// hold `sub` (then the answer is "not found").
fn search_args(vm: &mut Vm, args: Args, name: &str) -> PyResult<Option<(usize, usize, usize)>> {
    enter(vm, args, name, Ar::Call(1, 3), None)?;
    let start = slice_arg(vm, pos(vm, args, 1))?;
    let end = slice_arg(vm, pos(vm, args, 2))?;
    let sub = vm.slot(args.base + 1);
    let Some(sub) = as_str(vm, sub) else {
        return Err(must_be_str(vm, "", sub));
    };
    let s = this(vm, args);
    let len = vm.str_len(s);
    let (st, en) = adjust(start, end, len);
    if en - st < vm.str_len(sub) as i64 {
        return Ok(None);
    }
    let mut buf = [0; 4];
    let b = vm.str_bytes_buf(s, &mut buf);
    let ascii = len == b.len();
    let bs = char_off(b, ascii, st as usize);
    let be = char_off(b, ascii, en as usize);
    Ok(Some((bs, be, st as usize)))
}

/// find/rfind/index/rindex: the char index of `sub`, or -1.
fn find_impl(vm: &mut Vm, args: Args, name: &str, rev: bool) -> PyResult<i64> {
    let Some((bs, be, st)) = search_args(vm, args, name)? else {
        return Ok(-1);
    };
    let s = this(vm, args);
    let sub = as_str(vm, vm.slot(args.base + 1)).unwrap_or(Value::EMPTY_STR);
    let (mut b1, mut b2) = ([0; 4], [0; 4]);
    let (h, n) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(sub, &mut b2));
    let hay = &h[bs..be];
    let p = if rev {
        rfind_bytes(hay, n)
    } else {
        find_bytes(hay, n, 0)
    };
    Ok(match p {
        None => -1,
        Some(p) if is_ascii_str(vm, s, h.len()) => (st + p) as i64,
        Some(p) => (st + count_chars(&hay[..p])) as i64,
    })
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = find_impl(vm, args, "find", false)?;
    vm.new_int(i)
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = find_impl(vm, args, "rfind", true)?;
    vm.new_int(i)
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = find_impl(vm, args, "index", false)?;
    if i < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "substring not found"));
    }
    vm.new_int(i)
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = find_impl(vm, args, "rindex", true)?;
    if i < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "substring not found"));
    }
    vm.new_int(i)
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((bs, be, _)) = search_args(vm, args, "count")? else {
        return Ok(Value::int(0));
    };
    let s = this(vm, args);
    let sub = as_str(vm, vm.slot(args.base + 1)).unwrap_or(Value::EMPTY_STR);
    let (mut b1, mut b2) = ([0; 4], [0; 4]);
    let (h, n) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(sub, &mut b2));
    let k = if n.is_empty() {
        count_chars(&h[bs..be]) + 1
    } else {
        count_bytes(&h[bs..be], n, usize::MAX)
    };
    vm.new_int(k as i64)
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_match(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_match(vm, args, "endswith", true)
}

fn affix_match(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult<Value> {
    enter(vm, args, name, Ar::Call(1, 3), None)?;
    let start = slice_arg(vm, pos(vm, args, 1))?;
    let stop = slice_arg(vm, pos(vm, args, 2))?;
    let what = vm.slot(args.base + 1);
    let is_tuple = vm.heap.kind(what) == kind::TUPLE;
    if !is_tuple && as_str(vm, what).is_none() {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(what, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let n = if is_tuple { vm.tuple_len(what) } else { 1 };
    let s = this(vm, args);
    let len = vm.str_len(s);
    let (st, en) = adjust(start, stop, len);
    for i in 0..n {
        let x = if is_tuple {
            vm.tuple_get(what, i)
        } else {
            what
        };
        let Some(x) = as_str(vm, x) else {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "tuple for {name} must only contain str, not {}",
                vm.type_name(x, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        };
        if st > en {
            continue;
        }
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let (h, p) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(x, &mut b2));
        let ascii = h.len() == len;
        let hay = &h[char_off(h, ascii, st as usize)..char_off(h, ascii, en as usize)];
        let hit = if end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "replace", Ar::Expect(2, 3), None)?;
    for k in 0..2 {
        let v = vm.slot(args.base + 1 + k);
        if as_str(vm, v).is_none() {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "replace() argument {} must be str, not {}",
                k + 1,
                vm.type_name(v, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    let max = match pos(vm, args, 2) {
        Some(c) => ssize_arg(vm, c)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let old = |vm: &Vm| as_str(vm, vm.slot(args.base + 1)).unwrap_or(Value::EMPTY_STR);
    let new = |vm: &Vm| as_str(vm, vm.slot(args.base + 2)).unwrap_or(Value::EMPTY_STR);
    let s = this(vm, args);
    let n = {
        let (mut b1, mut b2) = ([0; 4], [0; 4]);
        let (h, o) = (
            vm.str_bytes_buf(s, &mut b1),
            vm.str_bytes_buf(old(vm), &mut b2),
        );
        if o.is_empty() {
            (vm.str_len(s) + 1).min(max)
        } else {
            count_bytes(h, o, max)
        }
    };
    if n == 0 {
        return Ok(s);
    }
    build(vm, &|vm, out| {
        let (s, o, nw) = (this(vm, args), old(vm), new(vm));
        let (hl, ol, nl) = (vm.str_byte_len(s), vm.str_byte_len(o), vm.str_byte_len(nw));
        let mut i = 0;
        if ol == 0 {
            for _ in 0..n {
                out.copy(vm, nw, 0, nl);
                if i < hl {
                    let mut buf = [0; 4];
                    let (_, w) = decode_at(vm.str_bytes_buf(s, &mut buf), i);
                    out.copy(vm, s, i, i + w);
                    i += w;
                }
            }
            out.copy(vm, s, i, hl);
            return;
        }
        for _ in 0..n {
            let p = {
                let (mut b1, mut b2) = ([0; 4], [0; 4]);
                find_bytes(
                    vm.str_bytes_buf(s, &mut b1),
                    vm.str_bytes_buf(o, &mut b2),
                    i,
                )
            };
            let Some(p) = p else { break };
            out.copy(vm, s, i, p);
            out.copy(vm, nw, 0, nl);
            i = p + ol;
        }
        out.copy(vm, s, i, hl);
    })
}

// ---- format ---------------------------------------------------------------------

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_self(vm, args, "format")?;
    crate::format::str_format(vm, args, None)
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "format_map", Ar::One, None)?;
    crate::format::str_format(vm, args, Some(args.base + 1))
}

// ---- encode / decode ----------------------------------------------------------

/// The codecs fzpy knows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// utf-8
    Utf8,
    /// ascii
    Ascii,
    /// latin-1
    Latin1,
}

impl Codec {
    /// The codec of an encoding name, normalised as Python's codec registry.
    pub fn lookup(name: &str) -> Option<Codec> {
        let mut buf = [0u8; 24];
        let b = name.trim().as_bytes();
        if b.len() > buf.len() {
            return None;
        }
        for (d, &c) in buf.iter_mut().zip(b) {
            *d = match c {
                b'_' | b' ' => b'-',
                c => c.to_ascii_lowercase(),
            };
        }
        match &buf[..b.len()] {
            b"utf-8" | b"utf8" | b"u8" | b"utf" | b"cp65001" => Some(Codec::Utf8),
            b"ascii" | b"us-ascii" | b"646" | b"us" => Some(Codec::Ascii),
            b"latin-1" | b"latin1" | b"latin" | b"iso-8859-1" | b"iso8859-1" | b"8859"
            | b"cp819" | b"l1" | b"iso-ir-100" => Some(Codec::Latin1),
            _ => None,
        }
    }

    /// The name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Error handlers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errors {
    Strict,
    Ignore,
    Replace,
    Backslash,
    XmlRef,
    Unknown,
}

fn errors_of(vm: &Vm, v: Option<Value>) -> Errors {
    let Some(v) = v else { return Errors::Strict };
    let mut buf = [0; 4];
    match vm.str_text(v, &mut buf) {
        "strict" => Errors::Strict,
        "ignore" => Errors::Ignore,
        "replace" => Errors::Replace,
        "backslashreplace" => Errors::Backslash,
        "xmlcharrefreplace" => Errors::XmlRef,
        _ => Errors::Unknown,
    }
}

fn unknown_handler(vm: &mut Vm, v: Option<Value>) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let name = v.map_or("strict", |v| vm.str_text(v, &mut buf));
    let _ = write!(m, "unknown error handler name '{name}'");
    vm.raise_msg(TypeId::LookupError, m.as_str())
}

fn unknown_encoding(vm: &mut Vm, v: Value) -> Raised {
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(m, "unknown encoding: {}", vm.str_text(v, &mut buf));
    vm.raise_msg(TypeId::LookupError, m.as_str())
}

/// Writes `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `c` into `m`.
fn write_escape(m: &mut Msg, c: u32) {
    let _ = if c < 0x100 {
        write!(m, "\\x{c:02x}")
    } else if c < 0x10000 {
        write!(m, "\\u{c:04x}")
    } else {
        write!(m, "\\U{c:08x}")
    };
}

/// Bytes produced for the unencodable `c` by an error handler.
fn encode_replacement(e: Errors, c: u32, out: &mut [u8; 16]) -> usize {
    let mut m = Msg::new();
    match e {
        Errors::Replace => {
            let _ = m.write_str("?");
        }
        Errors::Backslash => write_escape(&mut m, c),
        Errors::XmlRef => {
            let _ = write!(m, "&#{c};");
        }
        _ => {}
    }
    let b = m.as_str().as_bytes();
    out[..b.len()].copy_from_slice(b);
    b.len()
}

fn encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(
        vm,
        args,
        "encode",
        Ar::Call(0, 2),
        Some(&["encoding", "errors"]),
    )?;
    for (i, name) in [(0, "encoding"), (1, "errors")] {
        if let Some(v) = param(vm, args, i, name) {
            if as_str(vm, v).is_none() {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "encode() argument '{name}' must be str, not {}",
                    vm.type_name(v, &mut buf)
                );
                return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
    }
    let codec = match param(vm, args, 0, "encoding") {
        None => Codec::Utf8,
        Some(e) => {
            let e = vm.unwrap_base(e);
            let mut buf = [0; 4];
            match Codec::lookup(vm.str_text(e, &mut buf)) {
                Some(c) => c,
                None => return Err(unknown_encoding(vm, e)),
            }
        }
    };
    let err_arg = |vm: &Vm| param(vm, args, 1, "errors").map(|v| vm.unwrap_base(v));
    let errors = errors_of(vm, err_arg(vm));
    let s = this(vm, args);
    let limit = codec.limit();
    // Pass 1: size, or the first unencodable run under 'strict'.
    let mut size = 0;
    {
        let mut buf = [0; 4];
        let t = vm.str_text(s, &mut buf);
        let mut rep = [0u8; 16];
        let mut bad: Option<(usize, usize, u32)> = None;
        for (k, c) in t.chars().enumerate() {
            let n = c as u32;
            if n < limit {
                size += if codec == Codec::Utf8 {
                    c.len_utf8()
                } else {
                    1
                };
                if let Some(b) = bad {
                    if errors == Errors::Strict {
                        bad = Some(b);
                        break;
                    }
                }
                continue;
            }
            match errors {
                Errors::Strict | Errors::Unknown => match bad {
                    None => bad = Some((k, k, n)),
                    Some((a, _, f)) => bad = Some((a, k, f)),
                },
                e => size += encode_replacement(e, n, &mut rep),
            }
        }
        if let Some((a, b, c)) = bad {
            if errors == Errors::Unknown {
                return Err(unknown_handler(vm, err_arg(vm)));
            }
            let mut m = Msg::new();
            if a == b {
                let _ = write!(m, "'{}' codec can't encode character '", codec.name());
                write_escape(&mut m, c);
                let _ = write!(m, "' in position {a}: ordinal not in range({limit})");
            } else {
                let _ = write!(
                    m,
                    "'{}' codec can't encode characters in position {a}-{b}: ordinal not in range({limit})",
                    codec.name()
                );
            }
            return Err(vm.raise_msg(TypeId::UnicodeEncodeError, m.as_str()));
        }
    }
    let r = vm.alloc_bytes(size)?;
    let s = this(vm, args);
    if codec == Codec::Utf8 {
        let n = vm.str_byte_len(s);
        let mut i = 0;
        while i < n {
            let mut tmp = [0u8; 64];
            let k = (n - i).min(64);
            {
                let mut buf = [0; 4];
                tmp[..k].copy_from_slice(&vm.str_bytes_buf(s, &mut buf)[i..i + k]);
            }
            vm.heap.bytes_mut(r, 2)[i..i + k].copy_from_slice(&tmp[..k]);
            i += k;
        }
        return Ok(r);
    }
    let nb = vm.str_byte_len(s);
    let (mut i, mut at) = (0, 0);
    while i < nb {
        let (c, w) = {
            let mut buf = [0; 4];
            decode_at(vm.str_bytes_buf(s, &mut buf), i)
        };
        i += w;
        let n = c as u32;
        if n < limit {
            vm.heap.bytes_mut(r, 2)[at] = n as u8;
            at += 1;
        } else {
            let mut rep = [0u8; 16];
            let k = encode_replacement(errors, n, &mut rep);
            vm.heap.bytes_mut(r, 2)[at..at + k].copy_from_slice(&rep[..k]);
            at += k;
        }
    }
    Ok(r)
}

/// Decodes the bytes / bytearray in stack slot `slot` with `codec`;
/// `errors_slot` holds the error handler name (None: strict).
pub fn decode(
    vm: &mut Vm,
    slot: usize,
    codec: Codec,
    errors_slot: Option<usize>,
) -> PyResult<Value> {
    let err_val = |vm: &Vm| errors_slot.map(|s| vm.unwrap_base(vm.slot(s)));
    let errors = errors_of(vm, err_val(vm));
    // Validate (strict) and measure.
    {
        let data = vm.bytes_like_data(vm.unwrap_base(vm.slot(slot)));
        let bad = match codec {
            Codec::Latin1 => None,
            Codec::Ascii => data.iter().position(|&b| b >= 0x80).map(|p| (p, 1)),
            Codec::Utf8 => match core::str::from_utf8(data) {
                Ok(_) => None,
                Err(e) => Some((e.valid_up_to(), e.error_len().unwrap_or(0))),
            },
        };
        if let Some((p, n)) = bad {
            if errors == Errors::Unknown {
                return Err(unknown_handler(vm, err_val(vm)));
            }
            if errors == Errors::Strict || errors == Errors::XmlRef {
                let mut m = Msg::new();
                let _ = write!(m, "'{}' codec can't decode ", codec.name());
                let why = if codec == Codec::Ascii {
                    "ordinal not in range(128)"
                } else if n == 0 {
                    "unexpected end of data"
                } else if matches!(data[p], 0x80..=0xc1 | 0xf5..=0xff) {
                    "invalid start byte"
                } else {
                    "invalid continuation byte"
                };
                let n = if n == 0 { data.len() - p } else { n };
                if n <= 1 {
                    let _ = write!(m, "byte 0x{:02x} in position {p}: {why}", data[p]);
                } else {
                    let _ = write!(m, "bytes in position {p}-{}: {why}", p + n - 1);
                }
                if errors == Errors::XmlRef {
                    m = Msg::new();
                    let _ = m
                        .write_str("don't know how to handle UnicodeDecodeError in error callback");
                    return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                }
                return Err(vm.raise_msg(TypeId::UnicodeDecodeError, m.as_str()));
            }
        }
    }
    build(vm, &|vm, o| {
        let n = vm.bytes_like_data(vm.unwrap_base(vm.slot(slot))).len();
        let byte = |vm: &Vm, i: usize| vm.bytes_like_data(vm.unwrap_base(vm.slot(slot)))[i];
        let bad = |vm: &mut Vm, o: &mut Out, b: u8| match errors {
            Errors::Replace => o.ch(vm, '\u{fffd}'),
            Errors::Backslash => {
                let mut m = Msg::new();
                write_escape(&mut m, b as u32);
                o.lit(vm, m.as_str().as_bytes());
            }
            _ => {}
        };
        let mut i = 0;
        while i < n {
            match codec {
                Codec::Latin1 => {
                    o.ch(vm, byte(vm, i) as char);
                    i += 1;
                }
                Codec::Ascii => {
                    let b = byte(vm, i);
                    if b < 0x80 {
                        o.ch(vm, b as char);
                    } else if errors == Errors::Backslash || errors == Errors::Replace {
                        bad(vm, o, b);
                    }
                    i += 1;
                }
                Codec::Utf8 => {
                    // Copy the valid run, then handle one invalid sequence.
                    let (valid, badlen) = {
                        let d = &vm.bytes_like_data(vm.unwrap_base(vm.slot(slot)))[i..];
                        match core::str::from_utf8(d) {
                            Ok(_) => (d.len(), 0),
                            Err(e) => (
                                e.valid_up_to(),
                                e.error_len().unwrap_or(d.len() - e.valid_up_to()),
                            ),
                        }
                    };
                    let mut k = 0;
                    while k < valid {
                        let mut tmp = [0u8; 64];
                        let mut m = (valid - k).min(64);
                        {
                            let d = vm.bytes_like_data(vm.unwrap_base(vm.slot(slot)));
                            while m < valid - k && d[i + k + m] & 0xc0 == 0x80 {
                                m -= 1;
                            }
                            tmp[..m].copy_from_slice(&d[i + k..i + k + m]);
                        }
                        o.lit(vm, &tmp[..m]);
                        k += m;
                    }
                    i += valid;
                    if badlen > 0 {
                        if errors == Errors::Backslash {
                            for j in 0..badlen {
                                let b = byte(vm, i + j);
                                bad(vm, o, b);
                            }
                        } else if errors == Errors::Replace {
                            o.ch(vm, '\u{fffd}');
                        }
                        i += badlen;
                    }
                }
            }
        }
    })
}

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    for k in 0..args.nkw {
        let n = vm.kwname(args, k);
        if !["object", "encoding", "errors"]
            .iter()
            .any(|a| vm.str_is(n, a))
        {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' is an invalid keyword argument for str()",
                vm.str_text(n, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    if args.npos() > 3 {
        return Err(vm.raise_fmt(
            TypeId::TypeError,
            format_args!("str() takes at most 3 arguments ({} given)", args.npos()),
        ));
    }
    let enc = vm.opt_arg(args, 1, "encoding");
    let err = vm.opt_arg(args, 2, "errors");
    let obj = vm.opt_arg(args, 0, "object");
    if enc.is_none() && err.is_none() {
        return match obj {
            None => Ok(Value::EMPTY_STR),
            Some(o) => vm.str(o),
        };
    }
    for (v, name) in [(enc, "encoding"), (err, "errors")] {
        if let Some(v) = v {
            if as_str(vm, v).is_none() {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "str() argument '{name}' must be str, not {}",
                    vm.type_name(v, &mut buf)
                );
                return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
    }
    let Some(obj) = obj else {
        return Ok(Value::EMPTY_STR);
    };
    let data = vm.unwrap_base(obj);
    if !vm.is_bytes_like(data) {
        if vm.is_str(data) {
            return Err(vm.raise_msg(TypeId::TypeError, "decoding str is not supported"));
        }
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(obj, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let codec = match enc {
        None => Codec::Utf8,
        Some(e) => {
            let e = vm.unwrap_base(e);
            let mut buf = [0; 4];
            match Codec::lookup(vm.str_text(e, &mut buf)) {
                Some(c) => c,
                None => return Err(unknown_encoding(vm, e)),
            }
        }
    };
    let object = arg_slot(vm, args, 0, "object").unwrap_or(args.base);
    decode(vm, object, codec, arg_slot(vm, args, 2, "errors"))
}

/// The stack slot of argument `i` (by position) or keyword `name`.
fn arg_slot(vm: &Vm, args: Args, i: usize, name: &str) -> Option<usize> {
    if i < args.npos() {
        return Some(args.base + i);
    }
    (0..args.nkw)
        .find(|&k| vm.str_is(vm.kwname(args, k), name))
        .map(|k| args.base + args.npos() + k)
}

// ---- translate ------------------------------------------------------------------

fn maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // `str.maketrans(...)` (static) and `s.maketrans(...)` (self first)
    // arrive alike: tell them apart by the argument shapes.
    let n = args.npos();
    let at = |vm: &Vm, i: usize| vm.slot(args.base + i);
    let first = if n == 0 {
        0
    } else {
        let a0 = at(vm, 0);
        let s0 = as_str(vm, a0).is_some();
        match n {
            2 if s0 && vm.heap.kind(at(vm, 1)) == kind::DICT => 1,
            3 if s0 => {
                let l = |vm: &Vm, i: usize| as_str(vm, at(vm, i)).map(|s| vm.str_len(s));
                let (l0, l1, l2) = (l(vm, 0), l(vm, 1), l(vm, 2));
                if l1.is_some() && l1 == l2 && l0 != l1 {
                    1
                } else {
                    0
                }
            }
            4 => 1,
            _ => 0,
        }
    };
    let n = n - first;
    if n == 0 || n > 3 || args.nkw > 0 {
        if args.nkw > 0 {
            return Err(vm.raise_msg(TypeId::TypeError, "maketrans() takes no keyword arguments"));
        }
        let mut m = Msg::new();
        let _ = if n == 0 {
            write!(m, "maketrans() missing required argument 'x' (pos 1)")
        } else {
            write!(m, "maketrans expected at most 3 arguments, got {n}")
        };
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let base = args.base + first;
    let d = vm.new_dict()?;
    vm.push(d)?;
    let ds = vm.sp() - 1;
    let r = maketrans_fill(vm, base, n, ds);
    let d = vm.slot(ds);
    vm.heap.truncate(ds);
    r.map(|_| d)
}

fn maketrans_fill(vm: &mut Vm, base: usize, n: usize, ds: usize) -> PyResult<()> {
    let x = vm.slot(base);
    if n == 1 {
        if vm.heap.kind(x) != kind::DICT {
            return Err(vm.raise_msg(
                TypeId::TypeError,
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        let mut i = 0;
        loop {
            let x = vm.slot(base);
            if i >= vm.dict_used(x) {
                return Ok(());
            }
            if let Some((k, v)) = vm.dict_entry(x, i) {
                let key = if let Some(s) = as_str(vm, k) {
                    if vm.str_len(s) != 1 {
                        return Err(vm.raise_msg(
                            TypeId::ValueError,
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    let mut buf = [0; 4];
                    let c = vm.str_text(s, &mut buf).chars().next().unwrap_or('\0');
                    vm.new_int(c as i64)?
                } else if vm.is_int(k) {
                    k
                } else {
                    return Err(vm.raise_msg(
                        TypeId::TypeError,
                        "keys in translate table must be strings or integers",
                    ));
                };
                let x = vm.slot(base);
                let v = vm.dict_entry(x, i).map_or(v, |e| e.1);
                let d = vm.slot(ds);
                vm.dict_set(d, key, v)?;
            }
            i += 1;
        }
    }
    let Some(x) = as_str(vm, x) else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    for k in 1..n {
        let v = vm.slot(base + k);
        if as_str(vm, v).is_none() {
            let mut buf = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "maketrans() argument {} must be str, not {}",
                k + 1,
                vm.type_name(v, &mut buf)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    }
    let y = as_str(vm, vm.slot(base + 1)).unwrap_or(Value::EMPTY_STR);
    if vm.str_len(x) != vm.str_len(y) {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "the first two maketrans arguments must have equal length",
        ));
    }
    // Walk both strings by byte offset, re-reading them after each insert.
    let (mut i, mut j) = (0, 0);
    let nx = vm.str_byte_len(x);
    while i < nx {
        let (a, b) = {
            let (mut b1, mut b2) = ([0; 4], [0; 4]);
            let x = as_str(vm, vm.slot(base)).unwrap_or(Value::EMPTY_STR);
            let y = as_str(vm, vm.slot(base + 1)).unwrap_or(Value::EMPTY_STR);
            (
                decode_at(vm.str_bytes_buf(x, &mut b1), i),
                decode_at(vm.str_bytes_buf(y, &mut b2), j),
            )
        };
        i += a.1;
        j += b.1;
        let (k, v) = (vm.new_int(a.0 as i64)?, vm.new_int(b.0 as i64)?);
        let d = vm.slot(ds);
        vm.dict_set(d, k, v)?;
    }
    if n == 3 {
        let z = as_str(vm, vm.slot(base + 2)).unwrap_or(Value::EMPTY_STR);
        let nz = vm.str_byte_len(z);
        let mut i = 0;
        while i < nz {
            let (c, w) = {
                let mut buf = [0; 4];
                let z = as_str(vm, vm.slot(base + 2)).unwrap_or(Value::EMPTY_STR);
                decode_at(vm.str_bytes_buf(z, &mut buf), i)
            };
            i += w;
            let k = vm.new_int(c as i64)?;
            let d = vm.slot(ds);
            vm.dict_set(d, k, Value::NONE)?;
        }
    }
    Ok(())
}

fn translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "translate", Ar::One, None)?;
    let mut b = vm.builder(vm.str_byte_len(this(vm, args)))?;
    let r = translate_into(vm, args, &mut b);
    match r {
        Ok(()) => vm.builder_finish(b),
        Err(e) => {
            vm.builder_drop(b);
            Err(e)
        }
    }
}

fn translate_into(vm: &mut Vm, args: Args, b: &mut crate::repr::StrBuilder) -> PyResult<()> {
    let nb = vm.str_byte_len(this(vm, args));
    let mut i = 0;
    while i < nb {
        let (c, w) = {
            let mut buf = [0; 4];
            decode_at(vm.str_bytes_buf(this(vm, args), &mut buf), i)
        };
        i += w;
        let table = vm.slot(args.base + 1);
        let key = vm.new_int(c as i64)?;
        let table2 = vm.slot(args.base + 1);
        let _ = table;
        let v = match vm.getitem(table2, key) {
            Ok(v) => v,
            Err(e) => {
                let x = vm.exception();
                if vm.exc_matches(x, TypeId::LookupError) {
                    vm.take_exception();
                    vm.builder_push_char(b, c)?;
                    continue;
                }
                return Err(e);
            }
        };
        if v.is_none() {
            continue;
        }
        if let Some(s) = as_str(vm, v) {
            vm.builder_push_str(b, s)?;
        } else if vm.is_int(v) || vm.heap.kind(v) == kind::BIGINT {
            match vm
                .int_to_i64(v)
                .and_then(|n| u32::try_from(n).ok())
                .and_then(char::from_u32)
            {
                Some(c) => vm.builder_push_char(b, c)?,
                None => {
                    return Err(vm.raise_msg(
                        TypeId::ValueError,
                        "character mapping must be in range(0x110000)",
                    ))
                }
            }
        } else {
            return Err(vm.raise_msg(
                TypeId::TypeError,
                "character mapping must return integer, None or str",
            ));
        }
    }
    Ok(())
}

// ---- special methods ------------------------------------------------------------

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__len__", Ar::Wrap(0), None)?;
    let n = vm.str_len(this(vm, args));
    vm.new_int(n as i64)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__contains__", Ar::Wrap(1), None)?;
    let x = vm.slot(args.base + 1);
    let Some(x) = as_str(vm, x) else {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(x, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    let s = this(vm, args);
    let (mut b1, mut b2) = ([0; 4], [0; 4]);
    let (h, n) = (vm.str_bytes_buf(s, &mut b1), vm.str_bytes_buf(x, &mut b2));
    Ok(Value::bool(find_bytes(h, n, 0).is_some()))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__getitem__", Ar::Wrap(1), None)?;
    let (s, k) = (this(vm, args), vm.slot(args.base + 1));
    vm.getitem(s, k)
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__add__", Ar::Wrap(1), None)?;
    let x = vm.slot(args.base + 1);
    let Some(x) = as_str(vm, x) else {
        let mut buf = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(x, &mut buf)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    };
    let s = this(vm, args);
    vm.str_concat(s, x)
}

fn repeat_impl(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    enter(vm, args, name, Ar::Wrap(1), None)?;
    let n = ssize_arg(vm, vm.slot(args.base + 1))?.max(0) as usize;
    let s = this(vm, args);
    let (nb, nc) = (vm.str_byte_len(s), vm.str_len(s));
    if n == 1 || nc == 0 {
        return Ok(s);
    }
    if n == 0 {
        return Ok(Value::EMPTY_STR);
    }
    let total = nb.checked_mul(n).filter(|&t| t < (1 << 28));
    let Some(total) = total else {
        return Err(vm.raise_memory_error());
    };
    let r = vm.alloc_str_raw(total, nc * n, false)?;
    let s = this(vm, args);
    for k in 0..n {
        vm.copy_str_into(r, k * nb, s);
    }
    Ok(r)
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeat_impl(vm, args, "__mul__")
}

fn dunder_rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    repeat_impl(vm, args, "__rmul__")
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__mod__", Ar::Wrap(1), None)?;
    let (s, x) = (this(vm, args), vm.slot(args.base + 1));
    crate::format::percent_format(vm, s, x)
}

fn dunder_rmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__rmod__", Ar::Wrap(1), None)?;
    match as_str(vm, vm.slot(args.base + 1)) {
        Some(f) => {
            let s = this(vm, args);
            crate::format::percent_format(vm, f, s)
        }
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// Rich comparison of two strs by code point (UTF-8 byte order agrees).
fn compare_impl(
    vm: &mut Vm,
    args: Args,
    name: &str,
    ok: fn(core::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    enter(vm, args, name, Ar::Wrap(1), None)?;
    let Some(x) = as_str(vm, vm.slot(args.base + 1)) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let s = this(vm, args);
    let (mut b1, mut b2) = ([0; 4], [0; 4]);
    let o = vm
        .str_bytes_buf(s, &mut b1)
        .cmp(vm.str_bytes_buf(x, &mut b2));
    Ok(Value::bool(ok(o)))
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__eq__", |o| o.is_eq())
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__ne__", |o| o.is_ne())
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__lt__", |o| o.is_lt())
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__le__", |o| o.is_le())
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__gt__", |o| o.is_gt())
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare_impl(vm, args, "__ge__", |o| o.is_ge())
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__hash__", Ar::Wrap(0), None)?;
    let s = this(vm, args);
    let h = vm.py_hash(s)?;
    vm.new_int(h)
}

fn dunder_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__str__", Ar::Wrap(0), None)?;
    Ok(this(vm, args))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__repr__", Ar::Wrap(0), None)?;
    let s = this(vm, args);
    vm.repr(s)
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__format__", Ar::One, None)?;
    let spec = vm.slot(args.base + 1);
    let Some(spec) = as_str(vm, spec) else {
        return Err(must_be_str(vm, "__format__() argument ", spec));
    };
    let s = this(vm, args);
    crate::format::format(vm, s, spec)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    enter(vm, args, "__iter__", Ar::Wrap(0), None)?;
    let s = this(vm, args);
    vm.get_iter(s)
}

// ---- tables (generated from CPython 3.11's unicodedata, Unicode 14.0) -----------
//
// Regenerate with a few lines of Python: collect the ranges of code points
// where the predicate holds (`not c.isprintable()`; category in Mn, Mc;
// `c.isdecimal()` ...), then emit either `start << 8 | (len - 1)` words
// (ranges longer than 256 split) or, for the run tables, the alternating
// out/in run lengths from U+0000 as LEB128 bytes plus an index entry
// `code point << 11 | byte offset` before every 32nd run pair.

/// Non-printable code points (`str.isprintable`, Unicode 14.0.0): alternating
/// run lengths (printable, non-printable, ...) from U+0000, as LEB128 varints.
static NONPRINT_RUNS: [u8; 1488] = [
    0, 32, 95, 34, 12, 1, 202, 5, 2, 6, 4, 7, 1, 1, 1, 20, 1, 141, 3, 1, 38, 2, 50, 2, 3, 1, 55, 8,
    27, 4, 6, 17, 22, 1, 192, 1, 1, 48, 2, 59, 2, 101, 14, 59, 2, 49, 2, 15, 1, 28, 2, 1, 1, 11, 5,
    31, 9, 74, 1, 161, 1, 1, 8, 2, 2, 2, 22, 1, 7, 1, 1, 3, 4, 2, 9, 2, 2, 2, 4, 8, 1, 4, 2, 1, 5,
    2, 25, 2, 3, 1, 6, 4, 2, 2, 22, 1, 7, 1, 2, 1, 2, 1, 2, 2, 1, 1, 5, 4, 2, 2, 3, 3, 1, 7, 4, 1,
    1, 7, 17, 10, 3, 1, 9, 1, 3, 1, 22, 1, 7, 1, 2, 1, 5, 2, 10, 1, 3, 1, 3, 2, 1, 15, 4, 2, 12, 7,
    7, 1, 3, 1, 8, 2, 2, 2, 22, 1, 7, 1, 2, 1, 5, 2, 9, 2, 2, 2, 3, 7, 3, 4, 2, 1, 5, 2, 18, 10, 2,
    1, 6, 3, 3, 1, 4, 3, 2, 1, 1, 1, 2, 3, 2, 3, 3, 3, 12, 4, 5, 3, 3, 1, 4, 2, 1, 6, 1, 14, 21, 5,
    13, 1, 3, 1, 23, 1, 16, 2, 9, 1, 3, 1, 4, 7, 2, 1, 3, 2, 1, 2, 4, 2, 10, 7, 22, 1, 3, 1, 23, 1,
    10, 1, 5, 2, 9, 1, 3, 1, 4, 7, 2, 6, 2, 1, 4, 2, 10, 1, 2, 13, 13, 1, 3, 1, 51, 1, 3, 1, 6, 4,
    16, 2, 26, 1, 3, 1, 18, 3, 24, 1, 9, 1, 1, 2, 7, 3, 1, 4, 6, 1, 1, 1, 8, 6, 10, 2, 3, 12, 58,
    4, 29, 37, 2, 1, 1, 1, 5, 1, 24, 1, 1, 1, 23, 2, 5, 1, 1, 1, 6, 2, 10, 2, 4, 32, 72, 1, 36, 4,
    39, 1, 36, 1, 15, 1, 13, 37, 198, 1, 1, 1, 5, 1, 2, 249, 2, 1, 4, 2, 7, 1, 1, 1, 4, 2, 41, 1,
    4, 2, 33, 1, 4, 2, 7, 1, 1, 1, 4, 2, 15, 1, 57, 1, 4, 2, 67, 2, 32, 3, 26, 6, 86, 2, 6, 2, 128,
    5, 1, 28, 3, 89, 7, 22, 9, 24, 9, 20, 12, 13, 1, 3, 1, 2, 12, 94, 2, 10, 6, 10, 6, 14, 1, 11,
    6, 89, 7, 43, 5, 70, 10, 31, 1, 12, 4, 12, 4, 1, 3, 42, 2, 5, 11, 44, 4, 26, 6, 11, 3, 62, 2,
    65, 1, 29, 2, 11, 6, 10, 6, 14, 2, 31, 49, 77, 3, 47, 1, 116, 8, 60, 3, 15, 3, 60, 7, 43, 2,
    11, 8, 43, 5, 150, 4, 2, 6, 2, 38, 2, 6, 2, 8, 1, 1, 1, 1, 1, 1, 1, 31, 2, 53, 1, 15, 1, 14, 2,
    6, 1, 19, 2, 3, 1, 9, 17, 24, 8, 47, 17, 2, 2, 27, 1, 13, 3, 33, 15, 33, 15, 140, 1, 4, 151, 5,
    25, 11, 21, 148, 14, 2, 32, 1, 221, 2, 5, 45, 1, 1, 5, 1, 2, 56, 7, 2, 14, 24, 9, 7, 1, 7, 1,
    7, 1, 7, 1, 7, 1, 7, 1, 7, 1, 7, 1, 126, 34, 26, 1, 89, 12, 214, 1, 26, 12, 5, 63, 1, 86, 2,
    103, 5, 43, 1, 94, 1, 84, 12, 47, 1, 237, 228, 1, 3, 55, 9, 220, 2, 20, 184, 1, 8, 203, 1, 5,
    2, 1, 1, 1, 5, 24, 59, 3, 10, 6, 56, 8, 70, 8, 12, 6, 116, 11, 30, 3, 78, 1, 11, 4, 33, 1, 55,
    9, 14, 2, 10, 2, 103, 24, 28, 10, 6, 2, 6, 2, 6, 9, 7, 1, 7, 1, 60, 4, 126, 2, 10, 6, 164, 87,
    12, 23, 4, 49, 132, 66, 238, 2, 2, 106, 38, 7, 12, 5, 5, 26, 1, 5, 1, 1, 1, 2, 1, 2, 1, 125,
    16, 189, 3, 2, 54, 7, 1, 32, 42, 6, 51, 1, 19, 1, 4, 4, 5, 1, 135, 1, 4, 190, 1, 3, 6, 2, 6, 2,
    6, 2, 3, 3, 7, 1, 7, 13, 2, 2, 12, 1, 26, 1, 19, 1, 2, 1, 15, 2, 14, 34, 123, 5, 3, 4, 45, 3,
    88, 1, 13, 3, 1, 47, 46, 130, 1, 29, 3, 49, 15, 28, 4, 36, 9, 30, 5, 43, 5, 30, 1, 37, 4, 14,
    42, 158, 1, 2, 10, 6, 36, 4, 36, 4, 40, 8, 52, 11, 12, 1, 15, 1, 7, 1, 2, 1, 11, 1, 15, 1, 7,
    1, 2, 67, 183, 2, 9, 22, 10, 8, 24, 6, 1, 42, 1, 9, 69, 6, 2, 1, 1, 44, 1, 2, 3, 1, 2, 23, 1,
    72, 8, 9, 48, 19, 1, 2, 5, 33, 3, 27, 5, 1, 64, 56, 4, 20, 2, 50, 1, 2, 5, 8, 1, 3, 1, 29, 2,
    3, 4, 10, 7, 9, 7, 64, 32, 39, 4, 12, 9, 54, 3, 29, 2, 27, 5, 26, 7, 4, 12, 7, 80, 73, 55, 51,
    13, 51, 7, 46, 8, 10, 166, 2, 31, 1, 42, 1, 3, 2, 2, 78, 40, 8, 42, 22, 26, 38, 28, 20, 23, 9,
    78, 4, 36, 9, 62, 1, 5, 13, 25, 7, 10, 6, 53, 1, 18, 8, 39, 9, 96, 1, 20, 11, 18, 1, 44, 65, 7,
    1, 1, 1, 4, 1, 15, 1, 11, 6, 59, 5, 10, 6, 4, 1, 8, 2, 2, 2, 22, 1, 7, 1, 2, 1, 5, 1, 10, 2, 2,
    2, 3, 2, 1, 6, 1, 5, 7, 2, 7, 3, 5, 139, 1, 92, 1, 5, 30, 72, 8, 10, 166, 1, 54, 2, 38, 34, 69,
    11, 10, 6, 13, 19, 58, 6, 10, 54, 27, 2, 15, 4, 23, 185, 1, 60, 100, 83, 12, 8, 2, 1, 2, 8, 1,
    2, 1, 30, 1, 2, 2, 12, 9, 10, 70, 8, 2, 46, 2, 11, 27, 72, 8, 83, 13, 73, 135, 2, 9, 1, 45, 1,
    14, 10, 29, 3, 32, 2, 22, 1, 14, 73, 7, 1, 2, 1, 44, 3, 1, 1, 2, 1, 9, 8, 10, 6, 6, 1, 2, 1,
    37, 1, 2, 1, 6, 7, 10, 182, 2, 25, 183, 1, 1, 15, 50, 13, 155, 7, 102, 111, 1, 5, 11, 196, 1,
    204, 20, 99, 13, 175, 8, 209, 31, 199, 4, 185, 67, 185, 4, 7, 31, 1, 10, 4, 81, 1, 10, 6, 30,
    2, 6, 10, 70, 10, 10, 1, 7, 1, 21, 5, 19, 176, 5, 91, 101, 75, 4, 57, 7, 17, 64, 5, 11, 2, 14,
    248, 47, 8, 214, 9, 42, 9, 231, 69, 4, 1, 7, 1, 2, 1, 163, 2, 45, 3, 17, 4, 8, 140, 3, 132, 18,
    107, 5, 13, 3, 9, 7, 10, 2, 4, 224, 36, 46, 2, 23, 9, 116, 60, 246, 1, 10, 39, 2, 74, 8, 112,
    21, 70, 154, 1, 20, 12, 87, 9, 25, 135, 1, 85, 1, 71, 1, 2, 2, 1, 2, 2, 2, 4, 1, 12, 1, 1, 1,
    7, 1, 65, 1, 4, 2, 8, 1, 7, 1, 28, 1, 4, 1, 5, 1, 1, 3, 7, 1, 212, 2, 2, 164, 2, 2, 190, 5, 15,
    5, 1, 15, 208, 8, 31, 225, 1, 7, 1, 17, 2, 7, 1, 2, 1, 5, 213, 1, 45, 3, 14, 2, 10, 4, 2, 192,
    2, 31, 17, 58, 5, 1, 224, 9, 7, 1, 4, 1, 2, 1, 15, 1, 197, 1, 2, 16, 41, 76, 4, 10, 4, 2, 145,
    6, 68, 76, 61, 194, 1, 4, 1, 27, 1, 2, 1, 1, 2, 1, 1, 10, 1, 4, 1, 1, 1, 1, 6, 1, 4, 1, 1, 1,
    1, 1, 1, 3, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 4, 1, 7, 1, 4, 1, 4, 1, 1,
    1, 10, 1, 17, 5, 3, 1, 5, 1, 17, 52, 2, 142, 2, 44, 4, 100, 12, 15, 2, 15, 1, 15, 1, 37, 10,
    174, 1, 56, 29, 13, 44, 4, 9, 7, 2, 14, 6, 154, 1, 216, 7, 5, 16, 3, 13, 3, 116, 12, 89, 7, 12,
    4, 1, 15, 12, 4, 56, 8, 10, 6, 40, 8, 30, 2, 2, 78, 212, 2, 12, 14, 2, 5, 3, 5, 3, 7, 9, 29, 3,
    11, 5, 6, 10, 10, 6, 8, 8, 7, 9, 147, 1, 1, 55, 37, 10, 134, 8, 224, 205, 2, 32, 185, 32, 7,
    222, 1, 2, 130, 45, 14, 177, 58, 159, 24, 158, 4, 226, 11, 203, 38, 181, 219, 43, 240, 1, 144,
    252, 11,
];
/// Every 32nd run pair of `NONPRINT_RUNS`: `code point << 11 | byte offset`.
static NONPRINT_INDEX: [u32; 22] = [
    0x00000000, 0x004d5044, 0x0055a884, 0x005df0c4, 0x00687104, 0x007a4944, 0x00b8f987, 0x00dfe1c7,
    0x0123020a, 0x05320250, 0x07d38295, 0x080402d8, 0x083b031b, 0x085ac35b, 0x0894439c, 0x08b803de,
    0x08ea8420, 0x0b7c7c6b, 0x0ea514b5, 0x0f17fcfc, 0x0f72fd40, 0x0fbf8584,
];
/// Decimal digits (Nd): `start << 8 | (len - 1)`.
static DECIMAL: [u32; 62] = [
    0x00003009, 0x00066009, 0x0006f009, 0x0007c009, 0x00096609, 0x0009e609, 0x000a6609, 0x000ae609,
    0x000b6609, 0x000be609, 0x000c6609, 0x000ce609, 0x000d6609, 0x000de609, 0x000e5009, 0x000ed009,
    0x000f2009, 0x00104009, 0x00109009, 0x0017e009, 0x00181009, 0x00194609, 0x0019d009, 0x001a8009,
    0x001a9009, 0x001b5009, 0x001bb009, 0x001c4009, 0x001c5009, 0x00a62009, 0x00a8d009, 0x00a90009,
    0x00a9d009, 0x00a9f009, 0x00aa5009, 0x00abf009, 0x00ff1009, 0x0104a009, 0x010d3009, 0x01106609,
    0x0110f009, 0x01113609, 0x0111d009, 0x0112f009, 0x01145009, 0x0114d009, 0x01165009, 0x0116c009,
    0x01173009, 0x0118e009, 0x01195009, 0x011c5009, 0x011d5009, 0x011da009, 0x016a6009, 0x016ac009,
    0x016b5009, 0x01d7ce31, 0x01e14009, 0x01e2f009, 0x01e95009, 0x01fbf009,
];
/// Digits that are not decimal (superscripts, circled ...): `start << 8 | (len - 1)`.
static DIGIT_EXTRA: [u32; 20] = [
    0x0000b201, 0x0000b900, 0x00136908, 0x0019da00, 0x00207000, 0x00207405, 0x00208009, 0x00246008,
    0x00247408, 0x00248808, 0x0024ea00, 0x0024f508, 0x0024ff00, 0x00277608, 0x00278008, 0x00278a08,
    0x010a4003, 0x010e6008, 0x01105208, 0x01f1000a,
];
/// Numeric characters outside the N* categories (CJK numerals ...): `start << 8 | (len - 1)`.
static NUMERIC_EXTRA: [u32; 72] = [
    0x00340500, 0x00348300, 0x00382a00, 0x003b4d00, 0x004e0000, 0x004e0300, 0x004e0700, 0x004e0900,
    0x004e5d00, 0x004e8c00, 0x004e9400, 0x004e9600, 0x004ebf01, 0x004edf00, 0x004ee800, 0x004f0d00,
    0x004f7000, 0x00510400, 0x00514600, 0x00516900, 0x00516b00, 0x00516d00, 0x00534100, 0x00534302,
    0x00534c00, 0x0053c103, 0x0056db00, 0x0058f100, 0x0058f900, 0x005e7a00, 0x005efe01, 0x005f0c02,
    0x005f1000, 0x0062fe00, 0x00634c00, 0x0067d200, 0x006f0600, 0x00739600, 0x00767e00, 0x00808600,
    0x00842c00, 0x008cae00, 0x008cb300, 0x008d3000, 0x00962100, 0x00964600, 0x00964c00, 0x00967800,
    0x0096f600, 0x00f96b00, 0x00f97300, 0x00f97800, 0x00f9b200, 0x00f9d100, 0x00f9d300, 0x00f9fd00,
    0x02000100, 0x02006400, 0x0200e200, 0x02012100, 0x02092a00, 0x02098300, 0x02098c00, 0x02099c00,
    0x020aea00, 0x020afd00, 0x020b1900, 0x02239000, 0x02299800, 0x023b1b00, 0x02626d00, 0x02f89000,
];
/// Combining marks (Mn, Mc): alternating run lengths (not mark, mark,
/// ...) from U+0000, as LEB128 varints.
static MARK_RUNS: [u8; 655] = [
    128, 6, 112, 147, 2, 5, 137, 2, 45, 1, 1, 1, 2, 1, 2, 1, 1, 72, 11, 48, 21, 16, 1, 101, 7, 2,
    6, 2, 2, 1, 4, 35, 1, 30, 27, 91, 11, 58, 9, 9, 1, 24, 4, 1, 9, 1, 3, 1, 5, 43, 3, 60, 8, 42,
    24, 1, 33, 54, 3, 1, 18, 1, 7, 10, 2, 29, 3, 56, 1, 1, 7, 2, 2, 2, 3, 9, 1, 10, 2, 26, 1, 2, 3,
    56, 1, 1, 5, 4, 2, 2, 3, 3, 1, 30, 2, 3, 1, 11, 3, 56, 1, 1, 8, 1, 3, 1, 3, 20, 2, 22, 6, 1, 3,
    56, 1, 1, 7, 2, 2, 2, 3, 7, 3, 10, 2, 30, 1, 59, 5, 3, 3, 1, 4, 9, 1, 40, 5, 55, 1, 1, 7, 1, 3,
    1, 4, 7, 2, 11, 2, 29, 3, 56, 1, 1, 7, 1, 3, 1, 4, 7, 2, 11, 2, 28, 4, 55, 2, 1, 7, 1, 3, 1, 4,
    9, 1, 10, 2, 29, 3, 70, 1, 4, 6, 1, 1, 1, 8, 18, 2, 61, 1, 2, 7, 12, 8, 98, 1, 2, 9, 11, 6, 74,
    2, 27, 1, 1, 1, 1, 1, 4, 2, 49, 20, 1, 2, 5, 11, 1, 36, 9, 1, 100, 20, 23, 4, 4, 3, 1, 3, 2, 7,
    3, 4, 13, 12, 1, 1, 10, 4, 191, 5, 3, 178, 7, 4, 28, 3, 29, 2, 30, 2, 64, 32, 9, 1, 45, 3, 1,
    1, 117, 2, 34, 1, 118, 12, 4, 12, 219, 1, 5, 57, 10, 1, 29, 2, 1, 48, 14, 1, 16, 49, 5, 47, 17,
    38, 9, 12, 3, 30, 13, 56, 14, 48, 20, 152, 1, 3, 1, 21, 4, 1, 6, 1, 2, 3, 198, 1, 64, 208, 5,
    13, 4, 1, 3, 12, 254, 23, 3, 141, 1, 1, 96, 32, 170, 4, 6, 105, 2, 212, 235, 1, 1, 4, 10, 32,
    2, 80, 2, 144, 2, 1, 3, 1, 4, 1, 23, 5, 4, 1, 83, 2, 50, 18, 26, 18, 13, 1, 38, 8, 25, 13, 44,
    4, 47, 14, 36, 1, 67, 14, 12, 1, 8, 2, 45, 3, 50, 1, 1, 3, 2, 2, 5, 2, 1, 1, 41, 5, 5, 2, 236,
    1, 8, 1, 2, 176, 158, 1, 1, 225, 5, 16, 16, 16, 205, 7, 1, 226, 1, 1, 149, 1, 5, 134, 13, 3, 1,
    2, 5, 4, 40, 3, 4, 1, 165, 1, 2, 189, 4, 4, 131, 3, 2, 153, 1, 11, 49, 4, 122, 3, 53, 15, 41,
    1, 2, 2, 10, 4, 45, 11, 7, 1, 61, 3, 36, 14, 16, 2, 44, 1, 12, 3, 48, 14, 8, 4, 1, 2, 92, 12,
    6, 1, 160, 1, 12, 21, 4, 55, 2, 1, 7, 2, 2, 2, 3, 9, 1, 10, 2, 2, 7, 3, 5, 192, 1, 18, 23, 1,
    81, 20, 235, 1, 7, 2, 9, 27, 2, 82, 17, 106, 13, 101, 15, 128, 2, 15, 245, 1, 6, 1, 2, 2, 4, 1,
    1, 1, 2, 141, 1, 7, 2, 7, 3, 1, 28, 10, 40, 7, 1, 4, 8, 1, 9, 11, 46, 16, 149, 3, 8, 1, 8, 82,
    22, 1, 14, 122, 6, 3, 1, 1, 2, 1, 7, 1, 1, 66, 5, 1, 2, 1, 5, 219, 2, 4, 249, 151, 1, 5, 59, 7,
    152, 8, 1, 1, 55, 7, 4, 81, 1, 11, 2, 171, 153, 1, 2, 225, 36, 46, 2, 23, 158, 4, 5, 3, 6, 8,
    8, 2, 7, 30, 4, 148, 1, 3, 187, 15, 55, 4, 50, 8, 1, 14, 1, 22, 5, 1, 15, 208, 10, 7, 1, 17, 2,
    7, 1, 2, 1, 5, 133, 2, 7, 247, 2, 1, 61, 4, 224, 11, 7, 109, 7, 181, 175, 48, 240, 1,
];
/// Every 32nd run pair of `MARK_RUNS`: `code point << 11 | byte offset`.
static MARK_INDEX: [u32; 10] = [
    0x00000000, 0x004c2043, 0x005e4883, 0x007278c3, 0x00c43905, 0x0533f14e, 0x07f18193, 0x089821dc,
    0x08d4d221, 0x0ed3b26c,
];
