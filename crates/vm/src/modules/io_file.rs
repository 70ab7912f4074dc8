//! File objects: what `open()` returns, and their methods (the hidden
//! module [`super::io::FILE_MODULE`]).
//!
//! A file object is an INSTANCE of `io.TextFileIO` or `io.BinaryFileIO`
//! with four words after the usual ones ([`file`]): the platform handle
//! (None once closed), flags, `name` and `mode`. Other instances never have
//! that size, so the methods recognise file objects by it.
//!
//! Nothing is buffered in the VM. Reads of known length (`read()` of a
//! seekable file) go straight from the platform into the new bytes or str
//! object in the heap; line reads use one [`CHUNK`]-byte stack buffer and
//! seek back over what they read past the newline; writes hand the heap
//! object's bytes to the platform.

use crate::files::{errno, Whence};
use crate::heap::{kind, words_as_bytes, words_for};
use crate::modules::io::unsupported;
use crate::native::{def, Args, NativeDef};
use crate::objects::class::inst;
use crate::objects::str::{count_chars, DATA, NBYTES, NCHARS};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;

/// Bytes of the stack buffer line reads use.
pub const CHUNK: usize = 256;

/// Words of a file object (after the INSTANCE words).
pub mod file {
    use crate::objects::class::inst;
    /// Platform handle (small int), None when closed.
    pub const FH: usize = inst::SIZE;
    /// [`super::flag`] bits (small int).
    pub const FLAGS: usize = inst::SIZE + 1;
    /// `name`: the path as given.
    pub const NAME: usize = inst::SIZE + 2;
    /// `mode`.
    pub const MODE: usize = inst::SIZE + 3;
    /// Payload size.
    pub const SIZE: usize = inst::SIZE + 4;
}

/// Bits of the flags word.
pub mod flag {
    /// Opened for reading.
    pub const READ: u32 = 1;
    /// Opened for writing.
    pub const WRITE: u32 = 2;
    /// Binary (bytes) rather than text (str).
    pub const BINARY: u32 = 4;
    /// The platform can seek it.
    pub const SEEKABLE: u32 = 8;
}

/// The methods (`_get_*` are the getters of the `closed`, `name` and
/// `mode` properties).
pub static METHODS: &[NativeDef] = &[
    def("read", read),
    def("readline", readline),
    def("readlines", readlines),
    def("write", write),
    def("flush", flush),
    def("seek", seek),
    def("tell", tell),
    def("close", close),
    def("readable", readable),
    def("writable", writable),
    def("seekable", seekable),
    def("__enter__", enter),
    def("__exit__", exit),
    def("__iter__", iter),
    def("__next__", next),
    def("__init__", init),
    def("_get_closed", get_closed),
    def("_get_name", get_name),
    def("_get_mode", get_mode),
];

/// A new file object for handle `h`; `name` and the given `mode` come from
/// `open()`'s arguments, `mode_attr` replaces the latter for binary files.
pub(crate) fn new_file(
    vm: &mut Vm,
    h: u32,
    flags: u32,
    args: Args,
    mode_attr: Option<&str>,
) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let cname = if flags & flag::BINARY != 0 {
            "BinaryFileIO"
        } else {
            "TextFileIO"
        };
        let c = crate::modules::io::io_attr(vm, cname)?;
        vm.push(c)?;
        let m = match mode_attr {
            Some(s) => vm.new_str(s)?,
            None => vm.opt_arg(args, 1, "mode").unwrap_or(Value::char('r')),
        };
        vm.push(m)?;
        let o = vm.alloc(kind::INSTANCE, file::SIZE)?;
        vm.heap.set(o, inst::CLASS, vm.slot(base));
        vm.heap.set(o, file::FH, Value::from_usize(h as usize));
        vm.heap
            .set(o, file::FLAGS, Value::from_usize(flags as usize));
        let name = vm.opt_arg(args, 0, "file").unwrap_or(Value::NONE);
        vm.heap.set(o, file::NAME, name);
        vm.heap.set(o, file::MODE, vm.slot(base + 1));
        Ok(o)
    })();
    vm.heap.truncate(base);
    r
}

/// Whether `v` is a file object.
pub fn is_file(vm: &Vm, v: Value) -> bool {
    vm.heap.kind(v) == kind::INSTANCE
        && vm.heap.payload_len(v) == file::SIZE
        && vm.heap.get(v, file::FLAGS).is_small()
}

/// The file object a method was called on.
fn recv(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    if args.npos() > 0 && is_file(vm, vm.slot(args.base)) {
        return Ok(vm.slot(args.base));
    }
    let mut m = Msg::new();
    let _ = write!(m, "descriptor '{name}' requires a file object");
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

fn flags(vm: &Vm, o: Value) -> u32 {
    vm.heap.get(o, file::FLAGS).small_value() as u32
}

/// The handle of an open file, or ValueError.
fn handle(vm: &mut Vm, o: Value) -> PyResult<u32> {
    handle_or(vm, o, "I/O operation on closed file.")
}

fn handle_or(vm: &mut Vm, o: Value, msg: &str) -> PyResult<u32> {
    let h = vm.heap.get(o, file::FH);
    if h.is_small() {
        return Ok(h.small_value() as u32);
    }
    Err(vm.raise_msg(TypeId::ValueError, msg))
}

/// OSError for a failed platform call (no file name, as CPython).
fn os_err(vm: &mut Vm, e: i32) -> Raised {
    vm.raise_os_error(e, Value::NULL)
}

fn need_readable(vm: &mut Vm, fl: u32) -> PyResult<()> {
    if fl & flag::READ != 0 {
        return Ok(());
    }
    Err(unsupported(
        vm,
        if fl & flag::BINARY != 0 {
            "read"
        } else {
            "not readable"
        },
    ))
}

/// UnicodeDecodeError for bad UTF-8: `byte` at position `at` of what one
/// read call decoded (`len` None: the text ends inside a character).
fn decode_error(vm: &mut Vm, byte: u8, at: usize, len: Option<usize>) -> Raised {
    let reason = match len {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc2).contains(&byte) || byte >= 0xf5 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let mut m = Msg::new();
    let _ = write!(
        m,
        "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: {reason}"
    );
    vm.raise_msg(TypeId::UnicodeDecodeError, m.as_str())
}

/// Bytes from the position to the end (seekable files).
fn remaining(vm: &mut Vm, h: u32) -> PyResult<usize> {
    let p = &mut vm.platform;
    let r = p.file_seek(h, 0, Whence::Cur).and_then(|pos| {
        let end = p.file_seek(h, 0, Whence::End)?;
        p.file_seek(h, pos as i64, Whence::Set)?;
        Ok(end.saturating_sub(pos))
    });
    match r {
        Ok(n) => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Err(e) => Err(os_err(vm, e)),
    }
}

/// Reads up to `n` bytes straight into the payload of heap object `v`
/// from word `word` on; returns how many arrived.
fn fill(vm: &mut Vm, h: u32, v: Value, word: usize, n: usize) -> PyResult<usize> {
    let mut got = 0;
    while got < n {
        let dst = &mut vm.heap.bytes_mut(v, word)[got..n];
        match vm.platform.file_read(h, dst) {
            Ok(0) => break,
            Ok(k) => got += k.min(n - got),
            Err(e) => return Err(os_err(vm, e)),
        }
    }
    Ok(got)
}

/// One platform read into `buf`.
fn read_some(vm: &mut Vm, h: u32, buf: &mut [u8]) -> PyResult<usize> {
    match vm.platform.file_read(h, buf) {
        Ok(k) => Ok(k.min(buf.len())),
        Err(e) => Err(os_err(vm, e)),
    }
}

/// Moves the position back by `n` bytes read past a line's end.
fn unread(vm: &mut Vm, h: u32, n: usize) -> PyResult<()> {
    if n == 0 {
        return Ok(());
    }
    match vm.platform.file_seek(h, -(n as i64), Whence::Cur) {
        Ok(_) => Ok(()),
        Err(e) => Err(os_err(vm, e)),
    }
}

/// The rest of a seekable file (or `limit` bytes of it) as bytes.
fn read_all_bytes(vm: &mut Vm, h: u32, limit: Option<usize>) -> PyResult<Value> {
    let avail = remaining(vm, h)?;
    let n = limit.map_or(avail, |l| l.min(avail));
    let v = vm.alloc_bytes(n)?;
    let got = fill(vm, h, v, 2, n)?;
    if got < n {
        vm.heap.set_raw(v, 1, got as u32);
        vm.heap.shrink(v, 2 + words_for(got));
    }
    Ok(v)
}

/// The rest of a seekable file as str, decoded in place.
fn read_all_text(vm: &mut Vm, h: u32) -> PyResult<Value> {
    let avail = remaining(vm, h)?;
    if avail == 0 {
        return Ok(Value::EMPTY_STR);
    }
    let v = vm.alloc_str_raw(avail, 2, false)?;
    let got = fill(vm, h, v, DATA, avail)?;
    let data = &vm.heap.bytes(v, DATA)[..got];
    let chars = match core::str::from_utf8(data) {
        Ok(s) => count_chars(s.as_bytes()),
        Err(e) => {
            let (at, len) = (e.valid_up_to(), e.error_len());
            let byte = data[at];
            return Err(decode_error(vm, byte, at, len));
        }
    };
    vm.heap.set_raw(v, NBYTES, got as u32);
    vm.heap.set_raw(v, NCHARS, chars as u32);
    if got < avail {
        vm.heap.shrink(v, DATA + words_for(got));
    }
    Ok(vm.finish_str(v))
}

/// Text read in chunks: up to `max` characters, through the end of the
/// line when `line`.
fn read_text_chunks(vm: &mut Vm, h: u32, fl: u32, max: usize, line: bool) -> PyResult<Value> {
    let mut b = vm.builder(16)?;
    let seekable = fl & flag::SEEKABLE != 0;
    let mut r = Ok(());
    let mut buf = [0u8; CHUNK];
    let (mut have, mut chars, mut offset) = (0, 0, 0);
    while chars < max {
        let mut want = (CHUNK - have).min(max - chars);
        if line && !seekable {
            want = 1;
        }
        let got = match read_some(vm, h, &mut buf[have..have + want]) {
            Ok(g) => g,
            Err(e) => {
                r = Err(e);
                break;
            }
        };
        if got == 0 {
            if have > 0 {
                r = Err(decode_error(vm, buf[0], offset, None));
            }
            break;
        }
        let end = have + got;
        let newline = if line {
            buf[have..end].iter().position(|&c| c == b'\n')
        } else {
            None
        };
        let take = newline.map_or(end, |i| have + i + 1);
        let valid = match core::str::from_utf8(&buf[..take]) {
            Ok(_) => take,
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => {
                let at = e.valid_up_to();
                r = Err(decode_error(vm, buf[at], offset + at, e.error_len()));
                break;
            }
        };
        let text = core::str::from_utf8(&buf[..valid]).unwrap_or("");
        if let Err(e) = vm.builder_push(&mut b, text) {
            r = Err(e);
            break;
        }
        chars += count_chars(&buf[..valid]);
        offset += valid;
        if newline.is_some() {
            r = unread(vm, h, end - take);
            break;
        }
        buf.copy_within(valid..end, 0);
        have = end - valid;
    }
    match r {
        Ok(()) => vm.builder_finish(b),
        Err(e) => {
            vm.builder_drop(b);
            Err(e)
        }
    }
}

/// Binary read in chunks (collected in a bytearray on the stack): up to
/// `max` bytes, through the end of the line when `line`.
fn read_bytes_chunks(vm: &mut Vm, h: u32, fl: u32, max: usize, line: bool) -> PyResult<Value> {
    let base = vm.sp();
    let seekable = fl & flag::SEEKABLE != 0;
    let r = (|| {
        let ba = vm.new_bytearray(0)?;
        vm.push(ba)?;
        let mut buf = [0u8; CHUNK];
        let mut total = 0;
        while total < max {
            let want = if line && !seekable {
                1
            } else {
                CHUNK.min(max - total)
            };
            let got = read_some(vm, h, &mut buf[..want])?;
            if got == 0 {
                break;
            }
            let newline = if line {
                buf[..got].iter().position(|&c| c == b'\n')
            } else {
                None
            };
            let take = newline.map_or(got, |i| i + 1);
            let ba = vm.slot(base);
            let len = vm.bytes_like_data(ba).len();
            vm.bytearray_resize(ba, len + take)?;
            let ba = vm.slot(base);
            vm.bytearray_data_mut(ba)[len..].copy_from_slice(&buf[..take]);
            total += take;
            if newline.is_some() {
                unread(vm, h, got - take)?;
                break;
            }
        }
        let n = vm.bytes_like_data(vm.slot(base)).len();
        let v = vm.alloc_bytes(n)?;
        let ba = vm.slot(base);
        let raw = vm.heap.get(ba, 1);
        let (src, dst) = (raw.word() + 1, v.word() + 3);
        vm.heap.words.copy_within(src..src + words_for(n), dst);
        vm.heap.bytes_mut(v, 2)[n..].fill(0);
        Ok(v)
    })();
    vm.heap.truncate(base);
    r
}

/// A size argument: None or negative mean "all".
fn size_arg(vm: &mut Vm, v: Option<Value>, none_ok: bool) -> PyResult<Option<usize>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() && none_ok {
        return Ok(None);
    }
    if !vm.is_int(v) {
        if !none_ok {
            vm.index_value(v)?;
        }
        let mut b = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "argument should be integer or None, not '{}'",
            vm.type_name(v, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    match vm.int_to_i64(v) {
        Some(i) if i < 0 => Ok(None),
        Some(i) => Ok(Some(usize::try_from(i).unwrap_or(usize::MAX))),
        None if vm.bigint_parts(v).0 => Ok(None),
        None => Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn arg(vm: &Vm, args: Args, i: usize) -> Option<Value> {
    (i < args.npos()).then(|| vm.slot(args.base + i))
}

fn read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "read")?;
    vm.check_args(args.skip1(), "read", 0, 1)?;
    let size = size_arg(vm, arg(vm, args, 1), true)?;
    // Fetched after `size_arg`, which may run `__index__` and move objects.
    let o = vm.slot(args.base);
    let h = handle(vm, o)?;
    let fl = flags(vm, o);
    need_readable(vm, fl)?;
    let seekable = fl & flag::SEEKABLE != 0;
    match (fl & flag::BINARY != 0, size) {
        (true, _) if seekable => read_all_bytes(vm, h, size),
        (true, _) => read_bytes_chunks(vm, h, fl, size.unwrap_or(usize::MAX), false),
        (false, None) if seekable => read_all_text(vm, h),
        (false, size) => read_text_chunks(vm, h, fl, size.unwrap_or(usize::MAX), false),
    }
}

/// One line (or up to `max` characters/bytes of it); empty at the end.
fn line(vm: &mut Vm, o: Value, max: Option<usize>) -> PyResult<Value> {
    let h = handle(vm, o)?;
    let fl = flags(vm, o);
    need_readable(vm, fl)?;
    let max = max.unwrap_or(usize::MAX);
    if fl & flag::BINARY != 0 {
        read_bytes_chunks(vm, h, fl, max, true)
    } else {
        read_text_chunks(vm, h, fl, max, true)
    }
}

fn readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "readline")?;
    vm.check_args(args.skip1(), "readline", 0, 1)?;
    let size = size_arg(vm, arg(vm, args, 1), false)?;
    line(vm, vm.slot(args.base), size)
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "readlines")?;
    vm.check_args(args.skip1(), "readlines", 0, 1)?;
    let hint = size_arg(vm, arg(vm, args, 1), true)?.filter(|&n| n > 0);
    handle(vm, vm.slot(args.base))?;
    let base = vm.sp();
    let r = (|| {
        let l = vm.new_list(0)?;
        vm.push(l)?;
        let mut total = 0;
        loop {
            let s = line(vm, vm.slot(args.base), None)?;
            let n = if vm.is_str(s) {
                vm.str_len(s)
            } else {
                vm.bytes_data(s).len()
            };
            if n == 0 {
                return Ok(vm.slot(base));
            }
            vm.list_append(vm.slot(base), s)?;
            total += n;
            if hint.is_some_and(|h| total >= h) {
                return Ok(vm.slot(base));
            }
        }
    })();
    vm.heap.truncate(base);
    r
}

/// Where a heap str/bytes/bytearray's bytes are, as (byte offset into the
/// heap words, length).
fn data_range(vm: &Vm, v: Value) -> (usize, usize) {
    match vm.heap.kind(v) {
        kind::STR => ((v.word() + 1 + DATA) * 4, vm.heap.raw(v, NBYTES) as usize),
        kind::BYTES => ((v.word() + 3) * 4, vm.heap.raw(v, 1) as usize),
        kind::BYTEARRAY => {
            let raw = vm.heap.get(v, 1);
            if raw.is_null() {
                return (0, 0);
            }
            let n = vm.heap.get(v, 0).small_value() as usize;
            ((raw.word() + 1) * 4, n)
        }
        _ => (0, 0),
    }
}

/// Writes all of `v`'s bytes.
fn write_all(vm: &mut Vm, h: u32, v: Value) -> PyResult<()> {
    let mut small = [0u8; 4];
    let (off, n, imm) = if v.is_heap() {
        let (off, n) = data_range(vm, v);
        (off, n, false)
    } else {
        let mut b = [0; 4];
        let s = vm.str_bytes_buf(v, &mut b);
        small[..s.len()].copy_from_slice(s);
        (0, s.len(), true)
    };
    let mut done = 0;
    while done < n {
        let data = if imm {
            &small[done..n]
        } else {
            &words_as_bytes(&vm.heap.words)[off + done..off + n]
        };
        match vm.platform.file_write(h, data) {
            Ok(0) => return Err(os_err(vm, errno::EIO)),
            Ok(k) => done += k.min(n - done),
            Err(e) => return Err(os_err(vm, e)),
        }
    }
    Ok(())
}

fn write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "write")?;
    vm.check_args(args.skip1(), "write", 1, 1)?;
    let fl = flags(vm, o);
    let v = vm.slot(args.base + 1);
    let mut b = [0; 4];
    let mut m = Msg::new();
    if fl & flag::BINARY != 0 {
        if !vm.is_bytes_like(v) {
            let _ = write!(
                m,
                "a bytes-like object is required, not '{}'",
                vm.type_name(v, &mut b)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
    } else if !vm.is_str(v) {
        let _ = write!(
            m,
            "write() argument must be str, not {}",
            vm.type_name(v, &mut b)
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let h = handle(vm, o)?;
    if fl & flag::WRITE == 0 {
        let msg = if fl & flag::BINARY != 0 {
            "write"
        } else {
            "not writable"
        };
        return Err(unsupported(vm, msg));
    }
    let count = if vm.is_str(v) {
        vm.str_len(v)
    } else {
        data_range(vm, v).1
    };
    write_all(vm, h, v)?;
    Ok(Value::from_usize(count))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "flush")?;
    vm.check_args(args.skip1(), "flush", 0, 0)?;
    let h = handle(vm, o)?;
    match vm.platform.file_flush(h) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_err(vm, e)),
    }
}

fn position(vm: &mut Vm, h: u32, off: i64, whence: Whence) -> PyResult<Value> {
    let r = if whence == Whence::Set && off < 0 {
        Err(errno::EINVAL)
    } else {
        vm.platform.file_seek(h, off, whence)
    };
    match r {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(os_err(vm, e)),
    }
}

fn seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    recv(vm, args, "seek")?;
    vm.check_args(args.skip1(), "seek", 1, 2)?;
    let off = vm.index_value(vm.slot(args.base + 1))?;
    let w = match arg(vm, args, 2) {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let o = vm.slot(args.base);
    let h = handle(vm, o)?;
    let whence = match w {
        0 => Whence::Set,
        1 => Whence::Cur,
        2 => Whence::End,
        _ => {
            let mut m = Msg::new();
            let _ = write!(m, "invalid whence ({w}, should be 0, 1 or 2)");
            return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
        }
    };
    if flags(vm, o) & flag::BINARY == 0 {
        match whence {
            Whence::Cur if off != 0 => {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"))
            }
            Whence::End if off != 0 => {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"))
            }
            Whence::Set if off < 0 => {
                let mut m = Msg::new();
                let _ = write!(m, "negative seek position {off}");
                return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
            }
            _ => {}
        }
    }
    position(vm, h, off, whence)
}

fn tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "tell")?;
    vm.check_args(args.skip1(), "tell", 0, 0)?;
    let h = handle(vm, o)?;
    position(vm, h, 0, Whence::Cur)
}

/// Closes `o` (nothing happens when it is closed already).
fn close_file(vm: &mut Vm, o: Value) -> PyResult<Value> {
    let h = vm.heap.get(o, file::FH);
    if !h.is_small() {
        return Ok(Value::NONE);
    }
    vm.heap.set(o, file::FH, Value::NONE);
    match vm.platform.file_close(h.small_value() as u32) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(os_err(vm, e)),
    }
}

fn close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "close")?;
    vm.check_args(args.skip1(), "close", 0, 0)?;
    close_file(vm, o)
}

fn ability(vm: &mut Vm, args: Args, name: &str, bit: u32) -> PyResult<Value> {
    let o = recv(vm, args, name)?;
    vm.check_args(args.skip1(), name, 0, 0)?;
    handle_or(vm, o, "I/O operation on closed file")?;
    Ok(Value::bool(flags(vm, o) & bit != 0))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ability(vm, args, "readable", flag::READ)
}

fn writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ability(vm, args, "writable", flag::WRITE)
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ability(vm, args, "seekable", flag::SEEKABLE)
}

fn enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "__enter__")?;
    vm.check_args(args.skip1(), "__enter__", 0, 0)?;
    handle(vm, o)?;
    Ok(o)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "__exit__")?;
    close_file(vm, o)
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "__iter__")?;
    vm.check_args(args.skip1(), "__iter__", 0, 0)?;
    handle(vm, o)?;
    Ok(o)
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "__next__")?;
    vm.check_args(args.skip1(), "__next__", 0, 0)?;
    let s = line(vm, o, None)?;
    let empty = if vm.is_str(s) {
        vm.str_len(s) == 0
    } else {
        vm.bytes_data(s).is_empty()
    };
    if empty {
        return Err(vm.raise_empty(TypeId::StopIteration));
    }
    Ok(s)
}

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = args;
    Err(vm.raise_msg(
        TypeId::TypeError,
        "file objects are made by open(), not by calling their class",
    ))
}

fn get_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "closed")?;
    Ok(Value::bool(!vm.heap.get(o, file::FH).is_small()))
}

fn get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "name")?;
    Ok(vm.heap.get(o, file::NAME))
}

fn get_mode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = recv(vm, args, "mode")?;
    Ok(vm.heap.get(o, file::MODE))
}
