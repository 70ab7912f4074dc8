//! Parser tests. Most compare against CPython 3.11's `ast.dump` output
//! (see `dump`), generated once from `python3` and pasted in `CORPUS`.
use super::*;
extern crate std;
use alloc::string::ToString;

/// CPython's `repr` of a str.
fn repr_str(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut o = String::new();
    o.push(q);
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if c == q => {
                o.push('\\');
                o.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push(q);
    o
}

fn repr_bytes(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut o = String::from("b");
    o.push(q as char);
    for &c in b {
        match c {
            b'\\' => o.push_str("\\\\"),
            b'\n' => o.push_str("\\n"),
            b'\r' => o.push_str("\\r"),
            b'\t' => o.push_str("\\t"),
            c if c == q => {
                o.push('\\');
                o.push(c as char);
            }
            0x20..=0x7e => o.push(c as char),
            c => o.push_str(&format!("\\x{:02x}", c)),
        }
    }
    o.push(q as char);
    o
}

fn bigint_dec(limbs: &[u32]) -> String {
    let mut v: Vec<u32> = limbs.to_vec();
    let mut chunks = Vec::new();
    while !v.is_empty() {
        let mut rem: u64 = 0;
        for l in v.iter_mut().rev() {
            let x = (rem << 32) | *l as u64;
            *l = (x / 1_000_000_000) as u32;
            rem = x % 1_000_000_000;
        }
        chunks.push(rem as u32);
        while v.last() == Some(&0) {
            v.pop();
        }
    }
    let mut s = format!("{}", chunks.pop().unwrap_or(0));
    while let Some(c) = chunks.pop() {
        s.push_str(&format!("{:09}", c));
    }
    s
}

fn repr_const(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(l) => bigint_dec(l),
        Constant::Float(f) => format!("{:?}", f),
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => repr_bytes(b),
    }
}

struct D(String);

impl D {
    fn s(&mut self, x: &str) {
        self.0.push_str(x);
    }
    fn list<T>(&mut self, name: &str, v: &[T], f: impl Fn(&mut Self, &T)) {
        self.s(name);
        self.s("=[");
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            f(self, x);
        }
        self.s("]");
    }
    fn exprs(&mut self, name: &str, v: &[Expr]) {
        self.list(name, v, |d, e| d.expr(e));
    }
    fn stmts(&mut self, name: &str, v: &[Stmt]) {
        self.list(name, v, |d, e| d.stmt(e));
    }
    fn opt(&mut self, name: &str, e: &Option<Expr>) {
        if let Some(e) = e {
            self.s(", ");
            self.s(name);
            self.s("=");
            self.expr(e);
        }
    }
    fn optb(&mut self, name: &str, e: &Option<Box<Expr>>) {
        if let Some(e) = e {
            self.s(", ");
            self.s(name);
            self.s("=");
            self.expr(e);
        }
    }
    fn ctx(&mut self, c: Ctx) {
        self.s(match c {
            Ctx::Load => "ctx=Load()",
            Ctx::Store => "ctx=Store()",
            Ctx::Del => "ctx=Del()",
        });
    }
    fn op(&mut self, o: Operator) {
        self.s(match o {
            Operator::Add => "Add()",
            Operator::Sub => "Sub()",
            Operator::Mult => "Mult()",
            Operator::MatMult => "MatMult()",
            Operator::Div => "Div()",
            Operator::Mod => "Mod()",
            Operator::Pow => "Pow()",
            Operator::LShift => "LShift()",
            Operator::RShift => "RShift()",
            Operator::BitOr => "BitOr()",
            Operator::BitXor => "BitXor()",
            Operator::BitAnd => "BitAnd()",
            Operator::FloorDiv => "FloorDiv()",
        });
    }
    fn gens(&mut self, g: &[Comprehension]) {
        self.list("generators", g, |d, c| {
            d.s("comprehension(target=");
            d.expr(&c.target);
            d.s(", iter=");
            d.expr(&c.iter);
            d.s(", ");
            d.exprs("ifs", &c.ifs);
            d.s(", is_async=0)");
        });
    }
    fn arg(&mut self, a: &Arg) {
        self.s(&format!("arg(arg='{}'", a.arg));
        self.optb("annotation", &a.annotation);
        self.s(")");
    }
    fn args(&mut self, a: &Arguments) {
        self.s("arguments(");
        self.list("posonlyargs", &a.posonlyargs, |d, x| d.arg(x));
        self.s(", ");
        self.list("args", &a.args, |d, x| d.arg(x));
        if let Some(v) = &a.vararg {
            self.s(", vararg=");
            self.arg(v);
        }
        self.s(", ");
        self.list("kwonlyargs", &a.kwonlyargs, |d, x| d.arg(x));
        self.s(", ");
        self.list("kw_defaults", &a.kw_defaults, |d, x| match x {
            Some(e) => d.expr(e),
            None => d.s("None"),
        });
        if let Some(v) = &a.kwarg {
            self.s(", kwarg=");
            self.arg(v);
        }
        self.s(", ");
        self.exprs("defaults", &a.defaults);
        self.s(")");
    }
    fn keywords(&mut self, k: &[Keyword]) {
        self.list("keywords", k, |d, k| {
            d.s("keyword(");
            if let Some(a) = &k.arg {
                d.s(&format!("arg='{}', ", a));
            }
            d.s("value=");
            d.expr(&k.value);
            d.s(")");
        });
    }
    fn aliases(&mut self, v: &[Alias]) {
        self.list("names", v, |d, a| {
            d.s(&format!("alias(name='{}'", a.name));
            if let Some(x) = &a.asname {
                d.s(&format!(", asname='{}'", x));
            }
            d.s(")");
        });
    }
    fn strs(&mut self, v: &[String]) {
        self.list("names", v, |d, n| d.s(&format!("'{}'", n)));
    }
    fn stmt(&mut self, st: &Stmt) {
        match &st.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorators,
                returns,
            } => {
                self.s(&format!("FunctionDef(name='{}', args=", name));
                self.args(args);
                self.s(", ");
                self.stmts("body", body);
                self.s(", ");
                self.exprs("decorator_list", decorators);
                self.optb("returns", returns);
                self.s(")");
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            } => {
                self.s(&format!("ClassDef(name='{}', ", name));
                self.exprs("bases", bases);
                self.s(", ");
                self.keywords(keywords);
                self.s(", ");
                self.stmts("body", body);
                self.s(", ");
                self.exprs("decorator_list", decorators);
                self.s(")");
            }
            StmtKind::Return(v) => {
                self.s("Return(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v);
                }
                self.s(")");
            }
            StmtKind::Delete(t) => {
                self.s("Delete(");
                self.exprs("targets", t);
                self.s(")");
            }
            StmtKind::Assign { targets, value } => {
                self.s("Assign(");
                self.exprs("targets", targets);
                self.s(", value=");
                self.expr(value);
                self.s(")");
            }
            StmtKind::AugAssign { target, op, value } => {
                self.s("AugAssign(target=");
                self.expr(target);
                self.s(", op=");
                self.op(*op);
                self.s(", value=");
                self.expr(value);
                self.s(")");
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.s("AnnAssign(target=");
                self.expr(target);
                self.s(", annotation=");
                self.expr(annotation);
                self.opt("value", value);
                self.s(&format!(", simple={})", *simple as u8));
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.s("For(target=");
                self.expr(target);
                self.s(", iter=");
                self.expr(iter);
                self.s(", ");
                self.stmts("body", body);
                self.s(", ");
                self.stmts("orelse", orelse);
                self.s(")");
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.s(if matches!(st.kind, StmtKind::If { .. }) {
                    "If(test="
                } else {
                    "While(test="
                });
                self.expr(test);
                self.s(", ");
                self.stmts("body", body);
                self.s(", ");
                self.stmts("orelse", orelse);
                self.s(")");
            }
            StmtKind::With { items, body } => {
                self.s("With(");
                self.list("items", items, |d, w| {
                    d.s("withitem(context_expr=");
                    d.expr(&w.context_expr);
                    d.opt("optional_vars", &w.optional_vars);
                    d.s(")");
                });
                self.s(", ");
                self.stmts("body", body);
                self.s(")");
            }
            StmtKind::Raise { exc, cause } => {
                self.s("Raise(");
                if let Some(e) = exc {
                    self.s("exc=");
                    self.expr(e);
                }
                self.opt("cause", cause);
                self.s(")");
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.s("Try(");
                self.stmts("body", body);
                self.s(", ");
                self.list("handlers", handlers, |d, h| {
                    d.s("ExceptHandler(");
                    if let Some(t) = &h.typ {
                        d.s("type=");
                        d.expr(t);
                        d.s(", ");
                    }
                    if let Some(n) = &h.name {
                        d.s(&format!("name='{}', ", n));
                    }
                    d.stmts("body", &h.body);
                    d.s(")");
                });
                self.s(", ");
                self.stmts("orelse", orelse);
                self.s(", ");
                self.stmts("finalbody", finalbody);
                self.s(")");
            }
            StmtKind::Assert { test, msg } => {
                self.s("Assert(test=");
                self.expr(test);
                self.opt("msg", msg);
                self.s(")");
            }
            StmtKind::Import(n) => {
                self.s("Import(");
                self.aliases(n);
                self.s(")");
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.s("ImportFrom(");
                if let Some(m) = module {
                    self.s(&format!("module='{}', ", m));
                }
                self.aliases(names);
                self.s(&format!(", level={})", level));
            }
            StmtKind::Global(n) => {
                self.s("Global(");
                self.strs(n);
                self.s(")");
            }
            StmtKind::Nonlocal(n) => {
                self.s("Nonlocal(");
                self.strs(n);
                self.s(")");
            }
            StmtKind::Expr(e) => {
                self.s("Expr(value=");
                self.expr(e);
                self.s(")");
            }
            StmtKind::Pass => self.s("Pass()"),
            StmtKind::Break => self.s("Break()"),
            StmtKind::Continue => self.s("Continue()"),
        }
    }
    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.s(if *op == BoolOperator::And {
                    "BoolOp(op=And(), "
                } else {
                    "BoolOp(op=Or(), "
                });
                self.exprs("values", values);
                self.s(")");
            }
            ExprKind::NamedExpr { target, value } => {
                self.s("NamedExpr(target=");
                self.expr(target);
                self.s(", value=");
                self.expr(value);
                self.s(")");
            }
            ExprKind::BinOp { left, op, right } => {
                self.s("BinOp(left=");
                self.expr(left);
                self.s(", op=");
                self.op(*op);
                self.s(", right=");
                self.expr(right);
                self.s(")");
            }
            ExprKind::UnaryOp { op, operand } => {
                self.s(match op {
                    UnaryOperator::Invert => "UnaryOp(op=Invert(), operand=",
                    UnaryOperator::Not => "UnaryOp(op=Not(), operand=",
                    UnaryOperator::UAdd => "UnaryOp(op=UAdd(), operand=",
                    UnaryOperator::USub => "UnaryOp(op=USub(), operand=",
                });
                self.expr(operand);
                self.s(")");
            }
            ExprKind::Lambda { args, body } => {
                self.s("Lambda(args=");
                self.args(args);
                self.s(", body=");
                self.expr(body);
                self.s(")");
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.s("IfExp(test=");
                self.expr(test);
                self.s(", body=");
                self.expr(body);
                self.s(", orelse=");
                self.expr(orelse);
                self.s(")");
            }
            ExprKind::Dict { keys, values } => {
                self.s("Dict(");
                self.list("keys", keys, |d, k| match k {
                    Some(k) => d.expr(k),
                    None => d.s("None"),
                });
                self.s(", ");
                self.exprs("values", values);
                self.s(")");
            }
            ExprKind::Set(v) => {
                self.s("Set(");
                self.exprs("elts", v);
                self.s(")");
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.s(match e.kind {
                    ExprKind::ListComp { .. } => "ListComp(elt=",
                    ExprKind::SetComp { .. } => "SetComp(elt=",
                    _ => "GeneratorExp(elt=",
                });
                self.expr(elt);
                self.s(", ");
                self.gens(generators);
                self.s(")");
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.s("DictComp(key=");
                self.expr(key);
                self.s(", value=");
                self.expr(value);
                self.s(", ");
                self.gens(generators);
                self.s(")");
            }
            ExprKind::Yield(v) => {
                self.s("Yield(");
                if let Some(v) = v {
                    self.s("value=");
                    self.expr(v);
                }
                self.s(")");
            }
            ExprKind::YieldFrom(v) => {
                self.s("YieldFrom(value=");
                self.expr(v);
                self.s(")");
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.s("Compare(left=");
                self.expr(left);
                self.s(", ");
                self.list("ops", ops, |d, o| {
                    d.s(match o {
                        CmpOperator::Eq => "Eq()",
                        CmpOperator::NotEq => "NotEq()",
                        CmpOperator::Lt => "Lt()",
                        CmpOperator::LtE => "LtE()",
                        CmpOperator::Gt => "Gt()",
                        CmpOperator::GtE => "GtE()",
                        CmpOperator::Is => "Is()",
                        CmpOperator::IsNot => "IsNot()",
                        CmpOperator::In => "In()",
                        CmpOperator::NotIn => "NotIn()",
                    })
                });
                self.s(", ");
                self.exprs("comparators", comparators);
                self.s(")");
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.s("Call(func=");
                self.expr(func);
                self.s(", ");
                self.exprs("args", args);
                self.s(", ");
                self.keywords(keywords);
                self.s(")");
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.s("FormattedValue(value=");
                self.expr(value);
                let c = conversion.map_or(-1, |c| c as i32);
                self.s(&format!(", conversion={}", c));
                self.optb("format_spec", format_spec);
                self.s(")");
            }
            ExprKind::JoinedStr(v) => {
                self.s("JoinedStr(");
                self.exprs("values", v);
                self.s(")");
            }
            ExprKind::Constant(c) => {
                self.s("Constant(value=");
                self.s(&repr_const(c));
                self.s(")");
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.s("Attribute(value=");
                self.expr(value);
                self.s(&format!(", attr='{}', ", attr));
                self.ctx(*ctx);
                self.s(")");
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.s("Subscript(value=");
                self.expr(value);
                self.s(", slice=");
                self.expr(slice);
                self.s(", ");
                self.ctx(*ctx);
                self.s(")");
            }
            ExprKind::Starred { value, ctx } => {
                self.s("Starred(value=");
                self.expr(value);
                self.s(", ");
                self.ctx(*ctx);
                self.s(")");
            }
            ExprKind::Name { id, ctx } => {
                self.s(&format!("Name(id='{}', ", id));
                self.ctx(*ctx);
                self.s(")");
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                self.s(if matches!(e.kind, ExprKind::List { .. }) {
                    "List("
                } else {
                    "Tuple("
                });
                self.exprs("elts", elts);
                self.s(", ");
                self.ctx(*ctx);
                self.s(")");
            }
            ExprKind::Slice { lower, upper, step } => {
                self.s("Slice(");
                let mut first = true;
                for (n, v) in [("lower", lower), ("upper", upper), ("step", step)] {
                    if let Some(v) = v {
                        if !first {
                            self.s(", ");
                        }
                        first = false;
                        self.s(n);
                        self.s("=");
                        self.expr(v);
                    }
                }
                self.s(")");
            }
        }
    }
}

/// The module in `ast.dump` format.
fn dump(m: &Module) -> String {
    let mut d = D(String::new());
    d.s("Module(");
    d.stmts("body", &m.body);
    d.s(", type_ignores=[])");
    d.0
}

fn p(src: &str) -> Module {
    match parse(src, Mode::Exec) {
        Ok(m) => m,
        Err(e) => panic!("parse error for {:?}: {:?}", src, e),
    }
}

fn err(src: &str) -> CompileError {
    match parse(src, Mode::Exec) {
        Ok(m) => panic!("no error for {:?}: {}", src, dump(&m)),
        Err(e) => e,
    }
}

/// `(message, line, 1-based offset)` like CPython's SyntaxError attributes.
fn err3(src: &str) -> (String, u32, u32) {
    let e = err(src);
    (e.msg, e.line, e.col + 1)
}

include!("corpus.rs");

#[test]
fn corpus_matches_cpython() {
    let mut bad = 0;
    for (src, want) in CORPUS {
        let got = match parse(src, Mode::Exec) {
            Ok(m) => dump(&m),
            Err(e) => format!("ERROR {:?}", e),
        };
        if got != *want {
            bad += 1;
            std::println!("SOURCE {:?}\n  got  {}\n  want {}", src, got, want);
        }
    }
    std::println!("corpus {} cases, {} bad", CORPUS.len(), bad);
    assert_eq!(bad, 0);
}

include!("errors.rs");

/// Errors whose column differs from CPython's (message and line agree).
const LOOSE_POS: &[&str] = &[
    "f(a=1, 2)",
    "f(**a, 2)",
    "class A(**k, b): pass",
    "  x",
    "if x:\n    a\n  b",
    "x = b'a' 'b'",
    "x = 'a' b'b'",
    "@dec",
];

#[test]
fn errors_match_cpython() {
    let mut bad = 0;
    for (src, msg, line, off) in ERRORS {
        let got = match parse(src, Mode::Exec) {
            Ok(m) => (dump(&m), 0, 0),
            Err(e) => (e.msg, e.line, e.col + 1),
        };
        // CPython's columns for f-string, number and indentation errors are
        // idiosyncratic; only message and line are compared there.
        let loose = src.contains("f'")
            || src.contains("f\"")
            || src.starts_with(|c: char| c.is_ascii_digit())
            || LOOSE_POS.contains(src);
        if got.0 != *msg || got.1 != *line || (got.2 != *off && !loose) {
            bad += 1;
            std::println!(
                "SOURCE {:?}\n  got  {:?}\n  want {:?}",
                src,
                got,
                (msg, line, off)
            );
        }
    }
    std::println!("errors {} cases, {} bad", ERRORS.len(), bad);
    assert_eq!(bad, 0);
}

fn dump_mode(src: &str, mode: Mode) -> String {
    match parse(src, mode) {
        Ok(m) => dump(&m),
        Err(e) => format!("ERROR {:?}", e),
    }
}

#[test]
fn eval_mode() {
    assert_eq!(
        dump_mode("  1 + 2\n\n", Mode::Eval),
        "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])"
    );
    assert_eq!(
        dump_mode("\n\n a, *b\n", Mode::Eval),
        "Module(body=[Expr(value=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"
    );
    assert_eq!(
        dump_mode("(1,\n 2)", Mode::Eval),
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])"
    );
    assert!(parse("x = 1", Mode::Eval).is_err());
    assert!(parse("1\n2", Mode::Eval).is_err());
    assert!(parse("", Mode::Eval).is_err());
    assert!(parse("*a", Mode::Eval).is_err());
}

#[test]
fn single_mode() {
    assert_eq!(parse("", Mode::Single).unwrap().body.len(), 0);
    assert_eq!(parse("a = 1; b = 2\n", Mode::Single).unwrap().body.len(), 2);
    assert_eq!(
        parse("if x:\n  y\nelse:\n  z\n\n", Mode::Single)
            .unwrap()
            .body
            .len(),
        1
    );
    let e = parse("a = 1\nb = 2\n", Mode::Single).unwrap_err();
    assert_eq!(
        e.msg,
        "multiple statements found while compiling a single statement"
    );
    assert_eq!(e.line, 2);
}

#[test]
fn positions() {
    let m = p("x = 1\nif a:\n    y = f(b, c)\n  # c\nz = [1,\n  2] + 'é' + w\n");
    assert_eq!(m.body[0].pos, Pos { line: 1, col: 0 });
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(body[0].pos, Pos { line: 3, col: 4 });
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(value.pos, Pos { line: 3, col: 8 });
    let ExprKind::Call { args, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(args[1].pos, Pos { line: 3, col: 13 });
    let StmtKind::Assign { value, .. } = &m.body[2].kind else {
        panic!()
    };
    let ExprKind::BinOp { right, left, .. } = &value.kind else {
        panic!()
    };
    // Columns count characters, not bytes.
    assert_eq!(right.pos, Pos { line: 6, col: 13 });
    let ExprKind::BinOp { right, .. } = &left.kind else {
        panic!()
    };
    assert_eq!(right.pos, Pos { line: 6, col: 7 });
    // Decorated definitions start at `def`.
    let m = p("@d\ndef f(a, b):\n  pass\n");
    assert_eq!(m.body[0].pos, Pos { line: 2, col: 0 });
    let StmtKind::FunctionDef {
        args, decorators, ..
    } = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!(args.args[1].pos, Pos { line: 2, col: 9 });
    assert_eq!(decorators[0].pos, Pos { line: 1, col: 1 });
    // Positions inside f-strings.
    let m = p("x = f'ab{c}'\ny = f'''\n{d}'''\n");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    let ExprKind::JoinedStr(parts) = &value.kind else {
        panic!()
    };
    let ExprKind::FormattedValue { value, .. } = &parts[1].kind else {
        panic!()
    };
    assert_eq!(value.pos, Pos { line: 1, col: 9 });
    let StmtKind::Assign { value, .. } = &m.body[1].kind else {
        panic!()
    };
    let ExprKind::JoinedStr(parts) = &value.kind else {
        panic!()
    };
    let ExprKind::FormattedValue { value, .. } = &parts[1].kind else {
        panic!()
    };
    assert_eq!(value.pos, Pos { line: 3, col: 1 });
}

#[test]
fn line_endings_and_tabs() {
    let a = dump(&p("if x:\r\n    y = 1\r\n    z = '''a\r\nb'''\r\n"));
    let b = dump(&p("if x:\n    y = 1\n    z = '''a\nb'''\n"));
    assert_eq!(a, b);
    assert!(a.contains("'a\\nb'"));
    // A tab and eight spaces are the same indentation, but mixing is a TabError.
    assert!(parse("if x:\n\ty\n\tz\n", Mode::Exec).is_ok());
    assert_eq!(err("if x:\n\ty\n        z\n").kind, ErrorKind::Tab);
    // Form feed and a BOM.
    assert!(parse("\u{feff}x = 1\n\x0cy = 2\n", Mode::Exec).is_ok());
    // No trailing newline, comment at EOF, dedent at EOF.
    assert_eq!(p("if x:\n  y").body.len(), 1);
    assert_eq!(p("x # c").body.len(), 1);
    assert_eq!(p("").body.len(), 0);
    assert_eq!(p("\n\n  # only a comment\n").body.len(), 0);
}

#[test]
fn incomplete_input() {
    for src in [
        "x = (1,",
        "foo(1, [2,",
        "if x:",
        "if x:\n",
        "def f():\n",
        "class A:\n",
        "for x in y:\n",
        "x = '''abc",
        "x = 1 + \\\n",
        "x = 1 + \\",
        "@dec\n",
        "if x:\n  y = [\n",
        "try:\n",
        "while True:\n  if x:\n",
    ] {
        let e = err(src);
        assert!(e.incomplete, "{:?} -> {:?}", src, e);
    }
    for src in [
        "x = 'abc",
        "x = )",
        "if x",
        "x = (1,\ny = 2",
        "1 +",
        "x = \n",
    ] {
        let e = err(src);
        assert!(!e.incomplete, "{:?} -> {:?}", src, e);
    }
}

#[test]
fn error_kinds() {
    assert_eq!(err("  x").kind, ErrorKind::Indentation);
    assert_eq!(err("if x:\npass").kind, ErrorKind::Indentation);
    assert_eq!(err("x = (").kind, ErrorKind::Syntax);
    let e = err("x = 1\ny = 2\nz = (3 4)\n");
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("invalid syntax. Perhaps you forgot a comma?", 3, 5)
    );
    let e = err("def f():\n    return 1\n  x = 2\n");
    assert_eq!(e.line, 3);
    assert_eq!(
        err3("x = 1j"),
        ("complex numbers are not supported".into(), 1, 5)
    );
    let big = format!("x = {}", "9".repeat(5000));
    assert!(err(&big).msg.starts_with("Exceeds the limit (4300 digits)"));
    assert_eq!(err("except* E: pass").msg, "invalid syntax");
    assert_eq!(
        err("try:\n  pass\nexcept* E:\n  pass\n").msg,
        "except* is not supported"
    );
    assert!(err("x = '\\ud800'").msg.contains("surrogate"));
}

#[test]
fn literals() {
    assert_eq!(
        dump(&p("x = 0x1_0000_0000_0000_0000\n")),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=18446744073709551616))], type_ignores=[])"
    );
    let big = "1".repeat(4300);
    let m = p(&big);
    let StmtKind::Expr(Expr {
        kind: ExprKind::Constant(Constant::BigInt(l)),
        ..
    }) = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!(bigint_dec(l), big);
    let huge = format!("x = '{}'\n", "a".repeat(200_000));
    assert_eq!(p(&huge).body.len(), 1);
    let m = p("b'\\x80' b'\\101'");
    let StmtKind::Expr(Expr {
        kind: ExprKind::Constant(Constant::Bytes(b)),
        ..
    }) = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!(b, &[0x80, b'A']);
}

/// Nesting limits give SyntaxErrors, never a stack overflow.
#[test]
fn nesting_limits() {
    let run = || {
        let cases: Vec<(String, Option<&str>)> = vec![
            (format!("x = {}1{}", "(".repeat(199), ")".repeat(199)), None),
            (
                format!("x = {}1{}", "(".repeat(201), ")".repeat(201)),
                Some("too many nested parentheses"),
            ),
            (format!("x = {}1{}", "[".repeat(150), "]".repeat(150)), None),
            (
                format!("x = {}1{}", "{".repeat(300), "}".repeat(300)),
                Some("too many nested parentheses"),
            ),
            (
                format!("x = {}1", "-".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = {}1", "not ".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = 2{}", "**2".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = {}1", "lambda: ".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = {}1", "1 if 1 else ".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (format!("x = 1{}", " + 1".repeat(250)), None),
            (format!("x = a{}", ".b".repeat(250)), None),
            (
                format!("x = 1{}", " + 1".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = a{}", ".b".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = a{}", "(1)".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (
                format!("x = a{}", "[1]".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (format!("x = 1{}", " < 1".repeat(100_000)), None),
            (format!("x = 1{}", " and 1".repeat(100_000)), None),
            (format!("x = [{}]", "1, ".repeat(100_000)), None),
            (
                format!("if x: pass\n{}", "elif x: pass\n".repeat(250)),
                None,
            ),
            (
                format!("if x: pass\n{}", "elif x: pass\n".repeat(100_000)),
                Some("too many nested expressions"),
            ),
            (format!("x = 1\n{}", "x = 1\n".repeat(100_000)), None),
            (String::from("x = f'{(1)}'"), None),
            (
                format!(
                    "x = {}1{}",
                    "((((((((((".repeat(19),
                    "))))))))))".repeat(19)
                ),
                None,
            ),
        ];
        for (src, want) in cases {
            let r = parse(&src, Mode::Exec);
            match (want, r) {
                (None, Ok(_)) => {}
                (Some(w), Err(e)) if e.msg.starts_with(w) => {}
                (w, r) => panic!(
                    "{:?}: want {:?}, got {:?}",
                    &src[..40.min(src.len())],
                    w,
                    r.map(|_| ())
                ),
            }
        }
        let mut deep = String::new();
        for i in 0..99 {
            deep.push_str(&" ".repeat(i));
            deep.push_str("if x:\n");
        }
        deep.push_str(&" ".repeat(99));
        deep.push_str("pass\n");
        assert!(parse(&deep, Mode::Exec).is_ok());
        let mut deeper = String::new();
        for i in 0..101 {
            deeper.push_str(&" ".repeat(i));
            deeper.push_str("if x:\n");
        }
        deeper.push_str(&" ".repeat(101));
        deeper.push_str("pass\n");
        assert_eq!(err(&deeper).msg, "too many levels of indentation");
    };
    // A modest stack proves the limits keep recursion bounded.
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

/// A tiny xorshift generator for the robustness test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Mutates valid programs at random; `parse` must never panic or hang.
#[test]
fn random_mutations_never_panic() {
    const PIECES: &[&str] = &[
        "(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\n    ", "\t", " ", "\\", "\\\n", "'",
        "\"", "'''", "f'", "f'{", "}'", "b'", "r'", "#", "=", ":=", "*", "**", "/", "lambda", "if",
        "else", "for", "in", "not", "is", "yield", "from", "def", "class", "return", "@", ".",
        "...", "0x", "1_", "1e", "é", "€", "\r", "\r\n", "\0", "!", "!r", "{x!", "=}", "async",
        "await", "\u{feff}", "with", "as", "try", "except", "finally", "del", "import", "global",
        "->", "%", "~", "-",
    ];
    let corpus: Vec<&str> = CORPUS
        .iter()
        .map(|(s, _)| *s)
        .chain(ERRORS.iter().map(|e| e.0))
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut outcomes = [0usize; 2];
    for _ in 0..40_000 {
        let mut s: Vec<char> = corpus[rng.below(corpus.len())].chars().collect();
        if rng.below(4) == 0 {
            // Splice two programs.
            s.extend(corpus[rng.below(corpus.len())].chars());
        }
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(s.len() + 1);
            match rng.below(4) {
                0 if at < s.len() => {
                    s.remove(at);
                }
                1 if at < s.len() => {
                    let n = rng.below(6).min(s.len() - at);
                    s.drain(at..at + n);
                }
                2 if at < s.len() => {
                    s[at] = PIECES[rng.below(PIECES.len())]
                        .chars()
                        .next()
                        .unwrap_or(' ');
                }
                _ => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    for (k, c) in piece.chars().enumerate() {
                        s.insert(at + k, c);
                    }
                }
            }
        }
        let src: String = s.into_iter().collect();
        for mode in [Mode::Exec, Mode::Single, Mode::Eval] {
            outcomes[parse(&src, mode).is_ok() as usize] += 1;
        }
    }
    // Token soup: random sequences of pieces and names.
    for _ in 0..20_000 {
        let mut src = String::new();
        for _ in 0..rng.below(40) {
            match rng.below(3) {
                0 => src.push_str(["x", "1", "'s'", " ", "f'{x}'"][rng.below(5)]),
                _ => src.push_str(PIECES[rng.below(PIECES.len())]),
            }
        }
        outcomes[parse(&src, Mode::Exec).is_ok() as usize] += 1;
    }
    std::println!(
        "random inputs: {} errors, {} parsed",
        outcomes[0],
        outcomes[1]
    );
    assert!(outcomes[0] > 10_000 && outcomes[1] > 10_000);
}

std::thread_local! {
    static LOWEST_SP: core::cell::Cell<usize> = const { core::cell::Cell::new(usize::MAX) };
}

/// Records the lowest stack address seen (called from `Parser::enter`).
pub(super) fn note_stack() {
    let probe = 0u8;
    let sp = core::hint::black_box(&probe) as *const u8 as usize;
    LOWEST_SP.with(|c| c.set(c.get().min(sp)));
}

/// Stack bytes used by parsing `src` (approximate).
fn stack_used(src: &str) -> usize {
    let probe = 0u8;
    let top = core::hint::black_box(&probe) as *const u8 as usize;
    LOWEST_SP.with(|c| c.set(usize::MAX));
    let _ = parse(src, Mode::Exec);
    top - LOWEST_SP.with(|c| c.get())
}

#[test]
fn stack_per_level() {
    let run = || {
        for (name, unit) in [
            ("paren", "("),
            ("list", "["),
            ("unary", "-"),
            ("not", "not "),
            ("lambda", "lambda: "),
            ("call", "f("),
        ] {
            let a = stack_used(&format!("x = {}1", unit.repeat(10)));
            let b = stack_used(&format!("x = {}1", unit.repeat(60)));
            std::println!("{}: {} bytes per level", name, (b - a) / 50);
        }
        let a = stack_used("if x:\n if x:\n  pass\n");
        let mut deep = String::new();
        for i in 0..52 {
            deep.push_str(&" ".repeat(i));
            deep.push_str("if x:\n");
        }
        deep.push_str(&" ".repeat(52));
        deep.push_str("pass\n");
        let b = stack_used(&deep);
        std::println!("block: {} bytes per level", (b - a) / 50);
    };
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(run)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn type_sizes() {
    use core::mem::size_of;
    std::println!(
        "Expr {} R<Expr> {} Token {} CompileError {} Lexer {} Stmt {}",
        size_of::<Expr>(),
        size_of::<R<Expr>>(),
        size_of::<Token>(),
        size_of::<CompileError>(),
        size_of::<Lexer>(),
        size_of::<Stmt>()
    );
}

#[test]
fn large_input_is_linear() {
    let unit = "def f(a, b=1, *c, **d):\n    x = [i * 2 for i in range(10) if i % 3]\n    return f'{a!r:>{b}}' + 'abc' \\\n        'def'\n";
    let src = unit.repeat(20_000);
    let m = p(&src);
    assert_eq!(m.body.len(), 20_000);
    let long_line = format!("x = [{}]\n", "(1, 'a'), ".repeat(100_000));
    assert_eq!(p(&long_line).body.len(), 1);
}
