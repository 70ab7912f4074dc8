//! Generators: GENERATOR `[frame][state][function]`, FRAME `[len][saved slots...]`.
//!
//! A generator's frame is saved in its FRAME object while suspended and
//! copied onto the stack to run: in the caller's interpreter loop when Python
//! code resumes it (`for`, `yield from`; see `gen_enter`), else in a nested
//! loop, like a native call (`next`, `send`, `throw`, `close`).

use crate::frame::{
    EXIT_SHIFT, FLAG_ENTRY, FLAG_FOR, FLAG_SEND, F_FLAGS, F_GEN, F_PC, F_PREV, F_RESERVED, F_RET,
    HEADER,
};
use crate::heap::kind;
use crate::interp::GenExit;
use crate::native::{def, Args, NativeDef};
use crate::objects::function::code;
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm, NO_FRAME};

/// Payload word: the FRAME (NULL when finished).
pub const FRAME: usize = 0;
/// Payload word: state (int): see `ST_*`.
pub const STATE: usize = 1;
/// Payload word: the generator function.
pub const FUNC: usize = 2;

/// Not started.
pub const ST_CREATED: i64 = 0;
/// Suspended at a yield.
pub const ST_SUSPENDED: i64 = 1;
/// Running.
pub const ST_RUNNING: i64 = 2;
/// Finished.
pub const ST_DONE: i64 = 3;

/// Methods of generators.
pub static METHODS: &[NativeDef] = &[
    def("send", gen_send),
    def("throw", gen_throw),
    def("close", gen_close),
    def("__next__", gen_next),
    def("__iter__", gen_iter),
];

impl Vm {
    /// Turns the frame just pushed for a generator function into a generator.
    pub(crate) fn new_generator_from_frame(&mut self) -> PyResult<Value> {
        let fb = self.frame;
        let c = self.frame_code(fb);
        let size = HEADER + self.code_nslots(c) + self.code_int(c, code::STACKSIZE) + 1;
        let r = self.alloc(kind::FRAME, 1 + size);
        let fr = match r {
            Ok(fr) => fr,
            Err(e) => {
                self.pop_frame();
                return Err(e);
            }
        };
        let fb = self.frame;
        let n = self.sp() - fb;
        self.heap.set(fr, 0, Value::from_usize(n));
        for i in 0..n {
            let v = self.slot(fb + i);
            self.heap.set(fr, 1 + i, v);
        }
        self.push(fr).inspect_err(|_| {
            self.pop_frame();
        })?;
        let g = self.alloc(kind::GENERATOR, 3);
        let fr = self.pop();
        let g = match g {
            Ok(g) => g,
            Err(e) => {
                self.pop_frame();
                return Err(e);
            }
        };
        let f = self.slot(self.frame);
        self.heap.set(g, FRAME, fr);
        self.heap.set(g, STATE, Value::int(ST_CREATED as i32));
        self.heap.set(g, FUNC, f);
        self.pop_frame();
        Ok(g)
    }

    /// YIELD_VALUE: saves the running generator frame and pops it.
    pub(crate) fn gen_suspend(&mut self) {
        let fb = self.frame;
        let g = self.slot(fb + F_GEN);
        let fr = self.heap.get(g, FRAME);
        let n = self.sp() - fb;
        self.heap.set(fr, 0, Value::from_usize(n));
        for i in 0..n {
            let v = self.slot(fb + i);
            self.heap.set(fr, 1 + i, v);
        }
        self.heap.set(g, STATE, Value::int(ST_SUSPENDED as i32));
        self.pop_frame();
    }

    /// Marks the running generator finished (its frame is about to be popped).
    pub(crate) fn gen_finish(&mut self) {
        let g = self.slot(self.frame + F_GEN);
        self.heap.set(g, STATE, Value::int(ST_DONE as i32));
        self.heap.set(g, FRAME, Value::NULL);
    }

    /// Resumes generator `g` sending `sent` (or throwing the pending
    /// exception when `throw`). Returns whether it yielded or returned, and the value.
    pub fn gen_resume(&mut self, g: Value, sent: Value, throw: bool) -> PyResult<(GenExit, Value)> {
        let state = self.heap.get(g, STATE).small_value();
        if state == ST_RUNNING {
            return Err(self.raise_msg(TypeId::ValueError, "generator already executing"));
        }
        if state == ST_DONE {
            if throw {
                return Err(crate::vm::Raised);
            }
            return Ok((GenExit::Returned, Value::NONE));
        }
        if state == ST_CREATED && !sent.is_none() && !throw {
            return Err(self.raise_msg(
                TypeId::TypeError,
                "can't send non-None value to a just-started generator",
            ));
        }
        if self.native_depth >= self.native_limit {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let base = self.sp();
        self.gen_push_frame(g, sent, state, throw, FLAG_ENTRY)?;
        self.native_depth += 1;
        self.gen_exit = GenExit::None;
        let r = if throw { self.run_throw() } else { self.run() };
        self.native_depth -= 1;
        let exit = self.gen_exit;
        self.gen_exit = GenExit::None;
        self.heap.truncate(base);
        r.map(|v| (exit, v))
    }

    /// Copies generator `g`'s saved frame onto the stack and makes it the
    /// running frame, with `flags`; it resumes receiving `sent` (unless it
    /// has not started or an exception is thrown into it). The frame returns
    /// to the stack depth this was called at.
    fn gen_push_frame(
        &mut self,
        g: Value,
        sent: Value,
        state: i64,
        throw: bool,
        flags: i32,
    ) -> PyResult<()> {
        let base = self.sp();
        self.push(g)?;
        if let Err(e) = self.push(sent) {
            self.heap.truncate(base);
            return Err(e);
        }
        let fr = self.heap.get(g, FRAME);
        let n = self.heap.get(fr, 0).small_value() as usize;
        let cap = self.heap.payload_len(fr) - 1;
        let caller_reserved = self.heap.reserved();
        let fb = self.sp();
        if let Err(e) = self.heap.reserve_stack(cap + 1) {
            self.heap.truncate(base);
            return Err(self.oom(e));
        }
        let g = self.slot(base);
        let sent = self.slot(base + 1);
        let fr = self.heap.get(g, FRAME);
        for i in 0..n {
            let v = self.heap.get(fr, 1 + i);
            self.heap.push(v);
        }
        let prev = if self.frame == NO_FRAME {
            -1
        } else {
            self.frame as i32
        };
        self.set_slot(fb + F_PREV, Value::int(prev));
        self.set_slot(fb + F_FLAGS, Value::int(flags));
        self.set_slot(fb + F_RET, Value::from_usize(base));
        self.set_slot(fb + F_RESERVED, Value::from_usize(caller_reserved));
        self.set_slot(fb + F_GEN, g);
        if state == ST_SUSPENDED && !throw {
            self.heap.push(sent);
        }
        self.heap.set(g, STATE, Value::int(ST_RUNNING as i32));
        self.frame = fb;
        self.depth += 1;
        Ok(())
    }

    /// FOR_ITER (`send` false) or SEND over `g` in Python code: when `g` is
    /// a generator that can resume, pushes its frame so that it runs in the
    /// same interpreter loop, like a call, and returns the pc to go on at.
    /// The caller's pc must be saved; its operands (`g`, and for SEND the
    /// sent value above it) stay on its stack while `g` runs. `exit` is the
    /// caller's jump target for when `g` returns. None: resume it the
    /// general way.
    pub(crate) fn gen_enter(
        &mut self,
        g: Value,
        sent: Value,
        send: bool,
        exit: u16,
    ) -> PyResult<Option<usize>> {
        if self.heap.kind(g) != kind::GENERATOR {
            return Ok(None);
        }
        let state = self.heap.get(g, STATE).small_value();
        let startable = state == ST_SUSPENDED || (state == ST_CREATED && sent.is_none());
        if !startable {
            return Ok(None);
        }
        if self.depth >= self.recursion_limit {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let flags = if send { FLAG_SEND } else { FLAG_FOR } | (i32::from(exit) << EXIT_SHIFT);
        self.gen_push_frame(g, sent, state, false, flags)?;
        Ok(Some(self.slot(self.frame + F_PC).small_value() as usize))
    }

    /// Throws the pending exception into suspended generator `g`. When `g`
    /// is inside `yield from`, the exception goes to the delegate first, as
    /// CPython does: if the delegate yields, so does `g`; if it finishes,
    /// `g` goes on after its `yield from` with the delegate's result.
    pub(crate) fn gen_throw_into(&mut self, g: Value) -> PyResult<(GenExit, Value)> {
        let Some(exit) = self.gen_yield_from_exit(g) else {
            return self.gen_resume(g, Value::NONE, true);
        };
        let base = self.sp();
        self.push(g)?;
        let fr = self.heap.get(g, FRAME);
        let n = self.heap.get(fr, 0).small_value() as usize;
        let it = self.heap.get(fr, n);
        self.push(it)?;
        let e = self.take_exception();
        self.push(e)?;
        let is_exit = self.exc_matches(e, TypeId::GeneratorExit);
        let r = if is_exit {
            // Close the delegate, then GeneratorExit goes into g itself.
            let it = self.slot(base + 1);
            let closed = if self.heap.kind(it) == kind::GENERATOR {
                gen_close_value(self, it).map(|_| ())
            } else {
                match self.new_str("close").and_then(|n| self.getattr(it, n)) {
                    Ok(c) => self.call(c, &[]).map(|_| ()),
                    Err(_) => {
                        self.take_exception();
                        Ok(())
                    }
                }
            };
            match closed {
                Ok(()) => {
                    let e = self.slot(base + 2);
                    self.raise(e);
                    let g = self.slot(base);
                    self.gen_resume(g, Value::NONE, true)
                }
                Err(_) => {
                    let g = self.slot(base);
                    self.gen_resume(g, Value::NONE, true)
                }
            }
        } else {
            let it = self.slot(base + 1);
            let sub = if self.heap.kind(it) == kind::GENERATOR {
                let e = self.slot(base + 2);
                self.raise(e);
                self.gen_throw_into(it)
            } else {
                // An iterator with a throw() method, else the exception is g's.
                match self.new_str("throw").and_then(|n| self.getattr(it, n)) {
                    Ok(t) => {
                        let e = self.slot(base + 2);
                        match self.call(t, &[e]) {
                            Ok(y) => Ok((GenExit::Yielded, y)),
                            Err(x) => {
                                let exc = self.exception();
                                if self.exc_matches(exc, TypeId::StopIteration) {
                                    self.take_exception();
                                    let a = self.exc_args(exc)?;
                                    let v = if self.tuple_len(a) > 0 {
                                        self.tuple_get(a, 0)
                                    } else {
                                        Value::NONE
                                    };
                                    Ok((GenExit::Returned, v))
                                } else {
                                    Err(x)
                                }
                            }
                        }
                    }
                    Err(_) => {
                        self.take_exception();
                        let e = self.slot(base + 2);
                        self.raise(e);
                        Err(crate::vm::Raised)
                    }
                }
            };
            match sub {
                Ok((GenExit::Yielded, y)) => Ok((GenExit::Yielded, y)),
                Ok((_, v)) => {
                    // The delegate finished: drop it and continue after the loop.
                    let g = self.slot(base);
                    let fr = self.heap.get(g, FRAME);
                    let n = self.heap.get(fr, 0).small_value() as usize;
                    self.heap.set(fr, 0, Value::from_usize(n - 1));
                    self.heap.set(fr, 1 + F_PC, Value::from_usize(exit));
                    self.gen_resume(g, v, false)
                }
                Err(_) => {
                    // The delegate raised: that exception goes into g.
                    let g = self.slot(base);
                    self.gen_resume(g, Value::NONE, true)
                }
            }
        };
        self.heap.truncate(base);
        r
    }

    /// If suspended generator `g` waits inside `yield from`, the pc where
    /// its loop ends (the SEND's target).
    fn gen_yield_from_exit(&self, g: Value) -> Option<usize> {
        if self.heap.get(g, STATE).small_value() != ST_SUSPENDED {
            return None;
        }
        let fr = self.heap.get(g, FRAME);
        let pc = self.heap.get(fr, 1 + F_PC).small_value() as usize;
        let f = self.heap.get(g, FUNC);
        let c = self.heap.get(f, crate::objects::function::func::CODE);
        let b = self.bytes_data(self.heap.get(c, code::BYTECODE));
        let u16_at = |i: usize| Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]) as usize);
        if *b.get(pc)? != fzpy_bytecode::Op::JUMP as u8 {
            return None;
        }
        let l = u16_at(pc + 1)?;
        if *b.get(l)? != fzpy_bytecode::Op::SEND as u8 {
            return None;
        }
        u16_at(l + 1)
    }

    /// Resumes the running frame by raising the pending exception at its pc.
    fn run_throw(&mut self) -> PyResult<Value> {
        let pc = self.slot(self.frame + F_PC).small_value() as usize;
        let target = self.unwind_from(pc.saturating_sub(1))?;
        self.set_slot(self.frame + F_PC, Value::from_usize(target));
        self.run()
    }

    /// `next(gen)`: Some(value) or None when it finished.
    pub fn gen_next_value(&mut self, g: Value) -> PyResult<Option<Value>> {
        match self.gen_resume(g, Value::NONE, false)? {
            (GenExit::Yielded, v) => Ok(Some(v)),
            _ => Ok(None),
        }
    }

    /// SEND: one step of `yield from`.
    pub(crate) fn send(&mut self, it: Value, v: Value) -> PyResult<(GenExit, Value)> {
        if self.heap.kind(it) == kind::GENERATOR {
            return self.gen_resume(it, v, false);
        }
        if v.is_none() {
            return match self.iter_next(it)? {
                Some(y) => Ok((GenExit::Yielded, y)),
                None => Ok((GenExit::Returned, Value::NONE)),
            };
        }
        let base = self.sp();
        self.push(it)?;
        self.push(v)?;
        let name = self.new_str("send");
        let it = self.slot(base);
        let m = match name {
            Ok(name) => self.getattr(it, name),
            Err(e) => Err(e),
        };
        let v = self.slot(base + 1);
        self.heap.truncate(base);
        let y = self.call(m?, &[v]);
        match y {
            Ok(y) => Ok((GenExit::Yielded, y)),
            Err(e) => {
                let exc = self.exception();
                if self.exc_matches(exc, TypeId::StopIteration) {
                    self.take_exception();
                    let args = self.exc_args(exc)?;
                    let r = if self.tuple_len(args) > 0 {
                        self.tuple_get(args, 0)
                    } else {
                        Value::NONE
                    };
                    return Ok((GenExit::Returned, r));
                }
                Err(e)
            }
        }
    }
}

fn check_gen(vm: &mut Vm, args: Args, name: &str, min: usize, max: usize) -> PyResult<Value> {
    vm.check_args(args, name, min, max)?;
    let g = vm.slot(args.base);
    if vm.heap.kind(g) != kind::GENERATOR {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "descriptor requires a 'generator' object",
        ));
    }
    Ok(g)
}

/// Raises StopIteration(value) (value omitted when None).
fn stop_iteration(vm: &mut Vm, v: Value) -> crate::vm::Raised {
    if v.is_none() {
        vm.raise_empty(TypeId::StopIteration)
    } else {
        vm.raise_with_arg(TypeId::StopIteration, v)
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = check_gen(vm, args, "send", 2, 2)?;
    let v = vm.slot(args.base + 1);
    match vm.gen_resume(g, v, false)? {
        (GenExit::Yielded, y) => Ok(y),
        (_, r) => Err(stop_iteration(vm, r)),
    }
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = check_gen(vm, args, "__next__", 1, 1)?;
    match vm.gen_resume(g, Value::NONE, false)? {
        (GenExit::Yielded, y) => Ok(y),
        (_, r) => Err(stop_iteration(vm, r)),
    }
}

fn gen_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_gen(vm, args, "__iter__", 1, 1)
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = check_gen(vm, args, "throw", 2, 4)?;
    let mut e = vm.slot(args.base + 1);
    if vm.is_class(e) {
        if args.npos() >= 3 && !vm.slot(args.base + 2).is_none() {
            let v = vm.slot(args.base + 2);
            let e2 = vm.call(e, &[v])?;
            e = e2;
        } else {
            e = vm.make_exception(e)?;
        }
    } else if !vm.is_exception(e) {
        return Err(vm.raise_msg(
            TypeId::TypeError,
            "exceptions must be classes or instances deriving from BaseException, not int",
        ));
    }
    let _ = g;
    let g = vm.slot(args.base);
    let state = vm.heap.get(g, STATE).small_value();
    vm.raise(e);
    if state == ST_CREATED {
        vm.heap.set(g, STATE, Value::int(ST_DONE as i32));
        vm.heap.set(g, FRAME, Value::NULL);
        return Err(crate::vm::Raised);
    }
    match vm.gen_throw_into(g)? {
        (GenExit::Yielded, y) => Ok(y),
        (_, r) => Err(stop_iteration(vm, r)),
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = check_gen(vm, args, "close", 1, 1)?;
    gen_close_value(vm, g)
}

/// `g.close()` for a generator value.
fn gen_close_value(vm: &mut Vm, g: Value) -> PyResult<Value> {
    let state = vm.heap.get(g, STATE).small_value();
    if state == ST_CREATED || state == ST_DONE {
        vm.heap.set(g, STATE, Value::int(ST_DONE as i32));
        vm.heap.set(g, FRAME, Value::NULL);
        return Ok(Value::NONE);
    }
    vm.push(g)?;
    let e = vm.new_exception(
        Value::imm(crate::value::imm::TYPE, TypeId::GeneratorExit as u32),
        Value::NULL,
    );
    let g = vm.pop();
    vm.raise(e?);
    match vm.gen_throw_into(g) {
        Ok((GenExit::Yielded, _)) => {
            Err(vm.raise_msg(TypeId::RuntimeError, "generator ignored GeneratorExit"))
        }
        Ok(_) => Ok(Value::NONE),
        Err(r) => {
            let e = vm.exception();
            if vm.exc_matches(e, TypeId::GeneratorExit) || vm.exc_matches(e, TypeId::StopIteration)
            {
                vm.take_exception();
                Ok(Value::NONE)
            } else {
                Err(r)
            }
        }
    }
}
