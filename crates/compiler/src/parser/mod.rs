//! Recursive-descent parser: tokens to [`crate::ast`].
//!
//! It follows CPython 3.11's grammar with one token of lookahead; binary
//! operators use precedence climbing (one function for all levels) so each
//! nesting level costs few stack frames. Targets are parsed as expressions
//! and then checked and switched to `Store`/`Del`. Recursion is bounded:
//! brackets by the lexer ([`crate::lexer::MAX_BRACKETS`]), blocks by the
//! indentation limit, everything else by [`MAX_DEPTH`].

use crate::ast::*;
use crate::lexer::{self, error, str_parts, Lexer, Tok, Token};
use crate::{CompileError, ErrorKind, Mode};
use alloc::boxed::Box;
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// Deepest nesting before "too many nested expressions". It bounds both
/// the parser's recursion (brackets, prefix operators, lambdas, blocks) and
/// the depth of the AST (operator and trailer chains like `1+1+...+1` or
/// `a.b.c...`, `elif` chains), so later passes and `Drop` recurse at most
/// this deep too. CPython's own limits are of the same order.
pub const MAX_DEPTH: u32 = 300;

/// The nesting limit in force: [`MAX_DEPTH`] unless an embedding with a small
/// native stack lowered it with [`set_max_depth`].
static DEPTH_LIMIT: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(MAX_DEPTH);

/// Lowers the nesting limit (see [`MAX_DEPTH`]) for every later parse, for
/// embeddings whose native stack cannot hold [`MAX_DEPTH`] levels (a
/// Cortex-M4 with a 16 KB stack). The value is clamped to `1..=MAX_DEPTH`;
/// deeper input fails with "too many nested expressions" as usual.
pub fn set_max_depth(limit: u32) {
    DEPTH_LIMIT.store(
        limit.clamp(1, MAX_DEPTH),
        core::sync::atomic::Ordering::Relaxed,
    );
}

type R<T> = Result<T, CompileError>;

/// Builds a statement and appends it to `out` in a frame of its own, so the
/// (large) `Stmt` never sits in the frames of the recursive statement parsers.
#[inline(never)]
fn push_stmt(out: &mut Vec<Stmt>, make: impl FnOnce() -> Stmt) {
    out.push(make());
}

/// Parses a whole input.
pub fn parse(source: &str, mode: Mode) -> Result<Module, CompileError> {
    let mut p = Parser::new(source, Lexer::new(source), 0)?;
    match parse_body(&mut p, mode) {
        Ok(m) => Ok(m),
        Err(e) => Err(p.prefer_tokenizer_error(e)),
    }
}

fn parse_body(p: &mut Parser, mode: Mode) -> Result<Module, CompileError> {
    let mut body = Vec::new();
    match mode {
        Mode::Exec => {
            while p.tok.kind != Tok::EndMarker {
                p.statement(&mut body)?;
            }
        }
        Mode::Single => {
            if p.tok.kind != Tok::EndMarker {
                p.statement(&mut body)?;
                if p.tok.kind != Tok::EndMarker {
                    return Err(
                        p.err_tok("multiple statements found while compiling a single statement")
                    );
                }
            }
        }
        Mode::Eval => {
            while matches!(p.tok.kind, Tok::Newline | Tok::Indent) {
                p.bump()?;
            }
            let e = p.star_expressions()?;
            p.no_bare_star(&e)?;
            while matches!(p.tok.kind, Tok::Newline | Tok::Dedent) {
                p.bump()?;
            }
            if p.tok.kind != Tok::EndMarker {
                return Err(p.invalid());
            }
            body.push(Stmt {
                pos: e.pos,
                kind: StmtKind::Expr(e),
            });
        }
    }
    Ok(Module { body })
}

// Binary precedence levels, lowest first.
const L_OR: u8 = 1;
const L_AND: u8 = 2;
const L_NOT: u8 = 3;
const L_CMP: u8 = 4;
const L_BITOR: u8 = 5;
const L_XOR: u8 = 6;
const L_BITAND: u8 = 7;
const L_SHIFT: u8 = 8;
const L_ARITH: u8 = 9;
const L_TERM: u8 = 10;
const L_UNARY: u8 = 11;

/// Level and operator of an infix binary operator token.
fn binop(k: Tok) -> Option<(u8, Operator)> {
    Some(match k {
        Tok::VBar => (L_BITOR, Operator::BitOr),
        Tok::Circumflex => (L_XOR, Operator::BitXor),
        Tok::Amper => (L_BITAND, Operator::BitAnd),
        Tok::LeftShift => (L_SHIFT, Operator::LShift),
        Tok::RightShift => (L_SHIFT, Operator::RShift),
        Tok::Plus => (L_ARITH, Operator::Add),
        Tok::Minus => (L_ARITH, Operator::Sub),
        Tok::Star => (L_TERM, Operator::Mult),
        Tok::Slash => (L_TERM, Operator::Div),
        Tok::DoubleSlash => (L_TERM, Operator::FloorDiv),
        Tok::Percent => (L_TERM, Operator::Mod),
        Tok::At => (L_TERM, Operator::MatMult),
        _ => return None,
    })
}

/// The operator of an augmented assignment token.
fn augop(k: Tok) -> Option<Operator> {
    Some(match k {
        Tok::PlusEqual => Operator::Add,
        Tok::MinEqual => Operator::Sub,
        Tok::StarEqual => Operator::Mult,
        Tok::AtEqual => Operator::MatMult,
        Tok::SlashEqual => Operator::Div,
        Tok::PercentEqual => Operator::Mod,
        Tok::DoubleStarEqual => Operator::Pow,
        Tok::LeftShiftEqual => Operator::LShift,
        Tok::RightShiftEqual => Operator::RShift,
        Tok::VBarEqual => Operator::BitOr,
        Tok::CircumflexEqual => Operator::BitXor,
        Tok::AmperEqual => Operator::BitAnd,
        Tok::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

/// True for tokens that can start an expression.
fn starts_expr(k: Tok) -> bool {
    matches!(
        k,
        Tok::Name
            | Tok::Number
            | Tok::Str
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Not
            | Tok::Lambda
            | Tok::Await
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Ellipsis
            | Tok::Star
    )
}

/// True for tokens that start an atom (used for the "forgot a comma" hint).
fn starts_atom(k: Tok) -> bool {
    matches!(
        k,
        Tok::Name
            | Tok::Number
            | Tok::Str
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Ellipsis
            | Tok::Tilde
            | Tok::Lambda
    )
}

/// CPython's name for an expression kind in error messages.
fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Moves an expression out, leaving a cheap placeholder.
fn take(e: &mut Expr) -> Expr {
    core::mem::replace(e, mk(e.pos, ExprKind::Constant(Constant::None)))
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

fn pos_of(t: &Token) -> Pos {
    Pos {
        line: t.line,
        col: t.col,
    }
}

fn mk(pos: Pos, kind: ExprKind) -> Expr {
    Expr { pos, kind }
}

/// Where a target appears (for messages).
#[derive(Clone, Copy, PartialEq)]
enum TargetUse {
    /// First target of `a = ...`: messages get the "Maybe you meant '=='" hint.
    AssignFirst,
    /// Any other store.
    Store,
    /// `del`.
    Del,
}

/// Sets the context of a target and checks that it can be assigned/deleted.
fn set_ctx(e: &mut Expr, use_: TargetUse, top: bool) -> R<()> {
    let ctx_new = if use_ == TargetUse::Del {
        Ctx::Del
    } else {
        Ctx::Store
    };
    let fail = |e: &Expr, msg: String| Err(error(ErrorKind::Syntax, msg, e.pos.line, e.pos.col));
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => {
            *ctx = ctx_new;
            Ok(())
        }
        ExprKind::Starred { value, ctx } => {
            if use_ == TargetUse::Del {
                return fail(e, "cannot delete starred".into());
            }
            if top {
                return fail(
                    e,
                    "starred assignment target must be in a list or tuple".into(),
                );
            }
            *ctx = ctx_new;
            set_ctx(value, TargetUse::Store, false)
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = ctx_new;
            let mut stars = 0;
            for x in elts.iter_mut() {
                if matches!(x.kind, ExprKind::Starred { .. }) {
                    stars += 1;
                }
                set_ctx(
                    x,
                    if use_ == TargetUse::Del {
                        use_
                    } else {
                        TargetUse::Store
                    },
                    false,
                )?;
            }
            if stars > 1 {
                return fail(e, "multiple starred expressions in assignment".into());
            }
            Ok(())
        }
        _ => {
            let name = expr_name(e);
            let msg = match use_ {
                TargetUse::Del => format!("cannot delete {}", name),
                _ if matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) => {
                    "assignment to yield expression not possible".into()
                }
                TargetUse::AssignFirst if top && !matches!(name, "None" | "True" | "False") => {
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        name
                    )
                }
                _ => format!("cannot assign to {}", name),
            };
            fail(e, msg)
        }
    }
}

/// The parser state: the lexer and one token of lookahead.
struct Parser<'a> {
    src: &'a str,
    lx: Lexer<'a>,
    tok: Token,
    depth: u32,
    /// Parsing an f-string replacement field (errors get an "f-string: " prefix).
    in_fstring: bool,
    /// The tokenizer reported an error (so the rest cannot be tokenized).
    lex_failed: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, mut lx: Lexer<'a>, depth: u32) -> R<Self> {
        let tok = lx.next_token()?;
        Ok(Parser {
            src,
            lx,
            tok,
            depth,
            in_fstring: false,
            lex_failed: false,
        })
    }

    // ----- token helpers -----

    fn bump(&mut self) -> R<Token> {
        let t = self.tok;
        self.tok = match self.lx.next_token() {
            Ok(t) => t,
            Err(e) => {
                self.lex_failed = true;
                return Err(e);
            }
        };
        Ok(t)
    }

    /// After a parse error, CPython tokenizes the rest of the input and
    /// reports a tokenizer error (an unclosed bracket, an unterminated
    /// string ...) in its place.
    fn prefer_tokenizer_error(&mut self, e: CompileError) -> CompileError {
        if self.lex_failed || e.incomplete {
            return e;
        }
        // Bounded: every token consumes input.
        for _ in 0..=self.src.len() {
            match self.lx.next_token() {
                Ok(t) if t.kind == Tok::EndMarker => return e,
                Ok(_) => {}
                Err(te) => {
                    return CompileError {
                        incomplete: false,
                        ..te
                    }
                }
            }
        }
        e
    }

    fn at(&self, k: Tok) -> bool {
        self.tok.kind == k
    }

    fn eat(&mut self, k: Tok) -> R<bool> {
        if self.tok.kind == k {
            self.bump()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Only DEDENTs and ENDMARKER are left: the input ended early.
    fn at_end(&self) -> bool {
        self.at(Tok::EndMarker) || (self.at(Tok::Dedent) && self.lx.at_eof())
    }

    fn text(&self, t: &Token) -> &'a str {
        &self.src[t.start..t.end]
    }

    fn pos(&self) -> Pos {
        pos_of(&self.tok)
    }

    fn err_at(&self, pos: Pos, msg: &str) -> CompileError {
        let msg = if self.in_fstring {
            format!("f-string: {}", msg)
        } else {
            msg.into()
        };
        error(ErrorKind::Syntax, msg, pos.line, pos.col)
    }

    fn err_tok(&self, msg: &str) -> CompileError {
        self.err_at(self.pos(), msg)
    }

    /// The generic error for an unexpected token.
    fn invalid(&self) -> CompileError {
        match self.tok.kind {
            Tok::Indent => error(
                ErrorKind::Indentation,
                "unexpected indent".into(),
                self.tok.line,
                self.tok.col,
            ),
            Tok::Dedent => error(
                ErrorKind::Indentation,
                "unindent does not match any outer indentation level".into(),
                self.tok.line,
                self.tok.col,
            ),
            _ => {
                // An unclosed bracket from an earlier line is the likely cause.
                if let Some((b, line, col)) = self.lx.open_bracket() {
                    if line < self.tok.line {
                        return self.err_at(
                            Pos { line, col },
                            &format!("'{}' was never closed", b as char),
                        );
                    }
                }
                self.err_tok("invalid syntax")
            }
        }
    }

    fn expect(&mut self, k: Tok) -> R<Token> {
        if self.tok.kind == k {
            self.bump()
        } else {
            Err(self.invalid())
        }
    }

    fn expect_colon(&mut self) -> R<()> {
        if !self.eat(Tok::Colon)? {
            return Err(self.err_tok("expected ':'"));
        }
        Ok(())
    }

    /// ':' after a header that ends in an expression: "expected ':'" only
    /// at the end of the line (elsewhere the expression may be at fault).
    fn expect_colon_after_expr(&mut self) -> R<()> {
        if self.at(Tok::Colon) || matches!(self.tok.kind, Tok::Newline | Tok::EndMarker) {
            return self.expect_colon();
        }
        Err(self.invalid())
    }

    fn name(&mut self) -> R<String> {
        let t = self.expect(Tok::Name)?;
        Ok(self.text(&t).into())
    }

    /// Counts one level of recursion.
    fn enter(&mut self) -> R<()> {
        #[cfg(test)]
        tests::note_stack();
        self.depth += 1;
        if self.depth > DEPTH_LIMIT.load(core::sync::atomic::Ordering::Relaxed) {
            return Err(self.err_tok("too many nested expressions"));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// After an element in a bracketed list: an adjacent atom means a missing comma.
    fn comma_hint(&self, elem: Pos) -> CompileError {
        if starts_atom(self.tok.kind) {
            self.err_at(elem, "invalid syntax. Perhaps you forgot a comma?")
        } else {
            self.invalid()
        }
    }

    /// Rejects a bare `*x` used as a value.
    fn no_bare_star(&self, e: &Expr) -> R<()> {
        if matches!(e.kind, ExprKind::Starred { .. }) {
            return Err(self.err_at(e.pos, "can't use starred expression here"));
        }
        Ok(())
    }

    // ----- statements -----

    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        // The compound parsers append their statement themselves (through
        // `push_stmt`), so no `Stmt` sits in this recursive frame.
        match self.tok.kind {
            Tok::If => self.if_stmt(out),
            Tok::While => self.while_stmt(out),
            Tok::For => self.for_stmt(out),
            Tok::Try => self.try_stmt(out),
            Tok::With => self.with_stmt(out),
            Tok::Def | Tok::Class | Tok::At => self.decorated(out),
            Tok::Indent | Tok::Dedent => Err(self.invalid()),
            _ => self.simple_stmts(out),
        }
    }

    /// `simple (';' simple)* [';'] NEWLINE`
    #[inline(never)]
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat(Tok::Semi)? {
                if self.at(Tok::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !self.eat(Tok::Newline)? {
            return Err(self.invalid());
        }
        Ok(())
    }

    /// A block after ':' of a header that began at `line`.
    fn block(&mut self, what: &str, line: u32) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.eat(Tok::Newline)? {
            if !self.at(Tok::Indent) {
                let mut e = error(
                    ErrorKind::Indentation,
                    format!("expected an indented block after {} on line {}", what, line),
                    self.tok.line,
                    self.tok.col,
                );
                e.incomplete = self.at_end();
                return Err(e);
            }
            self.bump()?;
            self.enter()?;
            while !self.eat(Tok::Dedent)? {
                if self.at(Tok::EndMarker) {
                    return Err(self.invalid());
                }
                self.statement(&mut body)?;
            }
            self.leave();
        } else if self.at(Tok::EndMarker) {
            let mut e = error(
                ErrorKind::Indentation,
                format!("expected an indented block after {} on line {}", what, line),
                self.tok.line,
                self.tok.col,
            );
            e.incomplete = true;
            return Err(e);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    /// A condition of `if`/`elif`/`while`, with CPython's hint for `=`.
    fn condition(&mut self) -> R<Expr> {
        let e = self.named_expression()?;
        if self.at(Tok::Equal) {
            return Err(self.err_at(
                e.pos,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            ));
        }
        Ok(e)
    }

    #[inline(never)]
    fn if_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let t = self.bump()?;
        let test = self.condition()?;
        self.expect_colon_after_expr()?;
        let what = if t.kind == Tok::If {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let body = self.block(what, t.line)?;
        let orelse = if self.at(Tok::Elif) {
            self.enter()?;
            let mut elif = Vec::with_capacity(1);
            self.if_stmt(&mut elif)?;
            self.leave();
            elif
        } else if self.at(Tok::Else) {
            let e = self.bump()?;
            self.expect_colon()?;
            self.block("'else' statement", e.line)?
        } else {
            Vec::new()
        };
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::If { test, body, orelse },
        });
        Ok(())
    }

    fn else_block(&mut self) -> R<Vec<Stmt>> {
        if self.at(Tok::Else) {
            let e = self.bump()?;
            self.expect_colon()?;
            self.block("'else' statement", e.line)
        } else {
            Ok(Vec::new())
        }
    }

    #[inline(never)]
    fn while_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let t = self.bump()?;
        let test = self.condition()?;
        self.expect_colon_after_expr()?;
        let body = self.block("'while' statement", t.line)?;
        let orelse = self.else_block()?;
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::While { test, body, orelse },
        });
        Ok(())
    }

    #[inline(never)]
    fn for_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let t = self.bump()?;
        let target = self.target_list()?;
        self.expect(Tok::In)?;
        let iter = self.star_expressions()?;
        self.no_bare_star(&iter)?;
        self.expect_colon_after_expr()?;
        let body = self.block("'for' statement", t.line)?;
        let orelse = self.else_block()?;
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
        });
        Ok(())
    }

    #[inline(never)]
    fn try_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let t = self.bump()?;
        self.expect_colon()?;
        let body = self.block("'try' statement", t.line)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at(Tok::Except) {
            let et = self.bump()?;
            if let Some(h) = handlers.last() {
                if h.typ.is_none() {
                    return Err(self.err_at(h.pos, "default 'except:' must be last"));
                }
            }
            if self.at(Tok::Star) {
                return Err(self.err_tok("except* is not supported"));
            }
            let mut typ = None;
            let mut name = None;
            if !self.at(Tok::Colon) {
                let e = self.expression()?;
                if self.at(Tok::Comma) {
                    return Err(
                        self.err_at(e.pos, "multiple exception types must be parenthesized")
                    );
                }
                typ = Some(e);
                if self.eat(Tok::As)? {
                    name = Some(self.name()?);
                }
            }
            self.expect_colon()?;
            let hbody = self.block("'except' statement", et.line)?;
            handlers.push(ExceptHandler {
                pos: pos_of(&et),
                typ,
                name,
                body: hbody,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at(Tok::Finally) {
            let f = self.bump()?;
            self.expect_colon()?;
            self.block("'finally' statement", f.line)?
        } else {
            if handlers.is_empty() {
                return Err(self.err_tok("expected 'except' or 'finally' block"));
            }
            Vec::new()
        };
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
        });
        Ok(())
    }

    fn with_item(&mut self) -> R<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(Tok::As)? {
            let mut t = self.target()?;
            set_ctx(&mut t, TargetUse::Store, true)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `( item, ... ) :` — the parenthesized form; None if it does not fit.
    #[inline(never)]
    fn paren_with_items(&mut self) -> R<Option<Vec<WithItem>>> {
        self.bump()?;
        let mut items = Vec::new();
        loop {
            items.push(self.with_item()?);
            if !self.eat(Tok::Comma)? || self.at(Tok::RPar) {
                break;
            }
        }
        if !self.eat(Tok::RPar)? || !self.at(Tok::Colon) {
            return Ok(None);
        }
        Ok(Some(items))
    }

    #[inline(never)]
    fn with_stmt(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let t = self.bump()?;
        let mut items = None;
        if self.at(Tok::LPar) {
            // One backtracking point: the lexer is inside brackets, so its
            // state is a cheap copy.
            let saved = (self.lx.clone(), self.tok, self.depth);
            if let Ok(Some(v)) = self.paren_with_items() {
                items = Some(v);
            } else {
                (self.lx, self.tok, self.depth) = saved;
            }
        }
        let items = match items {
            Some(v) => v,
            None => {
                let mut v = vec![self.with_item()?];
                while self.eat(Tok::Comma)? {
                    v.push(self.with_item()?);
                }
                v
            }
        };
        self.expect_colon_after_expr()?;
        let body = self.block("'with' statement", t.line)?;
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::With { items, body },
        });
        Ok(())
    }

    #[inline(never)]
    fn decorated(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let decorators = self.decorators()?;
        let t = self.tok;
        match t.kind {
            Tok::Def => self.def_stmt(out, t, decorators),
            Tok::Class => self.class_stmt(out, t, decorators),
            _ => {
                let mut e = self.invalid();
                e.incomplete = self.at_end();
                Err(e)
            }
        }
    }

    /// The `@expr NEWLINE` lines before a def or class.
    #[inline(never)]
    fn decorators(&mut self) -> R<Vec<Expr>> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At)? {
            decorators.push(self.named_expression()?);
            if !self.eat(Tok::Newline)? {
                return Err(self.invalid());
            }
        }
        Ok(decorators)
    }

    /// A def's parameters, boxed (out of line: no `Arguments` in the
    /// recursive `def_stmt` frame).
    #[inline(never)]
    fn boxed_params(&mut self) -> R<Box<Arguments>> {
        Ok(Box::new(self.params(false)?))
    }

    /// `def name(params) -> returns: body`, at `def` (`t`).
    #[inline(never)]
    fn def_stmt(&mut self, out: &mut Vec<Stmt>, t: Token, decorators: Vec<Expr>) -> R<()> {
        self.bump()?;
        let name = self.name()?;
        if !self.eat(Tok::LPar)? {
            return Err(self.err_tok("expected '('"));
        }
        let args = self.boxed_params()?;
        self.expect(Tok::RPar)?;
        let returns = if self.eat(Tok::RArrow)? {
            Some(bx(self.expression()?))
        } else {
            None
        };
        self.expect_colon()?;
        let body = self.block("function definition", t.line)?;
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::FunctionDef {
                name,
                args,
                body,
                decorators,
                returns,
            },
        });
        Ok(())
    }

    /// `class name(bases): body`, at `class` (`t`).
    #[inline(never)]
    fn class_stmt(&mut self, out: &mut Vec<Stmt>, t: Token, decorators: Vec<Expr>) -> R<()> {
        self.bump()?;
        let name = self.name()?;
        let (bases, keywords) = if self.at(Tok::LPar) {
            let lp = self.bump()?;
            let r = self.call_args(pos_of(&lp))?;
            // `class A(x for x in y)`: a bare generator is no base list.
            if let Some(g) = r.0.first() {
                if matches!(g.kind, ExprKind::GeneratorExp { .. }) && g.pos == pos_of(&lp) {
                    return Err(self.err_at(g.pos, "invalid syntax"));
                }
            }
            r
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon_after_expr()?;
        let body = self.block("class definition", t.line)?;
        push_stmt(out, || Stmt {
            pos: pos_of(&t),
            kind: StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            },
        });
        Ok(())
    }

    /// Parameters of a def (`lambda` false: up to ')') or a lambda (up to ':').
    #[inline(never)]
    fn params(&mut self, lambda: bool) -> R<Arguments> {
        let end = if lambda { Tok::Colon } else { Tok::RPar };
        let mut a = Arguments::default();
        let mut star: Option<Pos> = None; // position of `*` when seen
        let mut slash = false;
        let mut seen_default = false;
        while !self.at(end) {
            if a.kwarg.is_some() {
                return Err(self.err_tok("arguments cannot follow var-keyword argument"));
            }
            match self.tok.kind {
                Tok::Slash => {
                    let p = self.pos();
                    self.bump()?;
                    if star.is_some() {
                        return Err(self.err_at(p, "/ must be ahead of *"));
                    }
                    if slash {
                        return Err(self.err_at(p, "/ may appear only once"));
                    }
                    if a.args.is_empty() {
                        return Err(self.err_at(p, "at least one argument must precede /"));
                    }
                    slash = true;
                    a.posonlyargs = core::mem::take(&mut a.args);
                }
                Tok::Star => {
                    let p = self.pos();
                    self.bump()?;
                    if star.is_some() {
                        return Err(self.err_at(p, "* argument may appear only once"));
                    }
                    star = Some(p);
                    if self.at(Tok::Name) {
                        a.vararg = Some(self.param(lambda)?);
                        if self.at(Tok::Equal) {
                            return Err(
                                self.err_tok("var-positional argument cannot have default value")
                            );
                        }
                    }
                }
                Tok::DoubleStar => {
                    self.bump()?;
                    a.kwarg = Some(self.param(lambda)?);
                    if self.at(Tok::Equal) {
                        return Err(self.err_tok("var-keyword argument cannot have default value"));
                    }
                }
                Tok::Name => {
                    let p = self.param(lambda)?;
                    let default = if self.at(Tok::Equal) {
                        let eq = self.bump()?;
                        if !lambda && matches!(self.tok.kind, Tok::Comma | Tok::RPar) {
                            return Err(
                                self.err_at(pos_of(&eq), "expected default value expression")
                            );
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if star.is_some() {
                        a.kwonlyargs.push(p);
                        a.kw_defaults.push(default);
                    } else {
                        if let Some(d) = default {
                            a.defaults.push(d);
                            seen_default = true;
                        } else if seen_default {
                            return Err(
                                self.err_at(p.pos, "non-default argument follows default argument")
                            );
                        }
                        a.args.push(p);
                    }
                }
                _ => return Err(self.invalid()),
            }
            if !self.eat(Tok::Comma)? {
                break;
            }
        }
        if let Some(p) = star {
            if a.vararg.is_none() && a.kwonlyargs.is_empty() {
                return Err(self.err_at(p, "named arguments must follow bare *"));
            }
        }
        // Duplicate names, in source order.
        let mut seen = BTreeSet::new();
        let all = a.posonlyargs.iter().chain(&a.args).chain(&a.vararg);
        for x in all.chain(&a.kwonlyargs).chain(&a.kwarg) {
            if !seen.insert(x.arg.as_str()) {
                let m = format!("duplicate argument '{}' in function definition", x.arg);
                return Err(self.err_at(x.pos, &m));
            }
        }
        Ok(a)
    }

    fn param(&mut self, lambda: bool) -> R<Arg> {
        let pos = self.pos();
        let arg = self.name()?;
        let annotation = if !lambda && self.eat(Tok::Colon)? {
            Some(bx(self.expression()?))
        } else {
            None
        };
        Ok(Arg {
            pos,
            arg,
            annotation,
        })
    }

    #[inline(never)]
    fn simple_stmt(&mut self) -> R<Stmt> {
        let t = self.tok;
        let pos = pos_of(&t);
        let kind = match t.kind {
            Tok::Pass => {
                self.bump()?;
                StmtKind::Pass
            }
            Tok::Break => {
                self.bump()?;
                StmtKind::Break
            }
            Tok::Continue => {
                self.bump()?;
                StmtKind::Continue
            }
            Tok::Return => {
                self.bump()?;
                let v = if starts_expr(self.tok.kind) {
                    let e = self.star_expressions()?;
                    self.no_bare_star(&e)?;
                    Some(e)
                } else {
                    None
                };
                StmtKind::Return(v)
            }
            Tok::Raise => {
                self.bump()?;
                let mut exc = None;
                let mut cause = None;
                if starts_expr(self.tok.kind) {
                    exc = Some(self.expression()?);
                    if self.eat(Tok::From)? {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Global | Tok::Nonlocal => {
                self.bump()?;
                let mut names = vec![self.name()?];
                while self.eat(Tok::Comma)? {
                    names.push(self.name()?);
                }
                if t.kind == Tok::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tok::Del => {
                self.bump()?;
                let mut targets = Vec::new();
                loop {
                    let mut e = self.star_expression()?;
                    set_ctx(&mut e, TargetUse::Del, true)?;
                    targets.push(e);
                    if !self.eat(Tok::Comma)? || !starts_expr(self.tok.kind) {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            Tok::Assert => {
                self.bump()?;
                let test = self.expression()?;
                let msg = if self.eat(Tok::Comma)? {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Import => {
                self.bump()?;
                let mut names = Vec::new();
                loop {
                    let apos = self.pos();
                    let name = self.dotted_name()?;
                    let asname = if self.eat(Tok::As)? {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push(Alias {
                        pos: apos,
                        name,
                        asname,
                    });
                    if !self.eat(Tok::Comma)? {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            Tok::From => return self.import_from(),
            _ => return self.expr_stmt(),
        };
        Ok(Stmt { pos, kind })
    }

    fn dotted_name(&mut self) -> R<String> {
        let mut s = self.name()?;
        while self.eat(Tok::Dot)? {
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    #[inline(never)]
    fn import_from(&mut self) -> R<Stmt> {
        let t = self.bump()?;
        let mut level = 0;
        loop {
            match self.tok.kind {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.bump()?;
        }
        let module = if self.at(Tok::Name) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if module.is_none() && level == 0 {
            return Err(self.invalid());
        }
        self.expect(Tok::Import)?;
        let mut names = Vec::new();
        if self.at(Tok::Star) {
            let s = self.bump()?;
            names.push(Alias {
                pos: pos_of(&s),
                name: "*".into(),
                asname: None,
            });
        } else {
            let paren = self.eat(Tok::LPar)?;
            loop {
                let apos = self.pos();
                let name = self.name()?;
                let asname = if self.eat(Tok::As)? {
                    Some(self.name()?)
                } else {
                    None
                };
                names.push(Alias {
                    pos: apos,
                    name,
                    asname,
                });
                if !self.eat(Tok::Comma)? {
                    break;
                }
                if paren && self.at(Tok::RPar) {
                    break;
                }
                if !paren && !self.at(Tok::Name) {
                    return Err(
                        self.err_tok("trailing comma not allowed without surrounding parentheses")
                    );
                }
            }
            if paren {
                self.expect(Tok::RPar)?;
            }
        }
        Ok(Stmt {
            pos: pos_of(&t),
            kind: StmtKind::ImportFrom {
                module,
                names,
                level,
            },
        })
    }

    /// A value after `=`: a yield expression or star expressions.
    fn assign_value(&mut self) -> R<Expr> {
        let e = if self.at(Tok::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        Ok(e)
    }

    /// Expression statement, assignment, augmented or annotated assignment.
    #[inline(never)]
    fn expr_stmt(&mut self) -> R<Stmt> {
        let first_tok = self.tok;
        let pos = pos_of(&first_tok);
        let first = self.assign_value()?;
        if self.at(Tok::Colon) {
            // Annotated assignment.
            let msg = match &first.kind {
                ExprKind::Tuple { .. } => Some("only single target (not tuple) can be annotated"),
                ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    None
                }
                _ => Some("illegal target for annotation"),
            };
            if let Some(m) = msg {
                return Err(self.err_at(first.pos, m));
            }
            self.bump()?;
            let simple = first_tok.kind == Tok::Name && matches!(first.kind, ExprKind::Name { .. });
            let mut target = first;
            set_ctx(&mut target, TargetUse::Store, true)?;
            let annotation = self.expression()?;
            let value = if self.eat(Tok::Equal)? {
                let v = self.assign_value()?;
                self.no_bare_star(&v)?;
                Some(v)
            } else {
                None
            };
            return Ok(Stmt {
                pos,
                kind: StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    simple,
                },
            });
        }
        if self.at(Tok::ColonEqual) {
            if matches!(first.kind, ExprKind::Name { .. }) {
                return Err(self.invalid());
            }
            let m = format!(
                "cannot use assignment expressions with {}",
                expr_name(&first)
            );
            return Err(self.err_at(first.pos, &m));
        }
        if let Some(op) = augop(self.tok.kind) {
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let m = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&first)
                );
                return Err(self.err_at(first.pos, &m));
            }
            self.bump()?;
            let mut target = first;
            set_ctx(&mut target, TargetUse::Store, true)?;
            let value = self.assign_value()?;
            self.no_bare_star(&value)?;
            return Ok(Stmt {
                pos,
                kind: StmtKind::AugAssign { target, op, value },
            });
        }
        if self.at(Tok::Equal) {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.bump()?;
                value = self.assign_value()?;
                if !self.at(Tok::Equal) {
                    break;
                }
                targets.push(value);
            }
            for (i, t) in targets.iter_mut().enumerate() {
                let u = if i == 0 {
                    TargetUse::AssignFirst
                } else {
                    TargetUse::Store
                };
                set_ctx(t, u, true)?;
            }
            self.no_bare_star(&value)?;
            return Ok(Stmt {
                pos,
                kind: StmtKind::Assign { targets, value },
            });
        }
        if let ExprKind::Name { id, .. } = &first.kind {
            if (id == "print" || id == "exec") && starts_atom(self.tok.kind) {
                let m = format!(
                    "Missing parentheses in call to '{0}'. Did you mean {0}(...)?",
                    id
                );
                return Err(self.err_at(first.pos, &m));
            }
        }
        self.no_bare_star(&first)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Expr(first),
        })
    }

    // ----- expressions -----

    /// `a, *b, c` (a Tuple when there is a comma).
    fn star_expressions(&mut self) -> R<Expr> {
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat(Tok::Comma)? {
            if !starts_expr(self.tok.kind) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(mk(
            pos,
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    fn star_expression(&mut self) -> R<Expr> {
        if self.at(Tok::Star) {
            return self.starred();
        }
        self.expression()
    }

    fn star_named_expression(&mut self) -> R<Expr> {
        if self.at(Tok::Star) {
            return self.starred();
        }
        self.named_expression()
    }

    /// `*value` (Load).
    #[inline(never)]
    fn starred(&mut self) -> R<Expr> {
        let t = self.bump()?;
        let v = self.binary(L_BITOR)?;
        Ok(mk(
            pos_of(&t),
            ExprKind::Starred {
                value: bx(v),
                ctx: Ctx::Load,
            },
        ))
    }

    /// `name := value` or an expression.
    fn named_expression(&mut self) -> R<Expr> {
        let first_is_name = self.at(Tok::Name);
        // `expression()` inlined: one recursive frame fewer per bracket level.
        self.enter()?;
        let e = self.expression_inner();
        self.leave();
        // The result stays unopened here: no Expr-sized copies in this frame.
        if e.is_ok() && self.at(Tok::ColonEqual) {
            return self.walrus(e, first_is_name);
        }
        e
    }

    /// `target := value`, at `:=`.
    #[inline(never)]
    fn walrus(&mut self, e: R<Expr>, first_is_name: bool) -> R<Expr> {
        let e = e?;
        if !(first_is_name && matches!(e.kind, ExprKind::Name { .. })) {
            let m = format!("cannot use assignment expressions with {}", expr_name(&e));
            return Err(self.err_at(e.pos, &m));
        }
        self.bump()?;
        let value = self.expression()?;
        let mut target = e;
        set_ctx(&mut target, TargetUse::Store, true)?;
        Ok(mk(
            target.pos,
            ExprKind::NamedExpr {
                target: bx(target),
                value: bx(value),
            },
        ))
    }

    /// `expression`: lambda, conditional expression, or a disjunction.
    fn expression(&mut self) -> R<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    #[inline(always)]
    fn expression_inner(&mut self) -> R<Expr> {
        if self.at(Tok::Lambda) {
            return self.lambda();
        }
        let e = self.binary(L_OR)?;
        if !self.at(Tok::If) {
            return Ok(e);
        }
        self.ternary(e)
    }

    // The helpers marked `inline(never)` keep bulky, rarer paths out of the
    // frames that recurse once per nesting level.

    #[inline(never)]
    fn lambda(&mut self) -> R<Expr> {
        let t = self.bump()?;
        let args = self.params(true)?;
        self.expect(Tok::Colon)?;
        let body = self.expression()?;
        Ok(mk(
            pos_of(&t),
            ExprKind::Lambda {
                args: Box::new(args),
                body: bx(body),
            },
        ))
    }

    /// `body if test else orelse`, at `if`.
    #[inline(never)]
    fn ternary(&mut self, body: Expr) -> R<Expr> {
        self.bump()?;
        let test = self.binary(L_OR)?;
        if !self.eat(Tok::Else)? {
            return Err(self.err_at(body.pos, "expected 'else' after 'if' expression"));
        }
        let orelse = self.expression()?;
        Ok(mk(
            body.pos,
            ExprKind::IfExp {
                test: bx(test),
                body: bx(body),
                orelse: bx(orelse),
            },
        ))
    }

    /// Precedence climbing over `or` .. `*` levels, with prefix `not`/unary.
    /// Right operands recurse at most once per level; prefix operators
    /// count towards [`MAX_DEPTH`].
    fn binary(&mut self, min: u8) -> R<Expr> {
        // The operand goes on unopened: no Expr-sized copies in this frame.
        let left = match self.tok.kind {
            Tok::Not if min <= L_NOT => self.prefix(),
            Tok::Minus | Tok::Plus | Tok::Tilde => self.prefix(),
            _ => self.power(),
        };
        if left.is_err() || !self.at_binary_op(min) {
            return left;
        }
        self.binary_rest(left, min)
    }

    /// Whether the current token continues an operand at level `min`.
    fn at_binary_op(&self, min: u8) -> bool {
        let k = self.tok.kind;
        (k == Tok::Or && min <= L_OR)
            || (k == Tok::And && min <= L_AND)
            || (min <= L_CMP && self.cmp_op_peek().is_some())
            || matches!(binop(k), Some((lvl, _)) if lvl >= min)
    }

    /// The operators after the first operand of [`Parser::binary`].
    #[inline(never)]
    fn binary_rest(&mut self, left: R<Expr>, min: u8) -> R<Expr> {
        let mut left = left?;
        // The helpers update `left` in place: no Expr-sized temporaries here.
        // Each wrap deepens the tree, so it counts towards MAX_DEPTH.
        let base = self.depth;
        loop {
            let k = self.tok.kind;
            if (k == Tok::Or && min <= L_OR) || (k == Tok::And && min <= L_AND) {
                self.enter()?;
                self.boolop(&mut left, k)?
            } else if min <= L_CMP && self.cmp_op_peek().is_some() {
                self.enter()?;
                self.compare(&mut left)?
            } else {
                match binop(k) {
                    Some((lvl, op)) if lvl >= min => {
                        self.enter()?;
                        self.binop_rest(&mut left, lvl, op)?
                    }
                    _ => {
                        self.depth = base;
                        return Ok(left);
                    }
                }
            }
        }
    }

    /// A prefix `not`, `-`, `+` or `~` and its operand.
    #[inline(never)]
    fn prefix(&mut self) -> R<Expr> {
        let t = self.bump()?;
        let (op, lvl) = match t.kind {
            Tok::Not => (UnaryOperator::Not, L_NOT),
            Tok::Minus => (UnaryOperator::USub, L_UNARY),
            Tok::Plus => (UnaryOperator::UAdd, L_UNARY),
            _ => (UnaryOperator::Invert, L_UNARY),
        };
        self.enter()?;
        let operand = self.binary(lvl)?;
        self.leave();
        Ok(mk(
            pos_of(&t),
            ExprKind::UnaryOp {
                op,
                operand: bx(operand),
            },
        ))
    }

    /// `left op right` at the operator.
    #[inline(never)]
    fn binop_rest(&mut self, left: &mut Expr, lvl: u8, op: Operator) -> R<()> {
        self.bump()?;
        let right = self.binary(lvl + 1)?;
        let l = take(left);
        *left = mk(
            l.pos,
            ExprKind::BinOp {
                left: bx(l),
                op,
                right: bx(right),
            },
        );
        Ok(())
    }

    /// `left and b and c` / `left or b`, at the first operator `k`.
    #[inline(never)]
    fn boolop(&mut self, left: &mut Expr, k: Tok) -> R<()> {
        let (op, lvl) = if k == Tok::Or {
            (BoolOperator::Or, L_OR)
        } else {
            (BoolOperator::And, L_AND)
        };
        let pos = left.pos;
        let mut values = vec![take(left)];
        while self.eat(k)? {
            values.push(self.binary(lvl + 1)?);
        }
        *left = mk(pos, ExprKind::BoolOp { op, values });
        Ok(())
    }

    /// A comparison chain, at its first operator.
    #[inline(never)]
    fn compare(&mut self, left: &mut Expr) -> R<()> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.cmp_op_peek() {
            self.bump()?;
            let op = match op {
                CmpOperator::Is if self.at(Tok::Not) => {
                    self.bump()?;
                    CmpOperator::IsNot
                }
                CmpOperator::NotIn => {
                    self.expect(Tok::In)?;
                    op
                }
                _ => op,
            };
            ops.push(op);
            comparators.push(self.binary(L_BITOR)?);
        }
        let l = take(left);
        *left = mk(
            l.pos,
            ExprKind::Compare {
                left: bx(l),
                ops,
                comparators,
            },
        );
        Ok(())
    }

    /// The comparison operator at the current token (`not` stands for `not in`).
    fn cmp_op_peek(&self) -> Option<CmpOperator> {
        Some(match self.tok.kind {
            Tok::EqEqual => CmpOperator::Eq,
            Tok::NotEqual => CmpOperator::NotEq,
            Tok::Less => CmpOperator::Lt,
            Tok::LessEqual => CmpOperator::LtE,
            Tok::Greater => CmpOperator::Gt,
            Tok::GreaterEqual => CmpOperator::GtE,
            Tok::In => CmpOperator::In,
            Tok::Not => CmpOperator::NotIn,
            Tok::Is => CmpOperator::Is,
            _ => return None,
        })
    }

    /// `primary ['**' factor]`, where a primary is an atom followed by
    /// `.name`, `(args)` and `[subscript]` trailers.
    #[inline(never)]
    fn power(&mut self) -> R<Expr> {
        // The atom goes on unopened: no Expr-sized copies in this frame.
        let e = self.atom();
        if e.is_err()
            || !matches!(
                self.tok.kind,
                Tok::Dot | Tok::LPar | Tok::LSqb | Tok::DoubleStar
            )
        {
            return e;
        }
        self.power_rest(e)
    }

    /// The trailers and `**` after the atom of [`Parser::power`].
    #[inline(never)]
    fn power_rest(&mut self, e: R<Expr>) -> R<Expr> {
        let mut e = e?;
        let base = self.depth;
        while matches!(self.tok.kind, Tok::Dot | Tok::LPar | Tok::LSqb) {
            self.enter()?;
            self.trailer(&mut e)?;
        }
        self.depth = base;
        if self.at(Tok::DoubleStar) {
            self.pow_rest(&mut e)?;
        }
        Ok(e)
    }

    #[inline(never)]
    fn pow_rest(&mut self, left: &mut Expr) -> R<()> {
        self.bump()?;
        self.enter()?;
        let right = self.binary(L_UNARY)?;
        self.leave();
        let l = take(left);
        *left = mk(
            l.pos,
            ExprKind::BinOp {
                left: bx(l),
                op: Operator::Pow,
                right: bx(right),
            },
        );
        Ok(())
    }

    /// One `.name`, `(args)` or `[subscript]` after `e`.
    #[inline(never)]
    fn trailer(&mut self, target: &mut Expr) -> R<()> {
        let e = take(target);
        *target = match self.tok.kind {
            Tok::Dot => {
                self.bump()?;
                let attr = self.name()?;
                mk(
                    e.pos,
                    ExprKind::Attribute {
                        value: bx(e),
                        attr,
                        ctx: Ctx::Load,
                    },
                )
            }
            Tok::LPar => {
                let lp = self.bump()?;
                let (args, keywords) = self.call_args(pos_of(&lp))?;
                mk(
                    e.pos,
                    ExprKind::Call {
                        func: bx(e),
                        args,
                        keywords,
                    },
                )
            }
            _ => {
                self.bump()?;
                let slice = self.slices()?;
                self.expect(Tok::RSqb)?;
                mk(
                    e.pos,
                    ExprKind::Subscript {
                        value: bx(e),
                        slice: bx(slice),
                        ctx: Ctx::Load,
                    },
                )
            }
        };
        Ok(())
    }

    /// Call arguments after '(' up to and including ')'.
    #[inline(never)]
    fn call_args(&mut self, lpar: Pos) -> R<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut saw_kw = false;
        let mut saw_dstar = false;
        while !self.at(Tok::RPar) {
            let t = self.tok;
            let elem = pos_of(&t);
            match t.kind {
                Tok::Star => {
                    self.bump()?;
                    let v = self.expression()?;
                    if saw_dstar {
                        return Err(self.err_at(
                            elem,
                            "iterable argument unpacking follows keyword argument unpacking",
                        ));
                    }
                    args.push(mk(
                        elem,
                        ExprKind::Starred {
                            value: bx(v),
                            ctx: Ctx::Load,
                        },
                    ));
                }
                Tok::DoubleStar => {
                    self.bump()?;
                    let value = self.expression()?;
                    keywords.push(Keyword {
                        pos: elem,
                        arg: None,
                        value,
                    });
                    saw_dstar = true;
                }
                _ => {
                    let e = self.named_expression()?;
                    if self.at(Tok::Equal) {
                        let ok = t.kind == Tok::Name && matches!(e.kind, ExprKind::Name { .. });
                        if !ok {
                            return Err(self.err_at(
                                e.pos,
                                "expression cannot contain assignment, perhaps you meant \"==\"?",
                            ));
                        }
                        self.bump()?;
                        let value = self.expression()?;
                        if let ExprKind::Name { id, .. } = e.kind {
                            keywords.push(Keyword {
                                pos: elem,
                                arg: Some(id),
                                value,
                            });
                        }
                        saw_kw = true;
                    } else if self.at(Tok::For) {
                        if !args.is_empty() || !keywords.is_empty() {
                            return Err(
                                self.err_at(e.pos, "Generator expression must be parenthesized")
                            );
                        }
                        let generators = self.comp_clauses()?;
                        if !self.at(Tok::RPar) {
                            return Err(
                                self.err_at(e.pos, "Generator expression must be parenthesized")
                            );
                        }
                        args.push(mk(
                            lpar,
                            ExprKind::GeneratorExp {
                                elt: bx(e),
                                generators,
                            },
                        ));
                    } else {
                        if saw_dstar {
                            return Err(self.err_at(
                                e.pos,
                                "positional argument follows keyword argument unpacking",
                            ));
                        }
                        if saw_kw {
                            return Err(
                                self.err_at(e.pos, "positional argument follows keyword argument")
                            );
                        }
                        args.push(e);
                    }
                }
            }
            if !self.eat(Tok::Comma)? {
                if !self.at(Tok::RPar) {
                    return Err(self.comma_hint(elem));
                }
                break;
            }
        }
        self.bump()?;
        Ok((args, keywords))
    }

    /// The inside of `[...]` after a primary.
    #[inline(never)]
    fn slices(&mut self) -> R<Expr> {
        let first = self.slice()?;
        if !self.at(Tok::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                let pos = first.pos;
                return Ok(mk(
                    pos,
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: Ctx::Load,
                    },
                ));
            }
            return Ok(first);
        }
        let pos = first.pos;
        let mut elts = vec![first];
        while self.eat(Tok::Comma)? {
            if self.at(Tok::RSqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(mk(
            pos,
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    fn slice(&mut self) -> R<Expr> {
        let pos = self.pos();
        let lower = if self.at(Tok::Colon) {
            None
        } else {
            let e = self.star_named_expression()?;
            if !self.at(Tok::Colon) || matches!(e.kind, ExprKind::Starred { .. }) {
                return Ok(e);
            }
            Some(bx(e))
        };
        self.bump()?; // ':'
        let ends = |k: Tok| matches!(k, Tok::Colon | Tok::Comma | Tok::RSqb);
        let upper = if ends(self.tok.kind) {
            None
        } else {
            Some(bx(self.expression()?))
        };
        let step = if self.eat(Tok::Colon)? && !ends(self.tok.kind) {
            Some(bx(self.expression()?))
        } else {
            None
        };
        Ok(mk(pos, ExprKind::Slice { lower, upper, step }))
    }

    /// `for target in iter [if cond]...` clauses, one or more.
    #[inline(never)]
    fn comp_clauses(&mut self) -> R<Vec<Comprehension>> {
        // The iterables are parsed below `expression`, so a comprehension nested in
        // another's iterable would not otherwise count towards the nesting limit.
        self.enter()?;
        let mut gens = Vec::new();
        while self.at(Tok::For) {
            self.bump()?;
            let target = self.target_list()?;
            self.expect(Tok::In)?;
            let iter = self.binary(L_OR)?;
            let mut ifs = Vec::new();
            while self.eat(Tok::If)? {
                ifs.push(self.binary(L_OR)?);
            }
            gens.push(Comprehension { target, iter, ifs });
        }
        if self.at(Tok::Async) {
            return Err(self.err_tok("asynchronous comprehensions are not supported"));
        }
        self.leave();
        Ok(gens)
    }

    /// One target (`a`, `a.b`, `a[i]`, `(a, b)`, `[a, *b]`, `*a`), unchecked.
    fn target(&mut self) -> R<Expr> {
        if self.at(Tok::Star) {
            let t = self.bump()?;
            let v = self.binary(L_BITOR)?;
            return Ok(mk(
                pos_of(&t),
                ExprKind::Starred {
                    value: bx(v),
                    ctx: Ctx::Store,
                },
            ));
        }
        self.binary(L_BITOR)
    }

    /// Targets of `for`: one, or a tuple when there is a comma; set to Store.
    fn target_list(&mut self) -> R<Expr> {
        let first = self.target()?;
        let mut e = if self.at(Tok::Comma) {
            let pos = first.pos;
            let mut elts = vec![first];
            while self.eat(Tok::Comma)? {
                if self.at(Tok::In) {
                    break;
                }
                elts.push(self.target()?);
            }
            mk(
                pos,
                ExprKind::Tuple {
                    elts,
                    ctx: Ctx::Store,
                },
            )
        } else {
            first
        };
        set_ctx(&mut e, TargetUse::Store, true)?;
        Ok(e)
    }

    /// `yield [value]` / `yield from value`.
    #[inline(never)]
    fn yield_expr(&mut self) -> R<Expr> {
        let t = self.bump()?;
        let pos = pos_of(&t);
        if self.eat(Tok::From)? {
            let v = self.expression()?;
            return Ok(mk(pos, ExprKind::YieldFrom(bx(v))));
        }
        if starts_expr(self.tok.kind) {
            let v = self.star_expressions()?;
            self.no_bare_star(&v)?;
            return Ok(mk(pos, ExprKind::Yield(Some(bx(v)))));
        }
        Ok(mk(pos, ExprKind::Yield(None)))
    }

    fn atom(&mut self) -> R<Expr> {
        let t = self.tok;
        let pos = pos_of(&t);
        match t.kind {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                self.bump()?;
                match t.kind {
                    Tok::LPar => self.paren(pos),
                    Tok::LSqb => self.list(pos),
                    _ => self.brace(pos),
                }
            }
            _ => self.leaf(),
        }
    }

    /// An atom that is not a display: name, literal, or an error.
    #[inline(never)]
    fn leaf(&mut self) -> R<Expr> {
        let t = self.tok;
        let pos = pos_of(&t);
        let c = |k| Ok(mk(pos, ExprKind::Constant(k)));
        match t.kind {
            Tok::Name => {
                self.bump()?;
                Ok(mk(
                    pos,
                    ExprKind::Name {
                        id: self.text(&t).into(),
                        ctx: Ctx::Load,
                    },
                ))
            }
            Tok::Number => {
                self.bump()?;
                match lexer::number_value(self.text(&t)) {
                    Ok(k) => c(k),
                    Err(m) => Err(self.err_at(pos, &m)),
                }
            }
            Tok::Str => self.strings(),
            Tok::None => {
                self.bump()?;
                c(Constant::None)
            }
            Tok::True | Tok::False => {
                self.bump()?;
                c(Constant::Bool(t.kind == Tok::True))
            }
            Tok::Ellipsis => {
                self.bump()?;
                c(Constant::Ellipsis)
            }
            _ => Err(self.invalid()),
        }
    }

    /// After '(': unit, parenthesized expression, tuple, genexp, yield.
    #[inline(never)]
    fn paren(&mut self, pos: Pos) -> R<Expr> {
        if self.eat(Tok::RPar)? {
            return Ok(mk(
                pos,
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: Ctx::Load,
                },
            ));
        }
        if self.at(Tok::Yield) {
            return self.paren_yield();
        }
        // The result goes on unopened: no Expr-sized copies in this frame.
        let first = self.star_named_expression();
        self.paren_rest(first, pos)
    }

    /// `(yield ...)`, at `yield`.
    #[inline(never)]
    fn paren_yield(&mut self) -> R<Expr> {
        let e = self.yield_expr()?;
        self.expect(Tok::RPar)?;
        Ok(e)
    }

    /// A parenthesized expression, generator expression or tuple after its
    /// first element (out of line: the recursive `paren` frame stays small).
    #[inline(never)]
    fn paren_rest(&mut self, first: R<Expr>, pos: Pos) -> R<Expr> {
        let first = first?;
        if !self.at(Tok::For) && !self.at(Tok::Comma) {
            if !self.eat(Tok::RPar)? {
                return Err(self.comma_hint(first.pos));
            }
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.err_at(first.pos, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if self.at(Tok::For) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.err_at(
                    first.pos,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comp_clauses()?;
            self.expect(Tok::RPar)?;
            return Ok(mk(
                pos,
                ExprKind::GeneratorExp {
                    elt: bx(first),
                    generators,
                },
            ));
        }
        let elts = self.rest_of_list(first, Tok::RPar)?;
        Ok(mk(
            pos,
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    /// Elements after the first of a tuple/list/set, through the closer.
    fn rest_of_list(&mut self, first: Expr, close: Tok) -> R<Vec<Expr>> {
        let mut elts = vec![first];
        loop {
            let last = elts[elts.len() - 1].pos;
            if !self.eat(Tok::Comma)? {
                if !self.eat(close)? {
                    return Err(self.comma_hint(last));
                }
                return Ok(elts);
            }
            if self.eat(close)? {
                return Ok(elts);
            }
            elts.push(self.star_named_expression()?);
        }
    }

    #[inline(never)]
    fn list(&mut self, pos: Pos) -> R<Expr> {
        if self.eat(Tok::RSqb)? {
            return Ok(mk(
                pos,
                ExprKind::List {
                    elts: Vec::new(),
                    ctx: Ctx::Load,
                },
            ));
        }
        // The result goes on unopened: no Expr-sized copies in this frame.
        let first = self.star_named_expression();
        self.list_rest(first, pos)
    }

    /// A list or list comprehension after its first element (out of line:
    /// the recursive `list` frame stays small).
    #[inline(never)]
    fn list_rest(&mut self, first: R<Expr>, pos: Pos) -> R<Expr> {
        let first = first?;
        if self.at(Tok::For) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.err_at(
                    first.pos,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comp_clauses()?;
            self.expect(Tok::RSqb)?;
            return Ok(mk(
                pos,
                ExprKind::ListComp {
                    elt: bx(first),
                    generators,
                },
            ));
        }
        let elts = self.rest_of_list(first, Tok::RSqb)?;
        Ok(mk(
            pos,
            ExprKind::List {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    /// After '{': dict, set, or their comprehensions.
    #[inline(never)]
    fn brace(&mut self, pos: Pos) -> R<Expr> {
        if self.eat(Tok::RBrace)? {
            return Ok(mk(
                pos,
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
            ));
        }
        if self.at(Tok::DoubleStar) {
            return self.dict_unpack_first(pos);
        }
        // The results go on unopened: no Expr-sized copies in this frame.
        let first = self.star_named_expression();
        match &first {
            Ok(f) if self.at(Tok::Colon) && !matches!(f.kind, ExprKind::Starred { .. }) => {}
            _ => return self.set_rest(first, pos),
        }
        self.bump()?;
        let v = self.expression();
        self.dict_rest(first, v, pos)
    }

    /// A dict display that starts with `**mapping`.
    #[inline(never)]
    fn dict_unpack_first(&mut self, pos: Pos) -> R<Expr> {
        let ds = self.bump()?;
        let v = self.binary(L_BITOR)?;
        if self.at(Tok::For) {
            return Err(self.err_at(
                pos_of(&ds),
                "dict unpacking cannot be used in dict comprehension",
            ));
        }
        self.dict_entries(vec![None], vec![v], pos)
    }

    /// A set or set comprehension after its first element (out of line: the
    /// recursive `brace` frame stays small).
    #[inline(never)]
    fn set_rest(&mut self, first: R<Expr>, pos: Pos) -> R<Expr> {
        let first = first?;
        if self.at(Tok::For) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.err_at(
                    first.pos,
                    "iterable unpacking cannot be used in comprehension",
                ));
            }
            let generators = self.comp_clauses()?;
            self.expect(Tok::RBrace)?;
            return Ok(mk(
                pos,
                ExprKind::SetComp {
                    elt: bx(first),
                    generators,
                },
            ));
        }
        let elts = self.rest_of_list(first, Tok::RBrace)?;
        Ok(mk(pos, ExprKind::Set(elts)))
    }

    /// A dict or dict comprehension after its first `key: value`.
    #[inline(never)]
    fn dict_rest(&mut self, first: R<Expr>, v: R<Expr>, pos: Pos) -> R<Expr> {
        let (first, v) = (first?, v?);
        if self.at(Tok::For) {
            let generators = self.comp_clauses()?;
            self.expect(Tok::RBrace)?;
            return Ok(mk(
                pos,
                ExprKind::DictComp {
                    key: bx(first),
                    value: bx(v),
                    generators,
                },
            ));
        }
        self.dict_entries(vec![Some(first)], vec![v], pos)
    }

    /// The entries of a dict display after the first, through `}`.
    fn dict_entries(
        &mut self,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
        pos: Pos,
    ) -> R<Expr> {
        loop {
            let last = values[values.len() - 1].pos;
            if !self.eat(Tok::Comma)? {
                if !self.eat(Tok::RBrace)? {
                    return Err(self.comma_hint(last));
                }
                break;
            }
            if self.eat(Tok::RBrace)? {
                break;
            }
            if self.eat(Tok::DoubleStar)? {
                values.push(self.binary(L_BITOR)?);
                keys.push(None);
            } else {
                let k = self.expression()?;
                if !self.eat(Tok::Colon)? {
                    return Err(self.err_at(k.pos, "':' expected after dictionary key"));
                }
                keys.push(Some(k));
                values.push(self.expression()?);
            }
        }
        Ok(mk(pos, ExprKind::Dict { keys, values }))
    }

    // ----- strings -----

    /// A literal's decoding error: escape errors point after the literal,
    /// like CPython's.
    #[cold]
    fn str_err(&self, t: &Token, m: &str) -> CompileError {
        let mut pos = pos_of(t);
        if m.starts_with('(') {
            let mut c = Cursor {
                off: t.start,
                line: t.line,
                col: t.col,
            };
            c.advance(self.src, t.end);
            pos = Pos {
                line: c.line,
                col: c.col,
            };
        }
        self.err_at(pos, m)
    }

    /// Adjacent string literals, joined (a JoinedStr if any is an f-string).
    #[inline(never)]
    fn strings(&mut self) -> R<Expr> {
        let pos = self.pos();
        let mut is_bytes: Option<bool> = None;
        let mut any_f = false;
        let mut buf = String::new();
        let mut bytes = Vec::new();
        let mut parts: Vec<Expr> = Vec::new();
        while self.at(Tok::Str) {
            let t = self.bump()?;
            let sp = str_parts(self.src, &t);
            match is_bytes {
                Some(b) if b != sp.bytes => {
                    return Err(self.err_at(pos_of(&t), "cannot mix bytes and nonbytes literals"))
                }
                _ => is_bytes = Some(sp.bytes),
            }
            let content = &self.src[sp.start..sp.end];
            if sp.bytes {
                lexer::decode_bytes(content, sp.raw, &mut bytes)
                    .map_err(|m| self.str_err(&t, &m))?;
            } else if sp.fstring {
                any_f = true;
                let mut cur = Cursor {
                    off: t.start,
                    line: t.line,
                    col: t.col,
                };
                self.fstring(&sp, &mut cur, &mut parts, &mut buf, 0)?;
            } else {
                lexer::decode_str(content, sp.raw, &mut buf).map_err(|m| self.str_err(&t, &m))?;
            }
        }
        if is_bytes == Some(true) {
            return Ok(mk(pos, ExprKind::Constant(Constant::Bytes(bytes))));
        }
        if !any_f {
            return Ok(mk(pos, ExprKind::Constant(Constant::Str(buf))));
        }
        flush(&mut parts, &mut buf, pos);
        Ok(mk(pos, ExprKind::JoinedStr(parts)))
    }

    /// Parses f-string content from `cur.off` (at the start of the token on
    /// the first call) into `parts`/`buf`. With `nest > 0` it parses a format
    /// spec and stops before its closing '}'.
    #[inline(never)]
    fn fstring(
        &mut self,
        sp: &lexer::StrParts,
        cur: &mut Cursor,
        parts: &mut Vec<Expr>,
        buf: &mut String,
        nest: u32,
    ) -> R<()> {
        let src = self.src;
        let b = src.as_bytes();
        if nest == 0 {
            cur.advance(src, sp.start);
        }
        let mut i = cur.off;
        let mut lit = i;
        let end = sp.end;
        let lit_err = |p: &Parser, cur: &Cursor, m: &str| {
            let mut e = p.err_at(
                Pos {
                    line: cur.line,
                    col: cur.col,
                },
                m,
            );
            e.msg = format!("f-string: {}", m);
            e
        };
        // Flushes the literal run [lit, i) into buf.
        macro_rules! flush_lit {
            () => {
                if lit < i {
                    lexer::decode_str(&src[lit..i], sp.raw, buf).map_err(|m| {
                        self.err_at(
                            Pos {
                                line: cur.line,
                                col: cur.col,
                            },
                            &m,
                        )
                    })?;
                }
            };
        }
        while i < end {
            match b[i] {
                b'\\' if !sp.raw => {
                    // Skip the escaped character (`\N{...}` as a whole).
                    if b.get(i + 1) == Some(&b'N') && b.get(i + 2) == Some(&b'{') {
                        i = src[i..end].find('}').map_or(end, |k| i + k + 1);
                    } else if matches!(b.get(i + 1), Some(b'{' | b'}')) {
                        // `\{` is a kept backslash, then a brace.
                        i += 1;
                    } else {
                        i += 2;
                        while i < end && (b[i] & 0xC0) == 0x80 {
                            i += 1;
                        }
                    }
                }
                b'{' if b.get(i + 1) == Some(&b'{') && i + 1 < end && nest == 0 => {
                    i += 1;
                    flush_lit!();
                    i += 1;
                    lit = i;
                }
                b'}' if b.get(i + 1) == Some(&b'}') && i + 1 < end && nest == 0 => {
                    i += 1;
                    flush_lit!();
                    i += 1;
                    lit = i;
                }
                b'}' => {
                    if nest > 0 {
                        flush_lit!();
                        cur.advance(src, i);
                        return Ok(());
                    }
                    cur.advance(src, i);
                    return Err(lit_err(self, cur, "single '}' is not allowed"));
                }
                b'{' => {
                    flush_lit!();
                    cur.advance(src, i);
                    if nest >= 2 {
                        return Err(lit_err(self, cur, "expressions nested too deeply"));
                    }
                    i = self.fstring_field(sp, cur, i + 1, parts, buf, nest)?;
                    lit = i;
                }
                _ => i += 1,
            }
        }
        let i = end.min(i);
        flush_lit!();
        if nest > 0 {
            cur.advance(src, i);
            return Err(lit_err(self, cur, "expecting '}'"));
        }
        Ok(())
    }

    /// One `{expr[=][!c][:spec]}` field starting after '{'; returns the
    /// offset after its '}'.
    #[inline(never)]
    fn fstring_field(
        &mut self,
        sp: &lexer::StrParts,
        cur: &mut Cursor,
        start: usize,
        parts: &mut Vec<Expr>,
        buf: &mut String,
        nest: u32,
    ) -> R<usize> {
        let src = self.src;
        let b = src.as_bytes();
        let end = sp.end;
        let ferr_raw =
            |cur: &Cursor, m: &str| error(ErrorKind::Syntax, m.into(), cur.line, cur.col);
        let ferr = |cur: &Cursor, m: &str| ferr_raw(cur, &format!("f-string: {}", m));
        // Find where the expression stops.
        let mut j = start;
        let mut depth = 0u32;
        let mut quote: Option<u8> = None;
        let mut debug = false;
        loop {
            if j >= end {
                cur.advance(src, j.min(end));
                return Err(ferr(cur, "expecting '}'"));
            }
            let c = b[j];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                j += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth > 0 => depth -= 1,
                b'}' => break,
                b'\\' => {
                    cur.advance(src, j);
                    return Err(ferr_raw(
                        cur,
                        "f-string expression part cannot include a backslash",
                    ));
                }
                b'#' => {
                    cur.advance(src, j);
                    return Err(ferr_raw(cur, "f-string expression part cannot include '#'"));
                }
                b'!' | b'=' | b'<' | b'>' if b.get(j + 1) == Some(&b'=') => {
                    j += 1;
                }
                b'!' | b':' if depth == 0 => break,
                b'=' if depth == 0 => {
                    debug = true;
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let expr_text = &src[start..j];
        cur.advance(src, start);
        if expr_text
            .trim_matches(|c: char| c.is_ascii_whitespace())
            .is_empty()
        {
            return Err(ferr(cur, "empty expression not allowed"));
        }
        // Parse the expression with a nested lexer.
        let lx = Lexer::new_nested(src, start, j, cur.line, cur.col);
        let mut p = Parser::new(src, lx, self.depth + 1).map_err(fprefix)?;
        p.in_fstring = true;
        let value = if p.at(Tok::Yield) {
            p.yield_expr()
        } else {
            p.star_expressions()
        }
        .map_err(fprefix)?;
        if matches!(value.kind, ExprKind::Starred { .. }) {
            return Err(p.err_at(value.pos, "cannot use starred expression here"));
        }
        if !p.at(Tok::EndMarker) {
            return Err(p.comma_hint(value.pos));
        }
        let pos = value.pos;
        if debug {
            j += 1;
            // Text through '=' plus following whitespace.
            while j < end && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            buf.push_str(&src[start..j]);
        }
        let mut conversion = None;
        if j < end && b[j] == b'!' {
            let c = b.get(j + 1).copied().unwrap_or(0);
            if j + 1 >= end || !matches!(c, b's' | b'r' | b'a') {
                cur.advance(src, j.min(end));
                return Err(ferr(
                    cur,
                    "invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = Some(c as char);
            j += 2;
        }
        let mut format_spec = None;
        if j < end && b[j] == b':' {
            let mut spec_parts = Vec::new();
            let mut spec_buf = String::new();
            cur.advance(src, j + 1);
            self.fstring(sp, cur, &mut spec_parts, &mut spec_buf, nest + 1)?;
            let spos = Pos {
                line: cur.line,
                col: cur.col,
            };
            flush(&mut spec_parts, &mut spec_buf, spos);
            j = cur.off;
            format_spec = Some(bx(mk(pos, ExprKind::JoinedStr(spec_parts))));
        }
        if j >= end || b[j] != b'}' {
            cur.advance(src, j.min(end));
            return Err(ferr(cur, "expecting '}'"));
        }
        if debug && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        flush(parts, buf, pos);
        parts.push(mk(
            pos,
            ExprKind::FormattedValue {
                value: bx(value),
                conversion,
                format_spec,
            },
        ));
        Ok(j + 1)
    }
}

/// Adds an "f-string: " prefix to an error from a field's sub-parser
/// (unless it already has one).
fn fprefix(mut e: CompileError) -> CompileError {
    if !e.msg.starts_with("f-string") {
        e.msg = format!("f-string: {}", e.msg);
    }
    e
}

/// Moves a pending literal into `parts` as a Constant.
fn flush(parts: &mut Vec<Expr>, buf: &mut String, pos: Pos) {
    if !buf.is_empty() {
        let s = core::mem::take(buf);
        if let Some(Expr {
            kind: ExprKind::Constant(Constant::Str(prev)),
            ..
        }) = parts.last_mut()
        {
            prev.push_str(&s);
        } else {
            parts.push(mk(pos, ExprKind::Constant(Constant::Str(s))));
        }
    }
}

/// A byte offset with its line and column, moved forward only.
struct Cursor {
    off: usize,
    line: u32,
    col: u32,
}

impl Cursor {
    fn advance(&mut self, src: &str, to: usize) {
        let b = src.as_bytes();
        while self.off < to && self.off < b.len() {
            let c = b[self.off];
            if c == b'\n' || (c == b'\r' && b.get(self.off + 1) != Some(&b'\n')) {
                self.line += 1;
                self.col = 0;
            } else if c & 0xC0 != 0x80 && c != b'\r' {
                self.col += 1;
            }
            self.off += 1;
        }
    }
}

#[cfg(test)]
mod tests;
