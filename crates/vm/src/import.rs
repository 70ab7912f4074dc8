//! `import`: builtin modules, then `NAME.py` / `NAME/__init__.py` on
//! `sys.path`, compiled with the embedding's compiler; loaded modules are
//! cached in `sys.modules`.

use crate::heap::{kind, root};
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

impl Vm {
    /// `sys.modules`, created on first use.
    pub fn modules_dict(&mut self) -> PyResult<Value> {
        let m = self.heap.root(root::MODULES);
        if !m.is_null() {
            return Ok(m);
        }
        let d = self.new_dict()?;
        self.heap.set_root(root::MODULES, d);
        Ok(d)
    }

    /// IMPORT_NAME.
    pub(crate) fn import_name(
        &mut self,
        name: Value,
        fromlist: Value,
        level: Value,
    ) -> PyResult<Value> {
        let mut buf = [0; 4];
        let mut full: String = self.str_text(name, &mut buf).into();
        let level = level.as_small().unwrap_or(0);
        if level > 0 {
            // Relative: resolve against the importing module's package.
            let g = self.globals();
            let pkg = self
                .dict_get_str(g, "__package__")
                .or_else(|| self.dict_get_str(g, "__name__"));
            let mut base: String = match pkg {
                Some(p) if self.is_str(p) => {
                    let mut b = [0; 4];
                    self.str_text(p, &mut b).into()
                }
                _ => String::new(),
            };
            let is_pkg = self.dict_get_str(g, "__path__").is_some();
            let mut up = level - if is_pkg { 1 } else { 0 };
            if pkg.is_some() && self.dict_get_str(g, "__package__").is_some() {
                up = level - 1;
            }
            for _ in 0..up {
                match base.rfind('.') {
                    Some(i) => base.truncate(i),
                    None => {
                        if base.is_empty() {
                            return Err(self.raise_msg(
                                TypeId::ImportError,
                                "attempted relative import with no known parent package",
                            ));
                        }
                        base.clear();
                    }
                }
            }
            if base.is_empty() {
                return Err(self.raise_msg(
                    TypeId::ImportError,
                    "attempted relative import with no known parent package",
                ));
            }
            full = if full.is_empty() {
                base
            } else {
                base + "." + &full
            };
        }
        // Import each package along the dotted path.
        let parts: Vec<String> = full.split('.').map(String::from).collect();
        let mut path = String::new();
        let mut first;
        let mut last = Value::NULL;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(p);
            let m = self.import_one(&path, last);
            // Keep the packages found so far rooted across the next import.
            let m = match m {
                Ok(m) => m,
                Err(e) => {
                    self.heap.set_root(root::TMP0 + 5, Value::NULL);
                    self.heap.set_root(root::TMP0 + 6, Value::NULL);
                    return Err(e);
                }
            };
            if i == 0 {
                first = m;
                self.heap.set_root(root::TMP0 + 6, first);
            }
            self.heap.set_root(root::TMP0 + 5, m);
            last = self.heap.root(root::TMP0 + 5);
        }
        let first = self.heap.root(root::TMP0 + 6);
        let last = self.heap.root(root::TMP0 + 5);
        self.heap.set_root(root::TMP0 + 6, Value::NULL);
        self.heap.set_root(root::TMP0 + 5, Value::NULL);
        if fromlist.is_none() || fromlist.is_null() {
            if level > 0 {
                return Ok(last);
            }
            return Ok(first);
        }
        Ok(last)
    }

    /// Imports one module by its full dotted name (its parent already imported).
    fn import_one(&mut self, full: &str, parent: Value) -> PyResult<Value> {
        let mods = self.modules_dict()?;
        if let Some(m) = self.dict_get_str(mods, full) {
            return Ok(m);
        }
        if let Some(m) = self.find_builtin_module(full) {
            return Ok(m);
        }
        // Directories to search: the parent package's __path__, else sys.path.
        let dirs: Vec<String> = if parent.is_null() {
            let sys = crate::modules::find("sys").unwrap_or(Value::NONE);
            let pname = self.new_str("path")?;
            let p = self.getattr(sys, pname)?;
            let mut v = Vec::new();
            if self.heap.kind(p) == kind::LIST {
                for i in 0..self.list_len(p) {
                    let s = self.list_get(p, i);
                    if self.is_str(s) {
                        let mut b = [0; 4];
                        v.push(self.str_text(s, &mut b).into());
                    }
                }
            }
            v
        } else {
            let d = self.instance_dict(parent);
            match if d.is_null() {
                None
            } else {
                self.dict_get_str(d, "__path__")
            } {
                Some(p) if self.is_str(p) => {
                    let mut b = [0; 4];
                    alloc::vec![self.str_text(p, &mut b).into()]
                }
                _ => {
                    let mut m = Msg::new();
                    let _ = write!(m, "No module named '{full}'");
                    return Err(self.raise_module_not_found(m.as_str(), full));
                }
            }
        };
        let leaf = full.rsplit('.').next().unwrap_or(full);
        for dir in dirs {
            let sep = if dir.is_empty() || dir.ends_with('/') {
                ""
            } else {
                "/"
            };
            let file = alloc::format!("{dir}{sep}{leaf}.py");
            if let Some(src) = self.platform.read_file(&file) {
                return self.exec_module_source(full, &file, &src, None);
            }
            let fzb = alloc::format!("{dir}{sep}{leaf}.fzb");
            if let Some(data) = self.platform.read_file(&fzb) {
                return self.exec_module_fzb(full, &fzb, &data);
            }
            let pkg_dir = alloc::format!("{dir}{sep}{leaf}");
            let init = alloc::format!("{pkg_dir}/__init__.py");
            if let Some(src) = self.platform.read_file(&init) {
                return self.exec_module_source(full, &init, &src, Some(&pkg_dir));
            }
            if self.platform.is_dir(&pkg_dir) {
                return self.exec_module_source(full, &init, b"", Some(&pkg_dir));
            }
        }
        let mut m = Msg::new();
        let _ = write!(m, "No module named '{full}'");
        Err(self.raise_module_not_found(m.as_str(), full))
    }

    fn raise_module_not_found(&mut self, msg: &str, name: &str) -> crate::vm::Raised {
        let r = self.raise_msg(TypeId::ModuleNotFoundError, msg);
        // ImportError.name: the module that was not found (in the
        // exception's attribute dict; the exception stays in its root).
        let _ = self.set_exception_attr("name", name);
        r
    }

    /// Sets a str attribute on the pending exception.
    fn set_exception_attr(&mut self, key: &str, text: &str) -> PyResult<()> {
        let v = self.new_str(text)?;
        self.push(v)?;
        let e = self.exception();
        if self.is_exception(e)
            && self
                .heap
                .get(e, crate::objects::exception::exc::DICT)
                .is_null()
        {
            let d = self.new_dict()?;
            let e = self.exception();
            self.heap.set(e, crate::objects::exception::exc::DICT, d);
        }
        let e = self.exception();
        let v = self.pop();
        if !self.is_exception(e) {
            return Ok(());
        }
        let d = self.heap.get(e, crate::objects::exception::exc::DICT);
        self.dict_set_str(d, key, v)
    }

    /// Compiles and runs a module's source, registering it in sys.modules first.
    pub fn exec_module_source(
        &mut self,
        name: &str,
        file: &str,
        src: &[u8],
        pkg_path: Option<&str>,
    ) -> PyResult<Value> {
        let Ok(text) = core::str::from_utf8(src) else {
            let mut m = Msg::new();
            let _ = write!(m, "(unicode error) invalid utf-8 in {file}");
            return Err(self.raise_msg(TypeId::SyntaxError, m.as_str()));
        };
        let cu = self.compile_cached(text, file)?;
        self.exec_module_unit(name, file, &cu, pkg_path)
    }

    /// Imports a module from a precompiled `.fzb` file: decodes and verifies
    /// it (ImportError when it is corrupt), then runs it as a new module.
    pub fn exec_module_fzb(&mut self, name: &str, file: &str, data: &[u8]) -> PyResult<Value> {
        let cu = match fzpy_bytecode::fzb::decode(data) {
            Ok(cu) => cu,
            Err(e) => {
                let mut m = Msg::new();
                let _ = write!(m, "bad .fzb file {file}: {e}");
                return Err(self.raise_msg(TypeId::ImportError, m.as_str()));
            }
        };
        self.exec_module_unit(name, file, &cu, None)
    }

    /// Runs a compiled module body as the new module `name`.
    fn exec_module_unit(
        &mut self,
        name: &str,
        file: &str,
        cu: &fzpy_bytecode::CodeUnit,
        pkg_path: Option<&str>,
    ) -> PyResult<Value> {
        let nm = self.new_str(name)?;
        let m = self.new_module(nm)?;
        self.push(m)?;
        let base = self.sp() - 1;
        let r = self.init_module(base, name, file, pkg_path, cu);
        if r.is_err() {
            let mods = self.modules_dict()?;
            if let Ok(k) = self.new_str(name) {
                let mods2 = self.modules_dict().unwrap_or(mods);
                let _ = self.dict_remove(mods2, k);
            }
            self.heap.truncate(base);
            return Err(crate::vm::Raised);
        }
        let m = self.slot(base);
        self.heap.truncate(base);
        Ok(m)
    }

    /// Fills, registers and runs the module in stack slot `base`.
    fn init_module(
        &mut self,
        base: usize,
        name: &str,
        file: &str,
        pkg_path: Option<&str>,
        cu: &fzpy_bytecode::CodeUnit,
    ) -> PyResult<()> {
        let set = |vm: &mut Vm, key: &str, text: &str| -> PyResult<()> {
            let v = vm.new_str(text)?;
            let d = vm.heap.get(vm.slot(base), 1);
            vm.dict_set_str(d, key, v)
        };
        set(self, "__file__", file)?;
        if let Some(p) = pkg_path {
            set(self, "__path__", p)?;
            set(self, "__package__", name)?;
        } else if let Some(i) = name.rfind('.') {
            set(self, "__package__", &name[..i])?;
        }
        let mods = self.modules_dict()?;
        let m = self.slot(base);
        self.dict_set_str(mods, name, m)?;
        let code = self.load_code(cu)?;
        let d = self.heap.get(self.slot(base), 1);
        self.exec_code(code, d)?;
        // Bind the submodule on its parent package.
        if let Some(i) = name.rfind('.') {
            let leaf = self.new_str(&name[i + 1..])?;
            self.push(leaf)?;
            let mods = self.modules_dict()?;
            if let Some(parent) = self.dict_get_str(mods, &name[..i]) {
                let (leaf, m) = (self.heap.peek(0), self.slot(base));
                self.setattr(parent, leaf, m)?;
            }
            self.pop();
        }
        Ok(())
    }

    /// IMPORT_FROM.
    pub(crate) fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(m)?;
        self.push(name)?;
        let r = self.import_from_rooted(base);
        self.heap.truncate(base);
        r
    }

    fn import_from_rooted(&mut self, base: usize) -> PyResult<Value> {
        let (m, name) = (self.slot(base), self.slot(base + 1));
        match self.getattr(m, name) {
            Ok(v) => Ok(v),
            Err(_) => {
                self.take_exception();
                let (m, name) = (self.slot(base), self.slot(base + 1));
                // A submodule not yet imported?
                let mn = if self.heap.kind(m) == kind::MODULE {
                    self.heap.get(m, 0)
                } else {
                    Value::NULL
                };
                if !mn.is_null() {
                    let mut b1 = [0; 4];
                    let mut b2 = [0; 4];
                    let full = alloc::format!(
                        "{}.{}",
                        self.str_text(mn, &mut b1),
                        self.str_text(name, &mut b2)
                    );
                    if let Ok(sub) = self.import_one(&full, m) {
                        return Ok(sub);
                    }
                    self.take_exception();
                }
                // Re-read: the failed import allocated.
                let (m, name) = (self.slot(base), self.slot(base + 1));
                let mn = if self.heap.kind(m) == kind::MODULE {
                    self.heap.get(m, 0)
                } else {
                    Value::NULL
                };
                let mut b1 = [0; 4];
                let mut b2 = [0; 4];
                let modname: String = if mn.is_null() {
                    self.imm_name(m).into()
                } else {
                    self.str_text(mn, &mut b1).into()
                };
                let mut msg = Msg::new();
                let _ = write!(
                    msg,
                    "cannot import name '{}' from '{}'",
                    self.str_text(name, &mut b2),
                    modname
                );
                Err(self.raise_msg(TypeId::ImportError, m_str(&msg)))
            }
        }
    }
}

fn m_str(m: &Msg) -> &str {
    m.as_str()
}
