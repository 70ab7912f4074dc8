//! Scope analysis: decides for every name in every scope whether it is a
//! local, global, cell or free variable.
//!
//! Two passes. [`SymbolTable::build`] walks the AST once, creating a scope
//! for the module and every function, lambda, class and comprehension, and
//! records how each name is used there (assigned, read, declared global ...).
//! Then `analyze` resolves the names top-down, the way CPython 3.11 does:
//! a name read but not bound in a function is free if an enclosing function
//! binds it; a function-local captured by an inner function becomes a cell;
//! class scopes are invisible to the functions nested in them (except for
//! the implicit `__class__` cell that zero-argument `super()` uses).
//!
//! Code generation finds a nested scope by the address of its AST node
//! (the `def`/`class` statement or the lambda/comprehension expression), so
//! it must compile the same `Module` value this table was built from.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::ast::{Arguments, Comprehension, Ctx, Expr, ExprKind, Module, Pos, Stmt, StmtKind};
use crate::{CompileError, ErrorKind};

/// Index of a scope in [`SymbolTable::scopes`]; the module is 0.
pub type ScopeId = usize;

/// Deepest AST nesting the analysis accepts (keeps native recursion bounded).
pub const MAX_NESTING: u32 = 1000;

/// What kind of body a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module (or `eval`/REPL input).
    Module,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A class body.
    Class,
    /// A comprehension or generator expression.
    Comprehension(CompKind),
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions: bodies with fast locals.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }
}

/// Which comprehension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// `[x for ...]`
    List,
    /// `{x for ...}`
    Set,
    /// `{k: v for ...}`
    Dict,
    /// `(x for ...)`
    Generator,
}

impl CompKind {
    /// The code unit name (`<listcomp>` ...).
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }

    fn description(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

/// Symbol flag: bound in the scope (assigned, deleted, imported, def/class, loop target...).
pub const DEF_LOCAL: u16 = 1;
/// Symbol flag: declared `global`.
pub const DEF_GLOBAL: u16 = 2;
/// Symbol flag: declared `nonlocal` (or a comprehension's walrus target).
pub const DEF_NONLOCAL: u16 = 4;
/// Symbol flag: a parameter.
pub const DEF_PARAM: u16 = 8;
/// Symbol flag: read.
pub const USE: u16 = 16;
/// Symbol flag: a comprehension's iteration variable.
pub const DEF_COMP_ITER: u16 = 32;
/// Symbol flag: target of an annotated assignment.
pub const DEF_ANNOT: u16 = 64;

/// Where a name lives, as resolved by the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// A local: a slot in functions, the locals dict in module/class bodies.
    Local,
    /// A function local captured by a nested scope: a cell in its slot.
    Cell,
    /// A variable of an enclosing function: one of the last `nfree` slots.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Neither bound here nor in an enclosing function.
    GlobalImplicit,
}

/// One name of a scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    /// The (mangled) name.
    pub name: String,
    /// `DEF_*` / `USE` flags.
    pub flags: u16,
    /// The resolved scope.
    pub scope: SymScope,
    /// Where a `global`/`nonlocal` declaration of it stands (for errors).
    pub decl_pos: Pos,
}

/// One scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Kind of body.
    pub kind: ScopeKind,
    /// Name of the function/class (`<module>`, `<lambda>`, `<listcomp>` ...).
    pub name: String,
    /// The enclosing scope (None for the module).
    pub parent: Option<ScopeId>,
    /// Nested scopes, in source order.
    pub children: Vec<ScopeId>,
    /// Names, in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: BTreeMap<String, usize>,
    /// Parameter names in slot order (positional, keyword-only, `*args`, `**kwargs`).
    pub params: Vec<String>,
    /// The body contains `yield` (functions, lambdas) or is a generator expression.
    pub generator: bool,
    /// A class whose methods use `super`/`__class__`: it has a `__class__` cell.
    pub needs_class_closure: bool,
    /// Cell variables, in slot order (parameters included).
    pub cellvars: Vec<String>,
    /// Free variables, in slot order. In a class this also lists names the
    /// class binds itself but passes through to nested functions.
    pub freevars: Vec<String>,
    /// The class name used for private-name mangling in this scope.
    pub private: Option<String>,
}

impl Scope {
    fn new(
        kind: ScopeKind,
        name: String,
        parent: Option<ScopeId>,
        private: Option<String>,
    ) -> Self {
        Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: BTreeMap::new(),
            params: Vec::new(),
            generator: false,
            needs_class_closure: false,
            cellvars: Vec::new(),
            freevars: Vec::new(),
            private,
        }
    }

    /// Looks a (mangled) name up.
    pub fn get(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags(&self, name: &str) -> u16 {
        self.get(name).map_or(0, |s| s.flags)
    }

    fn add(&mut self, name: &str, flag: u16) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: 0,
                    scope: SymScope::GlobalImplicit,
                    decl_pos: Pos::default(),
                });
                self.index.insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        let s = &mut self.symbols[i];
        s.flags |= flag;
        s
    }

    /// The resolved scope of a (mangled) name; names never seen are implicit globals.
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.get(name).map_or(SymScope::GlobalImplicit, |s| s.scope)
    }
}

/// The result of scope analysis for a whole module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// All scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    nodes: BTreeMap<usize, ScopeId>,
}

/// Mangles a private name (`__x` inside `class C` is `_C__x`), as CPython does.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(class) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = class.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{}{}", stripped, name);
            }
        }
    }
    name.to_string()
}

fn syntax_error(msg: String, pos: Pos) -> CompileError {
    CompileError {
        kind: ErrorKind::Syntax,
        msg,
        line: pos.line,
        col: pos.col,
        incomplete: false,
    }
}

fn stmt_key(s: &Stmt) -> usize {
    s as *const Stmt as usize
}

fn expr_key(e: &Expr) -> usize {
    e as *const Expr as usize
}

impl SymbolTable {
    /// Analyzes a module.
    pub fn build(module: &Module) -> Result<SymbolTable, CompileError> {
        let mut b = Builder {
            table: SymbolTable {
                scopes: Vec::new(),
                nodes: BTreeMap::new(),
            },
            stack: Vec::new(),
            depth: 0,
        };
        b.table
            .scopes
            .push(Scope::new(ScopeKind::Module, "<module>".into(), None, None));
        b.stack.push(0);
        for s in &module.body {
            b.stmt(s)?;
        }
        let mut table = b.table;
        let empty = BTreeSet::new();
        analyze(&mut table, 0, &empty, &empty)?;
        Ok(table)
    }

    /// The scope created by a `def` or `class` statement.
    pub fn scope_of_stmt(&self, s: &Stmt) -> Option<ScopeId> {
        self.nodes.get(&stmt_key(s)).copied()
    }

    /// The scope created by a lambda, comprehension or generator expression.
    pub fn scope_of_expr(&self, e: &Expr) -> Option<ScopeId> {
        self.nodes.get(&expr_key(e)).copied()
    }
}

struct Builder {
    table: SymbolTable,
    /// Scopes being visited, innermost last.
    stack: Vec<ScopeId>,
    depth: u32,
}

impl Builder {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.table.scopes[self.cur()].private.as_deref(), name)
    }

    fn def(&mut self, name: &str, flag: u16) {
        let m = self.mangled(name);
        self.scope().add(&m, flag);
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) -> ScopeId {
        let parent = self.cur();
        let private = if kind == ScopeKind::Class {
            Some(name.to_string())
        } else {
            self.table.scopes[parent].private.clone()
        };
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name.to_string(), Some(parent), private));
        self.table.scopes[parent].children.push(id);
        self.table.nodes.insert(key, id);
        self.stack.push(id);
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn nest(&mut self, pos: Pos) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(syntax_error("too many nested expressions".into(), pos));
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), CompileError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> Result<(), CompileError> {
        let all = args
            .posonlyargs
            .iter()
            .chain(args.args.iter())
            .chain(args.kwonlyargs.iter())
            .chain(args.vararg.iter())
            .chain(args.kwarg.iter());
        for a in all {
            let m = self.mangled(&a.arg);
            if self.scope().flags(&m) & DEF_PARAM != 0 {
                return Err(syntax_error(
                    format!("duplicate argument '{}' in function definition", a.arg),
                    a.pos,
                ));
            }
            self.scope().add(&m, DEF_PARAM);
            self.scope().params.push(m);
        }
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope.
    fn defaults(&mut self, args: &Arguments) -> Result<(), CompileError> {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        self.nest(s.pos)?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorators,
                ..
            } => {
                self.def(name, DEF_LOCAL);
                self.exprs(decorators)?;
                self.defaults(args)?;
                self.enter(ScopeKind::Function, name, stmt_key(s));
                self.params(args)?;
                self.stmts(body)?;
                self.leave();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            } => {
                self.def(name, DEF_LOCAL);
                self.exprs(decorators)?;
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.enter(ScopeKind::Class, name, stmt_key(s));
                self.stmts(body)?;
                self.leave();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => self.exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                self.exprs(targets)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.def(id, DEF_LOCAL | USE);
                } else {
                    self.expr(target)?;
                }
            }
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                ..
            } => {
                // Annotations are never evaluated (see codegen), so they
                // bind and read nothing.
                if let Some(v) = value {
                    self.expr(v)?;
                }
                match &target.kind {
                    ExprKind::Name { id, .. } => {
                        let m = self.mangled(id);
                        if *simple && self.scope().flags(&m) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                            let what = if self.scope().flags(&m) & DEF_GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            return Err(syntax_error(
                                format!("annotated name '{}' can't be {}", id, what),
                                target.pos,
                            ));
                        }
                        self.scope().add(&m, DEF_LOCAL | DEF_ANNOT);
                    }
                    _ => self.expr(target)?,
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.expr(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(t) = &it.optional_vars {
                        self.expr(t)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.def(n, DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let stored = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.def(stored, DEF_LOCAL);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.table.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(syntax_error(
                                "import * only allowed at module level".into(),
                                s.pos,
                            ));
                        }
                        continue;
                    }
                    let stored = a.asname.as_deref().unwrap_or(&a.name);
                    self.def(stored, DEF_LOCAL);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.declare(n, DEF_GLOBAL, s.pos)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.table.scopes[self.cur()].kind == ScopeKind::Module {
                    return Err(syntax_error(
                        "nonlocal declaration not allowed at module level".into(),
                        s.pos,
                    ));
                }
                for n in names {
                    self.declare(n, DEF_NONLOCAL, s.pos)?;
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// A `global` (flag DEF_GLOBAL) or `nonlocal` (DEF_NONLOCAL) declaration.
    fn declare(&mut self, name: &str, flag: u16, pos: Pos) -> Result<(), CompileError> {
        let m = self.mangled(name);
        let cur = self.scope().flags(&m);
        let what = if flag == DEF_GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        let other = DEF_GLOBAL ^ DEF_NONLOCAL ^ flag;
        if cur & other != 0 {
            return Err(syntax_error(
                format!("name '{}' is nonlocal and global", name),
                pos,
            ));
        }
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{}' is parameter and {}", name, what)
            } else if cur & USE != 0 {
                format!("name '{}' is used prior to {} declaration", name, what)
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{}' can't be {}", name, what)
            } else {
                format!("name '{}' is assigned to before {} declaration", name, what)
            };
            return Err(syntax_error(msg, pos));
        }
        let sym = self.scope().add(&m, flag);
        sym.decl_pos = pos;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        self.nest(e.pos)?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.walrus_target(target)?;
            }
            ExprKind::BinOp { .. } => {
                // Iterate the left spine (long `a + b + ...` chains).
                let mut rights = Vec::new();
                let mut cur = e;
                while let ExprKind::BinOp { left, right, .. } = &cur.kind {
                    rights.push(&**right);
                    cur = left;
                }
                self.expr(cur)?;
                for r in rights.into_iter().rev() {
                    self.expr(r)?;
                }
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                self.enter(ScopeKind::Lambda, "<lambda>", expr_key(e));
                self.params(args)?;
                self.expr(body)?;
                self.leave();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values.iter()) {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Set(elts) => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Generator, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict, generators, key, Some(value))?,
            ExprKind::Yield(v) => {
                self.yield_here(e.pos)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.pos)?;
                self.expr(v)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Name { id, ctx } => match ctx {
                Ctx::Load => {
                    self.def(id, USE);
                    let kind = self.table.scopes[self.cur()].kind;
                    if id == "super" && kind.is_function_like() {
                        self.scope().add("__class__", USE);
                    }
                }
                Ctx::Store | Ctx::Del => self.def(id, DEF_LOCAL),
            },
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
        }
        Ok(())
    }

    fn yield_here(&mut self, pos: Pos) -> Result<(), CompileError> {
        let sc = self.scope();
        match sc.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(syntax_error("'yield' outside function".into(), pos))
            }
            ScopeKind::Comprehension(k) => Err(syntax_error(
                format!("'yield' inside {}", k.description()),
                pos,
            )),
            ScopeKind::Function | ScopeKind::Lambda => {
                sc.generator = true;
                Ok(())
            }
        }
    }

    /// The target of `:=`: inside comprehensions it binds in the nearest
    /// enclosing function (or module) scope.
    fn walrus_target(&mut self, target: &Expr) -> Result<(), CompileError> {
        let id = match &target.kind {
            ExprKind::Name { id, .. } => id,
            _ => {
                return Err(syntax_error(
                    "cannot use assignment expressions with this target".into(),
                    target.pos,
                ))
            }
        };
        if !matches!(
            self.table.scopes[self.cur()].kind,
            ScopeKind::Comprehension(_)
        ) {
            self.def(id, DEF_LOCAL);
            return Ok(());
        }
        let m = self.mangled(id);
        for &sid in self.stack.iter().rev() {
            let sc = &self.table.scopes[sid];
            match sc.kind {
                ScopeKind::Comprehension(_) => {
                    if sc.flags(&m) & DEF_COMP_ITER != 0 {
                        return Err(syntax_error(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{}'",
                                id
                            ),
                            target.pos,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    self.scope().add(&m, DEF_NONLOCAL).decl_pos = target.pos;
                    self.table.scopes[sid].add(&m, DEF_LOCAL);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.scope().add(&m, DEF_GLOBAL);
                    self.table.scopes[sid].add(&m, DEF_LOCAL);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(syntax_error(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        target.pos,
                    ));
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<(), CompileError> {
        let first = match generators.first() {
            Some(g) => g,
            None => return Err(syntax_error("comprehension without 'for'".into(), e.pos)),
        };
        // The outermost iterable belongs to the enclosing scope.
        self.expr(&first.iter)?;
        let id = self.enter(
            ScopeKind::Comprehension(kind),
            kind.code_name(),
            expr_key(e),
        );
        if kind == CompKind::Generator {
            self.table.scopes[id].generator = true;
        }
        self.scope().add(".0", DEF_PARAM);
        self.scope().params.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        self.expr(elt)?;
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.leave();
        Ok(())
    }

    /// A comprehension's loop target: binds with DEF_COMP_ITER.
    fn comp_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        self.nest(t.pos)?;
        let r = match &t.kind {
            ExprKind::Name { id, .. } => {
                self.def(id, DEF_LOCAL | DEF_COMP_ITER);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let mut r = Ok(());
                for x in elts {
                    r = self.comp_target(x);
                    if r.is_err() {
                        break;
                    }
                }
                r
            }
            ExprKind::Starred { value, .. } => self.comp_target(value),
            _ => self.expr(t),
        };
        self.depth -= 1;
        r
    }
}

/// Resolves the names of scope `id` and (recursively) its children.
/// `bound`: names bound by enclosing functions; `globals`: names declared
/// global in enclosing scopes. Returns the free names of the scope.
fn analyze(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: &BTreeSet<String>,
    globals: &BTreeSet<String>,
) -> Result<BTreeSet<String>, CompileError> {
    let kind = table.scopes[id].kind;
    let mut local = BTreeSet::new();
    let mut newglobal = globals.clone();
    let mut newbound = BTreeSet::new();
    let mut free = BTreeSet::new();
    if kind == ScopeKind::Class {
        // Class names are invisible to nested scopes: children see what we see.
        newbound = bound.clone();
    }
    for sym in table.scopes[id].symbols.iter_mut() {
        let f = sym.flags;
        sym.scope = if f & DEF_GLOBAL != 0 {
            newglobal.insert(sym.name.clone());
            newbound.remove(&sym.name);
            SymScope::GlobalExplicit
        } else if f & DEF_NONLOCAL != 0 {
            if !bound.contains(&sym.name) {
                return Err(syntax_error(
                    format!("no binding for nonlocal '{}' found", sym.name),
                    sym.decl_pos,
                ));
            }
            free.insert(sym.name.clone());
            SymScope::Free
        } else if f & (DEF_LOCAL | DEF_PARAM) != 0 {
            local.insert(sym.name.clone());
            newglobal.remove(&sym.name);
            SymScope::Local
        } else if bound.contains(&sym.name) {
            free.insert(sym.name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
    }
    if kind == ScopeKind::Class {
        newbound.insert("__class__".to_string());
    } else {
        if kind.is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        newbound.extend(bound.iter().cloned());
        // A name this scope declares global hides outer bindings from children.
        for sym in &table.scopes[id].symbols {
            if sym.scope == SymScope::GlobalExplicit {
                newbound.remove(&sym.name);
            }
        }
    }
    let mut child_free = BTreeSet::new();
    let children = table.scopes[id].children.clone();
    for c in children {
        let f = analyze(table, c, &newbound, &newglobal)?;
        child_free.extend(f);
    }
    let scope = &mut table.scopes[id];
    if kind == ScopeKind::Class && child_free.remove("__class__") {
        scope.needs_class_closure = true;
        scope.cellvars.push("__class__".to_string());
    }
    if kind.is_function_like() {
        // Locals captured by children become cells.
        for sym in scope.symbols.iter_mut() {
            if sym.scope == SymScope::Local && child_free.remove(&sym.name) {
                sym.scope = SymScope::Cell;
            }
        }
        for sym in &scope.symbols {
            if sym.scope == SymScope::Cell {
                scope.cellvars.push(sym.name.clone());
            }
        }
    }
    // Remaining child frees pass through this scope.
    let mut class_passthrough = Vec::new();
    for name in &child_free {
        match scope.index.get(name.as_str()) {
            Some(&i) => {
                let sym = &mut scope.symbols[i];
                match sym.scope {
                    SymScope::Free => {}
                    _ if kind == ScopeKind::Class => class_passthrough.push(name.clone()),
                    // A global here: the child's free name came from further
                    // out; keep it flowing (CPython does the same).
                    _ => class_passthrough.push(name.clone()),
                }
            }
            None => {
                scope.add(name, 0).scope = SymScope::Free;
            }
        }
        free.insert(name.clone());
    }
    for sym in &scope.symbols {
        if sym.scope == SymScope::Free {
            scope.freevars.push(sym.name.clone());
        }
    }
    scope.freevars.extend(class_passthrough);
    scope.freevars.sort();
    Ok(free)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::*;
    use alloc::boxed::Box;
    use alloc::vec;

    fn p() -> Pos {
        Pos { line: 1, col: 0 }
    }
    fn name(id: &str, ctx: Ctx) -> Expr {
        Expr {
            pos: p(),
            kind: ExprKind::Name { id: id.into(), ctx },
        }
    }
    fn st(kind: StmtKind) -> Stmt {
        Stmt { pos: p(), kind }
    }
    fn assign(t: &str, v: Expr) -> Stmt {
        st(StmtKind::Assign {
            targets: vec![name(t, Ctx::Store)],
            value: v,
        })
    }
    fn def(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
        let args = Arguments {
            args: params
                .iter()
                .map(|a| Arg {
                    pos: p(),
                    arg: (*a).into(),
                    annotation: None,
                })
                .collect(),
            ..Default::default()
        };
        st(StmtKind::FunctionDef {
            name: n.into(),
            args: Box::new(args),
            body,
            decorators: vec![],
            returns: None,
        })
    }
    fn ret(e: Expr) -> Stmt {
        st(StmtKind::Return(Some(e)))
    }

    #[test]
    fn closure_cells_and_frees() {
        // def f(a):
        //     b = 1
        //     def g(): return a + b + c
        //     return g
        let g = def(
            "g",
            &[],
            vec![ret(Expr {
                pos: p(),
                kind: ExprKind::BinOp {
                    left: Box::new(name("a", Ctx::Load)),
                    op: Operator::Add,
                    right: Box::new(Expr {
                        pos: p(),
                        kind: ExprKind::BinOp {
                            left: Box::new(name("b", Ctx::Load)),
                            op: Operator::Add,
                            right: Box::new(name("c", Ctx::Load)),
                        },
                    }),
                },
            })],
        );
        let f = def(
            "f",
            &["a"],
            vec![
                assign(
                    "b",
                    Expr {
                        pos: p(),
                        kind: ExprKind::Constant(Constant::Int(1)),
                    },
                ),
                g,
                ret(name("g", Ctx::Load)),
            ],
        );
        let m = Module { body: vec![f] };
        let t = SymbolTable::build(&m).unwrap();
        let fs = &t.scopes[1];
        assert_eq!(fs.scope_of("a"), SymScope::Cell);
        assert_eq!(fs.scope_of("b"), SymScope::Cell);
        assert_eq!(fs.scope_of("g"), SymScope::Local);
        assert_eq!(fs.cellvars, vec!["a".to_string(), "b".to_string()]);
        let gs = &t.scopes[2];
        assert_eq!(gs.scope_of("a"), SymScope::Free);
        assert_eq!(gs.scope_of("c"), SymScope::GlobalImplicit);
        assert_eq!(gs.freevars, vec!["a".to_string(), "b".to_string()]);
        assert_eq!(t.scopes[0].scope_of("f"), SymScope::Local);
    }

    #[test]
    fn errors() {
        let m = Module {
            body: vec![st(StmtKind::Nonlocal(vec!["x".into()]))],
        };
        assert_eq!(
            SymbolTable::build(&m).unwrap_err().msg,
            "nonlocal declaration not allowed at module level"
        );
        let m = Module {
            body: vec![def(
                "f",
                &[],
                vec![st(StmtKind::Nonlocal(vec!["x".into()]))],
            )],
        };
        assert_eq!(
            SymbolTable::build(&m).unwrap_err().msg,
            "no binding for nonlocal 'x' found"
        );
        let m = Module {
            body: vec![def(
                "f",
                &[],
                vec![
                    st(StmtKind::Expr(name("x", Ctx::Load))),
                    st(StmtKind::Global(vec!["x".into()])),
                ],
            )],
        };
        assert_eq!(
            SymbolTable::build(&m).unwrap_err().msg,
            "name 'x' is used prior to global declaration"
        );
        let m = Module {
            body: vec![def(
                "f",
                &["x"],
                vec![st(StmtKind::Global(vec!["x".into()]))],
            )],
        };
        assert_eq!(
            SymbolTable::build(&m).unwrap_err().msg,
            "name 'x' is parameter and global"
        );
        let m = Module {
            body: vec![def("f", &["x", "x"], vec![])],
        };
        assert_eq!(
            SymbolTable::build(&m).unwrap_err().msg,
            "duplicate argument 'x' in function definition"
        );
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
