//! `.fzb` bytecode files: a compact binary form of a [`CodeUnit`] tree.
//!
//! The format is described byte by byte in `docs/bytecode.md`. In short:
//!
//! ```text
//! file   = "FZPY" version:u16le features:u16le filename:str unit
//! unit   = name:str qualname:str file:(0 | 1 str) flags argcount posonly
//!          kwonly nfree stacksize firstlineno      (all varints)
//!          slots:[str] consts:[const] names:[str] code:bytes
//!          lines:[offset-delta:zz line-delta:zz]
//!          exceptions:[start end target depth] doc:(0 | 1 str)
//! const  = tag:u8 payload (see [`decode`] / the doc)
//! [x]    = count:varint x*       str/bytes = len:varint byte*
//! ```
//!
//! Varints are unsigned LEB128 (7 bits per byte, low bits first, at most
//! 10 bytes); `zz` marks zigzag-encoded signed values.
//!
//! [`decode`] never panics and never allocates more than a small multiple
//! of the input's size; it runs [`crate::verify::verify`] on the result, so
//! a unit it returns is safe to hand to the VM.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::code::{CodeUnit, Const, ExceptionEntry};

/// The first four bytes of every `.fzb` file.
pub const MAGIC: [u8; 4] = *b"FZPY";
/// The format version this build writes and reads.
pub const VERSION: u16 = 1;
/// Feature flag: small ints are 31-bit (the VM's immediate int width).
pub const FEATURE_SMALLINT31: u16 = 1;
/// Feature flag: floats are IEEE 754 binary64.
pub const FEATURE_FLOAT64: u16 = 2;
/// The features this build writes; a file must have exactly these.
pub const FEATURES: u16 = FEATURE_SMALLINT31 | FEATURE_FLOAT64;

/// Deepest nesting of code units (functions, classes, comprehensions inside
/// one another) and tuple constants a file may have.
pub const MAX_NESTING: usize = 64;

/// The nesting limit in force: [`MAX_NESTING`] unless an embedding with a
/// small native stack lowered it with [`set_max_nesting`] (decoding and
/// verifying recurse once per level).
static NESTING_LIMIT: core::sync::atomic::AtomicUsize =
    core::sync::atomic::AtomicUsize::new(MAX_NESTING);

/// Lowers the nesting limit for every later decode and verify, clamped to
/// `1..=MAX_NESTING`; deeper files fail with "code nested too deeply".
pub fn set_max_nesting(limit: usize) {
    NESTING_LIMIT.store(
        limit.clamp(1, MAX_NESTING),
        core::sync::atomic::Ordering::Relaxed,
    );
}

/// The nesting limit in force (see [`set_max_nesting`]).
pub fn max_nesting() -> usize {
    NESTING_LIMIT.load(core::sync::atomic::Ordering::Relaxed)
}
/// Most items in any one list (slots, constants, names, lines ...).
pub const MAX_ITEMS: usize = 65_535;

/// Constant tags.
mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    pub const INT: u8 = 4;
    pub const BIGINT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const TUPLE: u8 = 9;
    pub const CODE: u8 = 10;
}

/// Why a `.fzb` file (or a code unit) was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FzbError {
    /// The file does not start with `FZPY`.
    BadMagic,
    /// The file's format version is not the one this build reads.
    UnsupportedVersion(u16),
    /// The file needs features (int width, float kind) this build lacks.
    UnsupportedFeatures(u16),
    /// The file ends in the middle of an item.
    Truncated,
    /// Bytes follow the top-level code unit.
    TrailingBytes,
    /// Any other structural problem, with a description.
    Invalid(String),
}

impl fmt::Display for FzbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FzbError::BadMagic => f.write_str("bad magic"),
            FzbError::UnsupportedVersion(v) => write!(
                f,
                "unsupported format version {v} (this fzpy reads {VERSION})"
            ),
            FzbError::UnsupportedFeatures(x) => write!(
                f,
                "unsupported features {x:#06x} (this fzpy has {FEATURES:#06x})"
            ),
            FzbError::Truncated => f.write_str("truncated file"),
            FzbError::TrailingBytes => f.write_str("trailing bytes after the module"),
            FzbError::Invalid(m) => f.write_str(m),
        }
    }
}

/// Builds an [`FzbError::Invalid`].
pub(crate) fn invalid(args: fmt::Arguments<'_>) -> FzbError {
    FzbError::Invalid(alloc::format!("{args}"))
}

// ---------------------------------------------------------------- encoding

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }

    fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.out.push(0),
            Some(s) => {
                self.out.push(1);
                self.str(s);
            }
        }
    }

    fn unit(&mut self, cu: &CodeUnit, filename: &str) {
        self.str(&cu.name);
        self.str(&cu.qualname);
        self.opt_str((cu.filename != filename).then_some(cu.filename.as_str()));
        for v in [
            cu.flags,
            cu.argcount,
            cu.posonlyargcount,
            cu.kwonlyargcount,
            cu.nfree,
            cu.stacksize,
        ] {
            self.varint(v as u64);
        }
        self.varint(cu.firstlineno as u64);
        self.varint(cu.slots.len() as u64);
        for s in &cu.slots {
            self.str(s);
        }
        self.varint(cu.consts.len() as u64);
        for k in &cu.consts {
            self.constant(k, filename);
        }
        self.varint(cu.names.len() as u64);
        for s in &cu.names {
            self.str(s);
        }
        self.bytes(&cu.code);
        self.varint(cu.lines.len() as u64);
        let (mut off, mut line) = (0i64, cu.firstlineno as i64);
        for &(o, l) in &cu.lines {
            self.zigzag(o as i64 - off);
            self.zigzag(l as i64 - line);
            (off, line) = (o as i64, l as i64);
        }
        self.varint(cu.exceptions.len() as u64);
        for e in &cu.exceptions {
            for v in [e.start, e.end, e.target, e.depth] {
                self.varint(v as u64);
            }
        }
        self.opt_str(cu.doc.as_deref());
    }

    fn constant(&mut self, k: &Const, filename: &str) {
        match k {
            Const::None => self.out.push(tag::NONE),
            Const::Bool(false) => self.out.push(tag::FALSE),
            Const::Bool(true) => self.out.push(tag::TRUE),
            Const::Ellipsis => self.out.push(tag::ELLIPSIS),
            Const::Int(i) => {
                self.out.push(tag::INT);
                self.zigzag(*i);
            }
            Const::BigInt(limbs) => {
                self.out.push(tag::BIGINT);
                self.varint(limbs.len() as u64);
                for l in limbs {
                    self.out.extend_from_slice(&l.to_le_bytes());
                }
            }
            Const::Float(x) => {
                self.out.push(tag::FLOAT);
                self.out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
            Const::Str(s) => {
                self.out.push(tag::STR);
                self.str(s);
            }
            Const::Bytes(b) => {
                self.out.push(tag::BYTES);
                self.bytes(b);
            }
            Const::Tuple(items) => {
                self.out.push(tag::TUPLE);
                self.varint(items.len() as u64);
                for x in items {
                    self.constant(x, filename);
                }
            }
            Const::Code(cu) => {
                self.out.push(tag::CODE);
                self.unit(cu, filename);
            }
        }
    }
}

/// Serialises a code unit (and its nested ones) as a `.fzb` file.
///
/// The file name stored once in the header is the top unit's; nested units
/// with a different one carry their own.
pub fn encode(cu: &CodeUnit) -> Vec<u8> {
    let mut w = Writer { out: Vec::new() };
    w.out.extend_from_slice(&MAGIC);
    w.out.extend_from_slice(&VERSION.to_le_bytes());
    w.out.extend_from_slice(&FEATURES.to_le_bytes());
    w.str(&cu.filename);
    w.unit(cu, &cu.filename);
    w.out
}

// ---------------------------------------------------------------- decoding

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    fn u8(&mut self) -> Result<u8, FzbError> {
        let b = *self.data.get(self.pos).ok_or(FzbError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], FzbError> {
        if n > self.remaining() {
            return Err(FzbError::Truncated);
        }
        let s = self
            .data
            .get(self.pos..self.pos + n)
            .ok_or(FzbError::Truncated)?;
        self.pos += n;
        Ok(s)
    }

    fn u16le(&mut self) -> Result<u16, FzbError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn varint(&mut self) -> Result<u64, FzbError> {
        let mut v = 0u64;
        for i in 0..10 {
            let b = self.u8()?;
            let bits = (b & 0x7f) as u64;
            if i == 9 && bits > 1 {
                return Err(invalid(format_args!("varint too large")));
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(invalid(format_args!("varint too long")))
    }

    fn zigzag(&mut self) -> Result<i64, FzbError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn u16v(&mut self, what: &str) -> Result<u16, FzbError> {
        let v = self.varint()?;
        u16::try_from(v).map_err(|_| invalid(format_args!("{what} {v} out of range")))
    }

    /// A list length: at most [`MAX_ITEMS`] and, as every item takes at
    /// least `min_size` bytes, no more than the rest of the file can hold.
    fn count(&mut self, min_size: usize, what: &str) -> Result<usize, FzbError> {
        let n = self.varint()?;
        if n > MAX_ITEMS as u64 {
            return Err(invalid(format_args!("too many {what} ({n})")));
        }
        let n = n as usize;
        if n.saturating_mul(min_size) > self.remaining() {
            return Err(FzbError::Truncated);
        }
        Ok(n)
    }

    fn bytes(&mut self) -> Result<&'a [u8], FzbError> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| FzbError::Truncated)?;
        self.take(n)
    }

    fn str(&mut self) -> Result<String, FzbError> {
        let b = self.bytes()?;
        match core::str::from_utf8(b) {
            Ok(s) => Ok(String::from(s)),
            Err(_) => Err(invalid(format_args!(
                "invalid UTF-8 in a string at offset {}",
                self.pos - b.len()
            ))),
        }
    }

    fn opt_str(&mut self) -> Result<Option<String>, FzbError> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            t => Err(invalid(format_args!(
                "bad optional-string tag {t} at offset {}",
                self.pos - 1
            ))),
        }
    }

    fn strs(&mut self, what: &str) -> Result<Vec<String>, FzbError> {
        let n = self.count(1, what)?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.str()?);
        }
        Ok(v)
    }

    fn unit(&mut self, filename: &str, depth: usize) -> Result<CodeUnit, FzbError> {
        if depth > max_nesting() {
            return Err(invalid(format_args!("code nested too deeply")));
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let filename = match self.opt_str()? {
            Some(f) => f,
            None => String::from(filename),
        };
        let flags = self.u16v("flags")?;
        let argcount = self.u16v("argcount")?;
        let posonlyargcount = self.u16v("posonlyargcount")?;
        let kwonlyargcount = self.u16v("kwonlyargcount")?;
        let nfree = self.u16v("nfree")?;
        let stacksize = self.u16v("stacksize")?;
        let firstlineno = self.varint()?;
        let firstlineno = u32::try_from(firstlineno)
            .map_err(|_| invalid(format_args!("line number {firstlineno} out of range")))?;
        let slots = self.strs("slots")?;
        let n = self.count(1, "constants")?;
        let mut consts = Vec::with_capacity(n);
        for _ in 0..n {
            consts.push(self.constant(&filename, depth)?);
        }
        let names = self.strs("names")?;
        let code = self.bytes()?;
        if code.len() > u16::MAX as usize {
            return Err(invalid(format_args!(
                "code of {} bytes is too long",
                code.len()
            )));
        }
        let code = Vec::from(code);
        let n = self.count(2, "line entries")?;
        let mut lines = Vec::with_capacity(n);
        let (mut off, mut line) = (0i64, firstlineno as i64);
        for _ in 0..n {
            off = off.saturating_add(self.zigzag()?);
            line = line.saturating_add(self.zigzag()?);
            let o = u16::try_from(off)
                .map_err(|_| invalid(format_args!("line-table offset {off} out of range")))?;
            let l = u32::try_from(line)
                .map_err(|_| invalid(format_args!("line number {line} out of range")))?;
            lines.push((o, l));
        }
        let n = self.count(4, "exception entries")?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            exceptions.push(ExceptionEntry {
                start: self.u16v("exception start")?,
                end: self.u16v("exception end")?,
                target: self.u16v("exception target")?,
                depth: self.u16v("exception depth")?,
            });
        }
        let doc = self.opt_str()?;
        Ok(CodeUnit {
            name,
            qualname,
            filename,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            slots,
            nfree,
            stacksize,
            firstlineno,
            code,
            consts,
            names,
            lines,
            exceptions,
            doc,
        })
    }

    fn constant(&mut self, filename: &str, depth: usize) -> Result<Const, FzbError> {
        if depth > max_nesting() {
            return Err(invalid(format_args!("code nested too deeply")));
        }
        let at = self.pos;
        Ok(match self.u8()? {
            tag::NONE => Const::None,
            tag::FALSE => Const::Bool(false),
            tag::TRUE => Const::Bool(true),
            tag::ELLIPSIS => Const::Ellipsis,
            tag::INT => Const::Int(self.zigzag()?),
            tag::BIGINT => {
                let n = self.count(4, "big-int digits")?;
                let mut limbs = Vec::with_capacity(n);
                for _ in 0..n {
                    let b = self.take(4)?;
                    limbs.push(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
                }
                Const::BigInt(limbs)
            }
            tag::FLOAT => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Const::Float(f64::from_bits(u64::from_le_bytes(a)))
            }
            tag::STR => Const::Str(self.str()?),
            tag::BYTES => Const::Bytes(Vec::from(self.bytes()?)),
            tag::TUPLE => {
                let n = self.count(1, "tuple items")?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant(filename, depth + 1)?);
                }
                Const::Tuple(items)
            }
            tag::CODE => Const::Code(Box::new(self.unit(filename, depth + 1)?)),
            t => return Err(invalid(format_args!("bad constant tag {t} at offset {at}"))),
        })
    }
}

/// Reads a `.fzb` file, checking its header, structure and every code unit
/// (with [`crate::verify::verify`]).
pub fn decode(data: &[u8]) -> Result<CodeUnit, FzbError> {
    let mut r = Reader { data, pos: 0 };
    let magic = r.take(4).map_err(|_| FzbError::BadMagic)?;
    if magic != MAGIC {
        return Err(FzbError::BadMagic);
    }
    let version = r.u16le()?;
    if version != VERSION {
        return Err(FzbError::UnsupportedVersion(version));
    }
    let features = r.u16le()?;
    if features != FEATURES {
        return Err(FzbError::UnsupportedFeatures(features));
    }
    let filename = r.str()?;
    let cu = r.unit(&filename, 0)?;
    if r.remaining() != 0 {
        return Err(FzbError::TrailingBytes);
    }
    crate::verify::verify(&cu)?;
    Ok(cu)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::Op;
    use alloc::vec;

    fn sample() -> CodeUnit {
        let inner = CodeUnit {
            name: "f".into(),
            qualname: "f".into(),
            filename: "other.py".into(),
            argcount: 1,
            slots: vec!["x".into()],
            stacksize: 1,
            firstlineno: 3,
            code: vec![Op::LOAD_FAST as u8, 0, 0, Op::RETURN_VALUE as u8],
            lines: vec![(0, 4)],
            doc: Some("doc\u{e9}".into()),
            ..Default::default()
        };
        CodeUnit {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "t.py".into(),
            flags: crate::code::CO_NAMESPACE,
            stacksize: 1,
            firstlineno: 1,
            code: vec![
                Op::LOAD_CONST as u8,
                0,
                0,
                Op::STORE_NAME as u8,
                0,
                0,
                Op::LOAD_CONST as u8,
                1,
                0,
                Op::RETURN_VALUE as u8,
            ],
            consts: vec![
                Const::Code(Box::new(inner)),
                Const::Tuple(vec![
                    Const::None,
                    Const::Bool(true),
                    Const::Bool(false),
                    Const::Ellipsis,
                    Const::Int(i64::MIN),
                    Const::Int(i64::MAX),
                    Const::Int(-1),
                    Const::BigInt(vec![1, 2, 3]),
                    Const::Float(-0.0),
                    Const::Float(1e308),
                    Const::Str("h\u{e9}llo".into()),
                    Const::Bytes(vec![0, 255]),
                    Const::Tuple(vec![]),
                ]),
            ],
            names: vec!["f".into()],
            lines: vec![(0, 1), (6, 100), (9, 2)],
            exceptions: vec![ExceptionEntry {
                start: 0,
                end: 3,
                target: 9,
                depth: 0,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn round_trip() {
        let cu = sample();
        let b = encode(&cu);
        assert_eq!(&b[..4], b"FZPY");
        assert_eq!(decode(&b), Ok(cu));
    }

    #[test]
    fn header_errors() {
        let b = encode(&sample());
        assert_eq!(decode(b"FZP"), Err(FzbError::BadMagic));
        assert_eq!(decode(b"XZPY\x01\x00"), Err(FzbError::BadMagic));
        let mut v = b.clone();
        v[4] = 3;
        let e = decode(&v).unwrap_err();
        assert_eq!(
            alloc::format!("{e}"),
            "unsupported format version 3 (this fzpy reads 1)"
        );
        let mut v = b.clone();
        v[6] = 0xff;
        assert!(matches!(decode(&v), Err(FzbError::UnsupportedFeatures(_))));
        for n in 4..b.len() {
            assert!(decode(&b[..n]).is_err(), "prefix {n}");
        }
        assert_eq!(decode(&b[..b.len() - 1]), Err(FzbError::Truncated));
        let mut v = b.clone();
        v.push(0);
        assert_eq!(decode(&v), Err(FzbError::TrailingBytes));
    }

    #[test]
    fn huge_counts_do_not_allocate() {
        // A header and a unit claiming 60000 slots in a few bytes.
        let mut w = Writer { out: Vec::new() };
        w.out.extend_from_slice(&MAGIC);
        w.out.extend_from_slice(&VERSION.to_le_bytes());
        w.out.extend_from_slice(&FEATURES.to_le_bytes());
        w.str("f");
        w.str("n");
        w.str("q");
        w.out.push(0);
        for _ in 0..7 {
            w.varint(0);
        }
        w.varint(60_000);
        assert_eq!(decode(&w.out), Err(FzbError::Truncated));
        w.out.pop();
        w.varint(u64::MAX);
        assert!(decode(&w.out).is_err());
    }

    #[test]
    fn deep_nesting_is_rejected() {
        let mut k = Const::None;
        for _ in 0..200 {
            k = Const::Tuple(vec![k]);
        }
        let mut cu = sample();
        cu.consts[1] = k;
        let e = decode(&encode(&cu)).unwrap_err();
        assert_eq!(alloc::format!("{e}"), "code nested too deeply");
    }
}
