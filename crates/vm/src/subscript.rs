//! `c[k]`, `c[k] = v`, `del c[k]` and sequence operators (`+`, `*`, `|` ...).

use crate::heap::kind;
use crate::objects::class::inst;
use crate::types::TypeId;
use crate::value::{imm, Value};
use crate::vm::{Msg, PyResult, Raised, Vm};
use core::fmt::Write;
use fzpy_bytecode::BinOp;

fn index_error(vm: &mut Vm, what: &str) -> Raised {
    let mut m = Msg::new();
    let _ = write!(m, "{what} index out of range");
    vm.raise_msg(TypeId::IndexError, m.as_str())
}

fn indices_type_error(vm: &mut Vm, c: Value, k: Value) -> Raised {
    let mut b1 = [0; 4];
    let mut b2 = [0; 4];
    let (tc, tk) = (vm.type_name(c, &mut b1), vm.type_name(k, &mut b2));
    let mut m = Msg::new();
    if tc == "str" {
        let _ = write!(m, "string indices must be integers, not '{tk}'");
    } else {
        let _ = write!(m, "{tc} indices must be integers or slices, not {tk}");
    }
    vm.raise_msg(TypeId::TypeError, m.as_str())
}

/// `c[k]`.
pub fn getitem(vm: &mut Vm, c: Value, k: Value) -> PyResult<Value> {
    let kc = vm.heap.kind(c);
    if kc == kind::DICT {
        return match vm.dict_get(c, k)? {
            Some(v) => Ok(v),
            None => Err(vm.raise_with_arg(TypeId::KeyError, k)),
        };
    }
    let seq = matches!(
        kc,
        kind::LIST | kind::TUPLE | kind::STR | kind::BYTES | kind::BYTEARRAY | kind::RANGE
    ) || c.is_imm_of(imm::CHAR);
    if seq {
        if vm.heap.kind(k) == kind::SLICE {
            return get_slice(vm, c, k);
        }
        let i = match vm.int_to_i64(k) {
            Some(i) => i,
            None if vm.heap.kind(k) == kind::INSTANCE
                && vm.user_special(k, "__index__").is_some() =>
            {
                vm.index_value(k)?
            }
            None if vm.heap.kind(k) == kind::BIGINT => {
                return Err(vm.raise_msg(
                    TypeId::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            None => return Err(indices_type_error(vm, c, k)),
        };
        let len = vm.len(c)?;
        let Some(i) = Vm::norm_index(i, len) else {
            let what = match vm.builtin_type_of(c) {
                TypeId::List => "list",
                TypeId::Tuple => "tuple",
                TypeId::Str => "string",
                TypeId::Range => "range object",
                TypeId::ByteArray => "bytearray",
                _ => "",
            };
            if what.is_empty() {
                return Err(vm.raise_msg(TypeId::IndexError, "index out of range"));
            }
            return Err(index_error(vm, what));
        };
        return Ok(match kc {
            kind::LIST => vm.list_get(c, i),
            kind::TUPLE => vm.tuple_get(c, i),
            kind::RANGE => return vm.range_item(c, i),
            kind::BYTES | kind::BYTEARRAY => Value::int(vm.bytes_like_data(c)[i] as i32),
            _ => vm.str_char_at(c, i),
        });
    }
    if let Some(m) = vm.user_special(c, "__getitem__") {
        return vm.call(m, &[c, k]);
    }
    if kc == kind::INSTANCE {
        let b = vm.heap.get(c, inst::BASE);
        if !b.is_null() {
            if vm.heap.kind(b) == kind::DICT {
                // dict subclasses: __missing__ handles absent keys.
                if let Some(v) = vm.dict_get(b, k)? {
                    return Ok(v);
                }
                if let Some(m) = vm.user_special(c, "__missing__") {
                    return vm.call(m, &[c, k]);
                }
                return Err(vm.raise_with_arg(TypeId::KeyError, k));
            }
            return getitem(vm, b, k);
        }
    }
    if vm.is_class(c) {
        // `list[int]` and friends: generic aliases are not modelled; return the class.
        if c.is_imm_of(imm::TYPE) {
            return Ok(c);
        }
        if let Some(m) = vm.lookup_class_str(c, "__class_getitem__") {
            let f = if vm.heap.kind(m) == kind::CLASSMETHOD {
                vm.heap.get(m, 0)
            } else {
                m
            };
            return vm.call(f, &[c, k]);
        }
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    if vm.is_class(c) {
        let _ = write!(
            m,
            "type '{}' is not subscriptable",
            vm.class_name(c, &mut buf)
        );
    } else {
        let _ = write!(
            m,
            "'{}' object is not subscriptable",
            vm.type_name(c, &mut buf)
        );
    }
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// `c[start:stop:step]` for builtin sequences.
fn get_slice(vm: &mut Vm, c: Value, s: Value) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(c)?;
    vm.push(s)?;
    let len = vm.len(c);
    let full_len = *len.as_ref().unwrap_or(&0);
    let r = len.and_then(|len| {
        let s = vm.slot(base + 1);
        vm.slice_indices(s, len)
    });
    vm.heap.truncate(base + 1);
    let (start, _, step, n) = match r {
        Ok(x) => x,
        Err(e) => {
            vm.heap.truncate(base);
            return Err(e);
        }
    };
    let c = vm.slot(base);
    let r = match vm.builtin_type_of(c) {
        TypeId::Str => {
            if step == 1 {
                vm.str_slice_chars(c, start as usize, start as usize + n)
            } else {
                let out = vm.sp();
                for j in 0..n {
                    let c = vm.slot(base);
                    let ch = vm.str_char_at(c, (start + j as i64 * step) as usize);
                    vm.push(ch)?;
                }
                let r = vm.join_strs_from_stack(out, n);
                vm.heap.truncate(out);
                r
            }
        }
        TypeId::List | TypeId::Tuple
            if vm.heap.kind(c) == kind::TUPLE && step == 1 && start == 0 && n == full_len =>
        {
            // A full slice of a tuple is the tuple itself.
            Ok(c)
        }
        TypeId::List | TypeId::Tuple => {
            let is_list = vm.heap.kind(c) == kind::LIST;
            let t = if is_list {
                vm.new_list(n)?
            } else {
                vm.new_tuple(n)?
            };
            let c = vm.slot(base);
            for j in 0..n {
                let i = (start + j as i64 * step) as usize;
                if is_list {
                    let v = vm.list_get(c, i);
                    vm.list_set(t, j, v);
                } else {
                    let v = vm.tuple_get(c, i);
                    vm.heap.set(t, j, v);
                }
            }
            if is_list {
                vm.heap
                    .set(t, crate::objects::list::LEN, Value::from_usize(n));
            }
            Ok(t)
        }
        TypeId::Bytes | TypeId::ByteArray => {
            let is_ba = vm.heap.kind(c) == kind::BYTEARRAY;
            let r = if is_ba {
                vm.new_bytearray(n)?
            } else {
                vm.alloc_bytes(n)?
            };
            for j in 0..n {
                let c = vm.slot(base);
                let x = vm.bytes_like_data(c)[(start + j as i64 * step) as usize];
                if is_ba {
                    vm.bytearray_data_mut(r)[j] = x;
                } else {
                    vm.heap.bytes_mut(r, 2)[j] = x;
                }
            }
            Ok(r)
        }
        TypeId::Range => {
            let (a, _, s) = vm.range_parts(c);
            let first = a + start * s;
            let st = s * step;
            vm.new_range(first, first + st * n as i64, st)
        }
        _ => Err(vm.raise_msg(TypeId::TypeError, "object is not sliceable")),
    };
    vm.heap.truncate(base);
    r
}

/// `c[k] = v`.
pub fn setitem(vm: &mut Vm, c: Value, k: Value, v: Value) -> PyResult<()> {
    match vm.heap.kind(c) {
        kind::DICT => return vm.dict_set(c, k, v),
        kind::LIST => {
            if vm.heap.kind(k) == kind::SLICE {
                return crate::objects::seq_methods::list_set_slice(vm, c, k, v);
            }
            let Some(i) = vm.int_to_i64(k) else {
                return Err(indices_type_error(vm, c, k));
            };
            let Some(i) = Vm::norm_index(i, vm.list_len(c)) else {
                return Err(vm.raise_msg(TypeId::IndexError, "list assignment index out of range"));
            };
            vm.list_set(c, i, v);
            return Ok(());
        }
        kind::BYTEARRAY => {
            if vm.heap.kind(k) == kind::SLICE {
                return crate::objects::bytes_methods::bytearray_set_slice(vm, c, k, v);
            }
            let Some(i) = vm.int_to_i64(k) else {
                return Err(indices_type_error(vm, c, k));
            };
            let len = vm.bytes_like_data(c).len();
            let Some(i) = Vm::norm_index(i, len) else {
                return Err(vm.raise_msg(TypeId::IndexError, "bytearray index out of range"));
            };
            match vm.int_to_i64(v) {
                Some(x) if (0..256).contains(&x) => {
                    vm.bytearray_data_mut(c)[i] = x as u8;
                    return Ok(());
                }
                Some(_) => {
                    return Err(vm.raise_msg(TypeId::ValueError, "byte must be in range(0, 256)"))
                }
                None => {
                    let mut buf = [0; 4];
                    let mut m = Msg::new();
                    let _ = write!(
                        m,
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v, &mut buf)
                    );
                    return Err(vm.raise_msg(TypeId::TypeError, m.as_str()));
                }
            }
        }
        _ => {}
    }
    if let Some(m) = vm.user_special(c, "__setitem__") {
        vm.call(m, &[c, k, v])?;
        return Ok(());
    }
    if vm.heap.kind(c) == kind::INSTANCE {
        let b = vm.heap.get(c, inst::BASE);
        if !b.is_null() {
            return setitem(vm, b, k, v);
        }
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "'{}' object does not support item assignment",
        vm.type_name(c, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

/// `del c[k]`.
pub fn delitem(vm: &mut Vm, c: Value, k: Value) -> PyResult<()> {
    match vm.heap.kind(c) {
        kind::BYTEARRAY => return crate::objects::bytes_methods::bytearray_delitem(vm, c, k),
        kind::DICT => {
            return match vm.dict_remove(c, k)? {
                Some(_) => Ok(()),
                None => Err(vm.raise_with_arg(TypeId::KeyError, k)),
            };
        }
        kind::LIST => {
            if vm.heap.kind(k) == kind::SLICE {
                return crate::objects::seq_methods::list_del_slice(vm, c, k);
            }
            let Some(i) = vm.int_to_i64(k) else {
                return Err(indices_type_error(vm, c, k));
            };
            let Some(i) = Vm::norm_index(i, vm.list_len(c)) else {
                return Err(vm.raise_msg(TypeId::IndexError, "list assignment index out of range"));
            };
            crate::objects::seq_methods::list_remove_at(vm, c, i);
            return Ok(());
        }
        _ => {}
    }
    if let Some(m) = vm.user_special(c, "__delitem__") {
        vm.call(m, &[c, k])?;
        return Ok(());
    }
    if vm.heap.kind(c) == kind::INSTANCE {
        let b = vm.heap.get(c, inst::BASE);
        if !b.is_null() {
            return delitem(vm, b, k);
        }
    }
    let mut buf = [0; 4];
    let mut m = Msg::new();
    let _ = write!(
        m,
        "'{}' object doesn't support item deletion",
        vm.type_name(c, &mut buf)
    );
    Err(vm.raise_msg(TypeId::TypeError, m.as_str()))
}

impl Vm {
    /// `+ * | & - ^` on builtin containers; None when not applicable.
    pub(crate) fn container_op(
        &mut self,
        op: BinOp,
        base: usize,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let (a, b) = (self.slot(base), self.slot(base + 1));
        let (ka, kb) = (self.heap.kind(a), self.heap.kind(b));
        let (sa, sb) = (self.is_str(a), self.is_str(b));
        match op {
            BinOp::Add => {
                if sa && sb {
                    return self.str_concat(a, b).map(Some);
                }
                if ka == kind::LIST && kb == kind::LIST {
                    if inplace {
                        self.list_extend(a, b)?;
                        return Ok(Some(self.slot(base)));
                    }
                    let n = self.list_len(a) + self.list_len(b);
                    let l = self.new_list(n)?;
                    let (a, b) = (self.slot(base), self.slot(base + 1));
                    let (la, lb) = (self.list_len(a), self.list_len(b));
                    for i in 0..la {
                        let v = self.list_get(a, i);
                        self.list_set(l, i, v);
                    }
                    for i in 0..lb {
                        let v = self.list_get(b, i);
                        self.list_set(l, la + i, v);
                    }
                    self.heap
                        .set(l, crate::objects::list::LEN, Value::from_usize(n));
                    return Ok(Some(l));
                }
                if ka == kind::LIST && inplace {
                    self.list_extend(a, b)?;
                    return Ok(Some(self.slot(base)));
                }
                if ka == kind::TUPLE && kb == kind::TUPLE {
                    let (la, lb) = (self.tuple_len(a), self.tuple_len(b));
                    let t = self.new_tuple(la + lb)?;
                    let (a, b) = (self.slot(base), self.slot(base + 1));
                    for i in 0..la {
                        let v = self.tuple_get(a, i);
                        self.heap.set(t, i, v);
                    }
                    for i in 0..lb {
                        let v = self.tuple_get(b, i);
                        self.heap.set(t, la + i, v);
                    }
                    return Ok(Some(t));
                }
                if inplace && ka == kind::BYTEARRAY && self.is_bytes_like(b) {
                    crate::objects::bytes_methods::bytearray_extend(self, a, b)?;
                    return Ok(Some(self.slot(base)));
                }
                if self.is_bytes_like(a) && self.is_bytes_like(b) {
                    let (la, lb) = (self.bytes_like_data(a).len(), self.bytes_like_data(b).len());
                    let is_ba = ka == kind::BYTEARRAY;
                    let r = if is_ba {
                        self.new_bytearray(la + lb)?
                    } else {
                        self.alloc_bytes(la + lb)?
                    };
                    let mut tmp = alloc::vec::Vec::new();
                    let (a, b) = (self.slot(base), self.slot(base + 1));
                    tmp.extend_from_slice(self.bytes_like_data(a));
                    tmp.extend_from_slice(self.bytes_like_data(b));
                    if is_ba {
                        self.bytearray_data_mut(r).copy_from_slice(&tmp);
                    } else {
                        self.heap.bytes_mut(r, 2)[..tmp.len()].copy_from_slice(&tmp);
                    }
                    return Ok(Some(r));
                }
            }
            BinOp::Mul => {
                let indexable = |vm: &Vm, v: Value| {
                    vm.is_int(v)
                        || (vm.heap.kind(v) == kind::INSTANCE
                            && vm.user_special(v, "__index__").is_some())
                };
                let (seq, n) = if indexable(self, b) && !self.is_int(a) {
                    (a, b)
                } else if indexable(self, a) && !self.is_int(b) {
                    (b, a)
                } else {
                    return Ok(None);
                };
                let n = if self.is_int(n) {
                    n
                } else {
                    self.push(seq)?;
                    let i = self.index_value(n);
                    let s = self.pop();
                    let i = i?;
                    return crate::objects::seq_methods::repeat(
                        self,
                        s,
                        i.max(0) as usize,
                        inplace,
                    )
                    .map(Some);
                };
                let is_seq = matches!(
                    self.heap.kind(seq),
                    kind::LIST | kind::TUPLE | kind::STR | kind::BYTES | kind::BYTEARRAY
                ) || seq.is_imm_of(imm::CHAR);
                if !is_seq {
                    return Ok(None);
                }
                let Some(n) = self.int_to_i64(n) else {
                    return Err(self.raise_msg(
                        TypeId::OverflowError,
                        "cannot fit 'int' into an index-sized integer",
                    ));
                };
                return crate::objects::seq_methods::repeat(self, seq, n.max(0) as usize, inplace)
                    .map(Some);
            }
            BinOp::Mod => {
                if sa {
                    return crate::format::percent_format(self, a, b).map(Some);
                }
                if ka == kind::BYTES || ka == kind::BYTEARRAY {
                    return crate::objects::bytes_methods::bytes_percent_format(self, a, b)
                        .map(Some);
                }
            }
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor => {
                if let Some(r) =
                    crate::objects::set_methods::set_like_binop(self, op, a, b, inplace)?
                {
                    return Ok(Some(r));
                }
                let (a, b) = (self.slot(base), self.slot(base + 1));
                if op == BinOp::Or && ka == kind::DICT && inplace {
                    // d |= mapping or iterable of pairs.
                    self.dict_merge(a, b, false, Value::NULL)?;
                    return Ok(Some(self.slot(base)));
                }
                if op == BinOp::Or && ka == kind::DICT && kb == kind::DICT {
                    let d = self.new_dict()?;
                    self.push(d)?;
                    let (a, d) = (self.slot(base), self.heap.peek(0));
                    self.dict_merge(d, a, false, Value::NULL)?;
                    let (b, d) = (self.slot(base + 1), self.heap.peek(0));
                    self.dict_merge(d, b, false, Value::NULL)?;
                    return Ok(Some(self.pop()));
                }
            }
            _ => {}
        }
        Ok(None)
    }
}
