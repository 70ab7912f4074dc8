//! The abstract syntax tree: what the parser produces and code generation reads.
//!
//! It follows CPython's `ast` module closely (same node names and fields)
//! so that CPython's documentation describes it. Every statement and
//! expression carries the source position of its first token.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// A source position: 1-based line, 0-based column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 0.
    pub col: u32,
}

/// A whole module (a file, `exec` input, one REPL entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The statements, in order.
    pub body: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Where the statement starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// The statements.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def name(args): body`, with decorators (outermost first).
    FunctionDef {
        /// Function name.
        name: String,
        /// Parameters.
        args: Box<Arguments>,
        /// Body.
        body: Vec<Stmt>,
        /// Decorator expressions, in source order.
        decorators: Vec<Expr>,
        /// Return annotation (evaluated nowhere; kept for completeness).
        returns: Option<Box<Expr>>,
    },
    /// `class name(bases, keywords): body`
    ClassDef {
        /// Class name.
        name: String,
        /// Base class expressions (may contain `Starred`).
        bases: Vec<Expr>,
        /// Keyword arguments (`metaclass=...`).
        keywords: Vec<Keyword>,
        /// Body.
        body: Vec<Stmt>,
        /// Decorators, in source order.
        decorators: Vec<Expr>,
    },
    /// `return value`
    Return(Option<Expr>),
    /// `del a, b[i], c.d`
    Delete(Vec<Expr>),
    /// `t1 = t2 = value` (targets in source order).
    Assign {
        /// Targets (Name, Attribute, Subscript, Tuple, List, Starred inside those).
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`
    AugAssign {
        /// Name, Attribute or Subscript.
        target: Expr,
        /// The operator.
        op: Operator,
        /// The value.
        value: Expr,
    },
    /// `target: annotation = value` (value optional).
    AnnAssign {
        /// The target.
        target: Expr,
        /// The annotation.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
        /// True when the target is a plain name not in parentheses.
        simple: bool,
    },
    /// `for target in iter: body else: orelse`
    For {
        /// Loop target.
        target: Expr,
        /// Iterated expression.
        iter: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// `else` block (runs when the loop was not broken).
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`
    While {
        /// Condition.
        test: Expr,
        /// Body.
        body: Vec<Stmt>,
        /// `else` block.
        orelse: Vec<Stmt>,
    },
    /// `if test: body else: orelse` (`elif` is a nested If in orelse).
    If {
        /// Condition.
        test: Expr,
        /// Body.
        body: Vec<Stmt>,
        /// `else`/`elif` block.
        orelse: Vec<Stmt>,
    },
    /// `with a as x, b: body`
    With {
        /// Context managers, outermost first.
        items: Vec<WithItem>,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `raise exc from cause`
    Raise {
        /// Exception (None: re-raise).
        exc: Option<Expr>,
        /// Cause.
        cause: Option<Expr>,
    },
    /// `try: body except...: handlers else: orelse finally: finalbody`
    Try {
        /// Protected body.
        body: Vec<Stmt>,
        /// `except` clauses, in order.
        handlers: Vec<ExceptHandler>,
        /// `else` block.
        orelse: Vec<Stmt>,
        /// `finally` block.
        finalbody: Vec<Stmt>,
    },
    /// `assert test, msg`
    Assert {
        /// Condition.
        test: Expr,
        /// Message.
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from ..module import a as b, c` / `from m import *` (one alias named `*`).
    ImportFrom {
        /// Module name (None for `from . import x`).
        module: Option<String>,
        /// Imported names.
        names: Vec<Alias>,
        /// Number of leading dots.
        level: u32,
    },
    /// `global a, b`
    Global(Vec<String>),
    /// `nonlocal a, b`
    Nonlocal(Vec<String>),
    /// An expression statement.
    Expr(Expr),
    /// `pass`
    Pass,
    /// `break`
    Break,
    /// `continue`
    Continue,
}

/// An expression with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Where the expression starts.
    pub pos: Pos,
    /// What it is.
    pub kind: ExprKind,
}

/// The expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`
    BoolOp {
        /// `and` or `or`.
        op: BoolOperator,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `target := value`
    NamedExpr {
        /// A Name.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// Operator.
        op: Operator,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`
    UnaryOp {
        /// Operator.
        op: UnaryOperator,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `lambda args: body`
    Lambda {
        /// Parameters.
        args: Box<Arguments>,
        /// Body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        /// Condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a None key is a `**m` entry.
    Dict {
        /// Keys (None for `**value`).
        keys: Vec<Option<Expr>>,
        /// Values.
        values: Vec<Expr>,
    },
    /// `{a, b}`
    Set(Vec<Expr>),
    /// `[elt for ...]`
    ListComp {
        /// Element.
        elt: Box<Expr>,
        /// `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`
    SetComp {
        /// Element.
        elt: Box<Expr>,
        /// Clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`
    DictComp {
        /// Key.
        key: Box<Expr>,
        /// Value.
        value: Box<Expr>,
        /// Clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`
    GeneratorExp {
        /// Element.
        elt: Box<Expr>,
        /// Clauses.
        generators: Vec<Comprehension>,
    },
    /// `yield value`
    Yield(Option<Box<Expr>>),
    /// `yield from value`
    YieldFrom(Box<Expr>),
    /// `left < a <= b` : ops and comparators pair up.
    Compare {
        /// First operand.
        left: Box<Expr>,
        /// Operators.
        ops: Vec<CmpOperator>,
        /// Following operands.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`; `*x` args are Starred, `**m` keywords have no name.
    Call {
        /// Called expression.
        func: Box<Expr>,
        /// Positional arguments (may contain Starred).
        args: Vec<Expr>,
        /// Keyword arguments.
        keywords: Vec<Keyword>,
    },
    /// `f"..{value!conv:spec}.."` : one replacement field.
    FormattedValue {
        /// The value.
        value: Box<Expr>,
        /// Conversion: None, `s`, `r` or `a`.
        conversion: Option<char>,
        /// Format spec (a JoinedStr), if any.
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: Constant str parts and FormattedValue parts.
    JoinedStr(Vec<Expr>),
    /// A literal.
    Constant(Constant),
    /// `value.attr`
    Attribute {
        /// Object.
        value: Box<Expr>,
        /// Attribute name.
        attr: String,
        /// Load, Store or Del.
        ctx: Ctx,
    },
    /// `value[slice]`
    Subscript {
        /// Container.
        value: Box<Expr>,
        /// Index (a Slice, a Tuple of them, or any expression).
        slice: Box<Expr>,
        /// Load, Store or Del.
        ctx: Ctx,
    },
    /// `*value` in a call, display or assignment target.
    Starred {
        /// The starred expression.
        value: Box<Expr>,
        /// Load or Store.
        ctx: Ctx,
    },
    /// A name.
    Name {
        /// Identifier.
        id: String,
        /// Load, Store or Del.
        ctx: Ctx,
    },
    /// `[a, b]`
    List {
        /// Elements.
        elts: Vec<Expr>,
        /// Load, Store or Del.
        ctx: Ctx,
    },
    /// `(a, b)` / `a, b`
    Tuple {
        /// Elements.
        elts: Vec<Expr>,
        /// Load, Store or Del.
        ctx: Ctx,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An integer literal that fits in i64.
    Int(i64),
    /// A larger integer literal: little-endian base 2**32 digits.
    BigInt(Vec<u32>),
    /// A float literal.
    Float(f64),
    /// A string literal (adjacent literals already joined).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
}

/// Whether an expression is read, assigned or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Read.
    Load,
    /// Assigned.
    Store,
    /// Deleted.
    Del,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOperator {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Binary operators (also used by augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOperator {
    /// `~`
    Invert,
    /// `not`
    Not,
    /// `+`
    UAdd,
    /// `-`
    USub,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOperator {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// Target.
    pub target: Expr,
    /// Iterated expression.
    pub iter: Expr,
    /// `if` conditions.
    pub ifs: Vec<Expr>,
}

/// An `except type as name: body` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// Where `except` stands.
    pub pos: Pos,
    /// Exception type expression (None for a bare `except:`).
    pub typ: Option<Expr>,
    /// `as` name.
    pub name: Option<String>,
    /// Body.
    pub body: Vec<Stmt>,
}

/// A function's parameters.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    /// Positional-only parameters (before `/`).
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*args`.
    pub vararg: Option<Arg>,
    /// Keyword-only parameters.
    pub kwonlyargs: Vec<Arg>,
    /// Defaults of keyword-only parameters (None: required), same length as kwonlyargs.
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwargs`.
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional parameters (posonly + args).
    pub defaults: Vec<Expr>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// Where it stands.
    pub pos: Pos,
    /// Name.
    pub arg: String,
    /// Annotation, if any.
    pub annotation: Option<Box<Expr>>,
}

/// A keyword argument `arg=value`, or `**value` when arg is None.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// Where it stands.
    pub pos: Pos,
    /// Keyword (None for `**mapping`).
    pub arg: Option<String>,
    /// Value.
    pub value: Expr,
}

/// `name as asname` in an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Where it stands.
    pub pos: Pos,
    /// Imported (dotted) name, or `*`.
    pub name: String,
    /// `as` name.
    pub asname: Option<String>,
}

/// `context_expr as optional_vars` in a with statement.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context_expr: Expr,
    /// The `as` target.
    pub optional_vars: Option<Expr>,
}
