//! Instruction emission for one code unit: labels, constant and name pools,
//! the line table, exception-table ranges, and the final assembly with a
//! stack-depth flow analysis that computes `stacksize` and verifies the code.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use fzpy_bytecode::stack::{is_jump, is_terminal, stack_effect, stack_inputs};
use fzpy_bytecode::{Const, ExceptionEntry, Op};

/// A jump target, bound to an offset with [`Builder::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

const UNBOUND: u32 = u32::MAX;
/// Largest code unit, in bytes (offsets are u16).
const MAX_CODE: usize = 0xffff;

/// Why assembly failed.
#[derive(Debug)]
pub(crate) enum AsmError {
    /// The code is larger than 64 KB.
    TooLarge,
    /// A compiler bug caught by the verifier.
    Internal(String),
}

/// The output of [`Builder::finish`].
pub(crate) struct Assembled {
    pub code: Vec<u8>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub lines: Vec<(u16, u32)>,
    pub exceptions: Vec<ExceptionEntry>,
    pub stacksize: u16,
}

/// Emits the instructions of one code unit.
pub(crate) struct Builder {
    code: Vec<u8>,
    labels: Vec<u32>,
    fixups: Vec<(usize, Label)>,
    consts: Vec<Const>,
    names: Vec<String>,
    name_index: BTreeMap<String, u16>,
    lines: Vec<(u32, u32)>,
    last_line: u32,
    /// The source line given to the next instructions.
    pub line: u32,
    ranges: Vec<(u32, u32, Label, u16)>,
    open: Option<(u32, Label, u16)>,
    /// Active exception handlers (target, depth), innermost last: every
    /// emitted instruction is covered by the last one.
    pub handlers: Vec<(Label, u16)>,
    too_many: bool,
    /// After an unconditional jump, return or raise, until the next label:
    /// instructions emitted now are unreachable and dropped.
    dead: bool,
}

/// Strict equality for constant pooling: 1, 1.0, True, 0.0 and -0.0 differ.
fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::BigInt(x), Const::BigInt(y)) => x == y,
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same_const(a, b))
        }
        // Code units are never shared.
        _ => false,
    }
}

impl Builder {
    pub fn new(firstline: u32) -> Self {
        Builder {
            code: Vec::new(),
            labels: Vec::new(),
            fixups: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: BTreeMap::new(),
            lines: Vec::new(),
            last_line: firstline,
            line: firstline,
            ranges: Vec::new(),
            open: None,
            handlers: Vec::new(),
            too_many: false,
            dead: false,
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(UNBOUND);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = self.code.len() as u32;
        self.dead = false;
    }

    /// Index of a constant, added if new.
    pub fn add_const(&mut self, k: Const) -> u16 {
        if !matches!(k, Const::Code(_)) {
            if let Some(i) = self.consts.iter().position(|c| same_const(c, &k)) {
                return i as u16;
            }
        }
        if self.consts.len() >= 0xffff {
            self.too_many = true;
            return 0;
        }
        self.consts.push(k);
        self.consts.len() as u16 - 1
    }

    /// Index of a name in the names pool, added if new.
    pub fn add_name(&mut self, n: &str) -> u16 {
        if let Some(&i) = self.name_index.get(n) {
            return i;
        }
        if self.names.len() >= 0xffff {
            self.too_many = true;
            return 0;
        }
        let i = self.names.len() as u16;
        self.names.push(String::from(n));
        self.name_index.insert(String::from(n), i);
        i
    }

    /// Bookkeeping before an instruction: line table and exception ranges.
    fn start_instr(&mut self) {
        let pos = self.code.len() as u32;
        if self.line != 0 && self.line != self.last_line {
            match self.lines.last_mut() {
                Some(last) if last.0 == pos => last.1 = self.line,
                _ => self.lines.push((pos, self.line)),
            }
            self.last_line = self.line;
        }
        let top = self.handlers.last().copied();
        let same = match (self.open, top) {
            (Some((_, l, d)), Some((l2, d2))) => l == l2 && d == d2,
            (None, None) => true,
            _ => false,
        };
        if !same {
            if let Some((start, l, d)) = self.open.take() {
                if start < pos {
                    self.ranges.push((start, pos, l, d));
                }
            }
            self.open = top.map(|(l, d)| (pos, l, d));
        }
    }

    /// Starts an instruction; false when it is unreachable (dropped).
    fn start(&mut self, op: Op) -> bool {
        if self.dead {
            return false;
        }
        self.start_instr();
        self.code.push(op as u8);
        self.dead = is_terminal(op);
        true
    }

    pub fn emit(&mut self, op: Op) {
        debug_assert!(!op.has_arg());
        self.start(op);
    }

    pub fn emit_arg(&mut self, op: Op, arg: u16) {
        debug_assert!(op.has_arg());
        if self.start(op) {
            self.code.extend_from_slice(&arg.to_le_bytes());
        }
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        if self.start(op) {
            self.fixups.push((self.code.len(), target));
            self.code.extend_from_slice(&[0, 0]);
        }
    }

    /// Resolves labels, builds the tables and verifies stack depths.
    pub fn finish(mut self) -> Result<Assembled, AsmError> {
        if self.code.len() > MAX_CODE || self.too_many {
            return Err(AsmError::TooLarge);
        }
        let end = self.code.len() as u32;
        if let Some((start, l, d)) = self.open.take() {
            if start < end {
                self.ranges.push((start, end, l, d));
            }
        }
        let target = |labels: &[u32], l: Label| -> Result<u16, AsmError> {
            match labels.get(l.0 as usize) {
                Some(&t) if t != UNBOUND => Ok(t as u16),
                _ => Err(AsmError::Internal(format!("unbound label {}", l.0))),
            }
        };
        for &(pos, l) in &self.fixups {
            let t = target(&self.labels, l)?;
            self.code[pos..pos + 2].copy_from_slice(&t.to_le_bytes());
        }
        let mut exceptions = Vec::new();
        for &(start, end, l, depth) in &self.ranges {
            exceptions.push(ExceptionEntry {
                start: start as u16,
                end: end as u16,
                target: target(&self.labels, l)?,
                depth,
            });
        }
        let lines = self.lines.iter().map(|&(o, l)| (o as u16, l)).collect();
        let stacksize = match verify(&self.code, &exceptions) {
            Ok(n) => n,
            Err(e) => {
                #[cfg(test)]
                {
                    extern crate std;
                    let unit = fzpy_bytecode::CodeUnit {
                        code: self.code.clone(),
                        consts: self.consts.clone(),
                        names: self.names.clone(),
                        exceptions: exceptions.clone(),
                        ..Default::default()
                    };
                    std::eprintln!("{}", fzpy_bytecode::dis::dis(&unit));
                }
                return Err(e);
            }
        };
        Ok(Assembled {
            code: self.code,
            consts: self.consts,
            names: self.names,
            lines,
            exceptions,
            stacksize,
        })
    }
}

/// Simulates the stack depth along every path (jumps, fall-through and
/// exception edges) and returns the deepest. Fails when a path underflows,
/// two paths meet with different depths, a jump lands inside an instruction,
/// a handler's depth exceeds the depth of code it covers, or code runs off
/// the end.
pub(crate) fn verify(code: &[u8], exceptions: &[ExceptionEntry]) -> Result<u16, AsmError> {
    let bad = |msg: String| Err(AsmError::Internal(msg));
    // Instruction starts.
    let mut is_start = vec![false; code.len() + 1];
    let mut pc = 0;
    while pc < code.len() {
        is_start[pc] = true;
        let op = match Op::from_u8(code[pc]) {
            Some(op) => op,
            None => return bad(format!("bad opcode at {}", pc)),
        };
        pc += if op.has_arg() { 3 } else { 1 };
    }
    if pc != code.len() {
        return bad("truncated instruction".into());
    }
    let mut depth: Vec<i32> = vec![-1; code.len()];
    let mut work: Vec<usize> = Vec::new();
    let mut max = 0i32;
    let reach = |t: usize,
                 d: i32,
                 depth: &mut Vec<i32>,
                 work: &mut Vec<usize>,
                 max: &mut i32|
     -> Result<(), AsmError> {
        if t >= code.len() || !is_start[t] {
            return Err(AsmError::Internal(format!("bad jump target {}", t)));
        }
        if d < 0 {
            return Err(AsmError::Internal(format!("negative depth at {}", t)));
        }
        *max = (*max).max(d);
        if depth[t] < 0 {
            depth[t] = d;
            work.push(t);
        } else if depth[t] != d {
            return Err(AsmError::Internal(format!(
                "stack depth mismatch at {}: {} vs {}",
                t, depth[t], d
            )));
        }
        Ok(())
    };
    if !code.is_empty() {
        reach(0, 0, &mut depth, &mut work, &mut max)?;
    }
    while let Some(pc) = work.pop() {
        let d = depth[pc];
        let op = Op::from_u8(code[pc]).unwrap_or(Op::NOP);
        let arg = if op.has_arg() {
            u16::from_le_bytes([code[pc + 1], code[pc + 2]])
        } else {
            0
        };
        if d < stack_inputs(op, arg) {
            return bad(format!("stack underflow at {} ({})", pc, op.name()));
        }
        if let Some(h) = exceptions
            .iter()
            .find(|e| e.start as usize <= pc && pc < e.end as usize)
        {
            if h.depth as i32 > d {
                return bad(format!(
                    "handler depth {} above stack {} at {}",
                    h.depth, d, pc
                ));
            }
            reach(
                h.target as usize,
                h.depth as i32 + 1,
                &mut depth,
                &mut work,
                &mut max,
            )?;
        }
        if is_jump(op) {
            let e = stack_effect(op, arg, true);
            reach(arg as usize, d + e, &mut depth, &mut work, &mut max)?;
        }
        if !is_terminal(op) {
            let next = pc + if op.has_arg() { 3 } else { 1 };
            let e = stack_effect(op, arg, false);
            if next >= code.len() {
                return bad(format!("falls off the end after {}", pc));
            }
            reach(next, d + e, &mut depth, &mut work, &mut max)?;
        }
    }
    if max > 0xffff {
        return Err(AsmError::TooLarge);
    }
    Ok(max as u16)
}
