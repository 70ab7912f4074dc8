//! Calling: the call layout, argument binding, and calls from native code.
//!
//! Every call sees the stack as `[X Y a1 .. an]` at `cpos`: X NULL means
//! "call Y(a1..an)", otherwise "call X(Y, a1..an)" (Y is a method's self).
//! Bound methods are unpacked into that second form in place, so a method
//! call never allocates a bound-method object.

use crate::frame::HEADER;
use crate::heap::{kind, root};
use crate::interp::args_at;
use crate::native::{Args, NO_KW};
use crate::objects::class::inst;
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;
use fzpy_bytecode::code::{CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};

/// The outcome of starting a call.
pub(crate) enum Called {
    /// Finished with this result.
    Value(Value),
    /// A Python frame was pushed and runs next (interpreter loop only).
    Frame,
}

impl Vm {
    /// Calls `f` with positional arguments (at most 7) from native code.
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        let n = args.len().min(7);
        // Root everything while the stack grows.
        self.heap.set_root(root::TMP0, f);
        for (i, &a) in args[..n].iter().enumerate() {
            self.heap.set_root(root::TMP0 + 1 + i, a);
        }
        let r = self.heap.reserve_stack(n + 2);
        let base = self.sp();
        if r.is_ok() {
            self.heap.push(Value::NULL);
            self.heap.push(self.heap.root(root::TMP0));
            for i in 0..n {
                self.heap.push(self.heap.root(root::TMP0 + 1 + i));
            }
        }
        for i in 0..=n {
            self.heap.set_root(root::TMP0 + i, Value::NULL);
        }
        if let Err(e) = r {
            return Err(self.oom(e));
        }
        let out = self.call_stack(base, n, NO_KW);
        self.heap.truncate(base);
        out
    }

    /// Calls the callable laid out at `cpos` (see module docs) with `n`
    /// arguments, running Python code to completion.
    pub fn call_stack(&mut self, cpos: usize, n: usize, kw: usize) -> PyResult<Value> {
        match self.call_at(cpos, n, kw, true)? {
            Called::Value(v) => Ok(v),
            Called::Frame => unreachable!("entry calls run their frame"),
        }
    }

    /// Starts the call at `cpos`. With `entry`, Python frames run to
    /// completion in a nested loop; otherwise they are left running.
    pub(crate) fn call_at(
        &mut self,
        cpos: usize,
        n: usize,
        kw: usize,
        entry: bool,
    ) -> PyResult<Called> {
        let nkw = if kw == NO_KW {
            0
        } else {
            self.tuple_len(self.slot(kw))
        };
        let (mut callee, mut args) = if self.slot(cpos).is_null() {
            (self.slot(cpos + 1), args_at(cpos + 2, n, kw, nkw))
        } else {
            (self.slot(cpos), args_at(cpos + 1, n + 1, kw, nkw))
        };
        // Unpack bound methods into the [func self args] form.
        if args.base == cpos + 2 {
            match self.heap.kind(callee) {
                kind::METHOD | kind::NATIVE_METHOD => {
                    let this = self.heap.get(callee, 0);
                    let f = self.heap.get(callee, 1);
                    self.set_slot(cpos, f);
                    self.set_slot(cpos + 1, this);
                    callee = f;
                    args = args_at(cpos + 1, n + 1, kw, nkw);
                }
                _ => {}
            }
        }
        if self.heap.kind(callee) == kind::FUNCTION {
            return self.call_function(callee, args, cpos, entry);
        }
        // An instance whose __call__ is a Python function: call it in this
        // loop (no native recursion), as obj.__call__(args).
        if args.base == cpos + 2 && self.heap.kind(callee) == kind::INSTANCE {
            if let Some(f) = self.user_special(callee, "__call__") {
                if self.heap.kind(f) == kind::FUNCTION {
                    self.set_slot(cpos, f);
                    self.set_slot(cpos + 1, callee);
                    let args = args_at(cpos + 1, n + 1, kw, nkw);
                    return self.call_function(f, args, cpos, entry);
                }
            }
        }
        let v = self.call_other(callee, args)?;
        Ok(Called::Value(v))
    }

    /// Calls a Python function.
    fn call_function(&mut self, f: Value, args: Args, ret: usize, entry: bool) -> PyResult<Called> {
        let c = self.heap.get(f, func::CODE);
        let flags = self.code_int(c, code::FLAGS) as u16;
        if flags & CO_GENERATOR != 0 {
            self.push_frame(f, args, self.sp(), true, Value::NULL)?;
            let g = self.new_generator_from_frame();
            return g.map(Called::Value);
        }
        if !entry {
            self.push_frame(f, args, ret, false, Value::NULL)?;
            return Ok(Called::Frame);
        }
        self.run_nested(|vm| vm.push_frame(f, args, vm.sp(), true, Value::NULL))
            .map(Called::Value)
    }

    /// Runs a frame pushed by `push` in a nested interpreter loop.
    pub(crate) fn run_nested(
        &mut self,
        push: impl FnOnce(&mut Vm) -> PyResult<()>,
    ) -> PyResult<Value> {
        if self.native_depth >= self.native_limit {
            return Err(self.raise_msg(TypeId::RecursionError, "maximum recursion depth exceeded"));
        }
        push(self)?;
        self.native_depth += 1;
        let r = self.run();
        self.native_depth -= 1;
        r
    }

    /// Runs `f` with a locals dict (class bodies).
    pub(crate) fn call_with_locals(&mut self, f: Value, locals: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(locals)?;
        self.push(f)?;
        let r = self.run_nested(|vm| {
            let (locals, f) = (vm.slot(base), vm.slot(base + 1));
            vm.push_frame(f, args_at(base, 0, NO_KW, 0), base, true, locals)
        });
        self.heap.truncate(base);
        r
    }

    /// Calls anything that is not a Python function.
    fn call_other(&mut self, callee: Value, args: Args) -> PyResult<Value> {
        if callee.is_imm_of(imm::NATIVE) {
            let Some(d) = self.native_def_of(callee.payload()) else {
                return Err(self.raise_msg(TypeId::SystemError, "bad builtin"));
            };
            return (d.f)(self, args);
        }
        if callee.is_imm_of(imm::TYPE) {
            let t = TypeId::from_index(callee.payload()).unwrap_or(TypeId::Object);
            if t.is_exception() {
                let a = self.tuple_from_stack(args.base, args.npos())?;
                return self.new_exception(callee, a);
            }
            let Some(new) = t.info().new else {
                let mut m = Msg::new();
                let _ = write!(m, "cannot create '{}' instances", t.name());
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            };
            return new(self, args);
        }
        match self.heap.kind(callee) {
            kind::CLASS => self.instantiate(callee, args),
            kind::METHOD | kind::NATIVE_METHOD => {
                // A bound method in the X position: re-lay as f(self, args...).
                let base = self.sp();
                self.heap
                    .reserve_stack(args.len + 3)
                    .map_err(|e| self.oom(e))?;
                self.heap.push(Value::NULL);
                self.heap.push(self.heap.get(callee, 1));
                self.heap.push(self.heap.get(callee, 0));
                for i in 0..args.len {
                    let v = self.slot(args.base + i);
                    self.heap.push(v);
                }
                let kw = self.relay_kwnames(args)?;
                let r = self.call_stack(base, args.len + 1, kw);
                self.heap.truncate(base);
                r
            }
            kind::STATICMETHOD => {
                let f = self.heap.get(callee, 0);
                self.call_with_args(f, args)
            }
            _ => {
                if let Some(m) = self.user_special(callee, "__call__") {
                    // Re-lay the call as m(callee, args...).
                    let base = self.sp();
                    self.push(m)?;
                    self.push(callee)?;
                    for i in 0..args.len {
                        let v = self.slot(args.base + i);
                        self.push(v)?;
                    }
                    let kw = self.relay_kwnames(args)?;
                    let r = self.call_stack(base, args.len, kw);
                    self.heap.truncate(base);
                    return r;
                }
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "'{}' object is not callable",
                    self.type_name(callee, &mut buf)
                );
                Err(self.raise_msg(TypeId::TypeError, m.as_str()))
            }
        }
    }

    /// Calls `f` with a copy of an argument window.
    pub(crate) fn call_with_args(&mut self, f: Value, args: Args) -> PyResult<Value> {
        let base = self.sp();
        self.heap
            .reserve_stack(args.len + 2)
            .map_err(|e| self.oom(e))?;
        self.heap.push(Value::NULL);
        self.heap.push(f);
        for i in 0..args.len {
            let v = self.slot(args.base + i);
            self.heap.push(v);
        }
        let kw = self.relay_kwnames(args)?;
        let r = self.call_stack(base, args.len, kw);
        self.heap.truncate(base);
        r
    }

    /// Calls a user class: makes the instance, then runs `__init__`.
    fn instantiate(&mut self, c: Value, args: Args) -> PyResult<Value> {
        let builtin = self.class_builtin(c);
        let base = self.sp();
        self.push(c)?;
        // A user __new__ decides what the instance is.
        let obj = if let Some(new) = self.lookup_user_new(c) {
            let f = if self.heap.kind(new) == kind::STATICMETHOD {
                self.heap.get(new, 0)
            } else {
                new
            };
            let b2 = self.sp();
            self.heap
                .reserve_stack(args.len + 3)
                .map_err(|e| self.oom(e))?;
            self.heap.push(Value::NULL);
            self.heap.push(f);
            let c = self.slot(base);
            self.heap.push(c);
            for i in 0..args.len {
                let v = self.slot(args.base + i);
                self.heap.push(v);
            }
            let kw = self.relay_kwnames(args)?;
            let r = self.call_stack(b2, args.len + 1, kw);
            self.heap.truncate(b2);
            let obj = r?;
            let c = self.slot(base);
            if !self.is_instance(obj, c) {
                self.heap.truncate(base);
                return Ok(obj);
            }
            obj
        } else if builtin.is_exception() {
            let a = self.tuple_from_stack(args.base, args.npos())?;
            let c = self.slot(base);
            self.new_exception(c, a)?
        } else {
            let has_init = self.lookup_user_init(c).is_some();
            let base_value = if builtin == TypeId::Object {
                if !has_init && args.len > 0 {
                    let mut buf = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(m, "{}() takes no arguments", self.class_name(c, &mut buf));
                    self.heap.truncate(base);
                    return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
                }
                Value::NULL
            } else {
                let immutable = matches!(
                    builtin,
                    TypeId::Int
                        | TypeId::Float
                        | TypeId::Str
                        | TypeId::Tuple
                        | TypeId::Bytes
                        | TypeId::FrozenSet
                );
                let new = builtin.info().new.ok_or(crate::vm::Raised);
                let new = match new {
                    Ok(n) => n,
                    Err(_) => {
                        self.heap.truncate(base);
                        return Err(self.raise_msg(TypeId::TypeError, "cannot subclass this type"));
                    }
                };
                if immutable || !has_init {
                    new(self, args)?
                } else {
                    new(self, args_at(args.base, 0, NO_KW, 0))?
                }
            };
            self.push(base_value)?;
            let o = self.alloc(kind::INSTANCE, inst::SIZE)?;
            let base_value = self.pop();
            let c = self.slot(base);
            self.heap.set(o, inst::CLASS, c);
            self.heap.set(o, inst::BASE, base_value);
            o
        };
        self.push(obj)?;
        let c = self.slot(base);
        if let Some(init) = self.lookup_user_init(c) {
            let b2 = self.sp();
            self.heap
                .reserve_stack(args.len + 3)
                .map_err(|e| self.oom(e))?;
            self.heap.push(init);
            self.heap.push(self.slot(base + 1));
            for i in 0..args.len {
                let v = self.slot(args.base + i);
                self.heap.push(v);
            }
            let kw = self.relay_kwnames(args)?;
            let r = self.call_stack(b2, args.len, kw);
            self.heap.truncate(b2);
            let r = r?;
            if !r.is_none() {
                self.heap.truncate(base);
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "__init__() should return None, not '{}'",
                    self.type_name(r, &mut buf)
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
        let obj = self.slot(base + 1);
        self.heap.truncate(base);
        Ok(obj)
    }

    /// Re-pushes a call's keyword-names tuple after a copied argument
    /// window; its new slot (NO_KW when there are none).
    fn relay_kwnames(&mut self, args: Args) -> PyResult<usize> {
        if args.nkw == 0 {
            return Ok(NO_KW);
        }
        let t = self.slot(args.kw);
        self.push(t)?;
        Ok(self.sp() - 1)
    }

    /// A user-defined `__init__` (one found before the builtin base).
    fn lookup_user_init(&self, c: Value) -> Option<Value> {
        self.lookup_user_attr(c, "__init__")
    }

    fn lookup_user_new(&self, c: Value) -> Option<Value> {
        if self.specials_seen & crate::objects::class::special::NEW == 0 {
            return None;
        }
        self.lookup_user_attr(c, "__new__")
    }

    fn lookup_user_attr(&self, c: Value, name: &str) -> Option<Value> {
        self.user_class_attr(c, name)
    }

    /// Binds the call arguments into the slots of the frame at `fb`.
    pub(crate) fn bind_args(&mut self, fb: usize, args: Args) -> PyResult<()> {
        let f = self.slot(fb);
        let c = self.heap.get(f, func::CODE);
        let argcount = self.code_int(c, code::ARGCOUNT);
        let posonly = self.code_int(c, code::POSONLY);
        let kwonly = self.code_int(c, code::KWONLY);
        let flags = self.code_int(c, code::FLAGS) as u16;
        let s0 = fb + HEADER;
        let npos = args.npos();
        let mut next = argcount + kwonly;
        // Positional arguments.
        for i in 0..npos.min(argcount) {
            let v = self.slot(args.base + i);
            self.set_slot(s0 + i, v);
        }
        if flags & CO_VARARGS != 0 {
            let extra = npos.saturating_sub(argcount);
            let t = self.tuple_from_stack(args.base + argcount.min(npos), extra)?;
            self.set_slot(s0 + next, t);
            next += 1;
        } else if npos > argcount {
            return Err(self.too_many_positional(fb, npos));
        }
        let kwdict_slot = if flags & CO_VARKEYWORDS != 0 {
            let d = self.new_dict()?;
            self.set_slot(s0 + next, d);
            Some(s0 + next)
        } else {
            None
        };
        // Keyword arguments.
        for k in 0..args.nkw {
            let name = self.kwname(args, k);
            let v = self.slot(args.base + npos + k);
            let c = self.frame_code(fb);
            let slots = self.heap.get(c, code::SLOTS);
            let mut found = None;
            for j in posonly..argcount + kwonly {
                let pname = self.tuple_get(slots, j);
                if self.str_eq(pname, name) {
                    found = Some(j);
                    break;
                }
            }
            match found {
                Some(j) => {
                    if !self.slot(s0 + j).is_null() {
                        return Err(self.arg_error(fb, "got multiple values for argument", name));
                    }
                    self.set_slot(s0 + j, v);
                }
                None => match kwdict_slot {
                    Some(ds) => {
                        let d = self.slot(ds);
                        self.dict_set(d, name, v)?;
                    }
                    None => {
                        let is_posonly =
                            (0..posonly).any(|j| self.str_eq(self.tuple_get(slots, j), name));
                        if is_posonly {
                            return Err(self.posonly_error(fb, args, posonly));
                        }
                        return Err(self.arg_error(fb, "got an unexpected keyword argument", name));
                    }
                },
            }
        }
        // Defaults and missing arguments.
        let f = self.slot(fb);
        let defaults = self.heap.get(f, func::DEFAULTS);
        let ndef = if defaults.is_null() {
            0
        } else {
            self.tuple_len(defaults)
        };
        let mut missing = 0;
        for i in 0..argcount {
            if self.slot(s0 + i).is_null() {
                if i + ndef >= argcount {
                    let v = self.tuple_get(defaults, i + ndef - argcount);
                    self.set_slot(s0 + i, v);
                } else {
                    missing += 1;
                }
            }
        }
        if missing > 0 {
            return Err(self.missing_args(fb, 0, argcount, missing, "positional"));
        }
        let kwdefaults = self.heap.get(f, func::KWDEFAULTS);
        let mut missing = 0;
        for i in argcount..argcount + kwonly {
            if self.slot(s0 + i).is_null() {
                let c = self.frame_code(fb);
                let slots = self.heap.get(c, code::SLOTS);
                let name = self.tuple_get(slots, i);
                let d = if kwdefaults.is_null() {
                    None
                } else {
                    self.dict_get(kwdefaults, name)?
                };
                match d {
                    Some(v) => self.set_slot(s0 + i, v),
                    None => missing += 1,
                }
            }
        }
        if missing > 0 {
            return Err(self.missing_args(
                fb,
                argcount,
                argcount + kwonly,
                missing,
                "keyword-only",
            ));
        }
        Ok(())
    }

    /// Writes the function's qualified name for messages.
    fn write_func_name(&self, fb: usize, m: &mut Msg) {
        let f = self.slot(fb);
        let q = self.heap.get(f, func::QUALNAME);
        let mut buf = [0; 4];
        let _ = write!(m, "{}()", self.str_text(q, &mut buf));
    }

    fn too_many_positional(&mut self, fb: usize, given: usize) -> crate::vm::Raised {
        let f = self.slot(fb);
        let c = self.heap.get(f, func::CODE);
        let argcount = self.code_int(c, code::ARGCOUNT);
        let defaults = self.heap.get(f, func::DEFAULTS);
        let ndef = if defaults.is_null() {
            0
        } else {
            self.tuple_len(defaults)
        };
        let mut m = Msg::new();
        self.write_func_name(fb, &mut m);
        let s = |n: usize| if n == 1 { "" } else { "s" };
        if ndef > 0 {
            let _ = write!(
                m,
                " takes from {} to {} positional arguments but {} {} given",
                argcount.saturating_sub(ndef),
                argcount,
                given,
                if given == 1 { "was" } else { "were" }
            );
        } else {
            let _ = write!(
                m,
                " takes {} positional argument{} but {} {} given",
                argcount,
                s(argcount),
                given,
                if given == 1 { "was" } else { "were" }
            );
        }
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    fn arg_error(&mut self, fb: usize, what: &str, name: Value) -> crate::vm::Raised {
        let mut m = Msg::new();
        self.write_func_name(fb, &mut m);
        let mut buf = [0; 4];
        let _ = write!(m, " {} '{}'", what, self.str_text(name, &mut buf));
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    /// "got some positional-only arguments passed as keyword arguments: 'a, b'"
    fn posonly_error(&mut self, fb: usize, args: Args, posonly: usize) -> crate::vm::Raised {
        let mut m = Msg::new();
        self.write_func_name(fb, &mut m);
        let _ = m.write_str(" got some positional-only arguments passed as keyword arguments: '");
        let c = self.frame_code(fb);
        let slots = self.heap.get(c, code::SLOTS);
        let mut first = true;
        for j in 0..posonly {
            let p = self.tuple_get(slots, j);
            let given = (0..args.nkw).any(|k| self.str_eq(self.kwname(args, k), p));
            if given {
                let mut buf = [0; 4];
                let _ = write!(
                    m,
                    "{}{}",
                    if first { "" } else { ", " },
                    self.str_text(p, &mut buf)
                );
                first = false;
            }
        }
        let _ = m.write_str("'");
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    fn missing_args(
        &mut self,
        fb: usize,
        from: usize,
        to: usize,
        n: usize,
        what: &str,
    ) -> crate::vm::Raised {
        let mut m = Msg::new();
        self.write_func_name(fb, &mut m);
        let _ = write!(
            m,
            " missing {} required {} argument{}: ",
            n,
            what,
            if n == 1 { "" } else { "s" }
        );
        let c = self.frame_code(fb);
        let slots = self.heap.get(c, code::SLOTS);
        let mut k = 0;
        for i in from..to {
            if self.slot(fb + HEADER + i).is_null() {
                let name = self.tuple_get(slots, i);
                let mut buf = [0; 4];
                let sep = if k == 0 {
                    ""
                } else if k == n - 1 {
                    if n == 2 {
                        " and "
                    } else {
                        ", and "
                    }
                } else {
                    ", "
                };
                let _ = write!(m, "{}'{}'", sep, self.str_text(name, &mut buf));
                k += 1;
            }
        }
        self.raise_msg(TypeId::TypeError, m.as_str())
    }

    /// CALL_EX: spreads the args tuple and kwargs dict at `cpos + 2` into a
    /// plain call layout; returns (argument count, slot of the keyword names).
    pub(crate) fn expand_call_ex(&mut self, cpos: usize, has_kw: bool) -> PyResult<(usize, usize)> {
        let t = self.slot(cpos + 2);
        let t = if self.heap.kind(t) == kind::TUPLE {
            t
        } else if let Err(e) = self.get_iter(t) {
            // Not iterable: CPython names the function.
            let exc = self.exception();
            if !self.exc_matches(exc, TypeId::TypeError) {
                return Err(e);
            }
            let callee = if self.slot(cpos).is_null() {
                self.slot(cpos + 1)
            } else {
                self.slot(cpos)
            };
            let t = self.slot(cpos + 2);
            let mut m = Msg::new();
            self.write_callable_name(callee, &mut m);
            let mut buf = [0; 4];
            let _ = write!(
                m,
                " argument after * must be an iterable, not {}",
                self.type_name(t, &mut buf)
            );
            return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
        } else {
            let t = self.slot(cpos + 2);
            let l = self.list_from_iter(t)?;
            self.list_to_tuple(l)?
        };
        self.set_slot(cpos + 2, t);
        let nkw = if has_kw {
            self.dict_len(self.slot(cpos + 3))
        } else {
            0
        };
        let npos = self.tuple_len(t);
        let names = self.new_tuple(nkw)?;
        self.push(names)?;
        self.heap
            .reserve_stack(npos + nkw + 1)
            .map_err(|e| self.oom(e))?;
        // Lay out: [X Y pos... kwvalues...] after the current top, then move down.
        let out = self.sp();
        let t = self.slot(cpos + 2);
        for i in 0..npos {
            let v = self.tuple_get(t, i);
            self.heap.push(v);
        }
        if has_kw {
            let d = self.slot(cpos + 3);
            let names = self.slot(out - 1);
            let mut k = 0;
            for i in 0..self.dict_used(d) {
                if let Some((key, v)) = self.dict_entry(d, i) {
                    if !self.is_str(key) {
                        self.heap.truncate(out - 1);
                        return Err(self.raise_msg(TypeId::TypeError, "keywords must be strings"));
                    }
                    self.heap.set(names, k, key);
                    self.heap.push(v);
                    k += 1;
                }
            }
        }
        let names = self.slot(out - 1);
        let total = npos + nkw;
        for i in 0..total {
            let v = self.slot(out + i);
            self.set_slot(cpos + 2 + i, v);
        }
        if nkw == 0 {
            self.heap.truncate(cpos + 2 + total);
            return Ok((total, NO_KW));
        }
        // The names tuple follows the arguments, as CALL_KW has it.
        self.set_slot(cpos + 2 + total, names);
        self.heap.truncate(cpos + 3 + total);
        Ok((total, cpos + 2 + total))
    }

    /// MAKE_FUNCTION: builds a function from the code and optional parts on the stack.
    pub(crate) fn make_function(&mut self, flags: u16) -> PyResult<Value> {
        let f = self.alloc(kind::FUNCTION, func::SIZE)?;
        let mut i = 0;
        let c = self.heap.peek(0);
        self.heap.set(f, func::CODE, c);
        i += 1;
        if flags & 8 != 0 {
            let v = self.heap.peek(i);
            self.heap.set(f, func::CLOSURE, v);
            i += 1;
        }
        if flags & 2 != 0 {
            let v = self.heap.peek(i);
            self.heap.set(f, func::KWDEFAULTS, v);
            i += 1;
        }
        if flags & 1 != 0 {
            let v = self.heap.peek(i);
            self.heap.set(f, func::DEFAULTS, v);
        }
        let g = self.globals();
        self.heap.set(f, func::GLOBALS, g);
        let (n, q) = (
            self.heap.get(c, code::NAME),
            self.heap.get(c, code::QUALNAME),
        );
        self.heap.set(f, func::NAME, n);
        self.heap.set(f, func::QUALNAME, q);
        let g = self.globals();
        self.push(f)?;
        let modname = self.dict_get_str(g, "__name__").unwrap_or(Value::NONE);
        let f = self.pop();
        self.heap.set(f, func::MODULE, modname);
        Ok(f)
    }

    /// The class and instance for a zero-argument `super()`.
    pub(crate) fn zero_arg_super(&mut self) -> PyResult<(Value, Value)> {
        let fb = self.frame;
        if fb == crate::vm::NO_FRAME {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): no arguments"));
        }
        let c = self.frame_code(fb);
        let slots = self.heap.get(c, code::SLOTS);
        let argcount = self.code_int(c, code::ARGCOUNT);
        let flags = self.code_int(c, code::FLAGS) as u16;
        if argcount == 0 && flags & CO_VARARGS == 0 {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): no arguments"));
        }
        let mut first = self.slot(fb + HEADER);
        if self.heap.kind(first) == kind::CELL {
            first = self.heap.get(first, 0);
        }
        if argcount == 0 {
            let t = first;
            first = if self.heap.kind(t) == kind::TUPLE && self.tuple_len(t) > 0 {
                self.tuple_get(t, 0)
            } else {
                Value::NULL
            };
        }
        for i in 0..self.tuple_len(slots) {
            let s = self.tuple_get(slots, i);
            if self.str_is(s, "__class__") {
                let cell = self.slot(fb + HEADER + i);
                let k = if self.heap.kind(cell) == kind::CELL {
                    self.heap.get(cell, 0)
                } else {
                    Value::NULL
                };
                if k.is_null() {
                    return Err(
                        self.raise_msg(TypeId::RuntimeError, "super(): empty __class__ cell")
                    );
                }
                return Ok((k, first));
            }
        }
        Err(self.raise_msg(TypeId::RuntimeError, "super(): __class__ cell not found"))
    }
}
