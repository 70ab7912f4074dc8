//! User classes, their instances, `type` and `super`.
//!
//! CLASS `[name][qualname][bases][mro][dict][builtin base][metaclass]`:
//! `mro` is a tuple of classes and builtin type immediates ending in
//! `object`; `builtin base` is the builtin type whose layout instances
//! share (object, an exception type, list, dict ...).
//! INSTANCE `[class][dict][base value]`: `base value` holds the builtin
//! part of an instance of a builtin subclass (the list of a `list`
//! subclass ...). Instances of exception subclasses are EXCEPTION objects.

use crate::heap::kind;
use crate::native::{Args, NativeDef};
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{PyResult, Vm};

/// CLASS payload words.
pub mod cls {
    /// `__name__`
    pub const NAME: usize = 0;
    /// `__qualname__`
    pub const QUALNAME: usize = 1;
    /// `__bases__`
    pub const BASES: usize = 2;
    /// `__mro__`
    pub const MRO: usize = 3;
    /// `__dict__`
    pub const DICT: usize = 4;
    /// The builtin type instances are laid out as.
    pub const BUILTIN: usize = 5;
    /// Metaclass (NULL = type).
    pub const META: usize = 6;
    /// Stable identity number (int, assigned on first use) or NULL.
    pub const ID: usize = 7;
    /// Payload size.
    pub const SIZE: usize = 8;
}

/// INSTANCE payload words.
pub mod inst {
    /// The class.
    pub const CLASS: usize = 0;
    /// The attribute dict (NULL until first set).
    pub const DICT: usize = 1;
    /// The builtin base value (NULL for plain objects).
    pub const BASE: usize = 2;
    /// Stable identity number (int, assigned on first use) or NULL.
    pub const ID: usize = 3;
    /// Payload size.
    pub const SIZE: usize = 4;
}

/// Bits of `Vm::specials_seen`: special methods that change how every
/// attribute access or instantiation works. Until some class defines one,
/// the interpreter does not look for it (flags only ever get set).
pub mod special {
    /// `__getattribute__`
    pub const GETATTRIBUTE: u32 = 1;
    /// `__getattr__`
    pub const GETATTR: u32 = 2;
    /// `__setattr__`
    pub const SETATTR: u32 = 4;
    /// `__delattr__`
    pub const DELATTR: u32 = 8;
    /// `__new__`
    pub const NEW: u32 = 16;

    /// The bit for a special method name, or 0.
    pub fn bit(name: &[u8]) -> u32 {
        match name {
            b"__getattribute__" => GETATTRIBUTE,
            b"__getattr__" => GETATTR,
            b"__setattr__" => SETATTR,
            b"__delattr__" => DELATTR,
            b"__new__" => NEW,
            _ => 0,
        }
    }
}

/// Methods of `type`.
pub static TYPE_METHODS: &[NativeDef] = &[crate::native::def("mro", type_mro)];

impl Vm {
    /// The type of any value: a builtin type immediate or a CLASS.
    pub fn type_of(&self, v: Value) -> Value {
        match self.heap.kind(v) {
            kind::INSTANCE => self.heap.get(v, inst::CLASS),
            kind::EXCEPTION => self.heap.get(v, crate::objects::exception::exc::TYPE),
            kind::CLASS if !self.heap.get(v, cls::META).is_null() => self.heap.get(v, cls::META),
            _ => Value::imm(imm::TYPE, self.builtin_type_of(v) as u32),
        }
    }

    /// The builtin type a value is laid out as (for instances of user
    /// classes: their builtin base).
    pub fn builtin_type_of(&self, v: Value) -> TypeId {
        if v.is_small() {
            return TypeId::Int;
        }
        if v.is_imm() {
            return match v.imm_kind() {
                imm::SPECIAL => match v.payload() {
                    0 => TypeId::NoneType,
                    1 | 2 => TypeId::Bool,
                    3 => TypeId::Ellipsis,
                    _ => TypeId::NotImplementedType,
                },
                imm::CHAR => TypeId::Str,
                imm::TYPE => TypeId::Type,
                imm::NATIVE => TypeId::BuiltinFunction,
                _ => TypeId::Module,
            };
        }
        match self.heap.kind(v) {
            kind::STR => TypeId::Str,
            kind::BYTES => TypeId::Bytes,
            kind::FLOAT => TypeId::Float,
            kind::BIGINT => TypeId::Int,
            kind::TUPLE => TypeId::Tuple,
            kind::LIST => TypeId::List,
            kind::DICT => TypeId::Dict,
            kind::SET => TypeId::Set,
            kind::FROZENSET => TypeId::FrozenSet,
            kind::BYTEARRAY => TypeId::ByteArray,
            kind::FUNCTION => TypeId::Function,
            kind::CODE => TypeId::Code,
            kind::CELL => TypeId::Cell,
            kind::CLASS => TypeId::Type,
            kind::INSTANCE => {
                let c = self.heap.get(v, inst::CLASS);
                self.class_builtin(c)
            }
            kind::METHOD => TypeId::Method,
            kind::NATIVE_METHOD => TypeId::BuiltinFunction,
            kind::EXCEPTION => {
                let t = self.heap.get(v, crate::objects::exception::exc::TYPE);
                self.class_builtin(t)
            }
            kind::GENERATOR => TypeId::Generator,
            kind::MODULE => TypeId::Module,
            kind::RANGE => TypeId::Range,
            kind::SLICE => TypeId::Slice,
            kind::PROPERTY => TypeId::Property,
            kind::STATICMETHOD => TypeId::StaticMethod,
            kind::CLASSMETHOD => TypeId::ClassMethod,
            kind::SUPER => TypeId::Super,
            kind::SEQ_ITER | kind::ITER => crate::objects::iter::iter_type(self, v),
            kind::DICT_VIEW => crate::objects::dict_methods::view_type(self, v),
            kind::TRACEBACK => TypeId::Traceback,
            _ => TypeId::Object,
        }
    }

    /// The builtin type a class (CLASS or builtin type immediate) lays out as.
    pub fn class_builtin(&self, c: Value) -> TypeId {
        if c.is_imm_of(imm::TYPE) {
            return TypeId::from_index(c.payload()).unwrap_or(TypeId::Object);
        }
        if self.heap.kind(c) == kind::CLASS {
            let b = self.heap.get(c, cls::BUILTIN);
            return TypeId::from_index(b.payload()).unwrap_or(TypeId::Object);
        }
        TypeId::Object
    }

    /// Whether `v` is a class (user or builtin).
    pub fn is_class(&self, v: Value) -> bool {
        v.is_imm_of(imm::TYPE) || self.heap.kind(v) == kind::CLASS
    }

    /// Whether class `a` is `b` or a subclass of it.
    pub fn is_subclass(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        if a.is_imm_of(imm::TYPE) {
            if !b.is_imm_of(imm::TYPE) {
                return false;
            }
            let (Some(ta), Some(tb)) = (
                TypeId::from_index(a.payload()),
                TypeId::from_index(b.payload()),
            ) else {
                return false;
            };
            return ta.is_subtype(tb);
        }
        if self.heap.kind(a) != kind::CLASS {
            return false;
        }
        let mro = self.heap.get(a, cls::MRO);
        (0..self.tuple_len(mro)).any(|i| {
            let c = self.tuple_get(mro, i);
            c == b || (c.is_imm_of(imm::TYPE) && b.is_imm_of(imm::TYPE) && self.is_subclass(c, b))
        })
    }

    /// `isinstance(v, cls)` for one class.
    pub fn is_instance(&self, v: Value, cls: Value) -> bool {
        let t = self.type_of(v);
        self.is_subclass(t, cls)
    }

    /// Whether `v` is an instance of builtin type `t` (subclasses included).
    pub fn is_instance_of(&self, v: Value, t: TypeId) -> bool {
        self.is_instance(v, Value::imm(imm::TYPE, t as u32))
    }

    /// The name of a class.
    pub fn class_name<'a>(&'a self, c: Value, buf: &'a mut [u8; 4]) -> &'a str {
        if c.is_imm_of(imm::TYPE) {
            return TypeId::from_index(c.payload())
                .map(|t| t.name())
                .unwrap_or("?");
        }
        if self.heap.kind(c) == kind::CLASS {
            let n = self.heap.get(c, cls::NAME);
            return self.str_text(n, buf);
        }
        "?"
    }

    /// The name of a value's type (for messages).
    pub fn type_name<'a>(&'a self, v: Value, buf: &'a mut [u8; 4]) -> &'a str {
        let t = self.type_of(v);
        self.class_name(t, buf)
    }

    /// The MRO of a class as a sequence of classes: for a builtin type,
    /// walks its base chain.
    pub fn mro_len(&self, c: Value) -> usize {
        if self.heap.kind(c) == kind::CLASS {
            let mro = self.heap.get(c, cls::MRO);
            return self.tuple_len(mro);
        }
        let mut t = TypeId::from_index(c.payload()).unwrap_or(TypeId::Object);
        let mut n = 1;
        while t != TypeId::Object {
            t = t.info().base;
            n += 1;
        }
        n
    }

    /// Entry `i` of a class's MRO.
    pub fn mro_get(&self, c: Value, i: usize) -> Value {
        if self.heap.kind(c) == kind::CLASS {
            let mro = self.heap.get(c, cls::MRO);
            return self.tuple_get(mro, i);
        }
        let mut t = TypeId::from_index(c.payload()).unwrap_or(TypeId::Object);
        for _ in 0..i {
            t = t.info().base;
        }
        Value::imm(imm::TYPE, t as u32)
    }

    /// Looks `name` up along a class's MRO (no descriptors applied).
    pub fn lookup_class_attr(&mut self, c: Value, name: Value) -> PyResult<Option<Value>> {
        let n = self.mro_len(c);
        for i in 0..n {
            let k = self.mro_get(c, i);
            if k.is_imm_of(imm::TYPE) {
                let t = TypeId::from_index(k.payload()).unwrap_or(TypeId::Object);
                let mut buf = [0; 4];
                let nm = self.str_bytes_buf(name, &mut buf);
                if let Some(m) = crate::native::find_method(t, nm) {
                    return Ok(Some(m));
                }
            } else {
                let d = self.heap.get(k, cls::DICT);
                self.push(c)?;
                let r = self.dict_get(d, name);
                let c2 = self.pop();
                if let Some(v) = r? {
                    return Ok(Some(v));
                }
                let _ = c2;
            }
        }
        Ok(None)
    }

    /// Like [`Vm::lookup_class_attr`] with a Rust name; never runs Python code.
    pub fn lookup_class_str(&self, c: Value, name: &str) -> Option<Value> {
        let n = self.mro_len(c);
        for i in 0..n {
            let k = self.mro_get(c, i);
            if k.is_imm_of(imm::TYPE) {
                let t = TypeId::from_index(k.payload()).unwrap_or(TypeId::Object);
                if let Some(m) = crate::native::find_method(t, name.as_bytes()) {
                    return Some(m);
                }
            } else {
                let d = self.heap.get(k, cls::DICT);
                if let Some(v) = self.dict_get_str(d, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// The special method `name` of `v`'s type if defined by a user class
    /// (builtin types' operations are handled natively).
    pub fn user_special(&self, v: Value, name: &str) -> Option<Value> {
        let bit = special::bit(name.as_bytes());
        if bit != 0 && self.specials_seen & bit == 0 {
            return None;
        }
        self.user_class_attr(self.type_of(v), name)
    }

    /// Records which tracked special methods a class namespace defines.
    pub(crate) fn note_specials(&mut self, ns: Value) {
        let mut bits = 0;
        for i in 0..self.dict_used(ns) {
            if let Some((k, _)) = self.dict_entry(ns, i) {
                let mut buf = [0; 4];
                bits |= special::bit(self.str_bytes_buf(k, &mut buf));
            }
        }
        self.specials_seen |= bits;
    }

    /// `name` from the user classes in a class's MRO (None when the search
    /// reaches a builtin type first, or for builtin classes).
    pub fn user_class_attr(&self, c: Value, name: &str) -> Option<Value> {
        if self.heap.kind(c) != kind::CLASS {
            return None;
        }
        let n = self.mro_len(c);
        for i in 0..n {
            let k = self.mro_get(c, i);
            if k.is_imm_of(imm::TYPE) {
                return None;
            }
            let d = self.heap.get(k, cls::DICT);
            if let Some(v) = self.dict_get_str(d, name) {
                return Some(v);
            }
        }
        None
    }

    /// Creates a class from name, bases tuple and namespace dict.
    pub fn new_class(
        &mut self,
        name: Value,
        bases: Value,
        ns: Value,
        meta: Value,
    ) -> PyResult<Value> {
        let base = self.sp();
        self.push(name)?;
        self.push(bases)?;
        self.push(ns)?;
        self.push(meta)?;
        let r = self.new_class_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn new_class_rooted(&mut self, base: usize) -> PyResult<Value> {
        let bases = self.slot(base + 1);
        let nb = self.tuple_len(bases);
        // The builtin layout: all bases must agree (object is neutral).
        let mut builtin = TypeId::Object;
        for i in 0..nb {
            let b = self.tuple_get(bases, i);
            if !self.is_class(b) {
                let mut buf = [0; 4];
                let tn = self.type_name(b, &mut buf);
                let mut m = crate::vm::Msg::new();
                let _ = core::fmt::Write::write_fmt(
                    &mut m,
                    format_args!("bases must be types, not {tn}"),
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
            let bt = self.class_builtin(b);
            if bt == TypeId::Object {
                continue;
            }
            if builtin == TypeId::Object || bt.is_subtype(builtin) {
                builtin = bt;
            } else if !builtin.is_subtype(bt) && (!builtin.is_exception() || !bt.is_exception()) {
                return Err(self.raise_msg(
                    TypeId::TypeError,
                    "multiple bases have instance lay-out conflict",
                ));
            }
            if matches!(
                bt,
                TypeId::Bool | TypeId::Range | TypeId::Slice | TypeId::Function | TypeId::Generator
            ) {
                let mut m = crate::vm::Msg::new();
                let _ = core::fmt::Write::write_fmt(
                    &mut m,
                    format_args!("type '{}' is not an acceptable base type", bt.name()),
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
        // Duplicate bases.
        for i in 0..nb {
            for j in i + 1..nb {
                let (x, y) = (self.tuple_get(bases, i), self.tuple_get(bases, j));
                if x == y {
                    let mut buf = [0; 4];
                    let mut m = crate::vm::Msg::new();
                    let _ = core::fmt::Write::write_fmt(
                        &mut m,
                        format_args!("duplicate base class {}", self.class_name(x, &mut buf)),
                    );
                    return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
                }
            }
        }
        // A class that defines __eq__ but not __hash__ is unhashable.
        let ns = self.slot(base + 2);
        if self.dict_get_str(ns, "__eq__").is_some() && self.dict_get_str(ns, "__hash__").is_none()
        {
            self.dict_set_str(ns, "__hash__", Value::NONE)?;
        }
        let ns = self.slot(base + 2);
        self.note_specials(ns);
        let c = self.alloc(kind::CLASS, cls::SIZE)?;
        self.push(c)?;
        let cslot = self.sp() - 1;
        let (name, bases, ns, meta) = (
            self.slot(base),
            self.slot(base + 1),
            self.slot(base + 2),
            self.slot(base + 3),
        );
        self.heap.set(c, cls::NAME, name);
        self.heap.set(c, cls::QUALNAME, name);
        self.heap.set(c, cls::DICT, ns);
        self.heap
            .set(c, cls::BUILTIN, Value::imm(imm::TYPE, builtin as u32));
        self.heap.set(
            c,
            cls::META,
            if meta.is_null() || meta == Value::imm(imm::TYPE, TypeId::Type as u32) {
                Value::NULL
            } else {
                meta
            },
        );
        let bases = if nb == 0 {
            self.tuple_of(&[Value::imm(imm::TYPE, TypeId::Object as u32)])?
        } else {
            bases
        };
        let c = self.slot(cslot);
        self.heap.set(c, cls::BASES, bases);
        let mro = crate::objects::mro::compute_mro(self, cslot)?;
        let c = self.slot(cslot);
        self.heap.set(c, cls::MRO, mro);
        // __qualname__ from the namespace, if the body set it.
        let ns = self.heap.get(c, cls::DICT);
        if let Some(q) = self.dict_get_str(ns, "__qualname__") {
            if self.is_str(q) {
                self.heap.set(c, cls::QUALNAME, q);
            }
        }
        Ok(self.slot(cslot))
    }
}

/// `type(x)` or `type(name, bases, dict)`
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.npos() {
        1 => {
            let v = vm.slot(args.base);
            Ok(vm.type_of(v))
        }
        3 => {
            let (n, b, d) = (
                vm.slot(args.base),
                vm.slot(args.base + 1),
                vm.slot(args.base + 2),
            );
            let bad = if !vm.is_str(n) {
                Some((1, "str", n))
            } else if vm.heap.kind(b) != kind::TUPLE {
                Some((2, "tuple", b))
            } else if vm.heap.kind(d) != kind::DICT {
                Some((3, "dict", d))
            } else {
                None
            };
            if let Some((i, want, v)) = bad {
                let mut buf = [0; 4];
                let mut m = crate::vm::Msg::new();
                let _ = core::fmt::Write::write_fmt(
                    &mut m,
                    format_args!(
                        "type.__new__() argument {i} must be {want}, not {}",
                        vm.type_name(v, &mut buf)
                    ),
                );
                return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
            }
            // Copy the namespace: the class owns its dict.
            let ns = vm.new_dict()?;
            vm.push(ns)?;
            let d = vm.slot(args.base + 2);
            let r = crate::objects::dict_methods::dict_update_from(vm, ns, d);
            let ns = vm.pop();
            r?;
            let (n, b) = (vm.slot(args.base), vm.slot(args.base + 1));
            vm.new_class(n, b, ns, Value::NULL)
        }
        _ => Err(vm.raise_msg(TypeId::TypeError, "type() takes 1 or 3 arguments")),
    }
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.check_args(args, "mro", 1, 1)?;
    let c = vm.slot(args.base);
    let n = vm.mro_len(c);
    let l = vm.new_list(n)?;
    for i in 0..n {
        let c = vm.slot(args.base);
        let k = vm.mro_get(c, i);
        vm.list_append(l, k)?;
    }
    Ok(l)
}

/// `super()` / `super(type, obj)`
pub fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (c, obj) = if args.npos() == 2 {
        (vm.slot(args.base), vm.slot(args.base + 1))
    } else if args.npos() == 0 {
        vm.zero_arg_super()?
    } else {
        return Err(vm.raise_msg(TypeId::TypeError, "super() takes 0 or 2 arguments"));
    };
    vm.push(c)?;
    vm.push(obj)?;
    let s = vm.alloc(kind::SUPER, 2);
    let obj = vm.pop();
    let c = vm.pop();
    let s = s?;
    vm.heap.set(s, 0, c);
    vm.heap.set(s, 1, obj);
    Ok(s)
}
