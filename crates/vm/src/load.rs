//! Loading compiled code units into the heap as CODE objects.

use crate::heap::kind;
use crate::objects::function::code;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use fzpy_bytecode::{CodeUnit, Const};

impl Vm {
    /// Copies a code unit (and its nested ones) into the heap.
    pub fn load_code(&mut self, cu: &CodeUnit) -> PyResult<Value> {
        let base = self.sp();
        let r = self.load_code_inner(cu);
        self.heap.truncate(base);
        r
    }

    fn load_code_inner(&mut self, cu: &CodeUnit) -> PyResult<Value> {
        let c = self.alloc(kind::CODE, code::SIZE)?;
        self.push(c)?;
        let cs = self.sp() - 1;
        let set = |vm: &mut Vm, i: usize, v: Value| {
            let c = vm.slot(cs);
            vm.heap.set(c, i, v);
        };
        let v = self.new_bytes(&cu.code)?;
        set(self, code::BYTECODE, v);
        // Constants.
        let t = self.new_tuple(cu.consts.len())?;
        set(self, code::CONSTS, t);
        for (i, k) in cu.consts.iter().enumerate() {
            let v = self.load_const(k)?;
            let c = self.slot(cs);
            let t = self.heap.get(c, code::CONSTS);
            self.heap.set(t, i, v);
        }
        let t = self.load_names(&cu.names)?;
        set(self, code::NAMES, t);
        let t = self.load_names(&cu.slots)?;
        set(self, code::SLOTS, t);
        let mut lines = alloc::vec::Vec::with_capacity(cu.lines.len() * 6);
        for &(off, line) in &cu.lines {
            lines.extend_from_slice(&off.to_le_bytes());
            lines.extend_from_slice(&line.to_le_bytes());
        }
        let v = self.new_bytes(&lines)?;
        set(self, code::LINES, v);
        let mut ex = alloc::vec::Vec::with_capacity(cu.exceptions.len() * 8);
        for e in &cu.exceptions {
            for x in [e.start, e.end, e.target, e.depth] {
                ex.extend_from_slice(&x.to_le_bytes());
            }
        }
        let v = self.new_bytes(&ex)?;
        set(self, code::EXCEPTIONS, v);
        let v = self.intern(&cu.name)?;
        set(self, code::NAME, v);
        // Interned: many code objects share their file name and qualname
        // (`<lambda>`, `<listcomp>` ...).
        let v = self.intern(&cu.qualname)?;
        set(self, code::QUALNAME, v);
        let v = self.intern(&cu.filename)?;
        set(self, code::FILENAME, v);
        set(self, code::FLAGS, Value::int(cu.flags as i32));
        set(self, code::ARGCOUNT, Value::int(cu.argcount as i32));
        set(self, code::POSONLY, Value::int(cu.posonlyargcount as i32));
        set(self, code::KWONLY, Value::int(cu.kwonlyargcount as i32));
        set(self, code::NFREE, Value::int(cu.nfree as i32));
        set(self, code::STACKSIZE, Value::int(cu.stacksize as i32));
        set(
            self,
            code::FIRSTLINE,
            Value::int(cu.firstlineno.min(1 << 29) as i32),
        );
        let doc = match &cu.doc {
            Some(d) => self.new_str(d)?,
            None => Value::NONE,
        };
        set(self, code::DOC, doc);
        Ok(self.slot(cs))
    }

    fn load_names(&mut self, names: &[alloc::string::String]) -> PyResult<Value> {
        let t = self.new_tuple(names.len())?;
        self.push(t)?;
        for (i, n) in names.iter().enumerate() {
            let s = self.intern(n)?;
            let t = self.heap.peek(0);
            self.heap.set(t, i, s);
        }
        Ok(self.pop())
    }

    /// A constant as a value.
    fn load_const(&mut self, k: &Const) -> PyResult<Value> {
        Ok(match k {
            Const::None => Value::NONE,
            Const::Bool(b) => Value::bool(*b),
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) => self.new_int(*i)?,
            Const::BigInt(limbs) => self.new_bigint(false, limbs)?,
            Const::Float(f) => self.new_float(*f)?,
            Const::Str(s) => self.new_str(s)?,
            Const::Bytes(b) => self.new_bytes(b)?,
            Const::Tuple(items) => {
                let t = self.new_tuple(items.len())?;
                self.push(t)?;
                for (i, x) in items.iter().enumerate() {
                    let v = self.load_const(x)?;
                    let t = self.heap.peek(0);
                    self.heap.set(t, i, v);
                }
                self.pop()
            }
            Const::Code(cu) => self.load_code_inner(cu)?,
        })
    }

    /// An identifier str, shared with every other use of the same name.
    pub fn intern(&mut self, s: &str) -> PyResult<Value> {
        let v = self.new_str(s)?;
        if !v.is_heap() {
            return Ok(v);
        }
        let mut v = v;
        if self.heap.root(crate::heap::root::INTERNED).is_null() {
            self.push(v)?;
            let t = self.new_dict();
            v = self.pop();
            self.heap.set_root(crate::heap::root::INTERNED, t?);
        }
        let table = self.heap.root(crate::heap::root::INTERNED);
        if let Some(x) = self.dict_get_str(table, s) {
            return Ok(x);
        }
        self.push(v)?;
        let r = self.dict_set(table, v, v);
        let v = self.pop();
        r.map(|_| v)
    }
}
