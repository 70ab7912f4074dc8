//! `io` and the builtin `open` (the same function): mode strings checked
//! with CPython's rules and messages, paths resolved the Flipper way, files
//! opened through the [`crate::vm::Platform`].
//!
//! * Paths: absolute ones (`/ext/...` on the device) go to the platform as
//!   they are; relative ones are relative to the script's directory
//!   (`Config::path0`), not to a working directory (the device has none).
//! * `io.TextFileIO` / `io.BinaryFileIO` (mp-flipper's names) are classes
//!   made on first use, deriving from `io.IOBase`, whose methods are the
//!   natives of the hidden module [`FILE_MODULE`] (`io_file.rs`).
//!   `io.UnsupportedOperation` derives from OSError and ValueError, as in
//!   CPython.
//! * Text files are UTF-8 without newline translation: what is written is
//!   what is read back (CPython's default `newline=None` would turn `\r\n`
//!   into `\n` when reading).

use crate::files::{OpenFlags, Whence};
use crate::heap::kind;
use crate::modules::io_file::{self, flag};
use crate::modules::{native_of, set_module_attr, Const};
use crate::native::{def, Args, NativeDef};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{type_error_for, Msg, PyResult, Raised, Vm};
use core::fmt::Write;

/// The hidden module holding the file objects' methods.
pub const FILE_MODULE: &str = "_fzpy_file";

/// Longest resolved path (bytes); longer ones fail with ENAMETOOLONG.
pub const PATH_MAX: usize = 512;

/// Functions of `io`.
pub static FUNCTIONS: &[NativeDef] = &[def("open", open)];

/// Constants of `io`.
pub static CONSTS: &[(&str, Const)] = &[
    ("SEEK_SET", Const::Int(0)),
    ("SEEK_CUR", Const::Int(1)),
    ("SEEK_END", Const::Int(2)),
];

/// The classes [`dynamic`] makes.
pub const CLASSES: &[&str] = &[
    "IOBase",
    "TextFileIO",
    "BinaryFileIO",
    "UnsupportedOperation",
];

/// The classes, made together on first access: `IOBase` holds the methods
/// (once, for both kinds of file), `TextFileIO` and `BinaryFileIO` derive
/// from it with empty namespaces.
pub fn dynamic(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(want) = CLASSES.iter().position(|c| *c == name) else {
        return Ok(None);
    };
    let base = vm.sp();
    let r = (|| {
        let b = file_class(vm, CLASSES[0])?;
        vm.push(b)?;
        set_module_attr(vm, "io", CLASSES[0], b)?;
        for cname in &CLASSES[1..3] {
            let ns = vm.new_dict()?;
            vm.push(ns)?;
            let n = vm.new_str(cname)?;
            vm.push(n)?;
            let bases = vm.tuple_of(&[vm.slot(base)])?;
            let (ns, n) = (vm.slot(vm.sp() - 2), vm.heap.peek(0));
            let c = vm.new_class(n, bases, ns, Value::NULL)?;
            vm.heap.truncate(vm.sp() - 2);
            vm.push(c)?;
            set_module_attr(vm, "io", cname, c)?;
        }
        let u = crate::modules::sys::new_builtin_class(
            vm,
            "UnsupportedOperation",
            &[TypeId::OSError, TypeId::ValueError],
        )?;
        vm.push(u)?;
        set_module_attr(vm, "io", "UnsupportedOperation", u)?;
        Ok(vm.slot(base + want))
    })();
    vm.heap.truncate(base);
    r.map(Some)
}

/// A file class: the methods, and `closed`/`name`/`mode` as properties.
fn file_class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let c = crate::modules::sys::new_builtin_class(vm, name, &[])?;
        vm.push(c)?;
        let ns = vm.instance_dict(c);
        vm.push(ns)?;
        for f in io_file::METHODS {
            if f.name.starts_with("_get_") {
                continue;
            }
            let m = native_of(FILE_MODULE, f.name).unwrap_or(Value::NONE);
            vm.dict_set_str(vm.slot(base + 1), f.name, m)?;
        }
        for attr in ["closed", "name", "mode"] {
            let mut getter = Msg::new();
            let _ = write!(getter, "_get_{attr}");
            let g = native_of(FILE_MODULE, getter.as_str()).unwrap_or(Value::NONE);
            let p = vm.alloc(kind::PROPERTY, 4)?;
            vm.heap.set(p, 0, g);
            for i in 1..4 {
                vm.heap.set(p, i, Value::NONE);
            }
            vm.dict_set_str(vm.slot(base + 1), attr, p)?;
        }
        let m = vm.new_str("io")?;
        vm.dict_set_str(vm.slot(base + 1), "__module__", m)?;
        Ok(vm.slot(base))
    })();
    vm.heap.truncate(base);
    r
}

/// Attribute `name` of the `io` module (making the classes when needed).
pub(crate) fn io_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let Some(m) = crate::modules::find("io") else {
        return Err(vm.raise_msg(TypeId::SystemError, "io module missing"));
    };
    let d = crate::modules::builtin_module_dict(vm, m)?;
    if let Some(v) = vm.dict_get_str(d, name) {
        return Ok(v);
    }
    match dynamic(vm, name)? {
        Some(v) => Ok(v),
        None => Err(vm.raise_msg(TypeId::SystemError, "io attribute missing")),
    }
}

/// Raises `io.UnsupportedOperation(msg)`.
pub(crate) fn unsupported(vm: &mut Vm, msg: &str) -> Raised {
    let c = match io_attr(vm, "UnsupportedOperation") {
        Ok(c) => c,
        Err(e) => return e,
    };
    let base = vm.sp();
    let r = (|| {
        vm.push(c)?;
        let s = vm.new_str(msg)?;
        let c = vm.slot(base);
        vm.call(c, &[s])
    })();
    vm.heap.truncate(base);
    match r {
        Ok(e) => vm.raise(e),
        Err(e) => e,
    }
}

/// The decoded mode string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// What the platform is asked for.
    pub flags: OpenFlags,
    /// `b` was given.
    pub binary: bool,
}

/// Decodes a mode string with CPython's checks, in CPython's order; the
/// error is the ValueError message.
pub fn parse_mode(mode: &str) -> Result<Mode, &'static str> {
    const INVALID: &str = "invalid mode";
    let (mut r, mut w, mut a, mut x, mut plus, mut t, mut b) = (0, 0, 0, 0, 0, 0, 0);
    for (i, c) in mode.char_indices() {
        let n = match c {
            'r' => &mut r,
            'w' => &mut w,
            'a' => &mut a,
            'x' => &mut x,
            '+' => &mut plus,
            't' => &mut t,
            'b' => &mut b,
            _ => return Err(INVALID),
        };
        *n += 1;
        if mode[i + 1..].contains(c) {
            return Err(INVALID);
        }
    }
    if t > 0 && b > 0 {
        return Err("can't have text and binary mode at once");
    }
    if r + w + a + x > 1 {
        return Err("must have exactly one of create/read/write/append mode");
    }
    if r + w + a + x == 0 {
        return Err("Must have exactly one of create/read/write/append mode and at most one plus");
    }
    let plus = plus > 0;
    Ok(Mode {
        flags: OpenFlags {
            read: r > 0 || plus,
            write: w > 0 || a > 0 || x > 0 || plus,
            append: a > 0,
            create: w > 0 || a > 0 || x > 0,
            exclusive: x > 0,
            truncate: w > 0,
        },
        binary: b > 0,
    })
}

/// The `mode` attribute CPython reports for a binary file: the normalised
/// raw mode (`rb`, `wb`, `ab`, `xb`, with `+` as `rb+`/`ab+`/`xb+`).
/// (Text files report the mode string as given.)
pub fn binary_mode_attr(m: &Mode) -> &'static str {
    let f = &m.flags;
    match (f.exclusive, f.append, f.read && f.write, f.truncate) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, _) => "rb+",
        (_, _, false, true) => "wb",
        _ => "rb",
    }
}

/// Joins a relative `path` to the script's directory `dir` into `buf`;
/// None when the result does not fit.
pub fn resolve<'a>(dir: &str, path: &str, buf: &'a mut [u8; PATH_MAX]) -> Option<&'a str> {
    let mut len = 0;
    let mut put = |s: &str, len: &mut usize| -> Option<()> {
        let end = len.checked_add(s.len()).filter(|&e| e <= PATH_MAX)?;
        buf[*len..end].copy_from_slice(s.as_bytes());
        *len = end;
        Some(())
    };
    if !path.starts_with('/') && !dir.is_empty() {
        put(dir, &mut len)?;
        if !dir.ends_with('/') {
            put("/", &mut len)?;
        }
    }
    put(path, &mut len)?;
    core::str::from_utf8(&buf[..len]).ok()
}

/// CPython's message for a bad argument type: None is named "None".
fn arg_type_error(vm: &mut Vm, pre: &str, v: Value) -> Raised {
    if v.is_none() {
        let mut m = Msg::new();
        let _ = write!(m, "{pre}None");
        return vm.raise_msg(TypeId::TypeError, m.as_str());
    }
    type_error_for(vm, pre, v, "")
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`
fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["file", "mode", "buffering", "encoding", "errors", "newline"];
    vm.check_kwargs(args, "open", &NAMES)?;
    if args.npos() > NAMES.len() {
        let mut m = Msg::new();
        let _ = write!(
            m,
            "open() takes at most {} arguments ({} given)",
            NAMES.len(),
            args.npos()
        );
        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
    }
    let Some(file) = vm.opt_arg(args, 0, "file") else {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "open() missing required argument 'file' (pos 1)",
        ));
    };
    // Mode.
    let mode_v = vm.opt_arg(args, 1, "mode").unwrap_or(Value::NULL);
    let mut mode_buf = [0u8; 16];
    let mut mode_len = 1;
    mode_buf[0] = b'r';
    if !mode_v.is_null() {
        if !vm.is_str(mode_v) {
            return Err(arg_type_error(
                vm,
                "open() argument 'mode' must be str, not ",
                mode_v,
            ));
        }
        let mut b = [0; 4];
        let s = vm.str_bytes_buf(mode_v, &mut b);
        if s.len() > mode_buf.len() {
            mode_len = 0;
        } else {
            mode_buf[..s.len()].copy_from_slice(s);
            mode_len = s.len();
        }
        if mode_len == 0 && !s.is_empty() {
            let mut m = Msg::new();
            let _ = write!(m, "invalid mode: '{}'", vm.str_text(mode_v, &mut b));
            return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
        }
    }
    let mode_s = core::str::from_utf8(&mode_buf[..mode_len]).unwrap_or("?");
    // Other arguments: types first, as CPython's argument parsing does.
    if let Some(b) = vm.opt_arg(args, 2, "buffering") {
        vm.index_value(b)?;
    }
    let mut text_args = None;
    for (i, n) in [(3, "encoding"), (4, "errors"), (5, "newline")] {
        let Some(v) = vm.opt_arg(args, i, n) else {
            continue;
        };
        if v.is_none() {
            continue;
        }
        if !vm.is_str(v) {
            let mut pre = Msg::new();
            let _ = write!(pre, "open() argument '{n}' must be str or None, not ");
            return Err(arg_type_error(vm, pre.as_str(), v));
        }
        text_args = text_args.or(Some(n));
    }
    let mode = match parse_mode(mode_s) {
        Ok(m) => m,
        Err("invalid mode") => {
            let mut m = Msg::new();
            let _ = write!(m, "invalid mode: '{mode_s}'");
            return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
        }
        Err(e) => return Err(vm.raise_msg(TypeId::ValueError, e)),
    };
    if mode.binary {
        if let Some(n) = text_args {
            let mut m = Msg::new();
            let article = if n == "encoding" || n == "errors" {
                "an"
            } else {
                "a"
            };
            let _ = write!(m, "binary mode doesn't take {article} {n} argument");
            return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
        }
    } else {
        check_text_args(vm, args)?;
    }
    // The path.
    let file = vm.opt_arg(args, 0, "file").unwrap_or(file);
    let is_bytes = vm.heap.kind(file) == kind::BYTES;
    if !vm.is_str(file) && !is_bytes {
        return Err(type_error_for(
            vm,
            "expected str, bytes or os.PathLike object, not ",
            file,
            "",
        ));
    }
    let mut b = [0; 4];
    let raw: &[u8] = if is_bytes {
        vm.bytes_data(file)
    } else {
        vm.str_bytes_buf(file, &mut b)
    };
    let raw_empty = raw.is_empty();
    if raw.contains(&0) {
        return Err(vm.raise_msg(TypeId::ValueError, "embedded null byte"));
    }
    let mut path = [0u8; PATH_MAX];
    let resolved = match core::str::from_utf8(raw) {
        Ok(p) => resolve(&vm.config.path0, p, &mut path),
        Err(_) => None,
    };
    let h = match resolved {
        _ if raw_empty => Err(crate::files::errno::ENOENT),
        Some(p) => vm.platform.file_open(p, mode.flags),
        None => Err(crate::files::errno::ENAMETOOLONG),
    };
    let h = match h {
        Ok(h) if h < (1 << 29) => h,
        Ok(h) => {
            let _ = vm.platform.file_close(h);
            return Err(vm.raise_os_error(crate::files::errno::EMFILE, file));
        }
        Err(e) => return Err(vm.raise_os_error(e, file)),
    };
    let mut flags = 0;
    if mode.flags.read {
        flags |= flag::READ;
    }
    if mode.flags.write {
        flags |= flag::WRITE;
    }
    if mode.binary {
        flags |= flag::BINARY;
    }
    if vm.platform.file_seek(h, 0, Whence::Cur).is_ok() {
        flags |= flag::SEEKABLE;
        if mode.flags.append {
            let _ = vm.platform.file_seek(h, 0, Whence::End);
        }
    }
    let attr = if mode.binary {
        Some(binary_mode_attr(&mode))
    } else {
        None
    };
    let r = io_file::new_file(vm, h, flags, args, attr);
    if r.is_err() {
        let _ = vm.platform.file_close(h);
    }
    r
}

/// Text-mode arguments fzpy supports: UTF-8 only, no newline translation.
fn check_text_args(vm: &mut Vm, args: Args) -> PyResult<()> {
    if let Some(enc) = vm.opt_arg(args, 3, "encoding").filter(|v| !v.is_none()) {
        let mut b = [0; 4];
        let mut name = [0u8; 8];
        let mut n = 0;
        for &c in vm.str_bytes_buf(enc, &mut b) {
            if n == name.len() {
                n = 0;
                break;
            }
            if c != b'-' && c != b'_' {
                name[n] = c.to_ascii_lowercase();
                n += 1;
            }
        }
        if &name[..n] != b"utf8" {
            let mut m = Msg::new();
            let _ = write!(m, "unknown encoding: {}", vm.str_text(enc, &mut b));
            return Err(vm.raise_msg(TypeId::LookupError, m.as_str()));
        }
    }
    if let Some(nl) = vm.opt_arg(args, 5, "newline").filter(|v| !v.is_none()) {
        if !(vm.str_is(nl, "") || vm.str_is(nl, "\n")) {
            let mut b = [0; 4];
            let mut m = Msg::new();
            let valid = vm.str_is(nl, "\r") || vm.str_is(nl, "\r\n");
            let _ = write!(
                m,
                "{} newline value: {:?}",
                if valid { "unsupported" } else { "illegal" },
                vm.str_text(nl, &mut b)
            );
            return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_cpython() {
        let m = parse_mode("r").unwrap();
        assert!(m.flags.read && !m.flags.write && !m.binary);
        let m = parse_mode("w+b").unwrap();
        assert!(m.flags.read && m.flags.write && m.flags.truncate && m.binary);
        assert_eq!(binary_mode_attr(&m), "rb+");
        let m = parse_mode("ab").unwrap();
        assert!(m.flags.append && m.flags.create && !m.flags.read);
        assert_eq!(binary_mode_attr(&m), "ab");
        assert_eq!(binary_mode_attr(&parse_mode("wb").unwrap()), "wb");
        assert_eq!(binary_mode_attr(&parse_mode("rb").unwrap()), "rb");
        assert!(parse_mode("x").unwrap().flags.exclusive);
        assert_eq!(parse_mode("q"), Err("invalid mode"));
        assert_eq!(parse_mode("rr"), Err("invalid mode"));
        assert_eq!(parse_mode("U"), Err("invalid mode"));
        assert_eq!(
            parse_mode("rw"),
            Err("must have exactly one of create/read/write/append mode")
        );
        assert_eq!(
            parse_mode("rbt"),
            Err("can't have text and binary mode at once")
        );
        assert!(parse_mode("").unwrap_err().starts_with("Must have"));
        assert!(parse_mode("b+").unwrap_err().starts_with("Must have"));
    }

    #[test]
    fn paths_resolve_against_the_script_dir() {
        let mut b = [0; PATH_MAX];
        assert_eq!(resolve("apps", "a.txt", &mut b), Some("apps/a.txt"));
        assert_eq!(
            resolve("/ext/apps/", "a.txt", &mut b),
            Some("/ext/apps/a.txt")
        );
        assert_eq!(resolve("apps", "/ext/a.txt", &mut b), Some("/ext/a.txt"));
        assert_eq!(resolve("", "a.txt", &mut b), Some("a.txt"));
        let long = "x".repeat(PATH_MAX);
        assert_eq!(resolve("d", &long, &mut b), None);
    }
}
