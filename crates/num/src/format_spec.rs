//! The format-spec mini-language (`format(value, spec)`, f-strings,
//! `str.format`): parsing with CPython 3.11's validation and error
//! messages, and the padding / alignment / sign / digit-grouping applier for
//! strings, ints and floats.
//!
//! Grammar: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.

use crate::bigint::{self, Signed};
use crate::float_fmt::{float_text, DigitBuf, FloatFlags, FloatMode};
use crate::Sink;

/// Alignment option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding after the sign and prefix.
    AfterSign,
}

/// Sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOpt {
    /// `-` (the default): sign only for negative numbers.
    Minus,
    /// `+`: always a sign.
    Plus,
    /// ` `: a space for non-negative numbers.
    Space,
}

/// Thousands-grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// No grouping.
    None,
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

/// A parsed format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only when an alignment followed it).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Sign option (`None` when absent).
    pub sign: Option<SignOpt>,
    /// `z`: coerce negative zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag before the width.
    pub zero: bool,
    /// Minimum width in characters.
    pub width: Option<usize>,
    /// Grouping option.
    pub grouping: Grouping,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type character.
    pub ty: Option<char>,
}

/// A rejected spec or value; [`SpecError::write_message`] renders CPython's
/// message. All are `ValueError` except where [`SpecError::is_overflow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecError {
    /// `Invalid format specifier '<spec>' for object of type '<type>'`
    Invalid,
    /// `Format specifier missing precision`
    MissingPrecision,
    /// `Too many decimal digits in format string`
    TooManyDigits,
    /// `Cannot specify both ',' and '_'.`
    BothSeparators,
    /// `Cannot specify ',' with 'x'.` (separator, type)
    SeparatorWithType(char, char),
    /// `Unknown format code 'x' for object of type '<type>'`
    UnknownCode(char),
    /// `Sign not allowed in string format specifier`
    StrSign,
    /// `Space not allowed in string format specifier`
    StrSpace,
    /// `Negative zero coercion (z) not allowed in string format specifier`
    StrNoNeg0,
    /// `Alternate form (#) not allowed in string format specifier`
    StrAlternate,
    /// `'=' alignment not allowed in string format specifier`
    StrAfterSign,
    /// `Precision not allowed in integer format specifier`
    IntPrecision,
    /// `Negative zero coercion (z) not allowed in integer format specifier`
    IntNoNeg0,
    /// `Sign not allowed with integer format specifier 'c'`
    CharSign,
    /// `Alternate form (#) not allowed with integer format specifier 'c'`
    CharAlternate,
    /// OverflowError `%c arg not in range(0x110000)`
    CharRange,
    /// OverflowError `Python int too large to convert to C long` (`'c'`
    /// with a value outside the 64-bit range)
    CharTooLarge,
    /// `precision too big`
    PrecisionTooBig,
    /// OverflowError `int too large to convert to float`
    IntTooLarge,
    /// Internal: a scratch buffer was too small (VM bug, not a user error).
    Buffer,
}

fn put_char(sink: &mut dyn Sink, c: u32) {
    // Generalized UTF-8 (also encodes lone surrogates, as Python allows them).
    let mut b = [0u8; 4];
    let n = if c < 0x80 {
        b[0] = c as u8;
        1
    } else if c < 0x800 {
        b[0] = 0xc0 | (c >> 6) as u8;
        b[1] = 0x80 | (c & 0x3f) as u8;
        2
    } else if c < 0x10000 {
        b[0] = 0xe0 | (c >> 12) as u8;
        b[1] = 0x80 | ((c >> 6) & 0x3f) as u8;
        b[2] = 0x80 | (c & 0x3f) as u8;
        3
    } else {
        b[0] = 0xf0 | ((c >> 18) & 0x07) as u8;
        b[1] = 0x80 | ((c >> 12) & 0x3f) as u8;
        b[2] = 0x80 | ((c >> 6) & 0x3f) as u8;
        b[3] = 0x80 | (c & 0x3f) as u8;
        4
    };
    sink.put(b.get(..n).unwrap_or(&[]));
}

/// Writes a type char as CPython does in messages: itself when printable
/// ASCII, else `\x..`.
fn put_code(sink: &mut dyn Sink, c: char) {
    let v = c as u32;
    if v > 32 && v < 128 {
        put_char(sink, v);
    } else {
        sink.put(b"\\x");
        let mut buf = [0u32; 1];
        buf[0] = v;
        let mut sc = [0u32; 4];
        let _ = bigint::to_radix(&buf, 16, &mut sc, sink);
    }
}

impl SpecError {
    /// True for errors CPython raises as `OverflowError`.
    pub fn is_overflow(&self) -> bool {
        matches!(
            self,
            SpecError::CharRange | SpecError::CharTooLarge | SpecError::IntTooLarge
        )
    }

    /// Writes CPython's message; `spec` is the whole spec text and
    /// `type_name` the Python type name (`'float'`, `'int'`, `'str'`, ...).
    pub fn write_message(&self, spec: &str, type_name: &str, sink: &mut dyn Sink) {
        let s: &[u8] = match self {
            SpecError::Invalid => {
                sink.put(b"Invalid format specifier '");
                sink.put(spec.as_bytes());
                sink.put(b"' for object of type '");
                sink.put(type_name.as_bytes());
                sink.put(b"'");
                return;
            }
            SpecError::UnknownCode(c) => {
                sink.put(b"Unknown format code '");
                put_code(sink, *c);
                sink.put(b"' for object of type '");
                sink.put(type_name.as_bytes());
                sink.put(b"'");
                return;
            }
            SpecError::SeparatorWithType(sep, c) => {
                sink.put(b"Cannot specify '");
                put_char(sink, *sep as u32);
                sink.put(b"' with '");
                put_code(sink, *c);
                sink.put(b"'.");
                return;
            }
            SpecError::MissingPrecision => b"Format specifier missing precision",
            SpecError::TooManyDigits => b"Too many decimal digits in format string",
            SpecError::BothSeparators => b"Cannot specify both ',' and '_'.",
            SpecError::StrSign => b"Sign not allowed in string format specifier",
            SpecError::StrSpace => b"Space not allowed in string format specifier",
            SpecError::StrNoNeg0 => {
                b"Negative zero coercion (z) not allowed in string format specifier"
            }
            SpecError::StrAlternate => b"Alternate form (#) not allowed in string format specifier",
            SpecError::StrAfterSign => b"'=' alignment not allowed in string format specifier",
            SpecError::IntPrecision => b"Precision not allowed in integer format specifier",
            SpecError::IntNoNeg0 => {
                b"Negative zero coercion (z) not allowed in integer format specifier"
            }
            SpecError::CharSign => b"Sign not allowed with integer format specifier 'c'",
            SpecError::CharAlternate => {
                b"Alternate form (#) not allowed with integer format specifier 'c'"
            }
            SpecError::CharRange => b"%c arg not in range(0x110000)",
            SpecError::CharTooLarge => b"Python int too large to convert to C long",
            SpecError::PrecisionTooBig => b"precision too big",
            SpecError::IntTooLarge => b"int too large to convert to float",
            SpecError::Buffer => b"internal error: format buffer too small",
        };
        sink.put(s);
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Character `i` of the spec (specs are short; linear access is fine).
fn at(s: &str, i: usize) -> Option<char> {
    s.chars().nth(i)
}

/// Parses a run of ASCII digits at char index `*i`; `Ok(None)` when there is
/// none.
fn get_integer(s: &str, i: &mut usize) -> Result<Option<usize>, SpecError> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(c) = at(s, *i).filter(|c| c.is_ascii_digit()) {
        let d = c as usize - '0' as usize;
        acc = acc
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|&v| v <= i64::MAX as usize)
            .ok_or(SpecError::TooManyDigits)?;
        any = true;
        *i += 1;
    }
    Ok(if any { Some(acc) } else { None })
}

impl FormatSpec {
    /// Parses `spec` (generic validation only; the per-type checks happen
    /// when formatting).
    pub fn parse(spec: &str) -> Result<FormatSpec, SpecError> {
        let s = spec;
        let n = s.chars().count();
        let mut f = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            ty: None,
        };
        let mut i = 0;
        if let Some(a) = at(s, 1).and_then(align_of) {
            f.fill = at(s, 0);
            f.align = Some(a);
            i = 2;
        } else if let Some(a) = at(s, 0).and_then(align_of) {
            f.align = Some(a);
            i = 1;
        }
        match at(s, i) {
            Some('+') => f.sign = Some(SignOpt::Plus),
            Some('-') => f.sign = Some(SignOpt::Minus),
            Some(' ') => f.sign = Some(SignOpt::Space),
            _ => {}
        }
        if f.sign.is_some() {
            i += 1;
        }
        if at(s, i) == Some('z') {
            f.no_neg_0 = true;
            i += 1;
        }
        if at(s, i) == Some('#') {
            f.alternate = true;
            i += 1;
        }
        if f.fill.is_none() && at(s, i) == Some('0') {
            f.zero = true;
            i += 1;
        }
        f.width = get_integer(s, &mut i)?;
        if at(s, i) == Some(',') {
            f.grouping = Grouping::Comma;
            i += 1;
        }
        if at(s, i) == Some('_') {
            if f.grouping != Grouping::None {
                return Err(SpecError::BothSeparators);
            }
            f.grouping = Grouping::Underscore;
            i += 1;
        }
        if at(s, i) == Some(',') && f.grouping == Grouping::Underscore {
            return Err(SpecError::BothSeparators);
        }
        if at(s, i) == Some('.') {
            i += 1;
            f.precision = Some(get_integer(s, &mut i)?.ok_or(SpecError::MissingPrecision)?);
        }
        if n - i.min(n) > 1 {
            return Err(SpecError::Invalid);
        }
        f.ty = at(s, i);
        if f.grouping != Grouping::None {
            let sep = if f.grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            match f.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if f.grouping == Grouping::Underscore => {}
                Some(t) => return Err(SpecError::SeparatorWithType(sep, t)),
            }
        }
        Ok(f)
    }

    /// The fill character in effect (`0` flag, explicit fill, or space).
    pub fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero => '0',
            None => ' ',
        }
    }

    /// The alignment in effect given the type's default (`<` for strings,
    /// `>` for numbers; the `0` flag turns the number default into `=`).
    pub fn align_or(&self, default: Align) -> Align {
        match self.align {
            Some(a) => a,
            None if self.zero && default == Align::Right => Align::AfterSign,
            None => default,
        }
    }
}

/// Writes `n` copies of `c`.
fn put_fill(sink: &mut dyn Sink, c: char, n: usize) {
    let mut b = [0u8; 4];
    let enc = c.encode_utf8(&mut b).as_bytes();
    for _ in 0..n {
        if sink.full() {
            return;
        }
        sink.put(enc);
    }
}

/// Number of characters in UTF-8 text.
fn char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&b| (b & 0xc0) != 0x80).count()
}

/// `format(s, spec)` for a `str` (UTF-8; `width`/precision count
/// characters).
pub fn format_str(spec: &FormatSpec, s: &str, sink: &mut dyn Sink) -> Result<(), SpecError> {
    // The type defaults to 's' for strings, which allows no grouping.
    if spec.ty.is_none() && spec.grouping != Grouping::None {
        let sep = if spec.grouping == Grouping::Comma {
            ','
        } else {
            '_'
        };
        return Err(SpecError::SeparatorWithType(sep, 's'));
    }
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(SpecError::UnknownCode(c)),
    }
    match spec.sign {
        Some(SignOpt::Space) => return Err(SpecError::StrSpace),
        Some(_) => return Err(SpecError::StrSign),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(SpecError::StrNoNeg0);
    }
    if spec.alternate {
        return Err(SpecError::StrAlternate);
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(SpecError::StrAfterSign);
    }
    let mut bytes = s.as_bytes();
    let mut len = char_count(bytes);
    if let Some(p) = spec.precision {
        if p < len {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            bytes = bytes.get(..cut).unwrap_or(&[]);
            len = p;
        }
    }
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    let (l, r) = match spec.align_or(Align::Left) {
        Align::Left | Align::AfterSign => (0, pad),
        Align::Right => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    let fill = spec.fill_char();
    put_fill(sink, fill, l);
    sink.put(bytes);
    put_fill(sink, fill, r);
    Ok(())
}

/// Pads plain text (already formatted, no sign handling) to `width`
/// characters with `fill` and `align` (`=` acts like `>`). Handy for
/// `%`-formatting and `object.__format__`.
pub fn pad(text: &[u8], width: usize, fill: char, align: Align, sink: &mut dyn Sink) {
    let pad = width.saturating_sub(char_count(text));
    let (l, r) = match align {
        Align::Left => (0, pad),
        Align::Right | Align::AfterSign => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    put_fill(sink, fill, l);
    sink.put(text);
    put_fill(sink, fill, r);
}

/// Sink adapter inserting a separator every `group` digits, given the total
/// number of digit positions.
struct GroupSink<'a> {
    inner: &'a mut dyn Sink,
    sep: Option<u8>,
    group: usize,
    remaining: usize,
    first: bool,
    upper: bool,
}

impl Sink for GroupSink<'_> {
    fn full(&self) -> bool {
        self.inner.full()
    }
    fn put(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(sep) = self.sep {
                if !self.first && self.group > 0 && self.remaining % self.group == 0 {
                    self.inner.put(&[sep]);
                }
            }
            self.first = false;
            self.remaining = self.remaining.saturating_sub(1);
            let b = if self.upper {
                b.to_ascii_uppercase()
            } else {
                b
            };
            self.inner.put(&[b]);
        }
    }
}

/// Zero-padding digits and total grouped length, as CPython's
/// `_PyUnicode_InsertThousandsGrouping` with a minimum width: the digits are
/// left-padded with zeros until the grouped text reaches `min_width`
/// (a separator never leads).
fn grouping_layout(ndigits: usize, min_width: i64, group: Option<usize>) -> (usize, usize) {
    let nd = ndigits.max(1) as u64;
    let m = min_width.max(0) as u64;
    match group {
        None => {
            let l = nd.max(m);
            ((l - nd) as usize, l as usize)
        }
        Some(g) => {
            let g = g.max(1) as u64;
            let f = |d: u64| d + (d - 1) / g;
            let mut d = nd.max((m.saturating_mul(g) / (g + 1)).saturating_sub(1));
            while f(d) < m {
                d += 1;
            }
            ((d - nd) as usize, f(d) as usize)
        }
    }
}

/// Description of a number to lay out: sign, prefix (`0x`), digits of the
/// integer part (written by `write_digits`), and a tail (decimal point,
/// fraction, exponent, `%`, or the character of `'c'`) of `tail_len`
/// characters.
struct Number<'a> {
    neg: bool,
    prefix: &'a [u8],
    ndigits: usize,
    tail_len: usize,
    upper_digits: bool,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn write_number(
    spec: &FormatSpec,
    num: &Number,
    write_digits: &mut dyn FnMut(&mut dyn Sink),
    write_tail: &mut dyn FnMut(&mut dyn Sink),
    sink: &mut dyn Sink,
) {
    let sign: Option<u8> = match spec.sign {
        Some(SignOpt::Plus) => Some(if num.neg { b'-' } else { b'+' }),
        Some(SignOpt::Space) => Some(if num.neg { b'-' } else { b' ' }),
        _ => num.neg.then_some(b'-'),
    };
    let fill = spec.fill_char();
    let align = spec.align_or(Align::Right);
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digit = sign.is_some() as i64 + num.prefix.len() as i64 + num.tail_len as i64;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width - non_digit
    } else {
        0
    };
    let (sep, group) = match spec.grouping {
        Grouping::None => (None, None),
        Grouping::Comma => (Some(b','), Some(3)),
        Grouping::Underscore => {
            let g = if matches!(spec.ty, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            };
            (Some(b'_'), Some(g))
        }
    };
    let (zeros, grouped) = if num.ndigits == 0 {
        (0, 0)
    } else {
        grouping_layout(num.ndigits, min_width, group)
    };
    let padding = width - (non_digit + grouped as i64);
    let (mut l, mut s, mut r) = (0usize, 0usize, 0usize);
    if padding > 0 {
        let p = padding as usize;
        match align {
            Align::Left => r = p,
            Align::Center => {
                l = p / 2;
                r = p - l;
            }
            Align::AfterSign => s = p,
            Align::Right => l = p,
        }
    }
    put_fill(sink, fill, l);
    if let Some(c) = sign {
        sink.put(&[c]);
    }
    sink.put(num.prefix);
    put_fill(sink, fill, s);
    if num.ndigits > 0 {
        let mut g = GroupSink {
            inner: sink,
            sep,
            group: group.unwrap_or(0),
            remaining: zeros + num.ndigits,
            first: true,
            upper: num.upper_digits,
        };
        for _ in 0..zeros {
            if g.inner.full() {
                break;
            }
            g.put(b"0");
        }
        write_digits(&mut g);
    }
    write_tail(sink);
    put_fill(sink, fill, r);
}

/// Scratch limbs needed by [`format_int`] for a magnitude of `na` limbs.
pub fn format_int_scratch_len(na: usize) -> usize {
    bigint::to_radix_scratch_len(na)
}

/// `format(v, spec)` for an `int` (types `b c d o x X n`, none, and the float
/// types `e E f F g G %` which convert to float first). `scratch.len() >=
/// format_int_scratch_len(na)`. An empty spec gives `str(v)`.
pub fn format_int(
    spec: &FormatSpec,
    v: Signed,
    scratch: &mut [u32],
    sink: &mut dyn Sink,
) -> Result<(), SpecError> {
    let radix = match spec.ty {
        None | Some('d' | 'n') => 10,
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        Some('c') => 0,
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let m = bigint::to_f64(v.mag).ok_or(SpecError::IntTooLarge)?;
            let x = if v.neg { -m } else { m };
            return format_float(spec, x, sink);
        }
        Some(c) => return Err(SpecError::UnknownCode(c)),
    };
    if spec.precision.is_some() {
        return Err(SpecError::IntPrecision);
    }
    if spec.no_neg_0 {
        return Err(SpecError::IntNoNeg0);
    }
    let neg = v.neg && bigint::normalized_len(v.mag) > 0;
    if radix == 0 {
        if spec.sign.is_some() {
            return Err(SpecError::CharSign);
        }
        if spec.alternate {
            return Err(SpecError::CharAlternate);
        }
        bigint::to_i64(v).ok_or(SpecError::CharTooLarge)?;
        let c = bigint::to_u64(v.mag)
            .filter(|&c| !neg && c <= 0x10ffff)
            .ok_or(SpecError::CharRange)? as u32;
        let num = Number {
            neg: false,
            prefix: b"",
            ndigits: 0,
            tail_len: 1,
            upper_digits: false,
        };
        write_number(spec, &num, &mut |_| {}, &mut |s| put_char(s, c), sink);
        return Ok(());
    }
    let prefix: &[u8] = match (spec.alternate, spec.ty) {
        (true, Some('b')) => b"0b",
        (true, Some('o')) => b"0o",
        (true, Some('x')) => b"0x",
        (true, Some('X')) => b"0X",
        _ => b"",
    };
    let na = bigint::normalized_len(v.mag);
    if scratch.len() < format_int_scratch_len(na) {
        return Err(SpecError::Buffer);
    }
    let mag = v.mag.get(..na).unwrap_or(&[]);
    let ndigits = if spec.width.is_some() || spec.grouping != Grouping::None {
        let mut c = crate::CountSink::default();
        bigint::to_radix(mag, radix, scratch, &mut c).map_err(|_| SpecError::Buffer)?;
        c.bytes
    } else {
        1 // exact count only matters for padding and grouping
    };
    let num = Number {
        neg,
        prefix,
        ndigits,
        tail_len: 0,
        upper_digits: spec.ty == Some('X'),
    };
    let mut result = Ok(());
    write_number(
        spec,
        &num,
        &mut |s| {
            if bigint::to_radix(mag, radix, scratch, s).is_err() {
                result = Err(SpecError::Buffer);
            }
        },
        &mut |_| {},
        sink,
    );
    result
}

/// `format(x, spec)` for a `float` (types `e E f F g G n %` and none).
pub fn format_float(spec: &FormatSpec, x: f64, sink: &mut dyn Sink) -> Result<(), SpecError> {
    let mut flags = FloatFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..FloatFlags::default()
    };
    let prec = match spec.precision {
        Some(p) if p > i32::MAX as usize => return Err(SpecError::PrecisionTooBig),
        p => p,
    };
    let mode = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            match prec {
                None => FloatMode::Repr,
                Some(p) => FloatMode::General(p),
            }
        }
        Some(t @ ('e' | 'E')) => {
            flags.upper = t == 'E';
            FloatMode::Exp(prec.unwrap_or(6))
        }
        Some(t @ ('f' | 'F')) => {
            flags.upper = t == 'F';
            FloatMode::Fixed(prec.unwrap_or(6))
        }
        Some(t @ ('g' | 'G' | 'n')) => {
            flags.upper = t == 'G';
            FloatMode::General(prec.unwrap_or(6))
        }
        Some('%') => {
            flags.percent = true;
            FloatMode::Fixed(prec.unwrap_or(6))
        }
        Some(c) => return Err(SpecError::UnknownCode(c)),
    };
    let mut buf = DigitBuf::new();
    let text = float_text(x, mode, flags, &mut buf);
    let num = Number {
        neg: text.neg,
        prefix: b"",
        ndigits: text.int_len(),
        tail_len: text.tail_len(),
        upper_digits: false,
    };
    write_number(
        spec,
        &num,
        &mut |s| text.write_int(s),
        &mut |s| text.write_tail(s),
        sink,
    );
    Ok(())
}

#[cfg(test)]
mod tests;
