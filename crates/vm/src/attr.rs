//! Attribute access: `o.name`, `o.name = v`, `del o.name`, and LOAD_METHOD.
//!
//! The order is CPython's: data descriptors (property) on the type, then
//! the instance dict, then the type's attribute (functions bind to the
//! instance, staticmethod/classmethod unwrap), then `__getattr__`.

use crate::heap::kind;
use crate::objects::class::{cls, inst};
use crate::objects::exception::exc;
use crate::objects::function::{code, func};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;

impl Vm {
    /// `o.name`.
    pub fn getattr(&mut self, o: Value, name: Value) -> PyResult<Value> {
        if let Some(g) = self.user_special(o, "__getattribute__") {
            if g.is_heap() && self.heap.kind(g) == kind::FUNCTION {
                return self.call(g, &[o, name]);
            }
        }
        let base = self.sp();
        self.push(o)?;
        self.push(name)?;
        let r = self.generic_getattr(o, name);
        let r = match r {
            Err(e) => {
                let o = self.slot(base);
                let exc = self.exception();
                match self.user_special(o, "__getattr__") {
                    Some(ga) if self.exc_matches(exc, TypeId::AttributeError) => {
                        self.take_exception();
                        let (o, name) = (self.slot(base), self.slot(base + 1));
                        self.call(ga, &[o, name])
                    }
                    _ => Err(e),
                }
            }
            ok => ok,
        };
        self.heap.truncate(base);
        r
    }

    /// Attribute lookup without `__getattr__`.
    pub fn generic_getattr(&mut self, o: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.special_attr(o, name)? {
            return Ok(v);
        }
        let base = self.sp();
        self.push(o)?;
        self.push(name)?;
        let r = self.generic_getattr_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn generic_getattr_rooted(&mut self, base: usize) -> PyResult<Value> {
        let (o, name) = (self.slot(base), self.slot(base + 1));
        let k = self.heap.kind(o);
        if k == kind::SUPER {
            return self.super_getattr(base);
        }
        if k == kind::CLASS || o.is_imm_of(imm::TYPE) {
            return self.class_getattr(base);
        }
        if k == kind::MODULE || o.is_imm_of(imm::MODULE) {
            return self.module_getattr(o, name);
        }
        let t = self.type_of(o);
        let attr = self.lookup_class_attr(t, name)?;
        if let Some(a) = attr {
            if self.heap.kind(a) == kind::INSTANCE && self.user_special(a, "__set__").is_some() {
                let o = self.slot(base);
                return self.bind_attr(o, a);
            }
            if self.heap.kind(a) == kind::PROPERTY {
                let fget = self.heap.get(a, 0);
                if fget.is_none() {
                    return Err(
                        self.attr_error_msg(base, "property '{}' of '{}' object has no getter")
                    );
                }
                let o = self.slot(base);
                return self.call(fget, &[o]);
            }
        }
        // Instance dict.
        let d = self.instance_dict(self.slot(base));
        if !d.is_null() {
            let name = self.slot(base + 1);
            if let Some(v) = self.dict_get(d, name)? {
                return Ok(v);
            }
        }
        if let Some(a) = attr {
            let o = self.slot(base);
            return self.bind_attr(o, a);
        }
        Err(self.attr_error(base))
    }

    /// Binds a class attribute found for instance `o`.
    pub fn bind_attr(&mut self, o: Value, a: Value) -> PyResult<Value> {
        match self.heap.kind(a) {
            kind::FUNCTION => self.new_method(o, a),
            kind::STATICMETHOD => Ok(self.heap.get(a, 0)),
            kind::CLASSMETHOD => {
                let f = self.heap.get(a, 0);
                let t = if self.is_class(o) { o } else { self.type_of(o) };
                self.new_method(t, f)
            }
            kind::PROPERTY => {
                let fget = self.heap.get(a, 0);
                self.call(fget, &[o])
            }
            _ if a.is_imm_of(imm::NATIVE) => {
                let this = self.native_self(o, a);
                self.new_native_method(this, a)
            }
            kind::INSTANCE => {
                // User descriptors.
                if let Some(get) = self.user_special(a, "__get__") {
                    let t = self.type_of(o);
                    return self.call(get, &[a, o, t]);
                }
                Ok(a)
            }
            _ => Ok(a),
        }
    }

    /// The `self` a builtin method of a builtin type receives: instances of
    /// builtin subclasses pass their builtin value.
    pub fn native_self(&self, o: Value, native: Value) -> Value {
        if self.heap.kind(o) == kind::INSTANCE {
            let b = self.heap.get(o, inst::BASE);
            let table = native.payload() >> 16;
            if !b.is_null() && table != TypeId::Object as u32 {
                return b;
            }
        }
        o
    }

    /// `super(C, obj).name`: the MRO of obj's type after C.
    fn super_getattr(&mut self, base: usize) -> PyResult<Value> {
        let s = self.slot(base);
        let (c, obj) = (self.heap.get(s, 0), self.heap.get(s, 1));
        let start = if self.is_class(obj) && self.is_subclass(obj, c) {
            obj
        } else {
            self.type_of(obj)
        };
        let n = self.mro_len(start);
        let mut i = 0;
        while i < n && self.mro_get(start, i) != c {
            i += 1;
        }
        i += 1;
        while i < n {
            let k = self.mro_get(start, i);
            let name = self.slot(base + 1);
            let found = if k.is_imm_of(imm::TYPE) {
                let t = TypeId::from_index(k.payload()).unwrap_or(TypeId::Object);
                let mut buf = [0; 4];
                let nm = self.str_bytes_buf(name, &mut buf);
                crate::native::find_method(t, nm)
            } else {
                let d = self.heap.get(k, cls::DICT);
                self.dict_get(d, name)?
            };
            if let Some(a) = found {
                let s = self.slot(base);
                let obj = self.heap.get(s, 1);
                let name = self.slot(base + 1);
                // __new__ is a static method: never bound.
                if (self.is_class(obj) && self.heap.kind(a) == kind::FUNCTION)
                    || self.str_is(name, "__new__")
                {
                    return Ok(a);
                }
                return self.bind_attr(obj, a);
            }
            i += 1;
        }
        let name = self.slot(base + 1);
        let mut b2 = [0; 4];
        let mut m = Msg::new();
        let _ = write!(
            m,
            "'super' object has no attribute '{}'",
            self.str_text(name, &mut b2)
        );
        Err(self.raise_msg(TypeId::AttributeError, m.as_str()))
    }

    /// Attribute of a class (user or builtin): MRO lookup; functions stay
    /// plain, classmethods bind to the class.
    fn class_getattr(&mut self, base: usize) -> PyResult<Value> {
        let (c, name) = (self.slot(base), self.slot(base + 1));
        match self.lookup_class_attr(c, name)? {
            Some(a) => match self.heap.kind(a) {
                kind::STATICMETHOD => Ok(self.heap.get(a, 0)),
                kind::CLASSMETHOD => {
                    let f = self.heap.get(a, 0);
                    let c = self.slot(base);
                    self.new_method(c, f)
                }
                kind::INSTANCE => match self.user_special(a, "__get__") {
                    // A user descriptor read through the class: __get__(None, cls).
                    Some(get) => {
                        let c = self.slot(base);
                        self.call(get, &[a, Value::NONE, c])
                    }
                    None => Ok(a),
                },
                _ => Ok(a),
            },
            None => {
                // Metaclass attributes (methods of `type`, or a user metaclass).
                let c = self.slot(base);
                let meta = self.type_of(c);
                let name = self.slot(base + 1);
                if let Some(a) = self.lookup_class_attr(meta, name)? {
                    let c = self.slot(base);
                    return self.bind_attr(c, a);
                }
                Err(self.attr_error(base))
            }
        }
    }

    /// The attribute dict of an object that has one, else NULL.
    pub fn instance_dict(&self, o: Value) -> Value {
        match self.heap.kind(o) {
            kind::INSTANCE => self.heap.get(o, inst::DICT),
            kind::EXCEPTION => self.heap.get(o, exc::DICT),
            kind::FUNCTION => self.heap.get(o, func::DICT),
            kind::CLASS => self.heap.get(o, cls::DICT),
            kind::MODULE => self.heap.get(o, 1),
            _ => Value::NULL,
        }
    }

    /// The dict of a module (heap or builtin).
    pub fn module_dict(&mut self, m: Value) -> PyResult<Value> {
        if self.heap.kind(m) == kind::MODULE {
            return Ok(self.heap.get(m, 1));
        }
        crate::modules::builtin_module_dict(self, m)
    }

    fn module_getattr(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if m.is_imm_of(imm::MODULE) {
            return crate::modules::builtin_module_getattr(self, m, name);
        }
        let d = self.heap.get(m, 1);
        if let Some(v) = self.dict_get(d, name)? {
            return Ok(v);
        }
        let mut buf = [0; 4];
        let mut b2 = [0; 4];
        let mname = self.heap.get(m, 0);
        let mut msg = Msg::new();
        let _ = write!(
            msg,
            "module '{}' has no attribute '{}'",
            self.str_text(mname, &mut buf),
            self.str_text(name, &mut b2)
        );
        Err(self.raise_msg(TypeId::AttributeError, msg.as_str()))
    }

    fn attr_error(&mut self, base: usize) -> Raised {
        let (o, name) = (self.slot(base), self.slot(base + 1));
        let mut b1 = [0; 4];
        let mut b2 = [0; 4];
        let mut m = Msg::new();
        if self.is_class(o) {
            let _ = write!(
                m,
                "type object '{}' has no attribute '{}'",
                self.class_name(o, &mut b1),
                self.str_text(name, &mut b2)
            );
        } else {
            let _ = write!(
                m,
                "'{}' object has no attribute '{}'",
                self.type_name(o, &mut b1),
                self.str_text(name, &mut b2)
            );
        }
        self.raise_msg(TypeId::AttributeError, m.as_str())
    }

    fn attr_error_msg(&mut self, base: usize, pattern: &str) -> Raised {
        let (o, name) = (self.slot(base), self.slot(base + 1));
        let mut b1 = [0; 4];
        let mut b2 = [0; 4];
        let mut m = Msg::new();
        let mut parts = pattern.split("{}");
        let _ = m.write_str(parts.next().unwrap_or(""));
        let _ = m.write_str(self.str_text(name, &mut b2));
        let _ = m.write_str(parts.next().unwrap_or(""));
        let _ = m.write_str(self.type_name(o, &mut b1));
        let _ = m.write_str(parts.next().unwrap_or(""));
        self.raise_msg(TypeId::AttributeError, m.as_str())
    }

    /// An OSError field: the attribute when set, else derived from `args`.
    fn os_error_field(&mut self, o: Value, name: Value, which: usize) -> PyResult<Option<Value>> {
        let d = self.heap.get(o, exc::DICT);
        if !d.is_null() {
            if let Some(v) = self.dict_get(d, name)? {
                return Ok(Some(v));
            }
        }
        self.os_error_attr(o, which).map(Some)
    }

    /// Attributes every object of a kind has (`__class__`, `__name__` ...).
    fn special_attr(&mut self, o: Value, name: Value) -> PyResult<Option<Value>> {
        let mut buf = [0; 4];
        let n = self.str_bytes_buf(name, &mut buf);
        if n.len() < 4 || n[0] != b'_' || n[1] != b'_' {
            // Only dunder names and a few plain ones are special.
            return match (self.heap.kind(o), n) {
                (kind::EXCEPTION, b"args") => self.exc_args(o).map(Some),
                (kind::EXCEPTION, b"value") if self.exc_matches(o, TypeId::StopIteration) => {
                    let a = self.exc_args(o)?;
                    Ok(Some(if self.tuple_len(a) > 0 {
                        self.tuple_get(a, 0)
                    } else {
                        Value::NONE
                    }))
                }
                (kind::EXCEPTION, b"code") if self.exc_matches(o, TypeId::SystemExit) => {
                    let a = self.exc_args(o)?;
                    Ok(Some(if self.tuple_len(a) > 0 {
                        self.tuple_get(a, 0)
                    } else {
                        Value::NONE
                    }))
                }
                (kind::EXCEPTION, b"errno") if self.exc_matches(o, TypeId::OSError) => {
                    self.os_error_field(o, name, 0)
                }
                (kind::EXCEPTION, b"strerror") if self.exc_matches(o, TypeId::OSError) => {
                    self.os_error_field(o, name, 1)
                }
                (kind::EXCEPTION, b"filename") if self.exc_matches(o, TypeId::OSError) => {
                    self.os_error_field(o, name, 2)
                }
                (kind::SLICE, b"start") => Ok(Some(self.heap.get(o, 0))),
                (kind::SLICE, b"stop") => Ok(Some(self.heap.get(o, 1))),
                (kind::SLICE, b"step") => Ok(Some(self.heap.get(o, 2))),
                (kind::RANGE, b"start") => Ok(Some(self.heap.get(o, 0))),
                (kind::RANGE, b"stop") => Ok(Some(self.heap.get(o, 1))),
                (kind::RANGE, b"step") => Ok(Some(self.heap.get(o, 2))),
                (kind::PROPERTY, b"fget") => Ok(Some(self.heap.get(o, 0))),
                (kind::PROPERTY, b"fset") => Ok(Some(self.heap.get(o, 1))),
                (kind::PROPERTY, b"fdel") => Ok(Some(self.heap.get(o, 2))),
                _ if self.is_float(o) && (n == b"real" || n == b"imag") => {
                    if n == b"real" {
                        Ok(Some(o))
                    } else {
                        self.new_float(0.0).map(Some)
                    }
                }
                _ if self.is_int(o)
                    && (n == b"real"
                        || n == b"imag"
                        || n == b"numerator"
                        || n == b"denominator") =>
                {
                    Ok(Some(match n {
                        b"real" | b"numerator" => {
                            if o == Value::TRUE || o == Value::FALSE {
                                Value::int((o == Value::TRUE) as i32)
                            } else {
                                o
                            }
                        }
                        b"imag" => Value::int(0),
                        _ => Value::int(1),
                    }))
                }
                _ => Ok(None),
            };
        }
        let n: alloc::vec::Vec<u8> = n.to_vec();
        let n = n.as_slice();
        let k = self.heap.kind(o);
        Ok(Some(match n {
            b"__class__" => self.type_of(o),
            b"__dict__" => {
                let d = self.instance_dict(o);
                if d.is_null() {
                    if k == kind::INSTANCE || k == kind::FUNCTION || k == kind::EXCEPTION {
                        // Give the object its dict now, so that writes to it stick.
                        self.push(o)?;
                        let d = self.new_dict();
                        let o = self.pop();
                        let d = d?;
                        let slot = match k {
                            kind::INSTANCE => inst::DICT,
                            kind::EXCEPTION => exc::DICT,
                            _ => func::DICT,
                        };
                        self.heap.set(o, slot, d);
                        return Ok(Some(d));
                    }
                    return Ok(None);
                }
                d
            }
            b"__name__" => match k {
                kind::FUNCTION => self.heap.get(o, func::NAME),
                kind::CLASS => self.heap.get(o, cls::NAME),
                kind::MODULE => self.heap.get(o, 0),
                _ if o.is_imm_of(imm::TYPE)
                    || o.is_imm_of(imm::NATIVE)
                    || o.is_imm_of(imm::MODULE) =>
                {
                    let s = self.imm_name(o);
                    return self.new_str(s).map(Some);
                }
                kind::NATIVE_METHOD => {
                    let s = self.imm_name(self.heap.get(o, 1));
                    return self.new_str(s).map(Some);
                }
                kind::METHOD => {
                    let f = self.heap.get(o, 1);
                    return self.getattr(f, name).map(Some);
                }
                kind::GENERATOR => {
                    let f = self.heap.get(o, crate::objects::generator::FUNC);
                    self.heap.get(f, func::NAME)
                }
                _ => return Ok(None),
            },
            b"__qualname__" => match k {
                kind::FUNCTION => self.heap.get(o, func::QUALNAME),
                kind::CLASS => self.heap.get(o, cls::QUALNAME),
                _ if o.is_imm_of(imm::TYPE) => return self.new_str(self.imm_name(o)).map(Some),
                _ => return Ok(None),
            },
            b"__module__" => match k {
                kind::FUNCTION => self.heap.get(o, func::MODULE),
                kind::CLASS => {
                    let d = self.heap.get(o, cls::DICT);
                    return Ok(self.dict_get_str(d, "__module__"));
                }
                _ if o.is_imm_of(imm::TYPE) => return self.new_str("builtins").map(Some),
                _ => return Ok(None),
            },
            b"__doc__" => match k {
                kind::FUNCTION => {
                    let c = self.heap.get(o, func::CODE);
                    self.heap.get(c, code::DOC)
                }
                kind::CLASS => {
                    let d = self.heap.get(o, cls::DICT);
                    self.dict_get_str(d, "__doc__").unwrap_or(Value::NONE)
                }
                kind::PROPERTY => {
                    let doc = self.heap.get(o, 3);
                    let fget = self.heap.get(o, 0);
                    if doc.is_none() && self.heap.kind(fget) == kind::FUNCTION {
                        let c = self.heap.get(fget, func::CODE);
                        self.heap.get(c, code::DOC)
                    } else {
                        doc
                    }
                }
                _ => return Ok(None),
            },
            b"__bases__" if k == kind::CLASS => self.heap.get(o, cls::BASES),
            b"__bases__" if o.is_imm_of(imm::TYPE) => {
                let t = TypeId::from_index(o.payload()).unwrap_or(TypeId::Object);
                if t == TypeId::Object {
                    return self.new_tuple(0).map(Some);
                }
                return self
                    .tuple_of(&[Value::imm(imm::TYPE, t.info().base as u32)])
                    .map(Some);
            }
            b"__base__" if k == kind::CLASS => {
                let b = self.heap.get(o, cls::BASES);
                self.tuple_get(b, 0)
            }
            b"__mro__" if k == kind::CLASS => self.heap.get(o, cls::MRO),
            b"__mro__" if o.is_imm_of(imm::TYPE) => {
                let n = self.mro_len(o);
                let t = self.new_tuple(n)?;
                for i in 0..n {
                    let c = self.mro_get(o, i);
                    self.heap.set(t, i, c);
                }
                t
            }
            b"__func__" if k == kind::METHOD => self.heap.get(o, 1),
            b"__self__" if k == kind::METHOD || k == kind::NATIVE_METHOD => self.heap.get(o, 0),
            b"__func__" if k == kind::STATICMETHOD || k == kind::CLASSMETHOD => self.heap.get(o, 0),
            b"__defaults__" if k == kind::FUNCTION => {
                let d = self.heap.get(o, func::DEFAULTS);
                if d.is_null() {
                    Value::NONE
                } else {
                    d
                }
            }
            b"__kwdefaults__" if k == kind::FUNCTION => {
                let d = self.heap.get(o, func::KWDEFAULTS);
                if d.is_null() {
                    Value::NONE
                } else {
                    d
                }
            }
            b"__closure__" if k == kind::FUNCTION => {
                let d = self.heap.get(o, func::CLOSURE);
                if d.is_null() {
                    Value::NONE
                } else {
                    d
                }
            }
            b"__code__" if k == kind::FUNCTION => self.heap.get(o, func::CODE),
            b"__globals__" if k == kind::FUNCTION => self.heap.get(o, func::GLOBALS),
            b"__traceback__" if k == kind::EXCEPTION => {
                let t = self.heap.get(o, exc::TRACEBACK);
                if t.is_null() {
                    Value::NONE
                } else {
                    t
                }
            }
            b"__cause__" if k == kind::EXCEPTION => self.heap.get(o, exc::CAUSE),
            b"__context__" if k == kind::EXCEPTION => self.heap.get(o, exc::CONTEXT),
            b"__suppress_context__" if k == kind::EXCEPTION => self.heap.get(o, exc::SUPPRESS),
            b"__cell_contents__" if k == kind::CELL => self.heap.get(o, 0),
            _ => return Ok(None),
        }))
    }

    /// `o.name = v`.
    pub fn setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        if let Some(s) = self.user_special(o, "__setattr__") {
            if self.heap.kind(s) == kind::FUNCTION {
                self.call(s, &[o, name, v])?;
                return Ok(());
            }
        }
        self.generic_setattr(o, name, v)
    }

    /// Attribute assignment without `__setattr__`.
    pub fn generic_setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(o)?;
        self.push(name)?;
        self.push(v)?;
        let r = self.setattr_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn setattr_rooted(&mut self, base: usize) -> PyResult<()> {
        let (o, name) = (self.slot(base), self.slot(base + 1));
        let k = self.heap.kind(o);
        if k != kind::CLASS && !o.is_imm() {
            let t = self.type_of(o);
            if let Some(a) = self.lookup_class_attr(t, name)? {
                if self.heap.kind(a) == kind::INSTANCE {
                    if let Some(set) = self.user_special(a, "__set__") {
                        let (o, v) = (self.slot(base), self.slot(base + 2));
                        self.call(set, &[a, o, v])?;
                        return Ok(());
                    }
                }
                if self.heap.kind(a) == kind::PROPERTY {
                    let fset = self.heap.get(a, 1);
                    if fset.is_none() {
                        let mut b1 = [0; 4];
                        let mut b2 = [0; 4];
                        let mut m = Msg::new();
                        let (o, name) = (self.slot(base), self.slot(base + 1));
                        let _ = write!(
                            m,
                            "property '{}' of '{}' object has no setter",
                            self.str_text(name, &mut b1),
                            self.type_name(o, &mut b2)
                        );
                        return Err(self.raise_msg(TypeId::AttributeError, m.as_str()));
                    }
                    let (o, v) = (self.slot(base), self.slot(base + 2));
                    self.call(fset, &[o, v])?;
                    return Ok(());
                }
            }
        }
        let o = self.slot(base);
        if self.heap.kind(o) == kind::EXCEPTION {
            // The exception fields that are attributes.
            let name = self.slot(base + 1);
            let field = [
                ("__context__", exc::CONTEXT),
                ("__cause__", exc::CAUSE),
                ("__traceback__", exc::TRACEBACK),
                ("__suppress_context__", exc::SUPPRESS),
            ]
            .into_iter()
            .find(|(n, _)| self.str_is(name, n))
            .map(|(_, f)| f);
            if let Some(f) = field {
                let v = self.slot(base + 2);
                let v = if f == exc::TRACEBACK && v.is_none() {
                    Value::NULL
                } else {
                    v
                };
                self.heap.set(o, f, v);
                if f == exc::CAUSE {
                    self.heap.set(o, exc::SUPPRESS, Value::TRUE);
                }
                return Ok(());
            }
        }
        // Instances of plain `object` have no attribute dict.
        if self.heap.kind(o) == kind::INSTANCE && self.heap.get(o, inst::CLASS).is_imm_of(imm::TYPE)
        {
            let name = self.slot(base + 1);
            let mut b1 = [0; 4];
            let mut b2 = [0; 4];
            let mut m = Msg::new();
            let _ = write!(
                m,
                "'{}' object has no attribute '{}'",
                self.type_name(o, &mut b1),
                self.str_text(name, &mut b2)
            );
            return Err(self.raise_msg(TypeId::AttributeError, m.as_str()));
        }
        let dict_slot = match self.heap.kind(o) {
            kind::INSTANCE => Some(inst::DICT),
            kind::EXCEPTION => Some(exc::DICT),
            kind::FUNCTION => Some(func::DICT),
            kind::CLASS => Some(cls::DICT),
            kind::MODULE => Some(1),
            _ => None,
        };
        let Some(ds) = dict_slot else {
            if o.is_imm_of(imm::MODULE) {
                let (name, v) = (self.slot(base + 1), self.slot(base + 2));
                return crate::modules::builtin_module_setattr(self, o, name, v);
            }
            let mut b1 = [0; 4];
            let mut b2 = [0; 4];
            let mut m = Msg::new();
            let name = self.slot(base + 1);
            if self.is_class(o) {
                let _ = write!(
                    m,
                    "cannot set '{}' attribute of immutable type '{}'",
                    self.str_text(name, &mut b2),
                    self.class_name(o, &mut b1)
                );
            } else {
                let _ = write!(
                    m,
                    "'{}' object has no attribute '{}'",
                    self.type_name(o, &mut b1),
                    self.str_text(name, &mut b2)
                );
            }
            return Err(self.raise_msg(TypeId::AttributeError, m.as_str()));
        };
        if self.heap.kind(o) == kind::EXCEPTION && self.str_is(self.slot(base + 1), "args") {
            let v = self.slot(base + 2);
            let t = self.list_from_iter(v)?;
            let t = self.list_to_tuple(t)?;
            let o = self.slot(base);
            self.heap.set(o, exc::ARGS, t);
            return Ok(());
        }
        if self.heap.kind(o) == kind::CLASS {
            // A special method set on a class after its creation.
            let name = self.slot(base + 1);
            let mut buf = [0; 4];
            self.specials_seen |=
                crate::objects::class::special::bit(self.str_bytes_buf(name, &mut buf));
        }
        let mut d = self.heap.get(o, ds);
        if d.is_null() {
            d = self.new_dict()?;
            let o = self.slot(base);
            self.heap.set(o, ds, d);
        }
        let (name, v) = (self.slot(base + 1), self.slot(base + 2));
        self.dict_set(d, name, v)
    }

    /// `del o.name`.
    pub fn delattr(&mut self, o: Value, name: Value) -> PyResult<()> {
        if let Some(s) = self.user_special(o, "__delattr__") {
            if self.heap.kind(s) == kind::FUNCTION {
                self.call(s, &[o, name])?;
                return Ok(());
            }
        }
        self.generic_delattr(o, name)
    }

    /// Attribute deletion without `__delattr__`.
    pub fn generic_delattr(&mut self, o: Value, name: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(o)?;
        self.push(name)?;
        let t = self.type_of(o);
        if let Some(a) = self.lookup_class_attr(t, name)? {
            if self.heap.kind(a) == kind::PROPERTY {
                let fdel = self.heap.get(a, 2);
                let (o, name) = (self.slot(base), self.slot(base + 1));
                self.heap.truncate(base);
                if fdel.is_none() {
                    let mut b1 = [0; 4];
                    let mut b2 = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(
                        m,
                        "property '{}' of '{}' object has no deleter",
                        self.str_text(name, &mut b1),
                        self.type_name(o, &mut b2)
                    );
                    return Err(self.raise_msg(TypeId::AttributeError, m.as_str()));
                }
                self.call(fdel, &[o])?;
                return Ok(());
            }
        }
        let o = self.slot(base);
        let d = self.instance_dict(o);
        let name = self.slot(base + 1);
        let found = if d.is_null() {
            None
        } else {
            self.dict_remove(d, name)?
        };
        if found.is_none() {
            let e = self.attr_error(base);
            self.heap.truncate(base);
            return Err(e);
        }
        self.heap.truncate(base);
        Ok(())
    }

    /// LOAD_METHOD: (function, self) when `o`'s type has a plain method
    /// `name` not shadowed by the instance, else (NULL, attribute).
    pub fn load_method(&mut self, o: Value, name: Value) -> PyResult<(Value, Value)> {
        let k = self.heap.kind(o);
        let plain_object = !matches!(k, kind::CLASS | kind::MODULE | kind::SUPER)
            && !o.is_imm_of(imm::TYPE)
            && !o.is_imm_of(imm::MODULE);
        if plain_object && self.user_special(o, "__getattribute__").is_none() {
            let t = self.type_of(o);
            self.push(o)?;
            self.push(name)?;
            let a = self.lookup_class_attr(t, name);
            let name = self.pop();
            let o = self.pop();
            if let Some(a) = a? {
                let is_method = self.heap.kind(a) == kind::FUNCTION || a.is_imm_of(imm::NATIVE);
                if is_method {
                    let d = self.instance_dict(o);
                    let shadowed = !d.is_null() && {
                        self.push(o)?;
                        self.push(a)?;
                        let r = self.dict_get(d, name);
                        let a2 = self.pop();
                        let _ = a2;
                        self.pop();
                        r?.is_some()
                    };
                    if !shadowed {
                        let a = self
                            .lookup_class_attr(self.type_of(o), name)?
                            .unwrap_or(Value::NONE);
                        let this = if a.is_imm_of(imm::NATIVE) {
                            self.native_self(o, a)
                        } else {
                            o
                        };
                        return Ok((a, this));
                    }
                }
            }
        }
        let v = self.getattr(o, name)?;
        Ok((Value::NULL, v))
    }
}
