//! Code generation: AST to code units.
//!
//! [`compile_module`] runs scope analysis ([`crate::symtable`]) and then
//! walks the AST, emitting instructions into one [`builder::Builder`] per
//! code unit (module, function, lambda, class body, comprehension). Nested
//! units become `Const::Code` constants of their parent.
//!
//! Statements live in `stmt`, expressions in `expr`. Control that leaves a
//! block early (`return`, `break`, `continue`) unwinds a compile-time stack
//! of "frame blocks" (`FBlock`): loops, `try` bodies, `finally` blocks,
//! `with` bodies and exception handlers, each knowing how many values it
//! keeps on the value stack and what code undoes it.

mod builder;
mod expr;
mod stmt;
#[cfg(test)]
mod tests;

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use fzpy_bytecode::code::{CO_CLASS_BODY, CO_GENERATOR, CO_NAMESPACE, CO_VARARGS, CO_VARKEYWORDS};
use fzpy_bytecode::opcode::{MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS};
use fzpy_bytecode::{CodeUnit, Const, Op};

use crate::ast::{self, Arguments, Ctx, Expr, ExprKind, Pos, Stmt, StmtKind};
use crate::symtable::{mangle, ScopeId, ScopeKind, SymScope, SymbolTable, MAX_NESTING};
use crate::{CompileError, ErrorKind, Mode};
use builder::{AsmError, Builder, Label};

/// Compiles a parsed module into the code unit of the module (or, in
/// [`Mode::Eval`], of the expression).
pub fn compile_module(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
) -> Result<CodeUnit, CompileError> {
    let table = SymbolTable::build(module)?;
    let mut c = Compiler {
        table,
        filename: filename.to_string(),
        mode,
        units: Vec::new(),
        depth: 0,
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    c.unit().flags = CO_NAMESPACE;
    match mode {
        Mode::Eval => {
            let e = match module.body.as_slice() {
                [Stmt {
                    kind: StmtKind::Expr(e),
                    ..
                }] => e,
                _ => {
                    let pos = module.body.first().map_or(Pos::default(), |s| s.pos);
                    return Err(c.error("eval() expects a single expression", pos));
                }
            };
            c.expr(e)?;
            c.emit(Op::RETURN_VALUE);
        }
        Mode::Exec | Mode::Single => {
            let mut body = module.body.as_slice();
            if mode == Mode::Exec {
                if let Some(doc) = docstring(body) {
                    c.unit().doc = Some(doc.to_string());
                    c.set_line(body[0].pos.line);
                    c.load_const(Const::Str(doc.to_string()));
                    c.store_name_op("__doc__");
                    body = &body[1..];
                }
            }
            c.stmts(body)?;
            c.load_const(Const::None);
            c.emit(Op::RETURN_VALUE);
        }
    }
    c.pop_unit()
}

/// The docstring of a body: its first statement when that is a str literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(ast::Constant::Str(s)),
                    ..
                }),
            ..
        }) => Some(s),
        _ => None,
    }
}

/// What a frame block is.
#[derive(Clone, Copy)]
pub(crate) enum FbKind<'a> {
    /// `while` body: continue -> start, break -> end.
    While { start: Label, end: Label },
    /// `for` body: the iterator is on the stack.
    For { start: Label, end: Label },
    /// `try` body with `except` handlers.
    TryExcept,
    /// `try` body with a `finally`: leaving runs the finally body inline.
    FinallyTry(&'a [Stmt]),
    /// A finally body running for an exception: `[prev exc]` on the stack.
    FinallyEnd,
    /// `with` body: the exit function is on the stack.
    With,
    /// An `except` clause body: `[prev]` on the stack; the `as` name.
    HandlerCleanup(Option<&'a str>),
    /// A return value kept on the stack while a finally body runs inline.
    PopValue,
}

/// An entry of the compile-time block stack.
#[derive(Clone, Copy)]
pub(crate) struct FBlock<'a> {
    pub kind: FbKind<'a>,
    /// Length of the handler stack outside this block: code emitted while
    /// unwinding it must be covered only by those handlers.
    pub handler_len: usize,
}

impl FBlock<'_> {
    /// Values this block keeps on the value stack.
    fn stack_items(&self) -> u16 {
        match self.kind {
            FbKind::For { .. } | FbKind::With | FbKind::HandlerCleanup(_) | FbKind::PopValue => 1,
            FbKind::FinallyEnd => 2,
            FbKind::While { .. } | FbKind::TryExcept | FbKind::FinallyTry(_) => 0,
        }
    }
}

/// The state of one code unit being compiled.
pub(crate) struct Unit<'a> {
    pub b: Builder,
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub slots: Vec<String>,
    pub cells: Vec<u16>,
    pub nfree: u16,
    pub fblocks: Vec<FBlock<'a>>,
    pub name: String,
    pub qualname: String,
    pub flags: u16,
    pub argcount: u16,
    pub posonly: u16,
    pub kwonly: u16,
    pub firstlineno: u32,
    pub doc: Option<String>,
    pub private: Option<String>,
}

/// The compiler: the symbol table and a stack of units being compiled.
pub(crate) struct Compiler<'a> {
    pub table: SymbolTable,
    pub filename: String,
    pub mode: Mode,
    pub units: Vec<Unit<'a>>,
    /// Current AST recursion depth.
    pub depth: u32,
}

/// Result alias.
pub(crate) type CResult<T = ()> = Result<T, CompileError>;

impl<'a> Compiler<'a> {
    pub fn error(&self, msg: &str, pos: Pos) -> CompileError {
        CompileError {
            kind: ErrorKind::Syntax,
            msg: msg.to_string(),
            line: pos.line,
            col: pos.col,
            incomplete: false,
        }
    }

    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    pub fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is being compiled")
    }

    pub fn b(&mut self) -> &mut Builder {
        &mut self.unit().b
    }

    /// Starts a new code unit for scope `scope`.
    pub fn push_unit(&mut self, scope: ScopeId, name: String, qualname: String, line: u32) {
        let sc = &self.table.scopes[scope];
        let kind = sc.kind;
        let mut slots: Vec<String> = Vec::new();
        if kind.is_function_like() {
            slots.extend(sc.params.iter().cloned());
            for s in &sc.symbols {
                if s.scope == SymScope::Local && !sc.params.contains(&s.name) {
                    slots.push(s.name.clone());
                }
            }
        }
        for c in &sc.cellvars {
            if !slots.contains(c) {
                slots.push(c.clone());
            }
        }
        let cells = slots
            .iter()
            .enumerate()
            .filter(|(_, s)| sc.cellvars.contains(s))
            .map(|(i, _)| i as u16)
            .collect();
        slots.extend(sc.freevars.iter().cloned());
        let unit = Unit {
            b: Builder::new(line),
            scope,
            kind,
            slots,
            cells,
            nfree: sc.freevars.len() as u16,
            fblocks: Vec::new(),
            name,
            qualname,
            flags: 0,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            firstlineno: line,
            doc: None,
            private: sc.private.clone(),
        };
        self.units.push(unit);
        // Prologue: cells, then the closure's cells.
        let cells = self.unit_ref().cells.clone();
        for i in cells {
            self.emit_arg(Op::MAKE_CELL, i);
        }
        let nfree = self.unit_ref().nfree;
        if nfree > 0 {
            self.emit_arg(Op::COPY_FREE_VARS, nfree);
        }
    }

    /// Finishes the current unit.
    pub fn pop_unit(&mut self) -> CResult<CodeUnit> {
        let u = self.units.pop().expect("a unit is being compiled");
        let line = u.firstlineno;
        let a = u.b.finish().map_err(|e| match e {
            AsmError::TooLarge => CompileError {
                kind: ErrorKind::Syntax,
                msg: "code too large".into(),
                line,
                col: 0,
                incomplete: false,
            },
            AsmError::Internal(m) => CompileError {
                kind: ErrorKind::Syntax,
                msg: format!("internal compiler error in {}: {}", u.qualname, m),
                line,
                col: 0,
                incomplete: false,
            },
        })?;
        if u.slots.len() > 0xffff {
            return Err(self.error("too many local variables", Pos { line, col: 0 }));
        }
        Ok(CodeUnit {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            slots: u.slots,
            nfree: u.nfree,
            stacksize: a.stacksize,
            firstlineno: u.firstlineno,
            code: a.code,
            consts: a.consts,
            names: a.names,
            lines: a.lines,
            exceptions: a.exceptions,
            doc: u.doc,
        })
    }

    // ---- emission shortcuts ------------------------------------------------

    pub fn emit(&mut self, op: Op) {
        self.b().emit(op);
    }

    pub fn emit_arg(&mut self, op: Op, arg: u16) {
        self.b().emit_arg(op, arg);
    }

    pub fn emit_jump(&mut self, op: Op, l: Label) {
        self.b().emit_jump(op, l);
    }

    pub fn new_label(&mut self) -> Label {
        self.b().new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.b().bind(l);
    }

    /// Sets the line of the following instructions (0: keep).
    pub fn set_line(&mut self, line: u32) {
        if line != 0 {
            self.b().line = line;
        }
    }

    pub fn load_const(&mut self, k: Const) {
        if let Const::Int(i) = k {
            if (i16::MIN as i64..=i16::MAX as i64).contains(&i) {
                self.emit_arg(Op::LOAD_SMALL_INT, i as i16 as u16);
                return;
            }
        }
        let i = self.b().add_const(k);
        self.emit_arg(Op::LOAD_CONST, i);
    }

    pub fn name_arg(&mut self, op: Op, name: &str) {
        let i = self.b().add_name(name);
        self.emit_arg(op, i);
    }

    /// A count that must fit an operand.
    pub fn count(&self, n: usize, pos: Pos) -> CResult<u16> {
        u16::try_from(n).map_err(|_| self.error("too many items", pos))
    }

    /// Enters one level of AST recursion.
    pub fn enter(&mut self, pos: Pos) -> CResult {
        self.depth += 1;
        if self.depth > MAX_NESTING + 8 {
            return Err(self.error("too many nested expressions", pos));
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- names -------------------------------------------------------------

    pub fn mangled(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    fn slot_of(&self, name: &str, pos: Pos) -> CResult<u16> {
        match self.unit_ref().slots.iter().position(|s| s == name) {
            Some(i) => Ok(i as u16),
            None => Err(self.error(
                &format!("internal compiler error: no slot for '{}'", name),
                pos,
            )),
        }
    }

    /// Loads, stores or deletes a variable.
    pub fn name_op(&mut self, name: &str, ctx: Ctx, pos: Pos) -> CResult {
        if name == "__debug__" {
            return match ctx {
                Ctx::Load => {
                    self.load_const(Const::Bool(true));
                    Ok(())
                }
                Ctx::Store => Err(self.error("cannot assign to __debug__", pos)),
                Ctx::Del => Err(self.error("cannot delete __debug__", pos)),
            };
        }
        let m = self.mangled(name);
        let u = self.unit_ref();
        let function = u.kind.is_function_like();
        let class = u.kind == ScopeKind::Class;
        let sc = self.table.scopes[u.scope].scope_of(&m);
        match sc {
            SymScope::Local if function => {
                let slot = self.slot_of(&m, pos)?;
                let op = pick(ctx, Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST);
                self.emit_arg(op, slot);
            }
            SymScope::Local | SymScope::GlobalImplicit if !function => {
                let op = pick(ctx, Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME);
                self.name_arg(op, &m);
            }
            SymScope::GlobalImplicit | SymScope::GlobalExplicit | SymScope::Local => {
                let op = pick(ctx, Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL);
                self.name_arg(op, &m);
            }
            SymScope::Free if class && ctx == Ctx::Load => {
                self.name_arg(Op::LOAD_CLASSDEREF, &m);
            }
            SymScope::Cell | SymScope::Free => {
                let slot = self.slot_of(&m, pos)?;
                let op = pick(ctx, Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF);
                self.emit_arg(op, slot);
            }
        }
        Ok(())
    }

    /// `STORE_NAME name` in a namespace body (module/class bookkeeping).
    pub fn store_name_op(&mut self, name: &str) {
        self.name_arg(Op::STORE_NAME, name);
    }

    /// The qualified name of a function or class named `name` defined in the current unit.
    fn qualname(&self, name: &str) -> String {
        let u = self.unit_ref();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            kind => {
                let m = mangle(u.private.as_deref(), name);
                if self.table.scopes[u.scope].scope_of(&m) == SymScope::GlobalExplicit {
                    name.to_string()
                } else if kind == ScopeKind::Class {
                    format!("{}.{}", u.qualname, name)
                } else {
                    format!("{}.<locals>.{}", u.qualname, name)
                }
            }
        }
    }

    // ---- functions and classes ---------------------------------------------

    /// Emits the closure tuple (if needed), the code constant and
    /// MAKE_FUNCTION with `flags` (defaults already pushed).
    /// Closes the current unit and, in the enclosing one, runs `prelude`
    /// then makes a function of it. Out of line, so the `CodeUnit` never sits
    /// in the frames of the (recursive) definition compilers.
    #[inline(never)]
    fn close_unit_as_function(
        &mut self,
        flags: u16,
        pos: Pos,
        prelude: impl FnOnce(&mut Self),
    ) -> CResult {
        let code = self.pop_unit()?;
        prelude(self);
        self.make_function(code, flags, pos)
    }

    fn make_function(&mut self, code: CodeUnit, mut flags: u16, pos: Pos) -> CResult {
        let nfree = code.nfree as usize;
        if nfree > 0 {
            let frees: Vec<String> = code.slots[code.slots.len() - nfree..].to_vec();
            for f in &frees {
                let slot = self.slot_of(f, pos)?;
                self.emit_arg(Op::LOAD_CLOSURE, slot);
            }
            self.emit_arg(Op::BUILD_TUPLE, nfree as u16);
            flags |= MF_CLOSURE;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit_arg(Op::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// Pushes positional defaults and keyword-only defaults; returns MAKE_FUNCTION flags.
    fn defaults(&mut self, args: &'a Arguments, pos: Pos) -> CResult<u16> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            self.tuple_of(&args.defaults, pos)?;
            flags |= MF_DEFAULTS;
        }
        let mut n = 0;
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = d {
                let m = self.mangled(&a.arg);
                self.load_const(Const::Str(m));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            let n = self.count(n, pos)?;
            self.emit_arg(Op::BUILD_MAP, n);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Sets the parameter counts and flags of the current (function) unit.
    fn set_params(&mut self, args: &Arguments, pos: Pos) -> CResult {
        let argcount = self.count(args.posonlyargs.len() + args.args.len(), pos)?;
        let posonly = self.count(args.posonlyargs.len(), pos)?;
        let kwonly = self.count(args.kwonlyargs.len(), pos)?;
        let generator = self.table.scopes[self.unit_ref().scope].generator;
        let u = self.unit();
        u.argcount = argcount;
        u.posonly = posonly;
        u.kwonly = kwonly;
        if args.vararg.is_some() {
            u.flags |= CO_VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= CO_VARKEYWORDS;
        }
        if generator {
            u.flags |= CO_GENERATOR;
        }
        Ok(())
    }

    fn scope_for_stmt(&self, s: &Stmt) -> CResult<ScopeId> {
        self.table
            .scope_of_stmt(s)
            .ok_or_else(|| self.error("internal compiler error: no scope", s.pos))
    }

    fn scope_for_expr(&self, e: &Expr) -> CResult<ScopeId> {
        self.table
            .scope_of_expr(e)
            .ok_or_else(|| self.error("internal compiler error: no scope", e.pos))
    }

    /// `def name(args): body` with decorators.
    #[inline(never)]
    pub fn function_def(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> CResult {
        for d in decorators {
            self.expr(d)?;
        }
        let firstline = decorators.first().map_or(s.pos.line, |d| d.pos.line);
        self.set_line(s.pos.line);
        let flags = self.defaults(args, s.pos)?;
        let scope = self.scope_for_stmt(s)?;
        let qualname = self.qualname(name);
        self.push_unit(scope, name.to_string(), qualname, firstline);
        self.set_line(s.pos.line);
        self.set_params(args, s.pos)?;
        let mut body = body;
        if let Some(doc) = docstring(body) {
            self.unit().doc = Some(doc.to_string());
            body = &body[1..];
        }
        self.stmts(body)?;
        if !ends_in_jump(body) {
            self.load_const(Const::None);
            self.emit(Op::RETURN_VALUE);
        }
        let line = s.pos.line;
        self.close_unit_as_function(flags, s.pos, |c| c.set_line(line))?;
        for _ in decorators {
            self.emit_arg(Op::CALL, 0);
        }
        self.name_op(name, Ctx::Store, s.pos)
    }

    /// `lambda args: body`
    #[inline(never)]
    pub fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.defaults(args, e.pos)?;
        let scope = self.scope_for_expr(e)?;
        let qualname = self.qualname("<lambda>");
        self.push_unit(scope, "<lambda>".into(), qualname, e.pos.line);
        self.set_params(args, e.pos)?;
        self.expr(body)?;
        self.emit(Op::RETURN_VALUE);
        self.close_unit_as_function(flags, e.pos, |_| {})
    }

    /// `class name(bases, keywords): body` with decorators.
    #[inline(never)]
    pub fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [ast::Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> CResult {
        for d in decorators {
            self.expr(d)?;
        }
        let firstline = decorators.first().map_or(s.pos.line, |d| d.pos.line);
        let scope = self.scope_for_stmt(s)?;
        let qualname = self.qualname(name);
        self.push_unit(scope, name.to_string(), qualname.clone(), firstline);
        self.unit().flags = CO_NAMESPACE | CO_CLASS_BODY;
        self.set_line(s.pos.line);
        self.name_arg(Op::LOAD_NAME, "__name__");
        self.store_name_op("__module__");
        self.load_const(Const::Str(qualname));
        self.store_name_op("__qualname__");
        let mut body = body;
        if let Some(doc) = docstring(body) {
            self.unit().doc = Some(doc.to_string());
            self.set_line(body[0].pos.line);
            self.load_const(Const::Str(doc.to_string()));
            self.store_name_op("__doc__");
            body = &body[1..];
        }
        self.stmts(body)?;
        if self.table.scopes[scope].needs_class_closure {
            let slot = self.slot_of("__class__", s.pos)?;
            self.emit_arg(Op::LOAD_CLOSURE, slot);
        } else {
            self.load_const(Const::None);
        }
        self.emit(Op::RETURN_VALUE);
        let line = s.pos.line;
        self.close_unit_as_function(0, s.pos, |c| {
            c.set_line(line);
            c.emit(Op::PUSH_NULL);
            c.emit(Op::LOAD_BUILD_CLASS);
        })?;
        self.load_const(Const::Str(name.to_string()));
        self.call_args(2, bases, keywords, s.pos)?;
        for _ in decorators {
            self.emit_arg(Op::CALL, 0);
        }
        self.name_op(name, Ctx::Store, s.pos)
    }

    /// A comprehension or generator expression: a nested function called
    /// with the iterator of the outermost iterable.
    #[inline(never)]
    pub fn comprehension(
        &mut self,
        e: &'a Expr,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let scope = self.scope_for_expr(e)?;
        let kind = match self.table.scopes[scope].kind {
            ScopeKind::Comprehension(k) => k,
            _ => return Err(self.error("internal compiler error: comprehension scope", e.pos)),
        };
        let name = kind.code_name();
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, e.pos.line);
        self.set_line(e.pos.line);
        self.unit().argcount = 1;
        if kind == crate::symtable::CompKind::Generator {
            self.unit().flags |= CO_GENERATOR;
        } else {
            let op = match kind {
                crate::symtable::CompKind::List => Op::BUILD_LIST,
                crate::symtable::CompKind::Set => Op::BUILD_SET,
                _ => Op::BUILD_MAP,
            };
            self.emit_arg(op, 0);
        }
        self.comp_generator(kind, generators, 0, elt, value)?;
        if kind == crate::symtable::CompKind::Generator {
            self.load_const(Const::None);
        }
        self.emit(Op::RETURN_VALUE);
        let line = e.pos.line;
        self.close_unit_as_function(0, e.pos, |c| c.set_line(line))?;
        self.expr(&generators[0].iter)?;
        self.emit(Op::GET_ITER);
        self.emit_arg(Op::CALL, 0);
        Ok(())
    }

    /// One `for` clause of a comprehension (inside its function), and the
    /// rest nested in it.
    fn comp_generator(
        &mut self,
        kind: crate::symtable::CompKind,
        gens: &'a [ast::Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let g = &gens[i];
        self.enter(g.iter.pos)?;
        if i == 0 {
            self.emit_arg(Op::LOAD_FAST, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GET_ITER);
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.set_line(g.iter.pos.line);
        self.emit_jump(Op::FOR_ITER, end);
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(kind, gens, i + 1, elt, value)?;
        } else {
            let depth = self.count(gens.len() + 1, elt.pos)?;
            match kind {
                crate::symtable::CompKind::Generator => {
                    self.expr(elt)?;
                    self.emit(Op::YIELD_VALUE);
                    self.emit(Op::POP_TOP);
                }
                crate::symtable::CompKind::List => {
                    self.expr(elt)?;
                    self.emit_arg(Op::LIST_APPEND, depth);
                }
                crate::symtable::CompKind::Set => {
                    self.expr(elt)?;
                    self.emit_arg(Op::SET_ADD, depth);
                }
                crate::symtable::CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit_arg(Op::MAP_ADD, depth);
                }
            }
        }
        self.emit_jump(Op::JUMP, start);
        self.bind(end);
        self.leave();
        Ok(())
    }
}

/// Picks the load, store or delete variant.
fn pick(ctx: Ctx, load: Op, store: Op, del: Op) -> Op {
    match ctx {
        Ctx::Load => load,
        Ctx::Store => store,
        Ctx::Del => del,
    }
}

/// Whether a body's last statement never falls through (return/raise).
fn ends_in_jump(body: &[Stmt]) -> bool {
    matches!(
        body.last().map(|s| &s.kind),
        Some(StmtKind::Return(_)) | Some(StmtKind::Raise { .. })
    )
}
