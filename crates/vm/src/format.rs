//! `format(v, spec)`, `str % args`, and `ascii()`.
//!
//! Formatting runs the allocation-free routines of `fzpy-num` into a
//! byte sink, then copies the text into a heap str.

use crate::heap::kind;
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use alloc::vec::Vec;
use core::fmt::Write;
use fzpy_num::format_spec::FormatSpec;
use fzpy_num::Sink;

/// A sink collecting bytes.
pub struct VecSink(pub Vec<u8>);

impl Sink for VecSink {
    fn put(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

fn spec_error(
    vm: &mut Vm,
    e: fzpy_num::format_spec::SpecError,
    spec: &str,
    tname: &str,
) -> crate::vm::Raised {
    let mut s = VecSink(Vec::new());
    e.write_message(spec, tname, &mut s);
    let msg = core::str::from_utf8(&s.0).unwrap_or("Invalid format specifier");
    let t = if e.is_overflow() {
        TypeId::OverflowError
    } else {
        TypeId::ValueError
    };
    vm.raise_msg(t, msg)
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    let mut buf = [0; 4];
    let spec_text: alloc::string::String = vm.str_text(spec, &mut buf).into();
    if let Some(m) = vm.user_special(v, "__format__") {
        return vm.call(m, &[v, spec]);
    }
    let v = vm.unwrap_base(v);
    if spec_text.is_empty() {
        return vm.str(v);
    }
    let parsed = match FormatSpec::parse(&spec_text) {
        Ok(p) => p,
        Err(e) => {
            let mut tb = [0; 4];
            let tn: alloc::string::String = vm.type_name(v, &mut tb).into();
            return Err(spec_error(vm, e, &spec_text, &tn));
        }
    };
    let mut out = VecSink(Vec::new());
    let r = if vm.is_str(v) {
        let mut cb = [0; 4];
        let s: alloc::string::String = vm.str_text(v, &mut cb).into();
        fzpy_num::format_spec::format_str(&parsed, &s, &mut out)
    } else if vm.is_float(v) {
        let f = vm.float_value(v);
        fzpy_num::format_spec::format_float(&parsed, f, &mut out)
    } else if vm.is_int(v) {
        let (neg, limbs): (bool, Vec<u32>) = if let Some(i) = vm.int_to_i64(v) {
            let m = i.unsigned_abs();
            (i < 0, alloc::vec![m as u32, (m >> 32) as u32])
        } else {
            let (n, l) = vm.bigint_parts(v);
            (n, l.to_vec())
        };
        let mut scratch =
            alloc::vec![0u32; fzpy_num::format_spec::format_int_scratch_len(limbs.len())];
        fzpy_num::format_spec::format_int(
            &parsed,
            fzpy_num::bigint::Signed { neg, mag: &limbs },
            &mut scratch,
            &mut out,
        )
    } else {
        let s = vm.str(v)?;
        let mut cb = [0; 4];
        let text: alloc::string::String = vm.str_text(s, &mut cb).into();
        if parsed.ty.is_some() || !spec_text.is_empty() {
            let mut tb = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "unsupported format string passed to {}.__format__",
                vm.type_name(v, &mut tb)
            );
            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
        }
        fzpy_num::format_spec::format_str(&parsed, &text, &mut out)
    };
    if let Err(e) = r {
        let mut tb = [0; 4];
        let tn: alloc::string::String = vm.type_name(v, &mut tb).into();
        return Err(spec_error(vm, e, &spec_text, &tn));
    }
    vm.new_str_from_utf8(&out.0)
}

/// `ascii(s)` of an already repr'd str: non-ASCII as escapes.
pub fn ascii_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let mut cb = [0; 4];
    let text: alloc::string::String = vm.str_text(s, &mut cb).into();
    let mut out = alloc::string::String::new();
    for c in text.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            let _ = write!(out, "\\x{n:02x}");
        } else if n <= 0xffff {
            let _ = write!(out, "\\u{n:04x}");
        } else {
            let _ = write!(out, "\\U{n:08x}");
        }
    }
    vm.new_str(&out)
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(fmt)?;
    vm.push(args)?;
    let r = percent_format_rooted(vm, base);
    vm.heap.truncate(base);
    r
}

fn percent_format_rooted(vm: &mut Vm, base: usize) -> PyResult<Value> {
    let mut cb = [0; 4];
    let fmt: alloc::string::String = vm.str_text(vm.slot(base), &mut cb).into();
    let args = vm.slot(base + 1);
    let is_tuple = vm.heap.kind(args) == kind::TUPLE;
    let is_map = vm.heap.kind(args) == kind::DICT;
    let nargs = if is_tuple { vm.tuple_len(args) } else { 1 };
    let mut ai = 0;
    let mut out = VecSink(Vec::new());
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let next_arg = |vm: &mut Vm, ai: &mut usize| -> PyResult<Value> {
        let args = vm.slot(base + 1);
        if is_tuple {
            if *ai >= vm.tuple_len(args) {
                return Err(
                    vm.raise_msg(TypeId::TypeError, "not enough arguments for format string")
                );
            }
            *ai += 1;
            Ok(vm.tuple_get(args, *ai - 1))
        } else {
            if *ai >= 1 {
                return Err(
                    vm.raise_msg(TypeId::TypeError, "not enough arguments for format string")
                );
            }
            *ai += 1;
            Ok(args)
        }
    };
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            let mut b = [0; 4];
            out.put(c.encode_utf8(&mut b).as_bytes());
            continue;
        }
        if i >= chars.len() {
            return Err(vm.raise_msg(TypeId::ValueError, "incomplete format"));
        }
        // %(key)
        let mut mapped: Option<Value> = None;
        if chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.raise_msg(TypeId::ValueError, "incomplete format key"));
            }
            let key: alloc::string::String = chars[start..j - 1].iter().collect();
            if !is_map {
                return Err(vm.raise_msg(TypeId::TypeError, "format requires a mapping"));
            }
            let k = vm.new_str(&key)?;
            let args = vm.slot(base + 1);
            mapped = Some(vm.getitem(args, k)?);
            i = j;
        }
        // Flags, width, precision.
        let mut spec = alloc::string::String::new();
        let mut flags = alloc::string::String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = alloc::string::String::new();
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm, &mut ai)?;
            let w = vm.index_value(w)?;
            let _ = write!(width, "{}", w);
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                width.push(chars[i]);
                i += 1;
            }
        }
        let mut prec: Option<alloc::string::String> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = alloc::string::String::new();
            if i < chars.len() && chars[i] == '*' {
                let w = next_arg(vm, &mut ai)?;
                let w = vm.index_value(w)?;
                let _ = write!(p, "{}", w);
                i += 1;
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p.push(chars[i]);
                    i += 1;
                }
            }
            prec = Some(if p.is_empty() { "0".into() } else { p });
        }
        while i < chars.len() && "hlL".contains(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.raise_msg(TypeId::ValueError, "incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.put(b"%");
            continue;
        }
        let v = match mapped {
            Some(v) => v,
            None => next_arg(vm, &mut ai)?,
        };
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let alt = flags.contains('#');
        let align = if left {
            "<"
        } else if zero {
            ""
        } else {
            ">"
        };
        let text = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str(v)?,
                    'r' => vm.repr(v)?,
                    _ => {
                        let r = vm.repr(v)?;
                        ascii_of(vm, r)?
                    }
                };
                let mut cb = [0; 4];
                let mut t: alloc::string::String = vm.str_text(s, &mut cb).into();
                if let Some(p) = &prec {
                    let n: usize = p.parse().unwrap_or(0);
                    t = t.chars().take(n).collect();
                }
                let w: usize = width.parse().unwrap_or(0);
                let n = t.chars().count();
                if n < w {
                    let pad: alloc::string::String = core::iter::repeat(' ').take(w - n).collect();
                    if left {
                        t.push_str(&pad);
                    } else {
                        t = pad + &t;
                    }
                }
                t
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c' => {
                let num = if matches!(conv, 'd' | 'i' | 'u' | 'x' | 'X' | 'o') {
                    if vm.is_float(v) {
                        let f = vm.float_value(v);
                        if !f.is_finite() {
                            return Err(vm.raise_msg(
                                TypeId::OverflowError,
                                "cannot convert float infinity to integer",
                            ));
                        }
                        vm.new_int(f as i64)?
                    } else if vm.is_int(v) {
                        v
                    } else {
                        let mut tb = [0; 4];
                        let mut m = Msg::new();
                        let _ = write!(
                            m,
                            "%{} format: a real number is required, not {}",
                            conv,
                            vm.type_name(v, &mut tb)
                        );
                        if matches!(conv, 'x' | 'X' | 'o') {
                            m = Msg::new();
                            let _ = write!(
                                m,
                                "%{} format: an integer is required, not {}",
                                conv,
                                vm.type_name(v, &mut tb)
                            );
                        }
                        return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                    }
                } else if conv == 'c' {
                    if vm.is_str(v) {
                        let s = vm.str(v)?;
                        let mut cb = [0; 4];
                        let t: alloc::string::String = vm.str_text(s, &mut cb).into();
                        out.put(t.as_bytes());
                        continue;
                    }
                    v
                } else {
                    match vm.as_f64(v)? {
                        Some(f) => vm.new_float(f)?,
                        None => {
                            let mut tb = [0; 4];
                            let mut m = Msg::new();
                            let _ =
                                write!(m, "must be real number, not {}", vm.type_name(v, &mut tb));
                            return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                        }
                    }
                };
                let ty = match conv {
                    'i' | 'u' => 'd',
                    c => c,
                };
                let mut s = alloc::string::String::new();
                let _ = write!(
                    s,
                    "{}{}{}{}{}",
                    align,
                    sign,
                    if alt { "#" } else { "" },
                    if zero { "0" } else { "" },
                    width
                );
                if let Some(p) = &prec {
                    if !matches!(ty, 'd' | 'x' | 'X' | 'o' | 'c') {
                        s.push('.');
                        s.push_str(p);
                    }
                }
                s.push(ty);
                let spec = vm.new_str(&s)?;
                let r = format(vm, num, spec)?;
                let mut cb = [0; 4];
                let mut t: alloc::string::String = vm.str_text(r, &mut cb).into();
                if alt && ty == 'o' {
                    t = t.replacen("0o", "0o", 1);
                }
                t
            }
            _ => {
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    conv,
                    conv as u32,
                    i - 1
                );
                return Err(vm.raise_msg(TypeId::ValueError, m.as_str()));
            }
        };
        spec.clear();
        out.put(text.as_bytes());
    }
    if is_tuple && ai < nargs {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "not all arguments converted during string formatting",
        ));
    }
    if !is_tuple && !is_map && ai == 0 {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "not all arguments converted during string formatting",
        ));
    }
    vm.new_str_from_utf8(&out.0)
}
