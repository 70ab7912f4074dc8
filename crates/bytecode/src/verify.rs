//! The bytecode verifier: the security boundary between untrusted `.fzb`
//! files and the VM.
//!
//! [`verify`] accepts a code unit only if running it can never make the VM
//! index outside its constant pool, name table, frame slots or value stack:
//!
//! - every byte of `code` belongs to a valid instruction, and the last
//!   instruction is complete;
//! - every operand is in range for its instruction (constant, name and
//!   slot indices; operator numbers; flag bits; small counts);
//! - every jump target and exception handler is an instruction boundary
//!   inside the code;
//! - following every path (jumps, fall-through, exception edges) the
//!   value-stack depth is the same at each instruction whichever way it is
//!   reached, never lower than what the instruction consumes and never
//!   above `stacksize`; no path runs off the end of the code;
//! - an exception handler's depth is never above the depth left by any
//!   instruction it covers, so unwinding only ever shrinks the stack;
//! - the parameter counts and free variables fit in the slots, flags are
//!   known, and nested code units pass the same checks (nesting limited to
//!   [`crate::fzb::MAX_NESTING`]).
//!
//! What it does not check are types: a LOAD_ATTR on an int or a call of a
//! string is a Python-level error the VM raises as usual.

use alloc::vec;
use alloc::vec::Vec;

use crate::code::{CodeUnit, Const};
use crate::code::{CO_CLASS_BODY, CO_GENERATOR, CO_NAMESPACE, CO_VARARGS, CO_VARKEYWORDS};
use crate::fzb::{invalid, max_nesting, FzbError, MAX_ITEMS};
use crate::opcode::{BinOp, CmpOp, Op, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS};
use crate::stack::{is_jump, is_terminal, stack_effect, stack_inputs};

/// All `CO_*` flags this VM knows.
const KNOWN_FLAGS: u16 = CO_GENERATOR | CO_VARARGS | CO_VARKEYWORDS | CO_NAMESPACE | CO_CLASS_BODY;

/// Checks a code unit and every code unit nested in its constants.
pub fn verify(cu: &CodeUnit) -> Result<(), FzbError> {
    verify_unit(cu, 0)
}

fn verify_unit(cu: &CodeUnit, nesting: usize) -> Result<(), FzbError> {
    if nesting > max_nesting() {
        return Err(invalid(format_args!("code nested too deeply")));
    }
    check_header(cu)?;
    let boundaries = check_instructions(cu)?;
    let prologue = check_slots(cu)?;
    check_make_function(cu)?;
    check_exception_table(cu, &boundaries, prologue)?;
    check_flow(cu, &boundaries)?;
    for k in &cu.consts {
        verify_const(k, nesting)?;
    }
    Ok(())
}

fn verify_const(k: &Const, nesting: usize) -> Result<(), FzbError> {
    if nesting > max_nesting() {
        return Err(invalid(format_args!("code nested too deeply")));
    }
    match k {
        Const::Tuple(items) => {
            if items.len() > MAX_ITEMS {
                return Err(invalid(format_args!("tuple constant too long")));
            }
            for x in items {
                verify_const(x, nesting + 1)?;
            }
            Ok(())
        }
        Const::Code(cu) => verify_unit(cu, nesting + 1),
        _ => Ok(()),
    }
}

/// Counts, flags and parameters.
fn check_header(cu: &CodeUnit) -> Result<(), FzbError> {
    let who = &cu.qualname;
    if cu.flags & !KNOWN_FLAGS != 0 {
        return Err(invalid(format_args!(
            "unknown code flags {:#x} in {who}",
            cu.flags & !KNOWN_FLAGS
        )));
    }
    if cu.code.len() > u16::MAX as usize {
        return Err(invalid(format_args!("code too long in {who}")));
    }
    for (n, what) in [
        (cu.slots.len(), "slots"),
        (cu.consts.len(), "constants"),
        (cu.names.len(), "names"),
        (cu.lines.len(), "line entries"),
        (cu.exceptions.len(), "exception entries"),
    ] {
        if n > MAX_ITEMS {
            return Err(invalid(format_args!("too many {what} in {who}")));
        }
    }
    if cu.posonlyargcount > cu.argcount {
        return Err(invalid(format_args!(
            "more positional-only parameters than positional ones in {who}"
        )));
    }
    if cu.nparams() + cu.nfree as usize > cu.slots.len() {
        return Err(invalid(format_args!(
            "parameters and free variables do not fit in the {} slots of {who}",
            cu.slots.len()
        )));
    }
    Ok(())
}

/// Decodes every instruction, checking opcodes and operands; returns which
/// offsets start an instruction (indexed up to and including `code.len()`).
fn check_instructions(cu: &CodeUnit) -> Result<Vec<bool>, FzbError> {
    let who = &cu.qualname;
    let code = &cu.code;
    if code.is_empty() {
        return Err(invalid(format_args!("empty code in {who}")));
    }
    let mut starts = vec![false; code.len() + 1];
    let mut pc = 0;
    while let Some(&b) = code.get(pc) {
        let Some(op) = Op::from_u8(b) else {
            return Err(invalid(format_args!(
                "invalid opcode {b:#04x} at offset {pc} in {who}"
            )));
        };
        let arg = if op.has_arg() {
            match (code.get(pc + 1), code.get(pc + 2)) {
                (Some(&lo), Some(&hi)) => u16::from_le_bytes([lo, hi]),
                _ => {
                    return Err(invalid(format_args!(
                        "instruction {} cut off at the end of {who}",
                        op.name()
                    )))
                }
            }
        } else {
            0
        };
        if let Some(s) = starts.get_mut(pc) {
            *s = true;
        }
        check_operand(cu, op, arg).map_err(|why| {
            invalid(format_args!(
                "bad operand {arg} for {} at offset {pc} in {who}: {why}",
                op.name()
            ))
        })?;
        pc += if op.has_arg() { 3 } else { 1 };
    }
    for (pc, op, arg) in Instrs::new(code) {
        // Only JUMP may go backwards (the VM polls for interrupts there), or
        // a conditional jump to a FOR_ITER (a comprehension's filter):
        // every other loop stays interruptible.
        let to_for_iter = code.get(arg as usize) == Some(&(Op::FOR_ITER as u8));
        if is_jump(op) && op != Op::JUMP && (arg as usize) <= pc && !to_for_iter {
            return Err(invalid(format_args!(
                "backward {} at offset {pc} in {who}",
                op.name()
            )));
        }
        if is_jump(op) && !starts.get(arg as usize).copied().unwrap_or(false) {
            return Err(invalid(format_args!(
                "jump target {arg} of {} at offset {pc} is no instruction in {who}",
                op.name()
            )));
        }
    }
    Ok(starts)
}

/// Why an operand is out of range, if it is.
fn check_operand(cu: &CodeUnit, op: Op, arg: u16) -> Result<(), &'static str> {
    let a = arg as usize;
    let ok = |c: bool, why: &'static str| if c { Ok(()) } else { Err(why) };
    match op {
        Op::COPY => ok(arg >= 1, "must be at least 1"),
        Op::SWAP => ok(arg >= 2, "must be at least 2"),
        Op::LOAD_CONST => ok(a < cu.consts.len(), "no such constant"),
        Op::LOAD_FAST
        | Op::STORE_FAST
        | Op::DELETE_FAST
        | Op::LOAD_CLOSURE
        | Op::LOAD_DEREF
        | Op::STORE_DEREF
        | Op::DELETE_DEREF
        | Op::MAKE_CELL => ok(a < cu.slots.len(), "no such slot"),
        Op::COPY_FREE_VARS => ok(
            arg <= cu.nfree && a <= cu.slots.len(),
            "more than the free variables",
        ),
        Op::LOAD_CLASSDEREF
        | Op::LOAD_GLOBAL
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
        | Op::IMPORT_FROM => ok(a < cu.names.len(), "no such name"),
        Op::BUILD_SLICE => ok(arg == 2 || arg == 3, "must be 2 or 3"),
        Op::BINARY_OP => ok(BinOp::decode(arg).is_some(), "no such operator"),
        Op::COMPARE_OP => ok(CmpOp::decode(arg).is_some(), "no such comparison"),
        Op::IS_OP | Op::CONTAINS_OP | Op::CALL_EX => ok(arg <= 1, "must be 0 or 1"),
        Op::LIST_APPEND
        | Op::SET_ADD
        | Op::MAP_ADD
        | Op::LIST_EXTEND
        | Op::SET_UPDATE
        | Op::DICT_UPDATE
        | Op::DICT_MERGE => ok(arg >= 1, "must be at least 1"),
        Op::FORMAT_VALUE => ok(arg <= 7, "unknown conversion bits"),
        Op::MAKE_FUNCTION => ok(
            arg & !(MF_DEFAULTS | MF_KWDEFAULTS | MF_CLOSURE) == 0,
            "unknown flag bits",
        ),
        Op::RAISE_VARARGS => ok(arg <= 2, "must be 0, 1 or 2"),
        _ => Ok(()),
    }
}

/// Iterates over `(offset, op, arg)` of code already checked by
/// [`check_instructions`]; stops at the first undecodable byte.
struct Instrs<'a> {
    code: &'a [u8],
    pc: usize,
}

impl<'a> Instrs<'a> {
    fn new(code: &'a [u8]) -> Self {
        Instrs { code, pc: 0 }
    }
}

impl Iterator for Instrs<'_> {
    type Item = (usize, Op, u16);

    fn next(&mut self) -> Option<Self::Item> {
        let pc = self.pc;
        let (op, arg) = instr_at(self.code, pc)?;
        self.pc += if op.has_arg() { 3 } else { 1 };
        Some((pc, op, arg))
    }
}

/// The instruction at `pc`, if there is a complete valid one.
fn instr_at(code: &[u8], pc: usize) -> Option<(Op, u16)> {
    let op = Op::from_u8(*code.get(pc)?)?;
    let arg = if op.has_arg() {
        u16::from_le_bytes([*code.get(pc + 1)?, *code.get(pc + 2)?])
    } else {
        0
    };
    Some((op, arg))
}

/// Cell discipline: the code starts with a prologue of MAKE_CELL (for the
/// cell variables) and, when there are free variables, one COPY_FREE_VARS
/// for all of them; nothing jumps into or handles exceptions in the
/// prologue, and it appears nowhere else. Afterwards cell slots are used
/// only by the *_DEREF / LOAD_CLOSURE instructions and the other slots only
/// by the *_FAST ones. Returns the offset where the prologue ends.
fn check_slots(cu: &CodeUnit) -> Result<usize, FzbError> {
    let who = &cu.qualname;
    let nslots = cu.slots.len();
    let first_free = nslots.saturating_sub(cu.nfree as usize);
    let mut cell = vec![false; nslots];
    for c in cell.iter_mut().skip(first_free) {
        *c = true;
    }
    let mut instrs = Instrs::new(&cu.code).peekable();
    let mut prologue_end = 0;
    let mut copied = false;
    while let Some(&(pc, op, arg)) = instrs.peek() {
        match op {
            Op::MAKE_CELL if !copied => {
                let a = arg as usize;
                if a >= first_free || cell.get(a).copied().unwrap_or(true) {
                    return Err(invalid(format_args!(
                        "MAKE_CELL {arg} at offset {pc} of a free or cell slot in {who}"
                    )));
                }
                if let Some(c) = cell.get_mut(a) {
                    *c = true;
                }
            }
            Op::COPY_FREE_VARS if !copied && arg == cu.nfree => copied = true,
            _ => break,
        }
        instrs.next();
        prologue_end = pc + 3;
    }
    if cu.nfree > 0 && !copied {
        return Err(invalid(format_args!(
            "{who} has free variables but no COPY_FREE_VARS {} prologue",
            cu.nfree
        )));
    }
    for (pc, op, arg) in instrs {
        let is_cell = cell.get(arg as usize).copied().unwrap_or(false);
        let bad = match op {
            Op::MAKE_CELL | Op::COPY_FREE_VARS => true,
            Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => is_cell,
            Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLOSURE => !is_cell,
            _ => false,
        };
        if bad {
            return Err(invalid(format_args!(
                "{} {arg} at offset {pc} breaks the cell discipline of {who}",
                op.name()
            )));
        }
        if is_jump(op) && (arg as usize) < prologue_end {
            return Err(invalid(format_args!(
                "jump into the prologue at offset {pc} in {who}"
            )));
        }
    }
    Ok(prologue_end)
}

/// MAKE_FUNCTION sites have the compiler's shape, so the VM always gets a
/// code object and, for a function with free variables, a tuple of exactly
/// that many cells: `[LOAD_CLOSURE x n; BUILD_TUPLE n;] LOAD_CONST code;
/// MAKE_FUNCTION flags`, with the closure bit set exactly when the code
/// has `n = nfree > 0` free variables, and no jump or handler landing
/// inside the sequence (after its first instruction).
fn check_make_function(cu: &CodeUnit) -> Result<(), FzbError> {
    let who = &cu.qualname;
    let instrs: Vec<(usize, Op, u16)> = Instrs::new(&cu.code).collect();
    let mut entry = vec![false; cu.code.len() + 1];
    for &(_, op, arg) in &instrs {
        if is_jump(op) {
            if let Some(e) = entry.get_mut(arg as usize) {
                *e = true;
            }
        }
    }
    for e in &cu.exceptions {
        if let Some(x) = entry.get_mut(e.target as usize) {
            *x = true;
        }
    }
    let is_entry = |i: usize| {
        instrs
            .get(i)
            .and_then(|&(pc, _, _)| entry.get(pc).copied())
            .unwrap_or(true)
    };
    for (i, &(pc, op, arg)) in instrs.iter().enumerate() {
        if op != Op::MAKE_FUNCTION {
            continue;
        }
        let bad = |why: &str| invalid(format_args!("MAKE_FUNCTION at offset {pc} in {who}: {why}"));
        let code = match i.checked_sub(1).and_then(|j| instrs.get(j)) {
            Some(&(_, Op::LOAD_CONST, k)) => match cu.consts.get(k as usize) {
                Some(Const::Code(c)) => c,
                _ => return Err(bad("the constant before it is no code")),
            },
            _ => return Err(bad("not preceded by LOAD_CONST of its code")),
        };
        if is_entry(i) || (is_entry(i - 1) && arg & MF_CLOSURE != 0) {
            return Err(bad("a jump lands inside the sequence"));
        }
        let nfree = code.nfree as usize;
        if arg & MF_CLOSURE == 0 {
            if nfree != 0 {
                return Err(bad("code with free variables but no closure"));
            }
            continue;
        }
        if nfree == 0 {
            return Err(bad("a closure for code without free variables"));
        }
        let Some(t) = i.checked_sub(2) else {
            return Err(bad("no closure tuple"));
        };
        match instrs.get(t) {
            Some(&(_, Op::BUILD_TUPLE, n)) if n as usize == nfree => {}
            _ => return Err(bad("the closure is no BUILD_TUPLE of nfree cells")),
        }
        let Some(first) = t.checked_sub(nfree) else {
            return Err(bad("the closure is no tuple of LOAD_CLOSUREs"));
        };
        for j in first..t {
            if !matches!(instrs.get(j), Some(&(_, Op::LOAD_CLOSURE, _))) {
                return Err(bad("the closure is no tuple of LOAD_CLOSUREs"));
            }
            if j > first && is_entry(j) {
                return Err(bad("a jump lands inside the sequence"));
            }
        }
        if is_entry(t) {
            return Err(bad("a jump lands inside the sequence"));
        }
    }
    Ok(())
}

fn check_exception_table(cu: &CodeUnit, starts: &[bool], prologue: usize) -> Result<(), FzbError> {
    let who = &cu.qualname;
    let len = cu.code.len();
    for e in &cu.exceptions {
        let (start, end, target) = (e.start as usize, e.end as usize, e.target as usize);
        if start < prologue {
            return Err(invalid(format_args!(
                "exception range {start}..{end} covers the prologue of {who}"
            )));
        }
        if start >= end || end > len {
            return Err(invalid(format_args!(
                "exception range {start}..{end} outside the code of {who}"
            )));
        }
        // Handlers follow the code they protect, so exception edges, like
        // conditional jumps, only go forwards.
        if target < end {
            return Err(invalid(format_args!(
                "exception handler {target} precedes the end of its range {start}..{end} in {who}"
            )));
        }
        if target >= len || !starts.get(target).copied().unwrap_or(false) {
            return Err(invalid(format_args!(
                "exception handler {target} is no instruction in {who}"
            )));
        }
    }
    Ok(())
}

/// Instructions that never raise with their inputs consumed: they cannot
/// raise at all (no allocation, no polling, no lookups), or raise only
/// before touching the stack.
fn never_raises(op: Op) -> bool {
    matches!(
        op,
        Op::NOP
            | Op::POP_TOP
            | Op::COPY
            | Op::SWAP
            | Op::PUSH_NULL
            | Op::PUSH_EXC_INFO
            | Op::POP_EXCEPT
            // Raises only from the `__exit__` call, its inputs still in place.
            | Op::WITH_EXCEPT_START
    )
}

/// For each code offset, the index of the first exception-table row
/// covering it (`u32::MAX` for none). Linear time whatever the table: a
/// "next unassigned offset" forest skips offsets already taken by an
/// earlier row, so a hostile table of many overlapping rows costs no more
/// than the code's length.
fn handlers(cu: &CodeUnit) -> Vec<u32> {
    let len = cu.code.len();
    let mut handler = vec![u32::MAX; len];
    let mut next: Vec<usize> = (0..=len).collect();
    let find = |next: &mut Vec<usize>, mut i: usize| -> usize {
        while let Some(&n) = next.get(i) {
            if n == i {
                return i;
            }
            // Path halving.
            let nn = next.get(n).copied().unwrap_or(n);
            if let Some(x) = next.get_mut(i) {
                *x = nn;
            }
            i = nn;
        }
        len
    };
    for (k, e) in cu.exceptions.iter().enumerate() {
        let end = (e.end as usize).min(len);
        let mut p = find(&mut next, e.start as usize);
        while p < end {
            if let Some(h) = handler.get_mut(p) {
                *h = k as u32;
            }
            if let Some(x) = next.get_mut(p) {
                *x = p + 1;
            }
            p = find(&mut next, p + 1);
        }
    }
    handler
}

/// Stack-depth flow analysis over all reachable instructions.
fn check_flow(cu: &CodeUnit, starts: &[bool]) -> Result<(), FzbError> {
    let who = &cu.qualname;
    let code = &cu.code;
    let len = code.len();
    let max = cu.stacksize as i32;
    // Depth on entry to each offset; -1 = not reached yet.
    let mut depth = vec![-1i32; len];
    let mut todo: Vec<usize> = Vec::new();
    let handler = handlers(cu);
    let reach = |depth: &mut Vec<i32>,
                 todo: &mut Vec<usize>,
                 from: usize,
                 to: usize,
                 d: i32|
     -> Result<(), FzbError> {
        if d < 0 {
            return Err(invalid(format_args!(
                "stack underflow after offset {from} in {who}"
            )));
        }
        if d > max {
            return Err(invalid(format_args!(
                "stack depth {d} after offset {from} exceeds the stack size {max} of {who}"
            )));
        }
        if !starts.get(to).copied().unwrap_or(false) {
            return Err(invalid(format_args!(
                "offset {to} reached from {from} is no instruction in {who}"
            )));
        }
        match depth.get_mut(to) {
            Some(slot) if *slot < 0 => {
                *slot = d;
                todo.push(to);
                Ok(())
            }
            Some(slot) if *slot == d => Ok(()),
            Some(slot) => Err(invalid(format_args!(
                "inconsistent stack depth at offset {to} ({} or {d}) in {who}",
                *slot
            ))),
            None => Err(invalid(format_args!(
                "execution runs off the end of {who} after offset {from}"
            ))),
        }
    };
    reach(&mut depth, &mut todo, 0, 0, 0)?;
    while let Some(pc) = todo.pop() {
        let d = depth.get(pc).copied().unwrap_or(0);
        let Some((op, arg)) = instr_at(code, pc) else {
            return Err(invalid(format_args!("no instruction at {pc} in {who}")));
        };
        let inputs = stack_inputs(op, arg);
        if d < inputs {
            return Err(invalid(format_args!(
                "{} at offset {pc} needs {inputs} stack items but has {d} in {who}",
                op.name()
            )));
        }
        // The first matching row of the exception table handles this
        // instruction's exceptions.
        if let Some(e) = handler.get(pc).and_then(|&k| cu.exceptions.get(k as usize)) {
            // Unwinding truncates the stack to the handler's depth: that must
            // never expose slots above what the instruction may have left.
            // Instructions that can raise may have consumed their inputs;
            // the few that never raise only need the depth around them.
            let floor = if never_raises(op) {
                d.min(d + stack_effect(op, arg, false))
            } else {
                d - inputs
            };
            if (e.depth as i32) > floor {
                return Err(invalid(format_args!(
                    "exception handler depth {} above the stack depth {} at {} (offset {pc}) in {who}",
                    e.depth,
                    floor,
                    op.name()
                )));
            }
            reach(
                &mut depth,
                &mut todo,
                pc,
                e.target as usize,
                e.depth as i32 + 1,
            )?;
        }
        let next = pc + if op.has_arg() { 3 } else { 1 };
        if !is_terminal(op) {
            if next >= len {
                return Err(invalid(format_args!(
                    "execution runs off the end of {who} after offset {pc}"
                )));
            }
            reach(
                &mut depth,
                &mut todo,
                pc,
                next,
                d + stack_effect(op, arg, false),
            )?;
        } else {
            let after = d + stack_effect(op, arg, true);
            if after < 0 {
                return Err(invalid(format_args!(
                    "stack underflow at offset {pc} in {who}"
                )));
            }
        }
        if is_jump(op) {
            reach(
                &mut depth,
                &mut todo,
                pc,
                arg as usize,
                d + stack_effect(op, arg, true),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::ExceptionEntry;
    use alloc::string::ToString;

    fn unit(code: Vec<u8>, stacksize: u16) -> CodeUnit {
        CodeUnit {
            name: "f".into(),
            qualname: "f".into(),
            stacksize,
            code,
            consts: vec![Const::None],
            names: vec!["x".into()],
            slots: vec!["a".into()],
            ..Default::default()
        }
    }

    fn err(cu: &CodeUnit) -> alloc::string::String {
        verify(cu).unwrap_err().to_string()
    }

    const LC: u8 = Op::LOAD_CONST as u8;
    const RET: u8 = Op::RETURN_VALUE as u8;
    const POP: u8 = Op::POP_TOP as u8;

    #[test]
    fn accepts_simple_code() {
        assert_eq!(verify(&unit(vec![LC, 0, 0, RET], 1)), Ok(()));
    }

    #[test]
    fn rejects_bad_instructions() {
        assert_eq!(
            err(&unit(vec![LC, 0, 0, 0xff], 1)),
            "invalid opcode 0xff at offset 3 in f"
        );
        assert!(err(&unit(vec![LC, 0], 1)).contains("cut off"));
        assert!(err(&unit(vec![LC, 1, 0, RET], 1)).contains("no such constant"));
        assert!(err(&unit(vec![Op::LOAD_FAST as u8, 1, 0, RET], 1)).contains("no such slot"));
        assert!(err(&unit(vec![Op::LOAD_NAME as u8, 1, 0, RET], 1)).contains("no such name"));
        assert!(err(&unit(vec![], 1)).contains("empty"));
        let binop = vec![LC, 0, 0, LC, 0, 0, Op::BINARY_OP as u8, 13, 0, RET];
        assert!(err(&unit(binop, 2)).contains("no such operator"));
    }

    #[test]
    fn rejects_bad_flow() {
        // Falls off the end.
        assert!(err(&unit(vec![LC, 0, 0, POP], 1)).contains("runs off the end"));
        // Underflow.
        assert!(err(&unit(vec![POP, LC, 0, 0, RET], 1)).contains("needs 1"));
        // Stack size too small.
        assert!(err(&unit(vec![LC, 0, 0, LC, 0, 0, POP, RET], 1)).contains("exceeds"));
        // Jump into the middle of an instruction.
        let j = vec![Op::JUMP as u8, 4, 0, LC, 0, 0, RET];
        assert!(err(&unit(j, 1)).contains("no instruction"));
        // Jump outside the code.
        let j = vec![Op::JUMP as u8, 40, 0, LC, 0, 0, RET];
        assert!(err(&unit(j, 1)).contains("no instruction"));
        // Inconsistent depths at a merge: the loop pushes one per turn.
        let l = vec![LC, 0, 0, Op::JUMP as u8, 0, 0];
        assert!(err(&unit(l, 1)).contains("inconsistent"));
    }

    #[test]
    fn checks_exception_table() {
        let mut cu = unit(vec![LC, 0, 0, RET, RET], 2);
        cu.exceptions.push(ExceptionEntry {
            start: 0,
            end: 4,
            target: 4,
            depth: 0,
        });
        assert_eq!(verify(&cu), Ok(()));
        cu.exceptions[0].target = 5;
        assert!(err(&cu).contains("handler"));
        cu.exceptions[0].target = 4;
        cu.exceptions[0].end = 9;
        assert!(err(&cu).contains("outside"));
        cu.exceptions[0].end = 4;
        cu.exceptions[0].depth = 1;
        assert!(err(&cu).contains("above the stack depth"));
    }

    #[test]
    fn checks_parameters_and_nesting() {
        let mut cu = unit(vec![LC, 0, 0, RET], 1);
        cu.argcount = 2;
        assert!(err(&cu).contains("do not fit"));
        cu.argcount = 0;
        cu.posonlyargcount = 1;
        assert!(err(&cu).contains("positional-only"));
        cu.posonlyargcount = 0;
        cu.flags = 0x100;
        assert!(err(&cu).contains("unknown code flags"));
        cu.flags = 0;
        let mut bad = unit(vec![LC, 5, 0, RET], 1);
        bad.qualname = "inner".into();
        cu.consts
            .push(Const::Tuple(vec![Const::Code(alloc::boxed::Box::new(bad))]));
        assert!(err(&cu).contains("in inner"));
    }

    #[test]
    fn checks_loops_and_handlers_go_forwards() {
        // A conditional jump back to itself would loop without polling.
        let l = vec![LC, 0, 0, Op::POP_JUMP_IF_TRUE as u8, 0, 0, LC, 0, 0, RET];
        assert!(err(&unit(l, 1)).contains("backward"));
        let mut cu = unit(vec![LC, 0, 0, POP, LC, 0, 0, RET], 2);
        cu.exceptions.push(ExceptionEntry {
            start: 4,
            end: 8,
            target: 0,
            depth: 0,
        });
        assert!(err(&cu).contains("precedes"));
    }

    #[test]
    fn checks_cell_discipline() {
        let mk = Op::MAKE_CELL as u8;
        let ld = Op::LOAD_DEREF as u8;
        let lf = Op::LOAD_FAST as u8;
        assert_eq!(verify(&unit(vec![mk, 0, 0, ld, 0, 0, RET], 1)), Ok(()));
        // LOAD_FAST of a cell slot, LOAD_DEREF of a plain one.
        assert!(err(&unit(vec![mk, 0, 0, lf, 0, 0, RET], 1)).contains("cell discipline"));
        assert!(err(&unit(vec![ld, 0, 0, RET], 1)).contains("cell discipline"));
        // MAKE_CELL after the prologue.
        let c = vec![LC, 0, 0, POP, mk, 0, 0, ld, 0, 0, RET];
        assert!(err(&unit(c, 1)).contains("cell discipline"));
        // Free variables need COPY_FREE_VARS.
        let mut cu = unit(vec![ld, 0, 0, RET], 1);
        cu.nfree = 1;
        assert!(err(&cu).contains("COPY_FREE_VARS"));
        cu.code = vec![Op::COPY_FREE_VARS as u8, 1, 0, ld, 0, 0, RET];
        assert_eq!(verify(&cu), Ok(()));
    }

    #[test]
    fn checks_make_function_sites() {
        let mf = Op::MAKE_FUNCTION as u8;
        let mut inner = unit(vec![Op::COPY_FREE_VARS as u8, 1, 0, LC, 0, 0, RET], 1);
        inner.nfree = 1;
        let mut cu = unit(vec![], 2);
        cu.consts.push(Const::Code(alloc::boxed::Box::new(inner)));
        let mk = Op::MAKE_CELL as u8;
        let lcl = Op::LOAD_CLOSURE as u8;
        let bt = Op::BUILD_TUPLE as u8;
        cu.code = vec![mk, 0, 0, lcl, 0, 0, bt, 1, 0, LC, 1, 0, mf, 8, 0, RET];
        assert_eq!(verify(&cu), Ok(()));
        // No closure for code with free variables.
        cu.code = vec![LC, 1, 0, mf, 0, 0, RET];
        assert!(err(&cu).contains("no closure"));
        // Something other than cells in the closure tuple.
        cu.code = vec![LC, 0, 0, bt, 1, 0, LC, 1, 0, mf, 8, 0, RET];
        assert!(err(&cu).contains("LOAD_CLOSURE"));
        // MAKE_FUNCTION of a non-code constant.
        cu.code = vec![LC, 0, 0, mf, 0, 0, RET];
        assert!(err(&cu).contains("no code"));
    }

    #[test]
    fn first_matching_handler_wins() {
        let mut cu = unit(vec![LC, 0, 0, LC, 0, 0, POP, POP, LC, 0, 0, RET, RET], 2);
        for (start, end, target) in [(3, 6, 12), (0, 8, 12), (6, 7, 12)] {
            cu.exceptions.push(ExceptionEntry {
                start,
                end,
                target,
                depth: 0,
            });
        }
        assert_eq!(handlers(&cu)[..9], [1, 1, 1, 0, 0, 0, 1, 1, u32::MAX]);
        assert_eq!(verify(&cu), Ok(()));
    }

    #[test]
    fn big_hostile_tables_stay_linear() {
        let n = 60_000;
        let mut code = vec![Op::NOP as u8; n];
        code.extend_from_slice(&[LC, 0, 0, RET, RET]);
        let mut cu = unit(code, 1);
        cu.exceptions = vec![
            ExceptionEntry {
                start: 0,
                end: n as u16,
                target: n as u16 + 4,
                depth: 0,
            };
            60_000
        ];
        // Quadratic work would be 3.6e9 steps; this takes milliseconds.
        assert_eq!(verify(&cu), Ok(()));
    }
}
