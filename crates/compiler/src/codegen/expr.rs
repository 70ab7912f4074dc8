//! Expressions: operators, displays, calls, f-strings, conditional jumps
//! and a little constant folding.

use alloc::string::String;
use alloc::vec::Vec;

use fzpy_bytecode::opcode::CmpOp;
use fzpy_bytecode::{Const, Op};

use super::stmt::binop;
use super::{CResult, Compiler};
use crate::ast::{self, BoolOperator, CmpOperator, Ctx, Expr, ExprKind, Pos, UnaryOperator};

/// Displays keep at most this many items on the stack before switching to
/// append-one-at-a-time (bounds `stacksize` for long literals).
const STACK_ITEMS: usize = 16;

/// The constant-pool form of a literal.
pub(crate) fn constant(c: &ast::Constant) -> Const {
    match c {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(b) => Const::Bool(*b),
        ast::Constant::Ellipsis => Const::Ellipsis,
        ast::Constant::Int(i) => Const::Int(*i),
        ast::Constant::BigInt(d) => Const::BigInt(d.clone()),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Str(s) => Const::Str(s.clone()),
        ast::Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

/// The truth value of a constant.
fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Ellipsis => true,
        Const::Int(i) => *i != 0,
        Const::BigInt(d) => d.iter().any(|&x| x != 0),
        Const::Float(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) => !t.is_empty(),
        Const::Code(_) => return None,
    })
}

/// Python's floor division and modulo on i64 (None on overflow or zero).
fn floor_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// Folds small, safe constant expressions (`-1`, `2**8`, `(1, 2)`);
/// `budget` bounds the recursion.
fn fold(e: &Expr, budget: u32) -> Option<Const> {
    if budget == 0 {
        return None;
    }
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::UnaryOp { op, operand } => match (op, fold(operand, budget - 1)?) {
            (UnaryOperator::USub, Const::Int(i)) => i.checked_neg().map(Const::Int),
            (UnaryOperator::USub, Const::Float(f)) => Some(Const::Float(-f)),
            (UnaryOperator::UAdd, k @ (Const::Int(_) | Const::Float(_))) => Some(k),
            (UnaryOperator::Invert, Const::Int(i)) => Some(Const::Int(!i)),
            _ => None,
        },
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left, budget - 1)?;
            let r = fold(right, budget - 1)?;
            use ast::Operator as O;
            match (l, r) {
                (Const::Int(a), Const::Int(b)) => {
                    let v = match op {
                        O::Add => a.checked_add(b)?,
                        O::Sub => a.checked_sub(b)?,
                        O::Mult => a.checked_mul(b)?,
                        O::FloorDiv => floor_divmod(a, b)?.0,
                        O::Mod => floor_divmod(a, b)?.1,
                        O::Pow if (0..64).contains(&b) => a.checked_pow(b as u32)?,
                        O::LShift if (0..63).contains(&b) => {
                            let v = (a as i128) << b;
                            i64::try_from(v).ok()?
                        }
                        O::RShift if b >= 0 => a >> b.min(63),
                        O::BitAnd => a & b,
                        O::BitOr => a | b,
                        O::BitXor => a ^ b,
                        _ => return None,
                    };
                    Some(Const::Int(v))
                }
                (Const::Float(a), Const::Float(b)) => match op {
                    O::Add => Some(Const::Float(a + b)),
                    O::Sub => Some(Const::Float(a - b)),
                    O::Mult => Some(Const::Float(a * b)),
                    _ => None,
                },
                (Const::Str(a), Const::Str(b)) if *op == O::Add && a.len() + b.len() <= 256 => {
                    let mut s = a;
                    s.push_str(&b);
                    Some(Const::Str(s))
                }
                _ => None,
            }
        }
        ExprKind::Tuple { elts, .. } => {
            let mut items = Vec::with_capacity(elts.len());
            for x in elts {
                items.push(fold(x, budget - 1)?);
            }
            Some(Const::Tuple(items))
        }
        _ => None,
    }
}

/// Which collection a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    /// Compiles an expression that leaves its value on the stack.
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        self.enter(e.pos)?;
        let saved = self.b().line;
        self.set_line(e.pos.line);
        let r = self.expr_inner(e);
        self.b().line = saved;
        self.leave();
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = match op {
                    BoolOperator::And => Op::JUMP_IF_FALSE_OR_POP,
                    BoolOperator::Or => Op::JUMP_IF_TRUE_OR_POP,
                };
                let (last, init) = match values.split_last() {
                    Some(x) => x,
                    None => return Err(self.error("empty boolean operation", e.pos)),
                };
                for v in init {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit_arg(Op::COPY, 1);
                match &target.kind {
                    ExprKind::Name { id, .. } => self.name_op(id, Ctx::Store, target.pos)?,
                    _ => {
                        return Err(self.error(
                            "cannot use assignment expressions with this target",
                            target.pos,
                        ))
                    }
                }
            }
            ExprKind::BinOp { .. } => self.binop_expr(e)?,
            ExprKind::UnaryOp { op, operand } => self.unary_expr(e, *op, operand)?,
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let els = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, els)?;
                self.expr(body)?;
                self.emit_jump(Op::JUMP, end);
                self.bind(els);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values, e.pos)?,
            ExprKind::Set(elts) => self.seq_display(elts, Seq::Set, e.pos)?,
            ExprKind::List { elts, .. } => self.seq_display(elts, Seq::List, e.pos)?,
            ExprKind::Tuple { elts, .. } => match fold(e, 8) {
                Some(k) => self.load_const(k),
                None => self.seq_display(elts, Seq::Tuple, e.pos)?,
            },
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, key, Some(value))?,
            ExprKind::Yield(v) => {
                self.check_in_function(e.pos)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Op::YIELD_VALUE);
            }
            ExprKind::YieldFrom(v) => self.yield_from(e, v)?,
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators, e.pos)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.formatted_value(e, value, *conversion, format_spec.as_deref())?,
            ExprKind::JoinedStr(parts) => match parts.as_slice() {
                [] => self.load_const(Const::Str(String::new())),
                [one @ Expr {
                    kind:
                        ExprKind::FormattedValue { .. } | ExprKind::Constant(ast::Constant::Str(_)),
                    ..
                }] => self.expr(one)?,
                _ => {
                    for p in parts {
                        self.expr(p)?;
                    }
                    let n = self.count(parts.len(), e.pos)?;
                    self.emit_arg(Op::BUILD_STRING, n);
                }
            },
            ExprKind::Constant(c) => self.load_const(constant(c)),
            ExprKind::Attribute { value, attr, .. } => self.attribute(value, attr)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::BINARY_SUBSCR);
            }
            ExprKind::Starred { .. } => {
                return Err(self.error("can't use starred expression here", e.pos))
            }
            ExprKind::Name { id, .. } => self.name_op(id, Ctx::Load, e.pos)?,
            ExprKind::Slice { lower, upper, step } => {
                self.slice_expr(lower.as_deref(), upper.as_deref(), step.as_deref())?
            }
        }
        Ok(())
    }

    /// A binary operation (folded, or its left spine walked without recursion).
    #[inline(never)]
    fn binop_expr(&mut self, e: &'a Expr) -> CResult {
        if let Some(k) = fold(e, 8) {
            self.load_const(k);
        } else {
            // Walk the left spine iteratively: `a + b + c + ...`
            // costs no native stack per operator.
            let mut spine = Vec::new();
            let mut cur = e;
            while let ExprKind::BinOp { left, op, right } = &cur.kind {
                spine.push((cur.pos.line, *op, &**right));
                cur = left;
                if fold(cur, 8).is_some() {
                    break;
                }
            }
            self.expr(cur)?;
            for (line, op, right) in spine.into_iter().rev() {
                self.expr(right)?;
                self.set_line(line);
                self.emit_arg(Op::BINARY_OP, binop(op) as u16);
            }
        }
        Ok(())
    }

    /// A unary operation (folded when constant).
    #[inline(never)]
    fn unary_expr(&mut self, e: &'a Expr, op: UnaryOperator, operand: &'a Expr) -> CResult {
        if let Some(k) = fold(e, 8) {
            self.load_const(k);
        } else {
            self.expr(operand)?;
            self.emit(match op {
                UnaryOperator::Invert => Op::UNARY_INVERT,
                UnaryOperator::Not => Op::UNARY_NOT,
                UnaryOperator::UAdd => Op::UNARY_POSITIVE,
                UnaryOperator::USub => Op::UNARY_NEGATIVE,
            });
        }
        Ok(())
    }

    /// `yield from v`.
    #[inline(never)]
    fn yield_from(&mut self, e: &'a Expr, v: &'a Expr) -> CResult {
        self.check_in_function(e.pos)?;
        self.expr(v)?;
        self.emit(Op::GET_YIELD_FROM_ITER);
        self.load_const(Const::None);
        let l = self.new_label();
        let exit = self.new_label();
        self.bind(l);
        self.emit_jump(Op::SEND, exit);
        self.emit(Op::YIELD_VALUE);
        self.emit_jump(Op::JUMP, l);
        self.bind(exit);
        Ok(())
    }

    /// An f-string field: its value, conversion and format spec.
    #[inline(never)]
    fn formatted_value(
        &mut self,
        e: &'a Expr,
        value: &'a Expr,
        conversion: Option<char>,
        format_spec: Option<&'a Expr>,
    ) -> CResult {
        self.expr(value)?;
        let mut arg = match conversion {
            None => 0,
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            Some(_) => return Err(self.error("invalid conversion character", e.pos)),
        };
        if let Some(spec) = format_spec {
            self.expr(spec)?;
            arg |= 4;
        }
        self.emit_arg(Op::FORMAT_VALUE, arg);
        Ok(())
    }

    /// `value.attr` (Load).
    #[inline(never)]
    fn attribute(&mut self, value: &'a Expr, attr: &'a str) -> CResult {
        self.expr(value)?;
        let m = self.mangled(attr);
        self.name_arg(Op::LOAD_ATTR, &m);
        Ok(())
    }

    /// A slice `lower:upper:step` (BUILD_SLICE).
    #[inline(never)]
    fn slice_expr(
        &mut self,
        lower: Option<&'a Expr>,
        upper: Option<&'a Expr>,
        step: Option<&'a Expr>,
    ) -> CResult {
        for part in [lower, upper] {
            match part {
                Some(x) => self.expr(x)?,
                None => self.load_const(Const::None),
            }
        }
        match step {
            Some(s) => {
                self.expr(s)?;
                self.emit_arg(Op::BUILD_SLICE, 3);
            }
            None => self.emit_arg(Op::BUILD_SLICE, 2),
        }
        Ok(())
    }

    fn check_in_function(&self, pos: Pos) -> CResult {
        if self.unit_ref().kind.is_function_like() {
            Ok(())
        } else {
            Err(self.error("'yield' outside function", pos))
        }
    }

    /// Jumps to `target` when `e` is true (`cond`) or false (`!cond`);
    /// falls through otherwise. Consumes the value.
    pub fn jump_if(&mut self, e: &'a Expr, cond: bool, target: super::Label) -> CResult {
        self.enter(e.pos)?;
        let saved = self.b().line;
        self.set_line(e.pos.line);
        let r = self.jump_if_inner(e, cond, target);
        self.b().line = saved;
        self.leave();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, cond: bool, target: super::Label) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOperator::Not,
                operand,
            } => return self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_and = *op == BoolOperator::And;
                if is_and != cond {
                    // `a and b` jumping when false / `a or b` jumping when true.
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let next = self.new_label();
                    let (last, init) = values.split_last().expect("non-empty");
                    for v in init {
                        self.jump_if(v, !cond, next)?;
                    }
                    self.jump_if(last, cond, target)?;
                    self.bind(next);
                }
                return Ok(());
            }
            ExprKind::Constant(c) => {
                if let Some(t) = truthy(&constant(c)) {
                    if t == cond {
                        self.emit_jump(Op::JUMP, target);
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if cond {
            Op::POP_JUMP_IF_TRUE
        } else {
            Op::POP_JUMP_IF_FALSE
        };
        self.emit_jump(op, target);
        Ok(())
    }

    fn cmp_op(&mut self, op: CmpOperator) {
        let (o, a) = match op {
            CmpOperator::Eq => (Op::COMPARE_OP, CmpOp::Eq as u16),
            CmpOperator::NotEq => (Op::COMPARE_OP, CmpOp::Ne as u16),
            CmpOperator::Lt => (Op::COMPARE_OP, CmpOp::Lt as u16),
            CmpOperator::LtE => (Op::COMPARE_OP, CmpOp::Le as u16),
            CmpOperator::Gt => (Op::COMPARE_OP, CmpOp::Gt as u16),
            CmpOperator::GtE => (Op::COMPARE_OP, CmpOp::Ge as u16),
            CmpOperator::Is => (Op::IS_OP, 0),
            CmpOperator::IsNot => (Op::IS_OP, 1),
            CmpOperator::In => (Op::CONTAINS_OP, 0),
            CmpOperator::NotIn => (Op::CONTAINS_OP, 1),
        };
        self.emit_arg(o, a);
    }

    /// `a < b < c`: middle operands are evaluated once; a false link
    /// short-circuits through a cleanup that drops the kept operand.
    #[inline(never)]
    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOperator],
        comparators: &'a [Expr],
        pos: Pos,
    ) -> CResult {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(self.error("malformed comparison", pos));
        }
        self.expr(left)?;
        let n = ops.len();
        if n == 1 {
            self.expr(&comparators[0])?;
            self.cmp_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.emit_arg(Op::SWAP, 2);
            self.emit_arg(Op::COPY, 2);
            self.cmp_op(ops[i]);
            self.emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.cmp_op(ops[n - 1]);
        self.emit_jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit_arg(Op::SWAP, 2);
        self.emit(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    /// Pushes a tuple of the values of `elts` (defaults tuples).
    pub fn tuple_of(&mut self, elts: &'a [Expr], pos: Pos) -> CResult {
        let mut items = Vec::new();
        for x in elts {
            match fold(x, 8) {
                Some(k) => items.push(k),
                None => break,
            }
        }
        if items.len() == elts.len() {
            self.load_const(Const::Tuple(items));
            Ok(())
        } else {
            self.seq_display(elts, Seq::Tuple, pos)
        }
    }

    #[inline(never)]
    fn seq_display(&mut self, elts: &'a [Expr], kind: Seq, pos: Pos) -> CResult {
        if kind != Seq::Tuple && elts.len() >= 3 {
            // All-constant list/set: extend an empty one by a constant tuple.
            let mut items = Vec::new();
            for x in elts {
                match fold(x, 8) {
                    Some(k) if !is_starred(x) => items.push(k),
                    _ => break,
                }
            }
            if items.len() == elts.len() {
                let (build, extend) = if kind == Seq::Set {
                    (Op::BUILD_SET, Op::SET_UPDATE)
                } else {
                    (Op::BUILD_LIST, Op::LIST_EXTEND)
                };
                self.emit_arg(build, 0);
                self.load_const(Const::Tuple(items));
                self.emit_arg(extend, 1);
                return Ok(());
            }
        }
        self.build_seq(elts, kind, 0, pos)
    }

    /// Builds a list/tuple/set from `elts` (with `*x` parts), `pre` items
    /// being already on the stack as its first elements.
    fn build_seq(&mut self, elts: &'a [Expr], kind: Seq, pre: usize, pos: Pos) -> CResult {
        let (build, append, extend) = if kind == Seq::Set {
            (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE)
        } else {
            (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND)
        };
        let mut n = pre;
        let mut built = false;
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    let c = self.count(n, pos)?;
                    self.emit_arg(build, c);
                    built = true;
                }
                self.expr(value)?;
                self.emit_arg(extend, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.emit_arg(append, 1);
                } else {
                    n += 1;
                    let more = i + 1 < elts.len();
                    if n >= STACK_ITEMS && more {
                        let c = self.count(n, pos)?;
                        self.emit_arg(build, c);
                        built = true;
                    }
                }
            }
        }
        let c = self.count(n, pos)?;
        match (built, kind) {
            (false, Seq::Tuple) => self.emit_arg(Op::BUILD_TUPLE, c),
            (false, _) => self.emit_arg(build, c),
            (true, Seq::Tuple) => self.emit(Op::LIST_TO_TUPLE),
            (true, _) => {}
        }
        Ok(())
    }

    #[inline(never)]
    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], pos: Pos) -> CResult {
        if keys.len() != values.len() {
            return Err(self.error("malformed dict display", pos));
        }
        let mut pending = 0usize;
        let mut have_dict = false;
        for (k, v) in keys.iter().zip(values.iter()) {
            match k {
                None => {
                    if !have_dict {
                        let c = self.count(pending, pos)?;
                        self.emit_arg(Op::BUILD_MAP, c);
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit_arg(Op::DICT_UPDATE, 1);
                }
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    if have_dict {
                        self.emit_arg(Op::MAP_ADD, 1);
                    } else {
                        pending += 1;
                        if pending >= STACK_ITEMS {
                            let c = self.count(pending, pos)?;
                            self.emit_arg(Op::BUILD_MAP, c);
                            have_dict = true;
                            pending = 0;
                        }
                    }
                }
            }
        }
        if !have_dict {
            let c = self.count(pending, pos)?;
            self.emit_arg(Op::BUILD_MAP, c);
        }
        Ok(())
    }

    #[inline(never)]
    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult {
        let starred = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        match &func.kind {
            ExprKind::Attribute { value, attr, .. } if !starred => {
                self.expr(value)?;
                self.set_line(func.pos.line);
                let m = self.mangled(attr);
                self.name_arg(Op::LOAD_METHOD, &m);
                self.set_line(e.pos.line);
            }
            _ => {
                self.emit(Op::PUSH_NULL);
                self.expr(func)?;
            }
        }
        self.call_args(0, args, keywords, e.pos)
    }

    /// Pushes the arguments and emits the call; `pre` positional arguments
    /// are already on the stack (above the callable).
    pub fn call_args(
        &mut self,
        pre: usize,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        pos: Pos,
    ) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[..i].iter().any(|o| o.arg.as_ref() == Some(name)) {
                    let msg = alloc::format!("keyword argument repeated: {}", name);
                    return Err(self.error(&msg, k.pos));
                }
            }
        }
        let starred = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if !starred {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            let n = self.count(pre + args.len() + keywords.len(), pos)?;
            self.set_line(pos.line);
            if keywords.is_empty() {
                self.emit_arg(Op::CALL, n);
            } else {
                let names = keywords
                    .iter()
                    .map(|k| Const::Str(k.arg.clone().unwrap_or_default()))
                    .collect();
                self.load_const(Const::Tuple(names));
                self.emit_arg(Op::CALL_KW, n);
            }
            return Ok(());
        }
        // `f(*a)`: CALL_EX takes the iterable as it is (and names f in its error).
        match (pre, args) {
            (
                0,
                [Expr {
                    kind: ExprKind::Starred { value, .. },
                    ..
                }],
            ) => self.expr(value)?,
            _ => self.build_seq(args, Seq::Tuple, pre, pos)?,
        }
        if keywords.is_empty() {
            self.set_line(pos.line);
            self.emit_arg(Op::CALL_EX, 0);
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0usize;
        for k in keywords {
            match &k.arg {
                None => {
                    if pending > 0 {
                        let c = self.count(pending, pos)?;
                        self.emit_arg(Op::BUILD_MAP, c);
                        if have_dict {
                            self.emit_arg(Op::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Op::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit_arg(Op::DICT_MERGE, 1);
                }
                Some(name) => {
                    self.load_const(Const::Str(name.clone()));
                    self.expr(&k.value)?;
                    pending += 1;
                }
            }
        }
        if pending > 0 {
            let c = self.count(pending, pos)?;
            self.emit_arg(Op::BUILD_MAP, c);
            if have_dict {
                self.emit_arg(Op::DICT_MERGE, 1);
            }
        }
        self.set_line(pos.line);
        self.emit_arg(Op::CALL_EX, 1);
        Ok(())
    }
}
