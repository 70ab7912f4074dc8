//! Statements, including the exception-table patterns of `try` and `with`.
//!
//! Stack shapes at handler entry (d = the statement's stack depth; the VM
//! truncates to the row's depth and pushes the exception):
//! - try body -> `H` at depth d: `[exc]`; `PUSH_EXC_INFO` makes `[prev exc]`;
//!   each clause: `<type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next;
//!   STORE name | POP_TOP; <body>; POP_EXCEPT; JUMP end`; no match: `RERAISE`.
//!   Everything from PUSH_EXC_INFO to the last RERAISE is covered by `C` at
//!   depth d+1: `C: SWAP 2; POP_EXCEPT; RERAISE` (restore prev, re-raise).
//!   With `as name` the clause body is covered by `N` at depth d+1:
//!   `N: LOAD_CONST None; STORE name; DELETE name; RERAISE` (itself under C).
//! - finally: body -> `F` at depth d: `F: PUSH_EXC_INFO; <finally body>;
//!   RERAISE` under `C` at depth d+1 (as above).
//! - with: `<mgr>; BEFORE_WITH` then target and body -> `W` at depth d+1
//!   (the exit function stays below): `W: PUSH_EXC_INFO; WITH_EXCEPT_START;
//!   POP_JUMP_IF_TRUE suppress; RERAISE` under `C` at depth d+2;
//!   `suppress: POP_TOP; POP_EXCEPT; POP_TOP; JUMP after`.

use alloc::vec::Vec;

use fzpy_bytecode::opcode::{BinOp, INPLACE};
use fzpy_bytecode::{Const, Op};

use super::{CResult, Compiler, FBlock, FbKind};
use crate::ast::{self, Ctx, Expr, ExprKind, Stmt, StmtKind};
use crate::symtable::ScopeKind;
use crate::Mode;

/// Known `from __future__` features (all of them no-ops in 3.11).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

/// The BINARY_OP operand of an AST operator.
pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// Frame blocks and handlers saved around an unwind.
type Saved<'a> = (Vec<FBlock<'a>>, Vec<(super::Label, u16)>);

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// Stack depth at statement level: what the enclosing blocks keep.
    fn stmt_depth(&self) -> u16 {
        self.unit_ref()
            .fblocks
            .iter()
            .map(|f| f.stack_items())
            .sum()
    }

    fn push_fblock(&mut self, kind: FbKind<'a>, handler_len: usize) {
        self.unit().fblocks.push(FBlock { kind, handler_len });
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    fn push_handler(&mut self, l: super::Label, depth: u16) {
        self.b().handlers.push((l, depth));
    }

    fn handlers_len(&mut self) -> usize {
        self.b().handlers.len()
    }

    fn truncate_handlers(&mut self, n: usize) {
        self.b().handlers.truncate(n);
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter(s.pos)?;
        self.set_line(s.pos.line);
        let r = self.stmt_inner(s);
        self.leave();
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorators,
                ..
            } => self.function_def(s, name, args, body, decorators),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            } => self.class_def(s, name, bases, keywords, body, decorators),
            StmtKind::Return(v) => self.return_stmt(s, v.as_ref()),
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit_arg(Op::COPY, 1);
                    }
                    self.assign_target(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign { target, value, .. } => {
                // Deliberate simplification: annotations are never evaluated
                // and no `__annotations__` dict is built.
                match value {
                    Some(v) => {
                        self.expr(v)?;
                        self.assign_target(target)
                    }
                    None => match &target.kind {
                        // CPython evaluates the object (and key) of a bare
                        // attribute/subscript annotation.
                        ExprKind::Attribute { value, .. } => {
                            self.expr(value)?;
                            self.emit(Op::POP_TOP);
                            Ok(())
                        }
                        ExprKind::Subscript { value, slice, .. } => {
                            self.expr(value)?;
                            self.emit(Op::POP_TOP);
                            self.expr(slice)?;
                            self.emit(Op::POP_TOP);
                            Ok(())
                        }
                        _ => Ok(()),
                    },
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let els = if orelse.is_empty() {
                    end
                } else {
                    self.new_label()
                };
                self.jump_if(test, false, els)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Op::JUMP, end);
                    self.bind(els);
                    self.stmts(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.with_stmt(s, items, body),
            StmtKind::Raise { exc, cause } => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.set_line(s.pos.line);
                self.emit_arg(Op::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(s, body, handlers, orelse)
                } else {
                    self.try_finally(s, body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.set_line(s.pos.line);
                self.emit(Op::LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_line(s.pos.line);
                    self.emit_arg(Op::CALL, 0);
                }
                self.emit_arg(Op::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            StmtKind::Import(names) => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => {
                let interactive = self.mode == Mode::Single && self.units.len() == 1;
                if interactive {
                    self.expr(e)?;
                    self.set_line(s.pos.line);
                    self.emit(Op::PRINT_EXPR);
                } else if !matches!(e.kind, ExprKind::Constant(_)) {
                    // Constant statements (docstrings, `...`) do nothing.
                    self.expr(e)?;
                    self.emit(Op::POP_TOP);
                }
                Ok(())
            }
            StmtKind::Break => self.break_continue(s, true),
            StmtKind::Continue => self.break_continue(s, false),
        }
    }

    /// `import a.b as c, d`.
    #[inline(never)]
    fn import(&mut self, names: &'a [ast::Alias]) -> CResult {
        for a in names {
            self.set_line(a.pos.line);
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            self.name_arg(Op::IMPORT_NAME, &a.name);
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = a.name.split('.').collect();
                    if parts.len() > 1 {
                        for (i, p) in parts[1..].iter().enumerate() {
                            self.name_arg(Op::IMPORT_FROM, p);
                            if i + 2 < parts.len() {
                                self.emit_arg(Op::SWAP, 2);
                                self.emit(Op::POP_TOP);
                            }
                        }
                        self.name_op(asname, Ctx::Store, a.pos)?;
                        self.emit(Op::POP_TOP);
                    } else {
                        self.name_op(asname, Ctx::Store, a.pos)?;
                    }
                }
                None => {
                    let first = a.name.split('.').next().unwrap_or("");
                    self.name_op(first, Ctx::Store, a.pos)?;
                }
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&str>,
        names: &'a [ast::Alias],
        level: u32,
    ) -> CResult {
        if module == Some("__future__") && level == 0 {
            // Compile-time directives; every feature is already on.
            for a in names {
                if !FUTURE_FEATURES.contains(&a.name.as_str()) {
                    let msg = alloc::format!("future feature {} is not defined", a.name);
                    return Err(self.error(&msg, a.pos));
                }
            }
            return Ok(());
        }
        let level = i64::from(level);
        self.load_const(Const::Int(level));
        let fromlist: Vec<Const> = names.iter().map(|a| Const::Str(a.name.clone())).collect();
        self.load_const(Const::Tuple(fromlist));
        self.name_arg(Op::IMPORT_NAME, module.unwrap_or(""));
        if names.len() == 1 && names[0].name == "*" {
            if self.unit_ref().kind != ScopeKind::Module {
                return Err(self.error("import * only allowed at module level", s.pos));
            }
            self.emit(Op::IMPORT_STAR);
            return Ok(());
        }
        for a in names {
            if a.name == "*" {
                return Err(self.error("invalid syntax", a.pos));
            }
            self.set_line(a.pos.line);
            self.name_arg(Op::IMPORT_FROM, &a.name);
            let stored = a.asname.as_deref().unwrap_or(&a.name);
            self.name_op(stored, Ctx::Store, a.pos)?;
        }
        self.emit(Op::POP_TOP);
        Ok(())
    }

    // ---- assignment ----------------------------------------------------------

    /// Stores the value on top of the stack into `t`.
    pub fn assign_target(&mut self, t: &'a Expr) -> CResult {
        self.enter(t.pos)?;
        let r = self.assign_inner(t);
        self.leave();
        r
    }

    fn assign_inner(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, Ctx::Store, t.pos),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.set_line(t.pos.line);
                let m = self.mangled(attr);
                self.name_arg(Op::STORE_ATTR, &m);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_line(t.pos.line);
                self.emit(Op::STORE_SUBSCR);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let mut star = None;
                for (i, e) in elts.iter().enumerate() {
                    if let ExprKind::Starred { .. } = e.kind {
                        if star.is_some() {
                            return Err(
                                self.error("multiple starred expressions in assignment", e.pos)
                            );
                        }
                        star = Some(i);
                    }
                }
                self.set_line(t.pos.line);
                match star {
                    None => {
                        let n = self.count(elts.len(), t.pos)?;
                        self.emit_arg(Op::UNPACK_SEQUENCE, n);
                    }
                    Some(i) => {
                        let after = elts.len() - i - 1;
                        if i >= 256 || after >= 256 {
                            return Err(self.error(
                                "too many expressions in star-unpacking assignment",
                                t.pos,
                            ));
                        }
                        self.emit_arg(Op::UNPACK_EX, (i | after << 8) as u16);
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.assign_target(value)?,
                        _ => self.assign_target(e)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred { .. } => Err(self.error(
                "starred assignment target must be in a list or tuple",
                t.pos,
            )),
            _ => Err(self.error("cannot assign to expression", t.pos)),
        }
    }

    #[inline(never)]
    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        self.enter(t.pos)?;
        self.set_line(t.pos.line);
        let r = match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, Ctx::Del, t.pos),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let m = self.mangled(attr);
                self.name_arg(Op::DELETE_ATTR, &m);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DELETE_SUBSCR);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let mut r = Ok(());
                for e in elts {
                    r = self.delete_target(e);
                    if r.is_err() {
                        break;
                    }
                }
                r
            }
            _ => Err(self.error("cannot delete expression", t.pos)),
        };
        self.leave();
        r
    }

    #[inline(never)]
    fn aug_assign(&mut self, target: &'a Expr, op: ast::Operator, value: &'a Expr) -> CResult {
        let arg = binop(op) as u16 + INPLACE;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.name_op(id, Ctx::Load, target.pos)?;
                self.expr(value)?;
                self.set_line(target.pos.line);
                self.emit_arg(Op::BINARY_OP, arg);
                self.name_op(id, Ctx::Store, target.pos)
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                let m = self.mangled(attr);
                self.expr(obj)?;
                self.emit_arg(Op::COPY, 1);
                self.name_arg(Op::LOAD_ATTR, &m);
                self.expr(value)?;
                self.set_line(target.pos.line);
                self.emit_arg(Op::BINARY_OP, arg);
                self.emit_arg(Op::SWAP, 2);
                self.name_arg(Op::STORE_ATTR, &m);
                Ok(())
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit_arg(Op::COPY, 2);
                self.emit_arg(Op::COPY, 2);
                self.emit(Op::BINARY_SUBSCR);
                self.expr(value)?;
                self.set_line(target.pos.line);
                self.emit_arg(Op::BINARY_OP, arg);
                self.emit_arg(Op::SWAP, 3);
                self.emit_arg(Op::SWAP, 2);
                self.emit(Op::STORE_SUBSCR);
                Ok(())
            }
            _ => Err(self.error(
                "'expression' is an illegal expression for augmented assignment",
                target.pos,
            )),
        }
    }

    // ---- loops ---------------------------------------------------------------

    #[inline(never)]
    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Op::GET_ITER);
        self.bind(start);
        self.set_line(iter.pos.line);
        self.emit_jump(Op::FOR_ITER, cleanup);
        self.assign_target(target)?;
        let hl = self.handlers_len();
        self.push_fblock(FbKind::For { start, end }, hl);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(Op::JUMP, start);
        self.bind(cleanup);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    #[inline(never)]
    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let start = self.new_label();
        let els = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.jump_if(test, false, els)?;
        let hl = self.handlers_len();
        self.push_fblock(FbKind::While { start, end }, hl);
        self.stmts(body)?;
        self.pop_fblock();
        self.emit_jump(Op::JUMP, start);
        self.bind(els);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    #[inline(never)]
    fn break_continue(&mut self, s: &'a Stmt, is_break: bool) -> CResult {
        let fblocks = self.unit_ref().fblocks.clone();
        let loop_at = fblocks
            .iter()
            .rposition(|f| matches!(f.kind, FbKind::While { .. } | FbKind::For { .. }));
        let at = match loop_at {
            Some(i) => i,
            None => {
                let msg = if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                };
                return Err(self.error(msg, s.pos));
            }
        };
        let saved = self.unwind(at + 1, false, false)?;
        self.set_line(s.pos.line);
        match fblocks[at].kind {
            FbKind::While { start, end } => {
                self.emit_jump(Op::JUMP, if is_break { end } else { start });
            }
            FbKind::For { start, end } => {
                if is_break {
                    self.emit(Op::POP_TOP);
                    self.emit_jump(Op::JUMP, end);
                } else {
                    self.emit_jump(Op::JUMP, start);
                }
            }
            _ => {}
        }
        self.restore(saved);
        Ok(())
    }

    #[inline(never)]
    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        if !self.unit_ref().kind.is_function_like() {
            return Err(self.error("'return' outside function", s.pos));
        }
        let constant = match value {
            None => Some(Const::None),
            Some(e) => match &e.kind {
                ExprKind::Constant(c) => Some(super::expr::constant(c)),
                _ => None,
            },
        };
        let saved = match (value, constant) {
            (Some(e), None) => {
                self.expr(e)?;
                self.unwind(0, true, true)?
            }
            (_, k) => {
                let saved = self.unwind(0, false, true)?;
                self.set_line(s.pos.line);
                self.load_const(k.unwrap_or(Const::None));
                saved
            }
        };
        self.set_line(s.pos.line);
        self.emit(Op::RETURN_VALUE);
        self.restore(saved);
        Ok(())
    }

    /// Emits the code that leaves every frame block above index `keep`,
    /// innermost first. `preserve_tos`: a value on top of the stack must
    /// survive. `returning`: loops need no cleanup once nothing else does
    /// (RETURN_VALUE discards the stack).
    ///
    /// The final jump or return must be emitted before [`Self::restore`]
    /// puts the blocks and handlers back, so it is covered only by the
    /// handlers outside the unwound blocks.
    fn unwind(&mut self, keep: usize, preserve_tos: bool, returning: bool) -> CResult<Saved<'a>> {
        let saved = (self.unit_ref().fblocks.clone(), self.b().handlers.clone());
        self.unwind_inner(keep, preserve_tos, returning)?;
        Ok(saved)
    }

    fn restore(&mut self, saved: Saved<'a>) {
        self.unit().fblocks = saved.0;
        self.b().handlers = saved.1;
    }

    fn unwind_inner(&mut self, keep: usize, preserve_tos: bool, returning: bool) -> CResult {
        while self.unit_ref().fblocks.len() > keep {
            if returning
                && self.unit_ref().fblocks[keep..]
                    .iter()
                    .all(|f| matches!(f.kind, FbKind::While { .. } | FbKind::For { .. }))
            {
                break;
            }
            let fb = match self.unit().fblocks.pop() {
                Some(fb) => fb,
                None => break,
            };
            self.truncate_handlers(fb.handler_len);
            match fb.kind {
                FbKind::While { .. } | FbKind::TryExcept => {}
                FbKind::For { .. } | FbKind::PopValue => {
                    if preserve_tos {
                        self.emit_arg(Op::SWAP, 2);
                    }
                    self.emit(Op::POP_TOP);
                }
                FbKind::FinallyTry(finalbody) => {
                    if preserve_tos {
                        let hl = self.handlers_len();
                        self.push_fblock(FbKind::PopValue, hl);
                    }
                    self.stmts(finalbody)?;
                    if preserve_tos {
                        self.pop_fblock();
                    }
                }
                FbKind::FinallyEnd => {
                    // Leaving a finally that runs for an exception drops it.
                    if preserve_tos {
                        self.emit_arg(Op::SWAP, 2);
                    }
                    self.emit(Op::POP_TOP);
                    if preserve_tos {
                        self.emit_arg(Op::SWAP, 2);
                    }
                    self.emit(Op::POP_EXCEPT);
                }
                FbKind::With => {
                    if preserve_tos {
                        self.emit_arg(Op::SWAP, 2);
                    }
                    self.emit(Op::WITH_EXIT);
                }
                FbKind::HandlerCleanup(name) => {
                    if preserve_tos {
                        self.emit_arg(Op::SWAP, 2);
                    }
                    self.emit(Op::POP_EXCEPT);
                    if let Some(n) = name {
                        self.clear_name(n)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name` (the end of an `except ... as name` clause).
    fn clear_name(&mut self, name: &str) -> CResult {
        let pos = crate::ast::Pos::default();
        self.load_const(Const::None);
        self.name_op(name, Ctx::Store, pos)?;
        self.name_op(name, Ctx::Del, pos)
    }

    // ---- exceptions ------------------------------------------------------------

    #[inline(never)]
    fn try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let d = self.stmt_depth();
        let h = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let base = self.handlers_len();
        if handlers.is_empty() {
            // Not valid Python (the parser rejects it); compile plainly.
            self.stmts(body)?;
            return self.stmts(orelse);
        }
        for (i, hd) in handlers.iter().enumerate() {
            if hd.typ.is_none() && i + 1 < handlers.len() {
                return Err(self.error("default 'except:' must be last", hd.pos));
            }
        }
        self.push_handler(h, d);
        self.push_fblock(FbKind::TryExcept, base);
        self.stmts(body)?;
        self.pop_fblock();
        self.truncate_handlers(base);
        self.stmts(orelse)?;
        self.emit_jump(Op::JUMP, end);

        // H: [exc]
        self.bind(h);
        self.set_line(s.pos.line);
        self.push_handler(cleanup, d + 1);
        self.emit(Op::PUSH_EXC_INFO);
        let mut last_typed = true;
        for hd in handlers {
            self.set_line(hd.pos.line);
            let next = self.new_label();
            match &hd.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_line(hd.pos.line);
                    self.emit(Op::CHECK_EXC_MATCH);
                    self.emit_jump(Op::POP_JUMP_IF_FALSE, next);
                }
                None => last_typed = false,
            }
            match &hd.name {
                Some(name) => {
                    self.name_op(name, Ctx::Store, hd.pos)?;
                    let n = self.new_label();
                    self.push_handler(n, d + 1);
                    self.push_fblock(FbKind::HandlerCleanup(Some(name.as_str())), base);
                    self.stmts(&hd.body)?;
                    self.pop_fblock();
                    self.truncate_handlers(base);
                    self.set_line(hd.pos.line);
                    self.emit(Op::POP_EXCEPT);
                    self.clear_name(name)?;
                    self.emit_jump(Op::JUMP, end);
                    // N: [prev exc2] -- clear the name, re-raise under C.
                    self.bind(n);
                    self.push_handler(cleanup, d + 1);
                    self.clear_name(name)?;
                    self.emit(Op::RERAISE);
                }
                None => {
                    self.emit(Op::POP_TOP);
                    self.push_fblock(FbKind::HandlerCleanup(None), base);
                    self.stmts(&hd.body)?;
                    self.pop_fblock();
                    self.truncate_handlers(base);
                    self.set_line(hd.pos.line);
                    self.emit(Op::POP_EXCEPT);
                    self.emit_jump(Op::JUMP, end);
                    self.push_handler(cleanup, d + 1);
                }
            }
            self.bind(next);
        }
        if last_typed {
            self.emit(Op::RERAISE);
        }
        self.truncate_handlers(base);
        // C: [prev exc2]
        self.bind(cleanup);
        self.emit_cleanup();
        self.bind(end);
        Ok(())
    }

    /// `SWAP 2; POP_EXCEPT; RERAISE`: restores the previously handled
    /// exception and re-raises the new one.
    fn emit_cleanup(&mut self) {
        self.emit_arg(Op::SWAP, 2);
        self.emit(Op::POP_EXCEPT);
        self.emit(Op::RERAISE);
    }

    #[inline(never)]
    fn try_finally(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        let d = self.stmt_depth();
        let f = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let base = self.handlers_len();
        self.push_handler(f, d);
        self.push_fblock(FbKind::FinallyTry(finalbody), base);
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(s, body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.truncate_handlers(base);
        self.stmts(finalbody)?;
        self.emit_jump(Op::JUMP, exit);

        // F: [exc]
        self.bind(f);
        self.set_line(s.pos.line);
        self.push_handler(cleanup, d + 1);
        self.emit(Op::PUSH_EXC_INFO);
        self.push_fblock(FbKind::FinallyEnd, base);
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.set_line(s.pos.line);
        self.emit(Op::RERAISE);
        self.truncate_handlers(base);
        self.bind(cleanup);
        self.emit_cleanup();
        self.bind(exit);
        Ok(())
    }

    #[inline(never)]
    fn with_stmt(&mut self, s: &'a Stmt, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult {
        let (item, rest) = match items.split_first() {
            Some(x) => x,
            None => return self.stmts(body),
        };
        self.enter(s.pos)?;
        let d = self.stmt_depth();
        let w = self.new_label();
        let after = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_line(s.pos.line);
        self.emit(Op::BEFORE_WITH);
        let base = self.handlers_len();
        self.push_handler(w, d + 1);
        self.push_fblock(FbKind::With, base);
        match &item.optional_vars {
            Some(t) => self.assign_target(t)?,
            None => self.emit(Op::POP_TOP),
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, rest, body)?;
        }
        self.pop_fblock();
        self.truncate_handlers(base);
        self.set_line(s.pos.line);
        self.emit(Op::WITH_EXIT);
        self.emit_jump(Op::JUMP, after);

        // W: [exit exc]
        self.bind(w);
        self.push_handler(cleanup, d + 2);
        self.emit(Op::PUSH_EXC_INFO);
        self.emit(Op::WITH_EXCEPT_START);
        self.emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE);
        self.truncate_handlers(base);
        // C: [exit prev exc2]
        self.bind(cleanup);
        self.emit_cleanup();
        // suppress: [exit prev exc]
        self.bind(suppress);
        self.emit(Op::POP_TOP);
        self.emit(Op::POP_EXCEPT);
        self.emit(Op::POP_TOP);
        self.bind(after);
        self.leave();
        Ok(())
    }
}
