//! Frames live on the value stack: a header of [`HEADER`] slots, then the
//! code's slots (parameters, locals, cells, free variables), then its value
//! stack. Python-to-Python calls push a frame and keep running in the same
//! interpreter loop, and so does a generator resumed by `for` or `yield from`
//! in Python code; only native code calling Python (`next(g)`, `list(g)`,
//! `g.send(v)`, a method called by an operator ...) nests a loop, bounded by
//! `native_limit`.

use crate::heap::{kind, root};
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{PyResult, Vm, NO_FRAME};

/// Header slot: the FUNCTION being run.
pub const F_FUNC: usize = 0;
/// Header slot: saved pc (int) while the frame is not running.
pub const F_PC: usize = 1;
/// Header slot: base of the previous frame (int, -1 for none).
pub const F_PREV: usize = 2;
/// Header slot: locals dict for namespace code (module, class body), else NULL.
pub const F_LOCALS: usize = 3;
/// Header slot: the generator owning this frame, or NULL.
pub const F_GEN: usize = 4;
/// Header slot: flags (int): [`FLAG_ENTRY`] or [`FLAG_FOR`] / [`FLAG_SEND`],
/// the latter with the caller's exit target in the bits from [`EXIT_SHIFT`].
pub const F_FLAGS: usize = 5;
/// Header slot: where the caller wants the result (stack depth to return to).
pub const F_RET: usize = 6;
/// Header slot: the caller's stack reservation, restored on return.
pub const F_RESERVED: usize = 7;
/// Header size.
pub const HEADER: usize = 8;

/// The frame returns to native code (ends a nested interpreter loop).
pub const FLAG_ENTRY: i32 = 1;
/// A generator frame resumed in the loop by the caller's FOR_ITER.
pub const FLAG_FOR: i32 = 2;
/// A generator frame resumed in the loop by the caller's SEND (`yield from`).
pub const FLAG_SEND: i32 = 4;
/// Where a resumed generator frame's flags keep the caller's jump target
/// (FOR_ITER's or SEND's operand), taken when the generator returns.
pub const EXIT_SHIFT: u32 = 3;

impl Vm {
    /// The code object of the function in a frame.
    #[inline]
    pub(crate) fn frame_code(&self, fb: usize) -> Value {
        let f = self.slot(fb + F_FUNC);
        self.heap.get(f, func::CODE)
    }

    /// Number of slots of a code object.
    #[inline]
    pub(crate) fn code_nslots(&self, c: Value) -> usize {
        let s = self.heap.get(c, code::SLOTS);
        self.tuple_len(s)
    }

    /// Pushes a frame for FUNCTION `f` whose call arguments sit at
    /// `args`; `ret` is the stack depth the result goes to. Binds the
    /// arguments. The frame becomes the running one.
    pub(crate) fn push_frame(
        &mut self,
        f: Value,
        args: crate::native::Args,
        ret: usize,
        entry: bool,
        locals: Value,
    ) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        let c = self.heap.get(f, func::CODE);
        let nslots = self.code_nslots(c);
        let need = HEADER + nslots + self.code_int(c, code::STACKSIZE) + 1;
        let caller_reserved = self.heap.reserved();
        let fb = self.sp();
        self.heap.set_root(root::CALLEE, f);
        let r = self.heap.reserve_stack(need);
        let f = self.heap.root(root::CALLEE);
        self.heap.set_root(root::CALLEE, Value::NULL);
        if r.is_err() {
            // The stack cannot grow: deep recursion has used up the heap.
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        for i in 0..HEADER + nslots {
            self.heap.set_slot(fb + i, Value::NULL);
        }
        self.heap.truncate(fb + HEADER + nslots);
        self.set_slot(fb + F_FUNC, f);
        self.set_slot(fb + F_PC, Value::int(0));
        let prev = if self.frame == NO_FRAME {
            -1
        } else {
            self.frame as i32
        };
        self.set_slot(fb + F_PREV, Value::int(prev));
        self.set_slot(fb + F_LOCALS, locals);
        self.set_slot(fb + F_GEN, Value::NULL);
        self.set_slot(fb + F_FLAGS, Value::int(if entry { FLAG_ENTRY } else { 0 }));
        self.set_slot(fb + F_RET, Value::from_usize(ret));
        self.set_slot(fb + F_RESERVED, Value::from_usize(caller_reserved));
        if let Err(e) = self.bind_args(fb, args) {
            self.heap.truncate(fb);
            self.heap.set_reserved(caller_reserved);
            return Err(e);
        }
        self.frame = fb;
        self.depth += 1;
        Ok(())
    }

    /// Pops the running frame, restoring the caller's; returns (ret depth, entry?).
    pub(crate) fn pop_frame(&mut self) -> (usize, bool) {
        let fb = self.frame;
        let ret = self.slot(fb + F_RET).small_value() as usize;
        let prev = self.slot(fb + F_PREV).small_value();
        let flags = self.slot(fb + F_FLAGS).small_value() as i32;
        let reserved = self.slot(fb + F_RESERVED).small_value() as usize;
        self.frame = if prev < 0 { NO_FRAME } else { prev as usize };
        self.heap.truncate(ret);
        self.heap.set_reserved(reserved);
        self.depth -= 1;
        (ret, flags & FLAG_ENTRY != 0)
    }

    /// Whether `v` is a FUNCTION.
    #[inline]
    pub fn is_function(&self, v: Value) -> bool {
        self.heap.kind(v) == kind::FUNCTION
    }
}
