//! The interpreter loop: fetch, decode, execute, top to bottom.
//!
//! `run` executes the running frame (and the frames it calls) until an
//! entry frame returns. Operands stay on the stack while an instruction
//! works on them, so they remain rooted if it allocates; a result is
//! pushed only when it is complete.

use crate::frame::{
    EXIT_SHIFT, FLAG_ENTRY, FLAG_SEND, F_FLAGS, F_FUNC, F_GEN, F_LOCALS, F_PC, HEADER,
};
use crate::heap::kind;
use crate::native::{Args, NO_KW};
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{PyResult, Raised, Vm};
use fzpy_bytecode::{BinOp, CmpOp, Op};

/// What a generator frame did when its loop ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenExit {
    /// Not a generator frame.
    None,
    /// It yielded.
    Yielded,
    /// It returned.
    Returned,
}

/// Instructions between checks for Ctrl+C / pending events.
const POLL_INTERVAL: u32 = 1024;

impl Vm {
    /// Reads the u16 operand at `pc` of the running code.
    #[inline]
    fn fetch(&self, bc: Value, pc: usize) -> Option<(u8, u16)> {
        let b = self.bytes_data(bc);
        let op = *b.get(pc)?;
        let arg = match (b.get(pc + 1), b.get(pc + 2)) {
            (Some(&lo), Some(&hi)) => u16::from_le_bytes([lo, hi]),
            _ => 0,
        };
        Some((op, arg))
    }

    /// Slot index of local `i` of the running frame.
    #[inline]
    fn local(&self, i: u16) -> usize {
        self.frame + HEADER + i as usize
    }

    /// Name `i` of the running code.
    #[inline]
    fn name(&self, i: u16) -> Value {
        let c = self.frame_code(self.frame);
        let names = self.heap.get(c, code::NAMES);
        self.tuple_get(names, i as usize)
    }

    /// Polls for interrupts now and then.
    #[inline]
    fn poll(&mut self) -> PyResult<()> {
        self.poll_countdown = self.poll_countdown.wrapping_sub(1);
        if self.poll_countdown == 0 {
            self.poll_countdown = POLL_INTERVAL;
            if self.platform.interrupted() {
                return Err(self.raise_empty(TypeId::KeyboardInterrupt));
            }
            // Extension events (Flipper input callbacks) between bytecodes.
            if let Some(hook) = self.event_hook {
                hook(self)?;
            }
        }
        Ok(())
    }

    /// Runs until the entry frame returns; its result.
    pub(crate) fn run(&mut self) -> PyResult<Value> {
        let mut pc = self.slot(self.frame + F_PC).small_value() as usize;
        loop {
            let ipc = pc;
            let c = self.frame_code(self.frame);
            let bc = self.heap.get(c, code::BYTECODE);
            let Some((opb, arg)) = self.fetch(bc, pc) else {
                self.raise_msg(TypeId::SystemError, "bad instruction address");
                pc = self.unwind(ipc, false)?;
                continue;
            };
            let Some(op) = Op::from_u8(opb) else {
                self.raise_msg(TypeId::SystemError, "bad opcode");
                pc = self.unwind(ipc, false)?;
                continue;
            };
            pc += if op.has_arg() { 3 } else { 1 };
            match self.step(op, arg, &mut pc) {
                Ok(Flow::Next) => {}
                Ok(Flow::Return(v)) => return Ok(v),
                Err(Raised) => {
                    let reraise = op == Op::RERAISE || (op == Op::RAISE_VARARGS && arg == 0);
                    pc = self.unwind(ipc, reraise)?;
                }
            }
        }
    }

    /// Executes one instruction. (Always inlined into `run`, its one caller: a
    /// call per instruction costs more than the instruction itself.)
    #[inline(always)]
    fn step(&mut self, op: Op, arg: u16, pc: &mut usize) -> PyResult<Flow> {
        if !self.operands_ok(op, arg) {
            return Err(self.raise_msg(
                TypeId::SystemError,
                "invalid bytecode: operand of the wrong kind",
            ));
        }
        let h = &mut self.heap;
        match op {
            Op::NOP => {}
            Op::POP_TOP => {
                h.pop();
            }
            Op::COPY => {
                let v = h.peek(arg as usize - 1);
                h.push(v);
            }
            Op::SWAP => {
                let top = h.sp() - 1;
                let other = h.sp() - arg as usize;
                let (a, b) = (h.slot(top), h.slot(other));
                h.set_slot(top, b);
                h.set_slot(other, a);
            }
            Op::PUSH_NULL => h.push(Value::NULL),
            Op::LOAD_CONST => {
                let c = self.frame_code(self.frame);
                let consts = self.heap.get(c, code::CONSTS);
                let v = self.tuple_get(consts, arg as usize);
                self.heap.push(v);
            }
            Op::LOAD_SMALL_INT => h.push(Value::int(arg as i16 as i32)),

            // ---- names ----
            Op::LOAD_FAST => {
                let v = self.slot(self.local(arg));
                if v.is_null() {
                    return Err(self.unbound_local(arg));
                }
                self.heap.push(v);
            }
            Op::STORE_FAST => {
                let v = self.heap.pop();
                let i = self.local(arg);
                self.set_slot(i, v);
            }
            Op::DELETE_FAST => {
                let i = self.local(arg);
                if self.slot(i).is_null() {
                    return Err(self.unbound_local(arg));
                }
                self.set_slot(i, Value::NULL);
            }
            Op::LOAD_CLOSURE => {
                let v = self.slot(self.local(arg));
                self.heap.push(v);
            }
            Op::LOAD_DEREF => {
                let cell = self.slot(self.local(arg));
                let v = if cell.is_null() {
                    Value::NULL
                } else {
                    self.heap.get(cell, 0)
                };
                if v.is_null() {
                    return Err(self.unbound_deref(arg));
                }
                self.heap.push(v);
            }
            Op::STORE_DEREF => {
                let v = self.heap.pop();
                let cell = self.slot(self.local(arg));
                self.heap.set(cell, 0, v);
            }
            Op::DELETE_DEREF => {
                let cell = self.slot(self.local(arg));
                if self.heap.get(cell, 0).is_null() {
                    return Err(self.unbound_deref(arg));
                }
                self.heap.set(cell, 0, Value::NULL);
            }
            Op::LOAD_CLASSDEREF => {
                let name = self.name(arg);
                let locals = self.slot(self.frame + F_LOCALS);
                if let Some(v) = self.dict_get(locals, name)? {
                    self.heap.push(v);
                } else {
                    let name = self.name(arg);
                    let v = self.load_free_by_name(name)?;
                    self.heap.push(v);
                }
            }
            Op::MAKE_CELL => {
                let i = self.local(arg);
                let v = self.slot(i);
                let cell = self.new_cell(v)?;
                self.set_slot(i, cell);
            }
            Op::COPY_FREE_VARS => {
                let f = self.slot(self.frame + F_FUNC);
                let closure = self.heap.get(f, func::CLOSURE);
                let c = self.frame_code(self.frame);
                let n = self.code_nslots(c);
                let start = n - arg as usize;
                for i in 0..arg as usize {
                    let cell =
                        if self.heap.kind(closure) == kind::TUPLE && i < self.tuple_len(closure) {
                            self.tuple_get(closure, i)
                        } else {
                            Value::NULL
                        };
                    let s = self.frame + HEADER + start + i;
                    self.set_slot(s, cell);
                }
            }
            Op::LOAD_GLOBAL => {
                let name = self.name(arg);
                let v = self.load_global(name)?;
                self.heap.push(v);
            }
            Op::STORE_GLOBAL => {
                let name = self.name(arg);
                let v = self.heap.peek(0);
                let g = self.globals();
                self.dict_set(g, name, v)?;
                self.heap.pop();
            }
            Op::DELETE_GLOBAL => {
                let name = self.name(arg);
                let g = self.globals();
                if self.dict_remove(g, name)?.is_none() {
                    return Err(self.name_error(name));
                }
            }
            Op::LOAD_NAME => {
                let name = self.name(arg);
                let locals = self.slot(self.frame + F_LOCALS);
                let v = match self.mapping_get(locals, name)? {
                    Some(v) => v,
                    None => {
                        let name = self.name(arg);
                        self.load_global(name)?
                    }
                };
                self.heap.push(v);
            }
            Op::STORE_NAME => {
                let name = self.name(arg);
                let v = self.heap.peek(0);
                let locals = self.slot(self.frame + F_LOCALS);
                self.mapping_set(locals, name, v)?;
                self.heap.pop();
            }
            Op::DELETE_NAME => {
                let name = self.name(arg);
                let locals = self.slot(self.frame + F_LOCALS);
                if self.dict_remove(locals, name)?.is_none() {
                    let name = self.name(arg);
                    return Err(self.name_error(name));
                }
            }

            // ---- attributes and items ----
            Op::LOAD_ATTR => {
                let name = self.name(arg);
                let o = self.heap.peek(0);
                let v = self.getattr(o, name)?;
                let top = self.sp() - 1;
                self.set_slot(top, v);
            }
            Op::STORE_ATTR => {
                let name = self.name(arg);
                let (o, v) = (self.heap.peek(0), self.heap.peek(1));
                self.setattr(o, name, v)?;
                let sp = self.sp();
                self.heap.truncate(sp - 2);
            }
            Op::DELETE_ATTR => {
                let name = self.name(arg);
                let o = self.heap.peek(0);
                self.delattr(o, name)?;
                self.heap.pop();
            }
            Op::LOAD_METHOD => {
                let name = self.name(arg);
                let o = self.heap.peek(0);
                let (m, this) = self.load_method(o, name)?;
                let top = self.sp() - 1;
                self.set_slot(top, m);
                self.heap.push(this);
            }
            Op::BINARY_SUBSCR => {
                let (c, k) = (self.heap.peek(1), self.heap.peek(0));
                let v = self.getitem(c, k)?;
                self.pop_push(2, v);
            }
            Op::STORE_SUBSCR => {
                let (v, c, k) = (self.heap.peek(2), self.heap.peek(1), self.heap.peek(0));
                self.setitem(c, k, v)?;
                let sp = self.sp();
                self.heap.truncate(sp - 3);
            }
            Op::DELETE_SUBSCR => {
                let (c, k) = (self.heap.peek(1), self.heap.peek(0));
                self.delitem(c, k)?;
                let sp = self.sp();
                self.heap.truncate(sp - 2);
            }
            Op::BUILD_SLICE => {
                let n = arg as usize;
                let base = self.sp() - n;
                let s = self.alloc(kind::SLICE, 3)?;
                for i in 0..3 {
                    let v = if i < n {
                        self.slot(base + i)
                    } else {
                        Value::NONE
                    };
                    self.heap.set(s, i, v);
                }
                self.pop_push(n, s);
            }

            // ---- operators ----
            Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_INVERT => {
                let v = self.heap.peek(0);
                let r = self.unary_op(op, v)?;
                self.pop_push(1, r);
            }
            Op::UNARY_NOT => {
                let v = self.heap.peek(0);
                let t = self.truthy(v)?;
                self.pop_push(1, Value::bool(!t));
            }
            Op::BINARY_OP => {
                let Some((bop, inplace)) = BinOp::decode(arg) else {
                    return Err(self.raise_msg(TypeId::SystemError, "bad operator"));
                };
                let (a, b) = (self.heap.peek(1), self.heap.peek(0));
                // Small-int + and - on the tagged words (2x+1 and 2y+1), without a
                // call: an i32 overflow is exactly a result outside the small range.
                let (ta, tb) = (a.0 as i32, b.0 as i32);
                let quick = match bop {
                    _ if ta & tb & 1 == 0 => None,
                    BinOp::Add => ta.checked_add(tb - 1),
                    BinOp::Sub => ta.checked_sub(tb - 1),
                    _ => None,
                };
                let r = match quick {
                    Some(t) => Value(t as u32),
                    None => self.binary_op(bop, a, b, inplace)?,
                };
                self.pop_push(2, r);
            }
            Op::COMPARE_OP => {
                let Some(cop) = CmpOp::decode(arg) else {
                    return Err(self.raise_msg(TypeId::SystemError, "bad comparison"));
                };
                let (a, b) = (self.heap.peek(1), self.heap.peek(0));
                // Two small ints order like their tagged words.
                let r = if a.0 & b.0 & 1 == 1 {
                    let (x, y) = (a.0 as i32, b.0 as i32);
                    Value::bool(match cop {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Eq => x == y,
                        CmpOp::Ne => x != y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                    })
                } else {
                    self.compare(cop, a, b)?
                };
                self.pop_push(2, r);
            }
            Op::IS_OP => {
                let (a, b) = (self.heap.peek(1), self.heap.peek(0));
                let r = self.is_same(a, b) != (arg == 1);
                self.pop_push(2, Value::bool(r));
            }
            Op::CONTAINS_OP => {
                let (a, b) = (self.heap.peek(1), self.heap.peek(0));
                let r = self.contains(b, a)? != (arg == 1);
                self.pop_push(2, Value::bool(r));
            }

            // ---- building ----
            Op::BUILD_TUPLE => {
                let n = arg as usize;
                let base = self.sp() - n;
                let t = self.tuple_from_stack(base, n)?;
                self.pop_push(n, t);
            }
            Op::BUILD_LIST => {
                let n = arg as usize;
                let base = self.sp() - n;
                let l = self.list_from_stack(base, n)?;
                self.pop_push(n, l);
            }
            Op::BUILD_SET => {
                let n = arg as usize;
                let base = self.sp() - n;
                let s = self.new_table(kind::SET, 0)?;
                self.heap.push(s);
                for i in 0..n {
                    let (s, v) = (self.slot(base + n), self.slot(base + i));
                    self.set_add(s, v)?;
                }
                let s = self.heap.pop();
                self.pop_push(n, s);
            }
            Op::BUILD_MAP => {
                let n = arg as usize;
                let base = self.sp() - 2 * n;
                let d = self.new_dict()?;
                self.heap.push(d);
                for i in 0..n {
                    let (d, k, v) = (
                        self.slot(base + 2 * n),
                        self.slot(base + 2 * i),
                        self.slot(base + 2 * i + 1),
                    );
                    self.dict_set(d, k, v)?;
                }
                let d = self.heap.pop();
                self.pop_push(2 * n, d);
            }
            Op::BUILD_STRING => {
                let n = arg as usize;
                let base = self.sp() - n;
                let s = self.join_strs_from_stack(base, n)?;
                self.pop_push(n, s);
            }
            Op::LIST_APPEND => {
                let v = self.heap.peek(0);
                let l = self.heap.peek(arg as usize);
                self.list_append(l, v)?;
                self.heap.pop();
            }
            Op::SET_ADD => {
                let v = self.heap.peek(0);
                let s = self.heap.peek(arg as usize);
                self.set_add(s, v)?;
                self.heap.pop();
            }
            Op::MAP_ADD => {
                let (k, v) = (self.heap.peek(1), self.heap.peek(0));
                let d = self.heap.peek(arg as usize + 1);
                self.dict_set(d, k, v)?;
                let sp = self.sp();
                self.heap.truncate(sp - 2);
            }
            Op::LIST_EXTEND => {
                let it = self.heap.peek(0);
                let l = self.heap.peek(arg as usize);
                self.list_extend_checked(l, it)?;
                self.heap.pop();
            }
            Op::SET_UPDATE => {
                let it = self.heap.peek(0);
                let s = self.heap.peek(arg as usize);
                self.set_update(s, it)?;
                self.heap.pop();
            }
            Op::DICT_UPDATE | Op::DICT_MERGE => {
                let m = self.heap.peek(0);
                let d = self.heap.peek(arg as usize);
                let f = if op == Op::DICT_MERGE {
                    self.heap.peek(arg as usize + 2)
                } else {
                    Value::NULL
                };
                self.dict_merge(d, m, op == Op::DICT_MERGE, f)?;
                self.heap.pop();
            }
            Op::LIST_TO_TUPLE => {
                let l = self.heap.peek(0);
                let t = self.list_to_tuple(l)?;
                self.pop_push(1, t);
            }
            Op::UNPACK_SEQUENCE => {
                let s = self.heap.peek(0);
                self.unpack(s, arg as usize, None)?;
            }
            Op::UNPACK_EX => {
                let s = self.heap.peek(0);
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                self.unpack(s, before, Some(after))?;
            }
            Op::FORMAT_VALUE => {
                let has_spec = arg & 4 != 0;
                let n = 1 + usize::from(has_spec);
                let v = self.heap.peek(n - 1);
                let spec = if has_spec {
                    self.heap.peek(0)
                } else {
                    Value::NULL
                };
                let s = self.format_value(v, (arg & 3) as u8, spec)?;
                self.pop_push(n, s);
            }

            // ---- control flow ----
            Op::JUMP => {
                if (arg as usize) < *pc {
                    self.poll()?;
                }
                *pc = arg as usize;
            }
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                let v = self.heap.peek(0);
                let t = self.truthy(v)?;
                self.heap.pop();
                if t == (op == Op::POP_JUMP_IF_TRUE) {
                    *pc = arg as usize;
                }
            }
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                let v = self.heap.peek(0);
                let t = self.truthy(v)?;
                if t == (op == Op::JUMP_IF_TRUE_OR_POP) {
                    *pc = arg as usize;
                } else {
                    self.heap.pop();
                }
            }
            Op::GET_ITER => {
                let v = self.heap.peek(0);
                let it = self.get_iter(v)?;
                self.pop_push(1, it);
            }
            Op::FOR_ITER => {
                let it = self.heap.peek(0);
                self.set_slot(self.frame + F_PC, Value::from_usize(*pc));
                if let Some(gpc) = self.gen_enter(it, Value::NONE, false, arg)? {
                    *pc = gpc;
                    return Ok(Flow::Next);
                }
                match self.iter_next(it)? {
                    Some(v) => self.heap.push(v),
                    None => {
                        self.heap.pop();
                        *pc = arg as usize;
                    }
                }
            }

            // ---- functions and calls ----
            Op::MAKE_FUNCTION => {
                let f = self.make_function(arg)?;
                let n =
                    1 + (arg & 1 != 0) as usize + (arg & 2 != 0) as usize + (arg & 8 != 0) as usize;
                self.pop_push(n, f);
            }
            Op::CALL | Op::CALL_KW => {
                self.poll()?;
                // CALL_KW leaves its names tuple on the stack, above the arguments,
                // so it stays rooted during the call.
                let kw = if op == Op::CALL_KW {
                    self.sp() - 1
                } else {
                    NO_KW
                };
                let n = arg as usize;
                let cpos = self.sp() - n - 2 - usize::from(op == Op::CALL_KW);
                self.set_slot(self.frame + F_PC, Value::from_usize(*pc));
                return self.call_from_loop(cpos, n, kw, pc);
            }
            Op::CALL_EX => {
                self.poll()?;
                let has_kw = arg & 1 != 0;
                let cpos = self.sp() - 3 - usize::from(has_kw);
                let (n, kwnames) = self.expand_call_ex(cpos, has_kw)?;
                self.set_slot(self.frame + F_PC, Value::from_usize(*pc));
                return self.call_from_loop(cpos, n, kwnames, pc);
            }
            Op::RETURN_VALUE => {
                let v = self.heap.pop();
                return self.return_from_frame(v, pc);
            }
            Op::YIELD_VALUE => {
                let v = self.heap.peek(0);
                self.heap.pop();
                self.set_slot(self.frame + F_PC, Value::from_usize(*pc));
                let flags = self.slot(self.frame + F_FLAGS).small_value() as i32;
                self.gen_suspend();
                if flags & FLAG_ENTRY != 0 {
                    self.gen_exit = GenExit::Yielded;
                    return Ok(Flow::Return(v));
                }
                // Resumed in this loop: the caller's FOR_ITER pushes `v`, its SEND
                // puts `v` in place of the value it sent.
                if flags & FLAG_SEND != 0 {
                    self.heap.pop();
                }
                self.heap.push(v);
                *pc = self.slot(self.frame + F_PC).small_value() as usize;
            }
            Op::GET_YIELD_FROM_ITER => {
                let v = self.heap.peek(0);
                if self.heap.kind(v) != kind::GENERATOR {
                    let it = self.get_iter(v)?;
                    self.pop_push(1, it);
                }
            }
            Op::SEND => {
                let (it, v) = (self.heap.peek(1), self.heap.peek(0));
                self.set_slot(self.frame + F_PC, Value::from_usize(*pc));
                if let Some(gpc) = self.gen_enter(it, v, true, arg)? {
                    *pc = gpc;
                    return Ok(Flow::Next);
                }
                let (it, v) = (self.heap.peek(1), self.heap.peek(0));
                match self.send(it, v)? {
                    (GenExit::Returned, r) => {
                        self.pop_push(2, r);
                        *pc = arg as usize;
                    }
                    (_, y) => self.pop_push(1, y),
                }
            }
            Op::LOAD_BUILD_CLASS => {
                self.heap.push(crate::builtins::build_class_value());
            }

            // ---- exceptions ----
            Op::RAISE_VARARGS => return Err(self.do_raise(arg)),
            Op::RERAISE => {
                let e = self.heap.pop();
                return Err(self.raise(e));
            }
            Op::PUSH_EXC_INFO => {
                let e = self.heap.pop();
                let prev = self.heap.root(crate::heap::root::HANDLED);
                let prev = if prev.is_null() { Value::NONE } else { prev };
                self.heap.push(prev);
                self.heap.push(e);
                self.heap.set_root(crate::heap::root::HANDLED, e);
            }
            Op::POP_EXCEPT => {
                let prev = self.heap.pop();
                self.heap.set_root(crate::heap::root::HANDLED, prev);
            }
            Op::CHECK_EXC_MATCH => {
                let (e, t) = (self.heap.peek(1), self.heap.peek(0));
                let m = self.exception_matches(e, t)?;
                self.pop_push(1, Value::bool(m));
            }
            Op::LOAD_ASSERTION_ERROR => {
                h.push(Value::imm(imm::TYPE, TypeId::AssertionError as u32));
            }
            Op::BEFORE_WITH => {
                let m = self.heap.peek(0);
                let (exit, res) = self.before_with(m)?;
                let top = self.sp() - 1;
                self.set_slot(top, exit);
                self.heap.push(res);
            }
            Op::WITH_EXIT => {
                let exit = self.heap.peek(0);
                self.call(exit, &[Value::NONE, Value::NONE, Value::NONE])?;
                self.heap.pop();
            }
            Op::WITH_EXCEPT_START => {
                let exit = self.heap.peek(2);
                let e = self.heap.peek(0);
                let t = self.type_of(e);
                let tb = self.heap.get(e, crate::objects::exception::exc::TRACEBACK);
                let tb = if tb.is_null() { Value::NONE } else { tb };
                let r = self.call(exit, &[t, e, tb])?;
                self.heap.push(r);
            }

            // ---- modules ----
            Op::IMPORT_NAME => {
                let name = self.name(arg);
                let (level, fromlist) = (self.heap.peek(1), self.heap.peek(0));
                let m = self.import_name(name, fromlist, level)?;
                self.pop_push(2, m);
            }
            Op::IMPORT_FROM => {
                let name = self.name(arg);
                let m = self.heap.peek(0);
                let v = self.import_from(m, name)?;
                self.heap.push(v);
            }
            Op::IMPORT_STAR => {
                let m = self.heap.peek(0);
                let locals = self.slot(self.frame + F_LOCALS);
                self.import_star(m, locals)?;
                self.heap.pop();
            }
            Op::PRINT_EXPR => {
                let v = self.heap.peek(0);
                self.print_expr(v)?;
                self.heap.pop();
            }
        }
        Ok(Flow::Next)
    }

    /// Bytecode loaded from a file is verified for its structure (operands in
    /// range, stack depths), not for the kinds of the values it moves. The
    /// instructions that rely on a kind check it here, so that hostile code
    /// raises SystemError instead of misreading the heap. Compiled code
    /// always passes; the cost is one match on the opcode.
    fn operands_ok(&self, op: Op, arg: u16) -> bool {
        let h = &self.heap;
        let n = arg as usize;
        let peek_is = |d: usize, k: u8| d < h.sp() && h.kind(h.peek(d)) == k;
        match op {
            Op::COPY => n >= 1 && n <= h.sp(),
            Op::SWAP => n >= 2 && n <= h.sp(),
            Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF => {
                h.kind(self.slot(self.local(arg))) == kind::CELL
            }
            Op::COPY_FREE_VARS => {
                let c = self.frame_code(self.frame);
                n <= self.code_nslots(c)
            }
            Op::LIST_APPEND | Op::LIST_EXTEND => peek_is(n, kind::LIST),
            Op::SET_ADD | Op::SET_UPDATE => peek_is(n, kind::SET),
            Op::MAP_ADD => peek_is(n + 1, kind::DICT),
            Op::DICT_UPDATE | Op::DICT_MERGE => peek_is(n, kind::DICT),
            Op::LIST_TO_TUPLE => peek_is(0, kind::LIST),
            Op::BUILD_STRING => n <= h.sp() && (0..n).all(|i| self.is_str(h.peek(i))),
            Op::FORMAT_VALUE => arg & 4 == 0 || (h.sp() > 0 && self.is_str(h.peek(0))),
            Op::MAKE_FUNCTION => {
                let mut d = 0;
                let mut ok = peek_is(d, kind::CODE);
                if arg & 8 != 0 {
                    d += 1;
                    ok &= peek_is(d, kind::TUPLE);
                }
                if arg & 2 != 0 {
                    d += 1;
                    ok &= peek_is(d, kind::DICT);
                }
                if arg & 1 != 0 {
                    d += 1;
                    ok &= peek_is(d, kind::TUPLE);
                }
                ok
            }
            Op::CALL_KW => {
                peek_is(0, kind::TUPLE) && {
                    let t = h.peek(0);
                    self.tuple_len(t) <= n
                        && (0..self.tuple_len(t)).all(|i| self.is_str(self.tuple_get(t, i)))
                }
            }
            Op::WITH_EXCEPT_START => peek_is(0, kind::EXCEPTION) && h.sp() >= 3,
            Op::YIELD_VALUE => !self.slot(self.frame + F_GEN).is_null(),
            _ => true,
        }
    }

    /// Replaces the top `n` slots by `v`.
    #[inline]
    pub(crate) fn pop_push(&mut self, n: usize, v: Value) {
        let sp = self.sp() - n;
        self.heap.truncate(sp);
        self.heap.push(v);
    }

    /// Finishes a call made by CALL/CALL_KW/CALL_EX: a Python function's
    /// frame is pushed and runs next; anything else has its result pushed.
    fn call_from_loop(
        &mut self,
        cpos: usize,
        n: usize,
        kw: usize,
        pc: &mut usize,
    ) -> PyResult<Flow> {
        match self.call_at(cpos, n, kw, false)? {
            crate::call::Called::Value(v) => {
                self.heap.truncate(cpos);
                self.heap.push(v);
            }
            crate::call::Called::Frame => {
                *pc = 0;
            }
        }
        Ok(Flow::Next)
    }

    /// RETURN_VALUE: pops the frame; continues in the caller or ends `run`.
    fn return_from_frame(&mut self, v: Value, pc: &mut usize) -> PyResult<Flow> {
        let fb = self.frame;
        let flags = self.slot(fb + F_FLAGS).small_value() as i32;
        if !self.slot(fb + F_GEN).is_null() {
            self.gen_finish();
            self.pop_frame();
            if flags & FLAG_ENTRY != 0 {
                self.gen_exit = GenExit::Returned;
                return Ok(Flow::Return(v));
            }
            // Resumed in this loop: the caller's FOR_ITER ends its loop (the
            // value is dropped), its SEND replaces the generator and the sent
            // value with `v`.
            if flags & FLAG_SEND != 0 {
                self.pop_push(2, v);
            } else {
                self.heap.pop();
            }
            *pc = (flags >> EXIT_SHIFT) as usize;
            return Ok(Flow::Next);
        }
        let entry = flags & FLAG_ENTRY != 0;
        self.pop_frame();
        if entry {
            return Ok(Flow::Return(v));
        }
        self.heap.push(v);
        *pc = self.slot(self.frame + F_PC).small_value() as usize;
        Ok(Flow::Next)
    }

    /// Looks for a handler for the pending exception, from the instruction
    /// at `ipc` of the running frame outwards. Returns the handler's pc, or
    /// Err when the exception leaves the entry frame.
    pub(crate) fn unwind_at(&mut self, ipc: usize) -> PyResult<usize> {
        self.unwind(ipc, false)
    }

    fn unwind(&mut self, ipc: usize, reraise: bool) -> PyResult<usize> {
        let mut at = ipc;
        let mut add_tb = !reraise;
        loop {
            let fb = self.frame;
            let e = self.normalize_exception();
            if add_tb {
                let c = self.frame_code(fb);
                let line = self.code_line(c, at);
                self.add_traceback(e, c, line);
            }
            // Read the code object only now: the traceback entry may have moved it.
            let c = self.frame_code(fb);
            if let Some((target, depth)) = self.find_handler(c, at) {
                let nslots = self.code_nslots(c);
                self.heap.truncate(fb + HEADER + nslots + depth);
                let e = self.take_exception();
                self.heap.push(e);
                return Ok(target);
            }
            if !self.slot(fb + F_GEN).is_null() {
                self.gen_finish();
                self.gen_exit = GenExit::Returned;
                // PEP 479: StopIteration must not leak out of a generator.
                let e = self.exception();
                if self.exc_matches(e, TypeId::StopIteration) {
                    // Rooted: creating the RuntimeError may move it.
                    const CAUSE: usize = crate::heap::root::TMP0 + 3;
                    self.heap.set_root(CAUSE, e);
                    self.raise_msg(TypeId::RuntimeError, "generator raised StopIteration");
                    let cause = self.heap.root(CAUSE);
                    self.heap.set_root(CAUSE, Value::NULL);
                    let r = self.exception();
                    if self.is_exception(r) {
                        self.heap
                            .set(r, crate::objects::exception::exc::CAUSE, cause);
                        self.heap
                            .set(r, crate::objects::exception::exc::CONTEXT, cause);
                        self.heap
                            .set(r, crate::objects::exception::exc::SUPPRESS, Value::TRUE);
                    }
                }
            }
            let entry =
                self.slot(fb + F_FLAGS).small_value() as i32 & crate::frame::FLAG_ENTRY != 0;
            self.pop_frame();
            if entry {
                return Err(Raised);
            }
            at = (self.slot(self.frame + F_PC).small_value() as usize).saturating_sub(1);
            add_tb = true;
        }
    }

    /// The handler (target, depth) covering `pc` in a code object.
    fn find_handler(&self, c: Value, pc: usize) -> Option<(usize, usize)> {
        let t = self.heap.get(c, code::EXCEPTIONS);
        let b = self.bytes_data(t);
        for rec in b.chunks_exact(8) {
            let f = |i: usize| u16::from_le_bytes([rec[i], rec[i + 1]]) as usize;
            if f(0) <= pc && pc < f(2) {
                return Some((f(4), f(6)));
            }
        }
        None
    }

    /// Raises for LOAD_FAST of an unset local.
    fn unbound_local(&mut self, i: u16) -> Raised {
        let c = self.frame_code(self.frame);
        let slots = self.heap.get(c, code::SLOTS);
        let name = self.tuple_get(slots, i as usize);
        let mut buf = [0; 4];
        let mut m = crate::vm::Msg::new();
        let _ = core::fmt::Write::write_fmt(
            &mut m,
            format_args!(
                "cannot access local variable '{}' where it is not associated with a value",
                self.str_text(name, &mut buf)
            ),
        );
        self.raise_msg(TypeId::UnboundLocalError, m.as_str())
    }

    /// Raises for an empty cell.
    fn unbound_deref(&mut self, i: u16) -> Raised {
        let c = self.frame_code(self.frame);
        let slots = self.heap.get(c, code::SLOTS);
        let name = self.tuple_get(slots, i as usize);
        let nfree = self.code_int(c, code::NFREE);
        let n = self.tuple_len(slots);
        let mut buf = [0; 4];
        let mut m = crate::vm::Msg::new();
        let text = self.str_text(name, &mut buf);
        if (i as usize) >= n - nfree {
            let _ = core::fmt::Write::write_fmt(
                &mut m,
                format_args!("cannot access free variable '{text}' where it is not associated with a value in enclosing scope"),
            );
            return self.raise_msg(TypeId::NameError, m.as_str());
        }
        let _ = core::fmt::Write::write_fmt(
            &mut m,
            format_args!(
                "cannot access local variable '{text}' where it is not associated with a value"
            ),
        );
        self.raise_msg(TypeId::UnboundLocalError, m.as_str())
    }

    /// Reads the free variable called `name` (class bodies).
    fn load_free_by_name(&mut self, name: Value) -> PyResult<Value> {
        let c = self.frame_code(self.frame);
        let slots = self.heap.get(c, code::SLOTS);
        for i in 0..self.tuple_len(slots) {
            let s = self.tuple_get(slots, i);
            if self.str_eq(s, name) {
                let cell = self.slot(self.frame + HEADER + i);
                let v = if cell.is_null() {
                    Value::NULL
                } else {
                    self.heap.get(cell, 0)
                };
                if !v.is_null() {
                    return Ok(v);
                }
                break;
            }
        }
        Err(self.name_error(name))
    }

    /// The running frame's globals dict.
    pub(crate) fn globals(&self) -> Value {
        let f = self.slot(self.frame + F_FUNC);
        self.heap.get(f, func::GLOBALS)
    }

    /// Raises NameError for `name`.
    pub(crate) fn name_error(&mut self, name: Value) -> Raised {
        let mut buf = [0; 4];
        let mut m = crate::vm::Msg::new();
        let _ = core::fmt::Write::write_fmt(
            &mut m,
            format_args!("name '{}' is not defined", self.str_text(name, &mut buf)),
        );
        self.raise_msg(TypeId::NameError, m.as_str())
    }

    /// LOAD_GLOBAL: globals, then builtins.
    pub(crate) fn load_global(&mut self, name: Value) -> PyResult<Value> {
        let g = self.globals();
        if let Some(v) = self.dict_get(g, name)? {
            return Ok(v);
        }
        match self.load_builtin(name)? {
            Some(v) => Ok(v),
            None => Err(self.name_error(name)),
        }
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    fn do_raise(&mut self, arg: u16) -> Raised {
        if arg == 0 {
            let e = self.heap.root(crate::heap::root::HANDLED);
            if e.is_null() || e.is_none() {
                return self.raise_msg(TypeId::RuntimeError, "No active exception to reraise");
            }
            return self.raise(e);
        }
        // Stack: [exc] or [exc cause]; both stay there (rooted) until raised.
        let has_cause = arg == 2;
        let v = self.heap.peek(usize::from(has_cause));
        let e = match self.make_exception(v) {
            Ok(e) => e,
            Err(r) => return r,
        };
        if let Err(err) = self.heap.push_checked(e) {
            return self.oom(err);
        }
        if has_cause {
            let c = self.heap.peek(1);
            let c = if c.is_none() {
                Value::NONE
            } else if self.is_exception(c) {
                c
            } else if self.is_class(c)
                && self.is_subclass(c, Value::imm(imm::TYPE, TypeId::BaseException as u32))
            {
                match self.make_exception(c) {
                    Ok(x) => x,
                    Err(r) => return r,
                }
            } else {
                return self.raise_msg(
                    TypeId::TypeError,
                    "exception causes must derive from BaseException",
                );
            };
            let e = self.heap.peek(0);
            self.heap.set(e, crate::objects::exception::exc::CAUSE, c);
            self.heap
                .set(e, crate::objects::exception::exc::SUPPRESS, Value::TRUE);
        }
        let e = self.heap.pop();
        self.raise_new(e)
    }

    /// Raises a new exception object, chaining the handled one as context.
    pub(crate) fn raise_new(&mut self, e: Value) -> Raised {
        let handled = self.heap.root(crate::heap::root::HANDLED);
        if self.is_exception(e) && !handled.is_null() && !handled.is_none() && handled != e {
            let ctx = self.heap.get(e, crate::objects::exception::exc::CONTEXT);
            if ctx.is_none() || ctx.is_null() {
                self.heap
                    .set(e, crate::objects::exception::exc::CONTEXT, handled);
            }
        }
        self.raise(e)
    }

    /// An exception instance from `raise X`: instances pass, classes are called.
    pub(crate) fn make_exception(&mut self, v: Value) -> Result<Value, Raised> {
        if self.is_exception(v) {
            return Ok(v);
        }
        if self.is_class(v)
            && self.is_subclass(v, Value::imm(imm::TYPE, TypeId::BaseException as u32))
        {
            let e = self.call(v, &[])?;
            if self.is_exception(e) {
                return Ok(e);
            }
            return Err(self.raise_msg(
                TypeId::TypeError,
                "calling the exception class did not return an exception",
            ));
        }
        Err(self.raise_msg(
            TypeId::TypeError,
            "exceptions must derive from BaseException",
        ))
    }

    /// CHECK_EXC_MATCH.
    fn exception_matches(&mut self, e: Value, t: Value) -> PyResult<bool> {
        let base = Value::imm(imm::TYPE, TypeId::BaseException as u32);
        if self.heap.kind(t) == kind::TUPLE {
            for i in 0..self.tuple_len(t) {
                let x = self.tuple_get(t, i);
                if !self.is_class(x) || !self.is_subclass(x, base) {
                    return Err(self.raise_msg(
                        TypeId::TypeError,
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                if self.is_instance(e, x) {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is_class(t) || !self.is_subclass(t, base) {
            return Err(self.raise_msg(
                TypeId::TypeError,
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.is_instance(e, t))
    }

    /// BEFORE_WITH: (bound __exit__, result of __enter__()).
    fn before_with(&mut self, m: Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(m);
        let enter = self.lookup_class_str(t, "__enter__");
        let exit = self.lookup_class_str(t, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let mut buf = [0; 4];
            let mut msg = crate::vm::Msg::new();
            let _ = core::fmt::Write::write_fmt(
                &mut msg,
                format_args!(
                    "'{}' object does not support the context manager protocol",
                    self.type_name(m, &mut buf)
                ),
            );
            return Err(self.raise_msg(TypeId::TypeError, msg.as_str()));
        };
        let base = self.sp();
        self.push(enter)?;
        let exit = self.bind_attr(m, exit)?;
        self.push(exit)?;
        let enter = self.slot(base);
        let m = self.heap.peek(2);
        let enter = self.bind_attr(m, enter)?;
        let r = self.call(enter, &[]);
        let exit = self.slot(base + 1);
        self.heap.truncate(base);
        Ok((exit, r?))
    }

    /// Copies the public names of module `m` into `locals`.
    fn import_star(&mut self, m: Value, locals: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(locals)?;
        let d = self.module_dict(m)?;
        let locals = self.pop();
        self.push(d)?;
        self.push(locals)?;
        // With __all__, exactly those names.
        if let Some(all) = self.dict_get_str(d, "__all__") {
            let names = self.list_from_iter(all)?;
            self.push(names)?;
            for i in 0..self.list_len(names) {
                let names = self.slot(base + 2);
                let k = self.list_get(names, i);
                let d = self.slot(base);
                let v = self.dict_get(d, k)?;
                let Some(v) = v else {
                    let names = self.slot(base + 2);
                    let k = self.list_get(names, i);
                    let mut buf = [0; 4];
                    let mut m = crate::vm::Msg::new();
                    let _ = core::fmt::Write::write_fmt(
                        &mut m,
                        format_args!("module has no attribute '{}'", self.str_text(k, &mut buf)),
                    );
                    self.heap.truncate(base);
                    return Err(self.raise_msg(TypeId::AttributeError, m.as_str()));
                };
                let names = self.slot(base + 2);
                let k = self.list_get(names, i);
                let l = self.slot(base + 1);
                self.mapping_set(l, k, v)?;
            }
            self.heap.truncate(base);
            return Ok(());
        }
        let mut i = 0;
        loop {
            let d = self.slot(base);
            if i >= self.dict_used(d) {
                break;
            }
            if let Some((k, v)) = self.dict_entry(d, i) {
                let mut buf = [0; 4];
                let private = self.str_bytes_buf(k, &mut buf).first() == Some(&b'_');
                if !private {
                    let l = self.slot(base + 1);
                    self.mapping_set(l, k, v)?;
                }
            }
            i += 1;
        }
        self.heap.truncate(base);
        Ok(())
    }
}

/// What an instruction asks of the loop.
pub(crate) enum Flow {
    /// Go on with the next instruction.
    Next,
    /// The entry frame returned this value: leave `run`.
    Return(Value),
}

/// Arguments of a call whose window starts at `base`.
pub(crate) fn args_at(base: usize, len: usize, kw: usize, nkw: usize) -> Args {
    Args { base, len, kw, nkw }
}
