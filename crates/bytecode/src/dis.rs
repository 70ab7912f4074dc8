//! A disassembler: code units as readable text (`fzpy dis`, compiler tests).
//!
//! Never panics, whatever the bytes: bad opcodes and out-of-range operands
//! are printed as such.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::code::{CodeUnit, Const, CO_CLASS_BODY, CO_GENERATOR, CO_NAMESPACE};
use crate::code::{CO_VARARGS, CO_VARKEYWORDS};
use crate::opcode::{BinOp, CmpOp, Op, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS};
use crate::stack::is_jump;

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// Byte offset.
    pub offset: usize,
    /// The opcode, or `Err(byte)` for a byte that is no opcode.
    pub op: Result<Op, u8>,
    /// The operand (0 when the opcode has none).
    pub arg: u16,
}

/// Decodes `code` into instructions; stops at a truncated last instruction
/// (reported as a bad opcode).
pub fn decode(code: &[u8]) -> Vec<Instr> {
    let mut out = Vec::new();
    let mut pc = 0;
    while pc < code.len() {
        let b = code[pc];
        match Op::from_u8(b) {
            Some(op) if op.has_arg() => {
                if pc + 3 > code.len() {
                    out.push(Instr {
                        offset: pc,
                        op: Err(b),
                        arg: 0,
                    });
                    break;
                }
                let arg = u16::from_le_bytes([code[pc + 1], code[pc + 2]]);
                out.push(Instr {
                    offset: pc,
                    op: Ok(op),
                    arg,
                });
                pc += 3;
            }
            Some(op) => {
                out.push(Instr {
                    offset: pc,
                    op: Ok(op),
                    arg: 0,
                });
                pc += 1;
            }
            None => {
                out.push(Instr {
                    offset: pc,
                    op: Err(b),
                    arg: 0,
                });
                pc += 1;
            }
        }
    }
    out
}

/// Disassembles a code unit and, after it, every code unit in its constants.
pub fn dis(code: &CodeUnit) -> String {
    let mut out = String::new();
    let mut todo: Vec<&CodeUnit> = Vec::new();
    todo.push(code);
    let mut first = true;
    // An explicit work list: nesting depth costs no native stack.
    while let Some(c) = todo.pop() {
        if !first {
            out.push('\n');
        }
        first = false;
        dis_one(c, &mut out);
        let start = todo.len();
        for k in &c.consts {
            collect_codes(k, &mut todo);
        }
        todo[start..].reverse();
    }
    out
}

fn collect_codes<'a>(k: &'a Const, todo: &mut Vec<&'a CodeUnit>) {
    match k {
        Const::Code(c) => todo.push(c),
        Const::Tuple(items) => {
            for i in items {
                collect_codes(i, todo);
            }
        }
        _ => {}
    }
}

fn flag_names(flags: u16) -> String {
    let mut s = String::new();
    for (bit, name) in [
        (CO_GENERATOR, "GENERATOR"),
        (CO_VARARGS, "VARARGS"),
        (CO_VARKEYWORDS, "VARKEYWORDS"),
        (CO_NAMESPACE, "NAMESPACE"),
        (CO_CLASS_BODY, "CLASS_BODY"),
    ] {
        if flags & bit != 0 {
            if !s.is_empty() {
                s.push('|');
            }
            s.push_str(name);
        }
    }
    if s.is_empty() {
        s.push('0');
    }
    s
}

fn dis_one(c: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} (qualname {}, file {:?}, line {})",
        c.name, c.qualname, c.filename, c.firstlineno
    );
    let _ = writeln!(
        out,
        "  flags {}, args {} (posonly {}, kwonly {}), stacksize {}, nfree {}",
        flag_names(c.flags),
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        c.stacksize,
        c.nfree
    );
    if !c.slots.is_empty() {
        out.push_str("  slots:");
        let first_free = c.slots.len().saturating_sub(c.nfree as usize);
        for (i, s) in c.slots.iter().enumerate() {
            let _ = write!(out, " {}={}", i, s);
            if i >= first_free {
                out.push_str("(free)");
            }
        }
        out.push('\n');
    }
    if let Some(d) = &c.doc {
        let _ = writeln!(out, "  doc {}", str_repr(d));
    }
    for e in &c.exceptions {
        let _ = writeln!(
            out,
            "  exception {} to {} -> {} depth {}",
            e.start, e.end, e.target, e.depth
        );
    }
    let instrs = decode(&c.code);
    let mut targets: Vec<usize> = Vec::new();
    for i in &instrs {
        if let Ok(op) = i.op {
            if is_jump(op) {
                targets.push(i.arg as usize);
            }
        }
    }
    for e in &c.exceptions {
        targets.push(e.target as usize);
    }
    let mut last_line = None;
    for i in &instrs {
        let line = c.line_at(i.offset);
        if last_line != Some(line) {
            let _ = write!(out, "{:>5} ", line);
            last_line = Some(line);
        } else {
            out.push_str("      ");
        }
        let mark = if targets.contains(&i.offset) {
            ">>"
        } else {
            "  "
        };
        match i.op {
            Err(b) => {
                let _ = writeln!(out, "{} {:>5} <bad opcode {}>", mark, i.offset, b);
            }
            Ok(op) if !op.has_arg() => {
                let _ = writeln!(out, "{} {:>5} {}", mark, i.offset, op.name());
            }
            Ok(op) => {
                let _ = write!(
                    out,
                    "{} {:>5} {:<21} {:>5}",
                    mark,
                    i.offset,
                    op.name(),
                    i.arg
                );
                let r = resolve(c, op, i.arg);
                if !r.is_empty() {
                    let _ = write!(out, " ({})", r);
                }
                out.push('\n');
            }
        }
    }
}

fn name_at(list: &[String], i: u16) -> String {
    match list.get(i as usize) {
        Some(s) => s.clone(),
        None => String::from("<bad index>"),
    }
}

/// The human-readable meaning of an operand.
fn resolve(c: &CodeUnit, op: Op, arg: u16) -> String {
    match op {
        Op::LOAD_CONST => match c.consts.get(arg as usize) {
            Some(k) => const_repr(k),
            None => String::from("<bad index>"),
        },
        Op::LOAD_SMALL_INT => format!("{}", arg as i16),
        Op::LOAD_GLOBAL
        | Op::STORE_GLOBAL
        | Op::DELETE_GLOBAL
        | Op::LOAD_NAME
        | Op::STORE_NAME
        | Op::DELETE_NAME
        | Op::LOAD_ATTR
        | Op::STORE_ATTR
        | Op::DELETE_ATTR
        | Op::LOAD_METHOD
        | Op::IMPORT_NAME
        | Op::IMPORT_FROM
        | Op::LOAD_CLASSDEREF => name_at(&c.names, arg),
        Op::LOAD_FAST
        | Op::STORE_FAST
        | Op::DELETE_FAST
        | Op::LOAD_CLOSURE
        | Op::LOAD_DEREF
        | Op::STORE_DEREF
        | Op::DELETE_DEREF
        | Op::MAKE_CELL => name_at(&c.slots, arg),
        Op::BINARY_OP => match BinOp::decode(arg) {
            Some((b, inplace)) => {
                let mut s = String::from(b.symbol());
                if inplace {
                    s.push('=');
                }
                s
            }
            None => String::from("<bad operator>"),
        },
        Op::COMPARE_OP => match CmpOp::decode(arg) {
            Some(o) => String::from(o.symbol()),
            None => String::from("<bad operator>"),
        },
        Op::IS_OP => String::from(if arg == 0 { "is" } else { "is not" }),
        Op::CONTAINS_OP => String::from(if arg == 0 { "in" } else { "not in" }),
        Op::FORMAT_VALUE => {
            let mut s = String::from(["", "!s", "!r", "!a"][(arg & 3) as usize]);
            if arg & 4 != 0 {
                s.push_str(" with spec");
            }
            s
        }
        Op::MAKE_FUNCTION => {
            let mut parts: Vec<&str> = Vec::new();
            if arg & MF_DEFAULTS != 0 {
                parts.push("defaults");
            }
            if arg & MF_KWDEFAULTS != 0 {
                parts.push("kwdefaults");
            }
            if arg & MF_CLOSURE != 0 {
                parts.push("closure");
            }
            parts.join(", ")
        }
        Op::UNPACK_EX => format!("{} before, {} after", arg & 0xff, arg >> 8),
        Op::CALL_EX => String::from(if arg & 1 != 0 { "with kwargs" } else { "" }),
        _ if is_jump(op) => format!("to {}", arg),
        _ => String::new(),
    }
}

/// A constant as Python's `repr` would show it (approximately for floats).
pub fn const_repr(k: &Const) -> String {
    match k {
        Const::None => String::from("None"),
        Const::Bool(true) => String::from("True"),
        Const::Bool(false) => String::from("False"),
        Const::Ellipsis => String::from("Ellipsis"),
        Const::Int(i) => format!("{}", i),
        Const::BigInt(digits) => {
            let mut s = String::from("0x");
            if digits.is_empty() {
                s.push('0');
            }
            for (n, d) in digits.iter().rev().enumerate() {
                if n == 0 {
                    let _ = write!(s, "{:x}", d);
                } else {
                    let _ = write!(s, "{:08x}", d);
                }
            }
            s
        }
        Const::Float(f) => float_repr(*f),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => {
            let mut s = String::from("b'");
            for &c in b {
                match c {
                    b'\'' => s.push_str("\\'"),
                    b'\\' => s.push_str("\\\\"),
                    b'\n' => s.push_str("\\n"),
                    b'\r' => s.push_str("\\r"),
                    b'\t' => s.push_str("\\t"),
                    0x20..=0x7e => s.push(c as char),
                    _ => {
                        let _ = write!(s, "\\x{:02x}", c);
                    }
                }
            }
            s.push('\'');
            s
        }
        Const::Tuple(items) => {
            let mut s = String::from("(");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&const_repr(it));
            }
            if items.len() == 1 {
                s.push(',');
            }
            s.push(')');
            s
        }
        Const::Code(c) => format!("<code {}>", c.qualname),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return String::from("nan");
    }
    if f.is_infinite() {
        return String::from(if f > 0.0 { "inf" } else { "-inf" });
    }
    let s = format!("{:?}", f);
    // Python writes exponents with a sign: 1e+16.
    match s.find('e') {
        Some(i) if !s[i + 1..].starts_with('-') => format!("{}e+{}", &s[..i], &s[i + 1..]),
        _ => s,
    }
}

/// A str as Python's `repr` shows it.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::ExceptionEntry;
    use alloc::boxed::Box;
    use alloc::vec;

    #[test]
    fn prints_instructions_and_nested_code() {
        let inner = CodeUnit {
            name: "f".into(),
            qualname: "f".into(),
            slots: vec!["x".into()],
            argcount: 1,
            code: vec![Op::LOAD_FAST as u8, 0, 0, Op::RETURN_VALUE as u8],
            ..Default::default()
        };
        let outer = CodeUnit {
            name: "<module>".into(),
            qualname: "<module>".into(),
            firstlineno: 1,
            code: vec![
                Op::LOAD_CONST as u8,
                0,
                0,
                Op::MAKE_FUNCTION as u8,
                0,
                0,
                Op::JUMP as u8,
                9,
                0,
                Op::LOAD_CONST as u8,
                1,
                0,
                Op::RETURN_VALUE as u8,
                0xee,
                Op::LOAD_NAME as u8,
                7,
            ],
            consts: vec![Const::Code(Box::new(inner)), Const::Str("it's".into())],
            exceptions: vec![ExceptionEntry {
                start: 0,
                end: 3,
                target: 9,
                depth: 0,
            }],
            lines: vec![(0, 1), (9, 2)],
            ..Default::default()
        };
        let text = dis(&outer);
        assert!(text.contains("LOAD_CONST"), "{}", text);
        assert!(text.contains("(<code f>)"));
        assert!(text.contains("(to 9)"));
        assert!(text.contains("(\"it's\")"));
        assert!(text.contains("<bad opcode 238>"));
        assert!(text.contains("exception 0 to 3 -> 9 depth 0"));
        assert!(text.contains("code f (qualname f"));
        assert!(text.contains("LOAD_FAST"));
        assert!(text.contains("(x)"));
    }

    #[test]
    fn const_reprs() {
        assert_eq!(const_repr(&Const::Float(1e16)), "1e+16");
        assert_eq!(const_repr(&Const::Float(-0.0)), "-0.0");
        assert_eq!(
            const_repr(&Const::Tuple(vec![Const::Int(1)])),
            String::from("(1,)")
        );
        assert_eq!(const_repr(&Const::Bytes(vec![0, b'a'])), "b'\\x00a'");
        assert_eq!(const_repr(&Const::BigInt(vec![0, 1])), "0x100000000");
    }
}
