//! Code generation tests: instruction sequences for small snippets, scope
//! classification, exception-table shapes, stack sizes, error messages, and
//! robustness (conformance programs, deep nesting, random ASTs).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use fzpy_bytecode::dis::{const_repr, decode, dis};
use fzpy_bytecode::stack::is_jump;
use fzpy_bytecode::{CodeUnit, Const, ExceptionEntry, Op};

use super::builder::verify;
use super::compile_module;
use crate::ast::*;
use crate::Mode;

extern crate std;
use std::println;

fn compile(src: &str) -> CodeUnit {
    match crate::compile(src, "<test>", Mode::Exec) {
        Ok(c) => {
            check_all(&c);
            c
        }
        Err(e) => panic!("compile error {:?} for:\n{}", e, src),
    }
}

fn compile_mode(src: &str, mode: Mode) -> CodeUnit {
    let c = crate::compile(src, "<test>", mode).unwrap();
    check_all(&c);
    c
}

fn err(src: &str) -> crate::CompileError {
    match crate::compile(src, "<test>", Mode::Exec) {
        Ok(c) => panic!("expected an error for:\n{}\n{}", src, dis(&c)),
        Err(e) => e,
    }
}

/// Re-verifies every unit: stack depths, table invariants.
fn check_all(c: &CodeUnit) {
    let depth = verify(&c.code, &c.exceptions).unwrap_or_else(|e| panic!("{:?}\n{}", e, dis(c)));
    assert_eq!(depth, c.stacksize, "{}", dis(c));
    assert!(c.nfree as usize <= c.slots.len());
    assert!(c.nparams() <= c.slots.len());
    for w in c.lines.windows(2) {
        assert!(w[0].0 < w[1].0, "lines not ascending in {}", c.qualname);
    }
    for e in &c.exceptions {
        assert!(e.start < e.end && (e.end as usize) <= c.code.len());
    }
    for w in c.exceptions.windows(2) {
        assert!(w[0].end <= w[1].start, "overlapping exception ranges");
    }
    for k in &c.consts {
        if let Const::Code(inner) = k {
            assert_eq!(inner.filename, c.filename);
            check_all(inner);
        }
    }
}

/// The nested code unit with this qualname.
fn find<'c>(c: &'c CodeUnit, qualname: &str) -> &'c CodeUnit {
    fn go<'c>(c: &'c CodeUnit, q: &str) -> Option<&'c CodeUnit> {
        if c.qualname == q {
            return Some(c);
        }
        c.consts.iter().find_map(|k| match k {
            Const::Code(i) => go(i, q),
            _ => None,
        })
    }
    go(c, qualname).unwrap_or_else(|| panic!("no unit {}\n{}", qualname, dis(c)))
}

/// A compact listing: `OP` or `OP arg` with names, slots and consts resolved.
fn ops(c: &CodeUnit) -> String {
    let mut out = Vec::new();
    for i in decode(&c.code) {
        let op = i.op.expect("valid opcode");
        if !op.has_arg() {
            out.push(op.name().to_string());
            continue;
        }
        let a = i.arg as usize;
        let arg = match op {
            Op::LOAD_CONST => const_repr(&c.consts[a]),
            Op::LOAD_SMALL_INT => format!("{}", i.arg as i16),
            Op::LOAD_GLOBAL
            | Op::STORE_GLOBAL
            | Op::DELETE_GLOBAL
            | Op::LOAD_NAME
            | Op::STORE_NAME
            | Op::DELETE_NAME
            | Op::LOAD_ATTR
            | Op::STORE_ATTR
            | Op::DELETE_ATTR
            | Op::LOAD_METHOD
            | Op::IMPORT_NAME
            | Op::IMPORT_FROM
            | Op::LOAD_CLASSDEREF => c.names[a].clone(),
            Op::LOAD_FAST
            | Op::STORE_FAST
            | Op::DELETE_FAST
            | Op::LOAD_CLOSURE
            | Op::LOAD_DEREF
            | Op::STORE_DEREF
            | Op::DELETE_DEREF
            | Op::MAKE_CELL => c.slots[a].clone(),
            _ if is_jump(op) => format!("@{}", a),
            _ => format!("{}", a),
        };
        out.push(format!("{} {}", op.name(), arg));
    }
    out.join("; ")
}

fn module_ops(src: &str) -> String {
    ops(&compile(src))
}

#[test]
fn smoke() {
    let srcs = [
        "x = 1\nprint(x + 2)\n",
        "def f(a, b=2, *c, d, e=5, **g):\n    'doc'\n    def h():\n        return a + d\n    return h\n",
        "class A(B, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m()\n",
        "for i in range(10):\n    if i: break\n    else: continue\nelse:\n    pass\n",
        "try:\n    f()\nexcept E as e:\n    g(e)\nexcept:\n    h()\nelse:\n    i()\nfinally:\n    j()\n",
        "with a as b, c:\n    d()\n",
        "def g():\n    yield from x\n    yield 1\n",
        "r = [x*y for x in a for y in b if x]\ns = {k: v for k, v in d}\nt = (x for x in y)\n",
        "a < b < c\nf(*a, **k)\nf(x, *a, y, k=1, **m)\nx[1:2, ::3]\n",
        "import a.b.c\nimport a.b.c as d\nfrom . import x\nfrom m import *\n",
        "a, *b, c = d\nx.y += 1\nx[i] += 1\nf'{a!r:>{w}} {b}'\n",
    ];
    for s in srcs {
        let c = compile(s);
        println!("{}", dis(&c));
    }
}

#[test]
fn conformance_programs_compile() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/py");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut failures = Vec::new();
    let mut n = 0;
    for ent in entries.flatten() {
        let p = ent.path();
        if p.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap();
        let Ok(module) = crate::parse(&src, Mode::Exec) else {
            continue;
        };
        n += 1;
        let syntax_test = p.to_string_lossy().contains("exc_syntax");
        match compile_module(&module, "t.py", Mode::Exec) {
            Ok(c) => check_all(&c),
            Err(e) if syntax_test && !e.msg.contains("internal") => {}
            Err(e) => failures.push(std::format!("{}: {:?}", p.display(), e)),
        }
    }
    for f in &failures {
        println!("{}", f);
    }
    assert!(failures.is_empty());
    println!("{} programs compiled", n);
}

/// `FZPY_DIS=file.py cargo test dis_env -- --nocapture` prints a disassembly.
#[test]
fn dis_env() {
    if let Ok(path) = std::env::var("FZPY_DIS") {
        let src = std::fs::read_to_string(path).unwrap();
        println!("{}", dis(&compile(&src)));
    }
}

// ---- instruction sequences ---------------------------------------------------

#[test]
fn assignment_and_calls() {
    assert_eq!(
        module_ops("x = 1\nprint(x, 2)\n"),
        "LOAD_SMALL_INT 1; STORE_NAME x; PUSH_NULL; LOAD_NAME print; LOAD_NAME x; \
         LOAD_SMALL_INT 2; CALL 2; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("a = b = c"),
        "LOAD_NAME c; COPY 1; STORE_NAME a; STORE_NAME b; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("o.m(1, k=2)"),
        "LOAD_NAME o; LOAD_METHOD m; LOAD_SMALL_INT 1; LOAD_SMALL_INT 2; \
         LOAD_CONST ('k',); CALL_KW 2; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("f(*a)"),
        "PUSH_NULL; LOAD_NAME f; LOAD_NAME a; CALL_EX 0; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("f(a, **k, b=1)"),
        "PUSH_NULL; LOAD_NAME f; LOAD_NAME a; BUILD_TUPLE 1; BUILD_MAP 0; LOAD_NAME k; \
         DICT_MERGE 1; LOAD_CONST 'b'; LOAD_SMALL_INT 1; BUILD_MAP 1; DICT_MERGE 1; \
         CALL_EX 1; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    // Starred method calls go through LOAD_ATTR.
    assert!(module_ops("o.m(*a)").starts_with("PUSH_NULL; LOAD_NAME o; LOAD_ATTR m;"));
}

#[test]
fn unpacking_and_augmented_assignment() {
    assert_eq!(
        module_ops("a, *b, c = d"),
        "LOAD_NAME d; UNPACK_EX 257; STORE_NAME a; STORE_NAME b; STORE_NAME c; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x[i] += 1"),
        "LOAD_NAME x; LOAD_NAME i; COPY 2; COPY 2; BINARY_SUBSCR; LOAD_SMALL_INT 1; \
         BINARY_OP 16; SWAP 3; SWAP 2; STORE_SUBSCR; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x.y -= 1"),
        "LOAD_NAME x; COPY 1; LOAD_ATTR y; LOAD_SMALL_INT 1; BINARY_OP 17; SWAP 2; \
         STORE_ATTR y; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x: int = 5\ny: int"),
        "LOAD_SMALL_INT 5; STORE_NAME x; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("del a, b.c, d[e]"),
        "DELETE_NAME a; LOAD_NAME b; DELETE_ATTR c; LOAD_NAME d; LOAD_NAME e; \
         DELETE_SUBSCR; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn operators_and_folding() {
    assert_eq!(
        module_ops("x = -1, 2**8, 7 // -2, 'a' + 'b'"),
        "LOAD_CONST (-1, 256, -4, 'ab'); STORE_NAME x; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x = 2**100"),
        "LOAD_SMALL_INT 2; LOAD_SMALL_INT 100; BINARY_OP 7; STORE_NAME x; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x = 1 // 0"),
        "LOAD_SMALL_INT 1; LOAD_SMALL_INT 0; BINARY_OP 5; STORE_NAME x; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("a and b or c"),
        "LOAD_NAME a; JUMP_IF_FALSE_OR_POP @9; LOAD_NAME b; JUMP_IF_TRUE_OR_POP @15; \
         LOAD_NAME c; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("a < b < c"),
        "LOAD_NAME a; LOAD_NAME b; SWAP 2; COPY 2; COMPARE_OP 0; JUMP_IF_FALSE_OR_POP @27; \
         LOAD_NAME c; COMPARE_OP 0; JUMP @31; SWAP 2; POP_TOP; POP_TOP; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("a is not b; a not in b"),
        "LOAD_NAME a; LOAD_NAME b; IS_OP 1; POP_TOP; LOAD_NAME a; LOAD_NAME b; \
         CONTAINS_OP 1; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x = a if b else c"),
        "LOAD_NAME b; POP_JUMP_IF_FALSE @12; LOAD_NAME a; JUMP @15; LOAD_NAME c; \
         STORE_NAME x; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn displays_and_fstrings() {
    assert_eq!(
        module_ops("[1, 2, 3]"),
        "BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND 1; POP_TOP; LOAD_CONST None; \
         RETURN_VALUE"
    );
    assert_eq!(
        module_ops("(a, *b, c)"),
        "LOAD_NAME a; BUILD_LIST 1; LOAD_NAME b; LIST_EXTEND 1; LOAD_NAME c; \
         LIST_APPEND 1; LIST_TO_TUPLE; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("{a: 1, **m, b: 2}"),
        "LOAD_NAME a; LOAD_SMALL_INT 1; BUILD_MAP 1; LOAD_NAME m; DICT_UPDATE 1; \
         LOAD_NAME b; LOAD_SMALL_INT 2; MAP_ADD 1; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("{a, *b}"),
        "LOAD_NAME a; BUILD_SET 1; LOAD_NAME b; SET_UPDATE 1; POP_TOP; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("f'x{a!r:>{w}}y'"),
        "LOAD_CONST 'x'; LOAD_NAME a; LOAD_CONST '>'; LOAD_NAME w; FORMAT_VALUE 0; \
         BUILD_STRING 2; FORMAT_VALUE 6; LOAD_CONST 'y'; BUILD_STRING 3; POP_TOP; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("x[1:2]; x[::3]"),
        "LOAD_NAME x; LOAD_SMALL_INT 1; LOAD_SMALL_INT 2; BUILD_SLICE 2; BINARY_SUBSCR; \
         POP_TOP; LOAD_NAME x; LOAD_CONST None; LOAD_CONST None; LOAD_SMALL_INT 3; \
         BUILD_SLICE 3; BINARY_SUBSCR; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    // Long displays do not grow the stack.
    let big = format!(
        "x = [{}]",
        (0..100)
            .map(|i| format!("a{}", i))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(compile(&big).stacksize <= 17);
    let big = format!(
        "x = {{{}}}",
        (0..100)
            .map(|i| format!("a{}: {}", i, i))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(compile(&big).stacksize <= 33);
}

#[test]
fn imports() {
    assert_eq!(
        module_ops("import a.b.c"),
        "LOAD_SMALL_INT 0; LOAD_CONST None; IMPORT_NAME a.b.c; STORE_NAME a; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("import a.b.c as d"),
        "LOAD_SMALL_INT 0; LOAD_CONST None; IMPORT_NAME a.b.c; IMPORT_FROM b; SWAP 2; \
         POP_TOP; IMPORT_FROM c; STORE_NAME d; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("from .. import x as y, z"),
        "LOAD_SMALL_INT 2; LOAD_CONST ('x', 'z'); IMPORT_NAME ; IMPORT_FROM x; \
         STORE_NAME y; IMPORT_FROM z; STORE_NAME z; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("from m import *"),
        "LOAD_SMALL_INT 0; LOAD_CONST ('*',); IMPORT_NAME m; IMPORT_STAR; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("from __future__ import annotations"),
        "LOAD_CONST None; RETURN_VALUE"
    );
    let c = compile("def f():\n    import os.path\n    return os\n");
    assert_eq!(
        ops(find(&c, "f")),
        "LOAD_SMALL_INT 0; LOAD_CONST None; IMPORT_NAME os.path; STORE_FAST os; \
         LOAD_FAST os; RETURN_VALUE"
    );
}

#[test]
fn loops_and_conditions() {
    assert_eq!(
        module_ops("while x:\n    if y: break\n    continue\nelse:\n    z()\n"),
        "LOAD_NAME x; POP_JUMP_IF_FALSE @18; LOAD_NAME y; POP_JUMP_IF_FALSE @15; \
         JUMP @26; JUMP @0; PUSH_NULL; LOAD_NAME z; CALL 0; POP_TOP; LOAD_CONST None; \
         RETURN_VALUE"
    );
    assert_eq!(
        module_ops("for a in b:\n    break\nelse:\n    c\n"),
        "LOAD_NAME b; GET_ITER; FOR_ITER @14; STORE_NAME a; POP_TOP; JUMP @18; \
         LOAD_NAME c; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("while True:\n    f()\n"),
        "PUSH_NULL; LOAD_NAME f; CALL 0; POP_TOP; JUMP @0; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("if not a and b:\n    c\n"),
        "LOAD_NAME a; POP_JUMP_IF_TRUE @16; LOAD_NAME b; POP_JUMP_IF_FALSE @16; \
         LOAD_NAME c; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        module_ops("assert x, 'm'"),
        "LOAD_NAME x; POP_JUMP_IF_TRUE @16; LOAD_ASSERTION_ERROR; LOAD_CONST 'm'; CALL 0; \
         RAISE_VARARGS 1; LOAD_CONST None; RETURN_VALUE"
    );
    // Nested for loops: break pops only the inner iterator.
    let c = compile("def f():\n    for a in b:\n        for c in d:\n            break\n");
    let f = ops(find(&c, "f"));
    assert!(f.contains("STORE_FAST c; POP_TOP; JUMP"), "{}", f);
}

#[test]
fn raise_forms() {
    assert_eq!(module_ops("raise\n"), "RAISE_VARARGS 0");
    assert_eq!(
        module_ops("raise E from c\n"),
        "LOAD_NAME E; LOAD_NAME c; RAISE_VARARGS 2"
    );
}

// ---- scopes --------------------------------------------------------------------

#[test]
fn closures() {
    let c = compile(
        "def f(a):\n    b = 1\n    def g():\n        nonlocal b\n        b = a\n    return g\n",
    );
    let f = find(&c, "f");
    assert_eq!(f.slots, vec!["a", "g", "b"]);
    assert_eq!(
        ops(f),
        "MAKE_CELL a; MAKE_CELL b; LOAD_SMALL_INT 1; STORE_DEREF b; LOAD_CLOSURE a; \
         LOAD_CLOSURE b; BUILD_TUPLE 2; LOAD_CONST <code f.<locals>.g>; MAKE_FUNCTION 8; \
         STORE_FAST g; LOAD_FAST g; RETURN_VALUE"
    );
    let g = find(&c, "f.<locals>.g");
    assert_eq!(g.nfree, 2);
    assert_eq!(g.slots, vec!["a", "b"]);
    assert_eq!(
        ops(g),
        "COPY_FREE_VARS 2; LOAD_DEREF a; STORE_DEREF b; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn globals_and_names() {
    let c = compile("x = 1\ndef f():\n    global y\n    y = x\n    z = 2\n    del z\n");
    assert_eq!(
        ops(find(&c, "f")),
        "LOAD_GLOBAL x; STORE_GLOBAL y; LOAD_SMALL_INT 2; STORE_FAST z; DELETE_FAST z; \
         LOAD_CONST None; RETURN_VALUE"
    );
    // Explicit global at module level.
    assert_eq!(
        module_ops("global q\nq = 1"),
        "LOAD_SMALL_INT 1; STORE_GLOBAL q; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn classes() {
    let c = compile(
        "@d\nclass A(B, *C, metaclass=M):\n    'doc'\n    x = 1\n    def m(self):\n        return __class__\n",
    );
    assert_eq!(
        ops(&c),
        "LOAD_NAME d; PUSH_NULL; LOAD_BUILD_CLASS; LOAD_CONST <code A>; MAKE_FUNCTION 0; \
         LOAD_CONST 'A'; LOAD_NAME B; BUILD_LIST 3; LOAD_NAME C; LIST_EXTEND 1; \
         LIST_TO_TUPLE; LOAD_CONST 'metaclass'; LOAD_NAME M; BUILD_MAP 1; CALL_EX 1; \
         CALL 0; STORE_NAME A; LOAD_CONST None; RETURN_VALUE"
    );
    let a = find(&c, "A");
    assert_eq!(
        a.flags,
        fzpy_bytecode::code::CO_NAMESPACE | fzpy_bytecode::code::CO_CLASS_BODY
    );
    assert_eq!(a.doc.as_deref(), Some("doc"));
    assert_eq!(a.firstlineno, 1);
    assert_eq!(
        ops(a),
        "MAKE_CELL __class__; LOAD_NAME __name__; STORE_NAME __module__; LOAD_CONST 'A'; \
         STORE_NAME __qualname__; LOAD_CONST 'doc'; STORE_NAME __doc__; LOAD_SMALL_INT 1; \
         STORE_NAME x; LOAD_CLOSURE __class__; BUILD_TUPLE 1; LOAD_CONST <code A.m>; \
         MAKE_FUNCTION 8; STORE_NAME m; LOAD_CLOSURE __class__; RETURN_VALUE"
    );
    assert_eq!(
        ops(find(&c, "A.m")),
        "COPY_FREE_VARS 1; LOAD_DEREF __class__; RETURN_VALUE"
    );
    // No super: the body returns None.
    let c = compile("class A:\n    pass\n");
    assert!(ops(find(&c, "A")).ends_with("LOAD_CONST None; RETURN_VALUE"));
}

#[test]
fn class_scopes_and_free_variables() {
    let c = compile(
        "def f():\n    x = 1\n    y = 2\n    class C:\n        y = x\n        def m(self):\n            return y\n    return C\n",
    );
    let cls = find(&c, "f.<locals>.C");
    // x is read from the enclosing function (LOAD_CLASSDEREF); y is a class
    // local and also passed through to m.
    let o = ops(cls);
    assert!(o.contains("LOAD_CLASSDEREF x; STORE_NAME y"), "{}", o);
    assert_eq!(cls.slots, vec!["x", "y"]);
    assert_eq!(cls.nfree, 2);
    assert!(o.contains("LOAD_CLOSURE y; BUILD_TUPLE 1"), "{}", o);
    assert_eq!(
        ops(find(&c, "f.<locals>.C.m")),
        "COPY_FREE_VARS 1; LOAD_DEREF y; RETURN_VALUE"
    );
    // Methods do not see class names.
    let c = compile("class C:\n    z = 1\n    def m(self):\n        return z\n");
    assert_eq!(ops(find(&c, "C.m")), "LOAD_GLOBAL z; RETURN_VALUE");
}

#[test]
fn private_names_are_mangled() {
    let c = compile("class A:\n    __x = 1\n    def m(self, __p):\n        return self.__y, __p\n");
    let o = ops(find(&c, "A"));
    assert!(o.contains("STORE_NAME _A__x"), "{}", o);
    let m = find(&c, "A.m");
    assert_eq!(m.slots, vec!["self", "_A__p"]);
    assert!(ops(m).contains("LOAD_ATTR _A__y"));
}

#[test]
fn comprehensions() {
    let c = compile("def f(a):\n    return [x + a for x in a if x]\n");
    let f = find(&c, "f");
    assert_eq!(
        ops(f),
        "MAKE_CELL a; LOAD_CLOSURE a; BUILD_TUPLE 1; LOAD_CONST <code f.<locals>.<listcomp>>; \
         MAKE_FUNCTION 8; LOAD_DEREF a; GET_ITER; CALL 0; RETURN_VALUE"
    );
    let lc = find(&c, "f.<locals>.<listcomp>");
    assert_eq!(lc.argcount, 1);
    assert_eq!(lc.slots, vec![".0", "x", "a"]);
    assert_eq!(
        ops(lc),
        "COPY_FREE_VARS 1; BUILD_LIST 0; LOAD_FAST .0; FOR_ITER @36; STORE_FAST x; \
         LOAD_FAST x; POP_JUMP_IF_FALSE @9; LOAD_FAST x; LOAD_DEREF a; BINARY_OP 0; \
         LIST_APPEND 2; JUMP @9; RETURN_VALUE"
    );
    let c = compile("g = (y for y in z)\n");
    let ge = find(&c, "<genexpr>");
    assert_eq!(ge.flags, fzpy_bytecode::code::CO_GENERATOR);
    assert!(ops(ge).contains("YIELD_VALUE; POP_TOP"));
    // Walrus binds in the enclosing function...
    let c = compile("def f(d):\n    [(last := v) for v in d]\n    return last\n");
    let f = find(&c, "f");
    assert!(ops(f).contains("MAKE_CELL last"), "{}", ops(f));
    assert!(ops(f).contains("LOAD_DEREF last; RETURN_VALUE"));
    assert!(ops(find(&c, "f.<locals>.<listcomp>")).contains("STORE_DEREF last"));
    // ...or in the module.
    let c = compile("[(last := v) for v in d]\n");
    assert!(ops(find(&c, "<listcomp>")).contains("STORE_GLOBAL last"));
    // Class-level comprehensions: the first iterable is evaluated in the class.
    let c = compile("class K:\n    a = 1\n    b = [a for _ in range(a)]\n");
    assert!(ops(find(&c, "K")).contains("LOAD_NAME range; LOAD_NAME a; CALL 1; GET_ITER"));
    assert!(ops(find(&c, "K.<listcomp>")).contains("LOAD_GLOBAL a"));
}

#[test]
fn functions_defaults_decorators_qualnames() {
    let c = compile(
        "@d1\n@d2\ndef f(a, /, b=1, *c, d, e=x, **g):\n    'doc'\n    def h(): pass\n    return lambda: 0\n",
    );
    assert_eq!(
        ops(&c),
        "LOAD_NAME d1; LOAD_NAME d2; LOAD_CONST (1,); LOAD_CONST 'e'; LOAD_NAME x; \
         BUILD_MAP 1; LOAD_CONST <code f>; MAKE_FUNCTION 3; CALL 0; CALL 0; STORE_NAME f; \
         LOAD_CONST None; RETURN_VALUE"
    );
    let f = find(&c, "f");
    assert_eq!(f.doc.as_deref(), Some("doc"));
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 2));
    assert_eq!(f.slots[..6], ["a", "b", "d", "e", "c", "g"]);
    assert_eq!(f.firstlineno, 1);
    assert!(!f.consts.iter().any(|k| *k == Const::Str("doc".into())));
    find(&c, "f.<locals>.h");
    find(&c, "f.<locals>.<lambda>");
    let c = compile("def outer():\n    global inner\n    def inner(): pass\n");
    find(&c, "inner");
}

#[test]
fn generators_and_yield_from() {
    let c = compile("def g():\n    x = yield 1\n    yield from x\n");
    let g = find(&c, "g");
    assert_eq!(g.flags, fzpy_bytecode::code::CO_GENERATOR);
    assert_eq!(
        ops(g),
        "LOAD_SMALL_INT 1; YIELD_VALUE; STORE_FAST x; LOAD_FAST x; GET_YIELD_FROM_ITER; \
         LOAD_CONST None; SEND @21; YIELD_VALUE; JUMP @14; POP_TOP; LOAD_CONST None; \
         RETURN_VALUE"
    );
}

// ---- exceptions ----------------------------------------------------------------

fn ex(start: u16, end: u16, target: u16, depth: u16) -> ExceptionEntry {
    ExceptionEntry {
        start,
        end,
        target,
        depth,
    }
}

#[test]
fn try_except_shape() {
    let c = compile("try:\n    a\nexcept E as e:\n    b\nexcept:\n    c\n");
    assert_eq!(
        ops(&c),
        "LOAD_NAME a; POP_TOP; JUMP @59; \
         PUSH_EXC_INFO; LOAD_NAME E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE @45; STORE_NAME e; \
         LOAD_NAME b; POP_TOP; POP_EXCEPT; LOAD_CONST None; STORE_NAME e; DELETE_NAME e; JUMP @59; \
         LOAD_CONST None; STORE_NAME e; DELETE_NAME e; RERAISE; \
         POP_TOP; LOAD_NAME c; POP_TOP; POP_EXCEPT; JUMP @59; \
         SWAP 2; POP_EXCEPT; RERAISE; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        c.exceptions,
        vec![
            ex(0, 4, 7, 0),    // body -> H
            ex(7, 18, 54, 1),  // PUSH_EXC_INFO .. STORE -> C
            ex(18, 22, 35, 1), // named clause body -> N
            ex(35, 50, 54, 1), // N's code, unnamed clause and its body -> C
        ]
    );
    assert_eq!(c.stacksize, 3);
}

#[test]
fn try_finally_shape() {
    let c = compile("try:\n    a\nfinally:\n    b\n");
    assert_eq!(
        ops(&c),
        "LOAD_NAME a; POP_TOP; LOAD_NAME b; POP_TOP; JUMP @22; \
         PUSH_EXC_INFO; LOAD_NAME b; POP_TOP; RERAISE; SWAP 2; POP_EXCEPT; RERAISE; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(c.exceptions, vec![ex(0, 4, 11, 0), ex(11, 17, 17, 1)]);
    assert_eq!(c.stacksize, 3);
}

#[test]
fn with_shape() {
    let c = compile("with m as v:\n    a\n");
    assert_eq!(
        ops(&c),
        "LOAD_NAME m; BEFORE_WITH; STORE_NAME v; LOAD_NAME a; POP_TOP; WITH_EXIT; JUMP @29; \
         PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE @26; RERAISE; \
         SWAP 2; POP_EXCEPT; RERAISE; POP_TOP; POP_EXCEPT; POP_TOP; \
         LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(c.exceptions, vec![ex(4, 11, 15, 1), ex(15, 21, 21, 2)]);
    assert_eq!(c.stacksize, 4);
}

#[test]
fn unwinding_through_blocks() {
    // return inside with inside for: exit called with the value kept.
    let c = compile("def f():\n    for x in y:\n        with m:\n            return g()\n");
    let o = ops(find(&c, "f"));
    assert!(
        o.contains("CALL 0; SWAP 2; WITH_EXIT; RETURN_VALUE"),
        "{}",
        o
    );
    // return in try/finally runs the finally body inline, value kept.
    let c = compile("def f():\n    try:\n        return a\n    finally:\n        b()\n");
    let f = find(&c, "f");
    let o = ops(f);
    assert!(
        o.starts_with("LOAD_GLOBAL a; PUSH_NULL; LOAD_GLOBAL b; CALL 0; POP_TOP; RETURN_VALUE"),
        "{}",
        o
    );
    // The inline finally body is not covered by its own handler.
    assert_eq!(f.exceptions[0], ex(0, 3, 12, 0));
    // return in finally (exception path) drops the exception.
    let c = compile("def f():\n    try:\n        raise E\n    finally:\n        return 1\n");
    let o = ops(find(&c, "f"));
    assert!(
        o.contains("PUSH_EXC_INFO; POP_TOP; POP_EXCEPT; LOAD_SMALL_INT 1; RETURN_VALUE"),
        "{}",
        o
    );
    // break out of an except clause restores the handled exception.
    let c = compile("for x in y:\n    try:\n        a\n    except:\n        break\n");
    let o = ops(&c);
    assert!(o.contains("POP_TOP; POP_EXCEPT; POP_TOP; JUMP"), "{}", o);
    // return with a value from a named except clause.
    let c = compile("def f():\n    try:\n        a\n    except E as e:\n        return e\n");
    let o = ops(find(&c, "f"));
    assert!(
        o.contains("LOAD_FAST e; SWAP 2; POP_EXCEPT; LOAD_CONST None; STORE_FAST e; DELETE_FAST e; RETURN_VALUE"),
        "{}",
        o
    );
    // break in finally cancels a return.
    compile("def f():\n    for i in x:\n        try:\n            return i\n        finally:\n            break\n    return 0\n");
    // continue in finally, nested finally bodies.
    compile("for i in x:\n    try:\n        try:\n            continue\n        finally:\n            a\n    finally:\n        b\n");
}

#[test]
fn stack_sizes() {
    assert_eq!(compile("f(g(h(1, 2), 3), 4)").stacksize, 8);
    assert_eq!(compile("x = 1").stacksize, 1);
    let c = compile("def f():\n    for a in b:\n        for c in d:\n            with e:\n                try:\n                    pass\n                except:\n                    g()\n");
    // 2 iterators + exit + prev + exc (+ cleanup check) ...
    assert!(find(&c, "f").stacksize >= 5);
}

// ---- modes, lines, constants ---------------------------------------------------

#[test]
fn modes() {
    let c = compile_mode("a + 1", Mode::Eval);
    assert_eq!(
        ops(&c),
        "LOAD_NAME a; LOAD_SMALL_INT 1; BINARY_OP 0; RETURN_VALUE"
    );
    let c = compile_mode("a", Mode::Single);
    assert_eq!(
        ops(&c),
        "LOAD_NAME a; PRINT_EXPR; LOAD_CONST None; RETURN_VALUE"
    );
    let c = compile_mode("if b:\n    c\n", Mode::Single);
    assert_eq!(
        ops(&c),
        "LOAD_NAME b; POP_JUMP_IF_FALSE @10; LOAD_NAME c; PRINT_EXPR; LOAD_CONST None; \
         RETURN_VALUE"
    );
    let c = compile_mode("def f():\n    g()\n", Mode::Single);
    assert!(ops(find(&c, "f")).contains("CALL 0; POP_TOP"));
    let c = compile_mode("'doc'\nx = 1\n", Mode::Exec);
    assert_eq!(c.doc.as_deref(), Some("doc"));
    assert!(ops(&c).starts_with("LOAD_CONST 'doc'; STORE_NAME __doc__"));
}

#[test]
fn line_table() {
    let c = compile("x = 1\ny = f(\n    a,\n    b.c)\n");
    // The attribute load on line 4 and the call back on line 2.
    let lines: Vec<(String, u32)> = decode(&c.code)
        .iter()
        .map(|i| (i.op.unwrap().name().to_string(), c.line_at(i.offset)))
        .collect();
    let want = [
        ("LOAD_SMALL_INT", 1),
        ("STORE_NAME", 1),
        ("PUSH_NULL", 2),
        ("LOAD_NAME", 2),
        ("LOAD_NAME", 3),
        ("LOAD_NAME", 4),
        ("LOAD_ATTR", 4),
        ("CALL", 2),
        ("STORE_NAME", 2),
    ];
    for (i, (op, line)) in want.iter().enumerate() {
        assert_eq!(
            (lines[i].0.as_str(), lines[i].1),
            (*op, *line),
            "{:?}",
            lines
        );
    }
}

#[test]
fn constant_pool() {
    let c = compile(
        "a = 100000\nb = 100000.0\nc = True\nd = 0.0\ne = -0.0\nf = 100000\ng = 'x'\nh = 'x'\n",
    );
    let consts: Vec<String> = c.consts.iter().map(const_repr).collect();
    assert_eq!(
        consts,
        ["100000", "100000.0", "True", "0.0", "-0.0", "'x'", "None"]
    );
    assert_eq!(c.names, ["a", "b", "c", "d", "e", "f", "g", "h"]);
}

// ---- errors --------------------------------------------------------------------

#[test]
fn error_messages() {
    let cases = [
        ("return 1\n", "'return' outside function", 1),
        ("class A:\n    return\n", "'return' outside function", 2),
        ("yield 1\n", "'yield' outside function", 1),
        ("class A:\n    yield\n", "'yield' outside function", 2),
        ("break\n", "'break' outside loop", 1),
        (
            "def f():\n    continue\n",
            "'continue' not properly in loop",
            2,
        ),
        (
            "for x in y:\n    def f():\n        break\n",
            "'break' outside loop",
            3,
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
        ),
        (
            "def f():\n    nonlocal x\n",
            "no binding for nonlocal 'x' found",
            2,
        ),
        (
            "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
            "name 'x' is nonlocal and global",
            5,
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
            3,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
        ),
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
            2,
        ),
        (
            "def f(x, x): pass\n",
            "duplicate argument 'x' in function definition",
            1,
        ),
        (
            "def f():\n    from m import *\n",
            "import * only allowed at module level",
            2,
        ),
        (
            "[(yield) for x in y]\n",
            "'yield' inside list comprehension",
            1,
        ),
        (
            "def f():\n    ((yield) for x in y)\n",
            "'yield' inside generator expression",
            2,
        ),
        (
            "class A:\n    [(y := 1) for x in z]\n",
            "assignment expression within a comprehension cannot be used in a class body",
            2,
        ),
        (
            "def f():\n    [(x := 1) for x in z]\n",
            "assignment expression cannot rebind comprehension iteration variable 'x'",
            2,
        ),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1),
        (
            "def f():\n    global __debug__\n    del __debug__\n",
            "cannot delete __debug__",
            3,
        ),
        (
            "from __future__ import braces\n",
            "future feature braces is not defined",
            1,
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
            "default 'except:' must be last",
            3,
        ),
    ];
    for (src, msg, line) in cases {
        let e = match crate::parse(src, Mode::Exec) {
            Ok(m) => match compile_module(&m, "<test>", Mode::Exec) {
                Ok(c) => panic!("no error for {:?}\n{}", src, dis(&c)),
                Err(e) => e,
            },
            // The parser may catch some of these first.
            Err(e) => e,
        };
        assert_eq!(e.kind, crate::ErrorKind::Syntax, "{}", src);
        assert_eq!(e.msg, msg, "{}", src);
        assert_eq!(e.line, line, "{}", src);
    }
    let _ = err("break\n");
}

#[test]
fn code_too_large() {
    let mut src = String::new();
    for i in 0..12000 {
        src.push_str(&format!("x{} = y{}\n", i % 50, i % 70));
    }
    let e = err(&src);
    assert_eq!(e.msg, "code too large");
}

// ---- robustness ----------------------------------------------------------------

#[test]
fn deep_nesting_does_not_overflow() {
    // Long operator chains are iterative.
    let chain = format!(
        "x = {}\n",
        (0..5000).map(|_| "a").collect::<Vec<_>>().join(" + ")
    );
    if let Ok(m) = crate::parse(&chain, Mode::Exec) {
        compile_module(&m, "<t>", Mode::Exec).unwrap();
    }
    let mut e = Expr {
        pos: Pos { line: 1, col: 0 },
        kind: ExprKind::Name {
            id: "a".into(),
            ctx: Ctx::Load,
        },
    };
    for _ in 0..5000 {
        e = Expr {
            pos: Pos { line: 1, col: 0 },
            kind: ExprKind::BinOp {
                left: Box::new(e),
                op: Operator::Add,
                right: Box::new(Expr {
                    pos: Pos { line: 1, col: 0 },
                    kind: ExprKind::Constant(Constant::Int(1)),
                }),
            },
        };
    }
    let m = Module {
        body: vec![Stmt {
            pos: Pos { line: 1, col: 0 },
            kind: StmtKind::Expr(e),
        }],
    };
    let c = compile_module(&m, "<t>", Mode::Exec).unwrap();
    assert_eq!(c.stacksize, 2);
    core::mem::forget(m); // a 5000-deep Box chain would recurse on drop
                          // Nested brackets up to the parser's limits compile or fail cleanly.
    for depth in [50, 150, 199, 300] {
        let src = format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
        let _ = crate::compile(&src, "<t>", Mode::Exec);
        let src = format!("x = {}1{}\n", "f(".repeat(depth), ")".repeat(depth));
        let _ = crate::compile(&src, "<t>", Mode::Exec);
        let src = format!("x = {}1\n", "-".repeat(depth * 2));
        let _ = crate::compile(&src, "<t>", Mode::Exec);
    }
    let mut src = String::new();
    for i in 0..98 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(98));
    src.push_str("pass\n");
    let _ = crate::compile(&src, "<t>", Mode::Exec);
    // Hand-built deep ASTs beyond the parser's limits: a clean error.
    let mut e = Expr {
        pos: Pos { line: 1, col: 0 },
        kind: ExprKind::Constant(Constant::Int(1)),
    };
    for _ in 0..5000 {
        e = Expr {
            pos: Pos { line: 1, col: 0 },
            kind: ExprKind::UnaryOp {
                op: UnaryOperator::Not,
                operand: Box::new(e),
            },
        };
    }
    let m = Module {
        body: vec![Stmt {
            pos: Pos { line: 1, col: 0 },
            kind: StmtKind::Expr(e),
        }],
    };
    let r = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let r = compile_module(&m, "<t>", Mode::Exec).map(|_| ());
            // Dropping a 5000-deep Box chain recurses too: do it here.
            drop(m);
            r
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r.unwrap_err().msg, "too many nested expressions");
}

/// A tiny xorshift PRNG for the random-AST test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const NAMES: &[&str] = &["a", "b", "x", "self", "__p", "super", "__class__", "E"];

struct Gen {
    rng: Rng,
    line: u32,
}

impl Gen {
    fn pos(&mut self) -> Pos {
        Pos {
            line: self.line,
            col: 0,
        }
    }
    fn name(&mut self) -> String {
        NAMES[self.rng.below(NAMES.len() as u64) as usize].to_string()
    }
    fn name_expr(&mut self, ctx: Ctx) -> Expr {
        let id = self.name();
        Expr {
            pos: self.pos(),
            kind: ExprKind::Name { id, ctx },
        }
    }
    fn exprs(&mut self, depth: u32, n: u64) -> Vec<Expr> {
        let k = self.rng.below(n + 1);
        (0..k).map(|_| self.expr(depth)).collect()
    }
    fn args(&mut self, depth: u32) -> Box<Arguments> {
        let mut a = Arguments::default();
        let mut used = Vec::new();
        let mut fresh = |g: &mut Gen| {
            let mut n = g.name();
            if used.contains(&n) {
                n = format!("p{}", used.len());
            }
            used.push(n.clone());
            Arg {
                pos: g.pos(),
                arg: n,
                annotation: None,
            }
        };
        for _ in 0..self.rng.below(3) {
            a.args.push(fresh(self));
        }
        if self.rng.chance(30) {
            a.posonlyargs.push(fresh(self));
        }
        if self.rng.chance(30) {
            a.vararg = Some(fresh(self));
        }
        if self.rng.chance(30) {
            a.kwonlyargs.push(fresh(self));
            let d = if self.rng.chance(50) {
                Some(self.expr(depth))
            } else {
                None
            };
            a.kw_defaults.push(d);
        }
        if self.rng.chance(20) {
            a.kwarg = Some(fresh(self));
        }
        let npos = (a.args.len() + a.posonlyargs.len()) as u64;
        for _ in 0..self.rng.below(npos + 1) {
            let d = self.expr(depth);
            a.defaults.push(d);
        }
        Box::new(a)
    }
    fn comp(&mut self, depth: u32) -> Vec<Comprehension> {
        (0..1 + self.rng.below(2))
            .map(|_| Comprehension {
                target: self.target(depth),
                iter: self.expr(depth),
                ifs: self.exprs(depth, 1),
            })
            .collect()
    }
    fn target(&mut self, depth: u32) -> Expr {
        let pos = self.pos();
        let kind = match self.rng.below(6) {
            0 if depth > 0 => ExprKind::Attribute {
                value: Box::new(self.expr(depth - 1)),
                attr: self.name(),
                ctx: Ctx::Store,
            },
            1 if depth > 0 => ExprKind::Subscript {
                value: Box::new(self.expr(depth - 1)),
                slice: Box::new(self.expr(depth - 1)),
                ctx: Ctx::Store,
            },
            2 if depth > 0 => {
                let mut elts: Vec<Expr> = (0..self.rng.below(3))
                    .map(|_| self.target(depth - 1))
                    .collect();
                if self.rng.chance(40) {
                    let t = self.name_expr(Ctx::Store);
                    elts.push(Expr {
                        pos,
                        kind: ExprKind::Starred {
                            value: Box::new(t),
                            ctx: Ctx::Store,
                        },
                    });
                }
                ExprKind::Tuple {
                    elts,
                    ctx: Ctx::Store,
                }
            }
            _ => return self.name_expr(Ctx::Store),
        };
        Expr { pos, kind }
    }
    fn expr(&mut self, depth: u32) -> Expr {
        let pos = self.pos();
        if depth == 0 {
            return match self.rng.below(3) {
                0 => Expr {
                    pos,
                    kind: ExprKind::Constant(Constant::Int(self.rng.below(70000) as i64)),
                },
                _ => self.name_expr(Ctx::Load),
            };
        }
        let d = depth - 1;
        let b = |g: &mut Gen| Box::new(g.expr(d));
        let kind = match self.rng.below(24) {
            0 => ExprKind::BoolOp {
                op: if self.rng.chance(50) {
                    BoolOperator::And
                } else {
                    BoolOperator::Or
                },
                values: vec![self.expr(d), self.expr(d), self.expr(d)],
            },
            1 => ExprKind::NamedExpr {
                target: Box::new(self.name_expr(Ctx::Store)),
                value: b(self),
            },
            2 => ExprKind::BinOp {
                left: b(self),
                op: Operator::Pow,
                right: b(self),
            },
            3 => ExprKind::UnaryOp {
                op: UnaryOperator::USub,
                operand: b(self),
            },
            4 => ExprKind::Lambda {
                args: self.args(d),
                body: b(self),
            },
            5 => ExprKind::IfExp {
                test: b(self),
                body: b(self),
                orelse: b(self),
            },
            6 => {
                let n = self.rng.below(3) as usize;
                let keys = (0..n)
                    .map(|_| {
                        if self.rng.chance(70) {
                            Some(self.expr(d))
                        } else {
                            None
                        }
                    })
                    .collect();
                let values = (0..n).map(|_| self.expr(d)).collect();
                ExprKind::Dict { keys, values }
            }
            7 => ExprKind::ListComp {
                elt: b(self),
                generators: self.comp(d),
            },
            8 => ExprKind::DictComp {
                key: b(self),
                value: b(self),
                generators: self.comp(d),
            },
            9 => ExprKind::GeneratorExp {
                elt: b(self),
                generators: self.comp(d),
            },
            10 => ExprKind::Yield(if self.rng.chance(50) {
                Some(b(self))
            } else {
                None
            }),
            11 => ExprKind::YieldFrom(b(self)),
            12 => ExprKind::Compare {
                left: b(self),
                ops: vec![CmpOperator::Lt, CmpOperator::In, CmpOperator::IsNot],
                comparators: vec![self.expr(d), self.expr(d), self.expr(d)],
            },
            13 | 14 => {
                let mut args = self.exprs(d, 2);
                if self.rng.chance(30) {
                    args.push(Expr {
                        pos,
                        kind: ExprKind::Starred {
                            value: b(self),
                            ctx: Ctx::Load,
                        },
                    });
                }
                let keywords = (0..self.rng.below(3))
                    .map(|i| Keyword {
                        pos,
                        arg: if self.rng.chance(70) {
                            Some(format!("k{}", i))
                        } else {
                            None
                        },
                        value: self.expr(d),
                    })
                    .collect();
                let func = if self.rng.chance(50) {
                    Box::new(Expr {
                        pos,
                        kind: ExprKind::Attribute {
                            value: b(self),
                            attr: self.name(),
                            ctx: Ctx::Load,
                        },
                    })
                } else {
                    b(self)
                };
                ExprKind::Call {
                    func,
                    args,
                    keywords,
                }
            }
            15 => ExprKind::JoinedStr(vec![
                Expr {
                    pos,
                    kind: ExprKind::Constant(Constant::Str("s".into())),
                },
                Expr {
                    pos,
                    kind: ExprKind::FormattedValue {
                        value: b(self),
                        conversion: Some('r'),
                        format_spec: Some(Box::new(Expr {
                            pos,
                            kind: ExprKind::JoinedStr(vec![self.expr(d)]),
                        })),
                    },
                },
            ]),
            16 => ExprKind::Attribute {
                value: b(self),
                attr: self.name(),
                ctx: Ctx::Load,
            },
            17 => ExprKind::Subscript {
                value: b(self),
                slice: Box::new(Expr {
                    pos,
                    kind: ExprKind::Slice {
                        lower: Some(b(self)),
                        upper: None,
                        step: Some(b(self)),
                    },
                }),
                ctx: Ctx::Load,
            },
            18 => {
                let mut elts = self.exprs(d, 3);
                if self.rng.chance(30) {
                    elts.push(Expr {
                        pos,
                        kind: ExprKind::Starred {
                            value: b(self),
                            ctx: Ctx::Load,
                        },
                    });
                }
                match self.rng.below(3) {
                    0 => ExprKind::List {
                        elts,
                        ctx: Ctx::Load,
                    },
                    1 => ExprKind::Tuple {
                        elts,
                        ctx: Ctx::Load,
                    },
                    _ => ExprKind::Set(elts),
                }
            }
            19 => ExprKind::SetComp {
                elt: b(self),
                generators: self.comp(d),
            },
            20 => ExprKind::Starred {
                value: b(self),
                ctx: Ctx::Load,
            },
            _ => return self.expr(0),
        };
        Expr { pos, kind }
    }
    fn block(&mut self, depth: u32) -> Vec<Stmt> {
        let n = 1 + self.rng.below(3);
        (0..n).map(|_| self.stmt(depth)).collect()
    }
    fn stmt(&mut self, depth: u32) -> Stmt {
        self.line += 1;
        let pos = self.pos();
        if depth == 0 {
            let kind = match self.rng.below(6) {
                0 => StmtKind::Break,
                1 => StmtKind::Continue,
                2 => StmtKind::Return(Some(self.expr(1))),
                3 => StmtKind::Pass,
                _ => StmtKind::Expr(self.expr(2)),
            };
            return Stmt { pos, kind };
        }
        let d = depth - 1;
        let kind = match self.rng.below(22) {
            0 => StmtKind::FunctionDef {
                name: self.name(),
                args: self.args(1),
                body: self.block(d),
                decorators: self.exprs(1, 1),
                returns: None,
            },
            1 => StmtKind::ClassDef {
                name: self.name(),
                bases: self.exprs(1, 2),
                keywords: vec![],
                body: self.block(d),
                decorators: vec![],
            },
            2 => StmtKind::Return(if self.rng.chance(50) {
                Some(self.expr(2))
            } else {
                None
            }),
            3 => StmtKind::Delete(vec![self.target(1)]),
            4 => StmtKind::Assign {
                targets: vec![self.target(2), self.target(1)],
                value: self.expr(2),
            },
            5 => StmtKind::AugAssign {
                target: self.target(1),
                op: Operator::Add,
                value: self.expr(2),
            },
            6 => StmtKind::For {
                target: self.target(1),
                iter: self.expr(2),
                body: self.block(d),
                orelse: if self.rng.chance(30) {
                    self.block(d)
                } else {
                    vec![]
                },
            },
            7 => StmtKind::While {
                test: self.expr(2),
                body: self.block(d),
                orelse: if self.rng.chance(30) {
                    self.block(d)
                } else {
                    vec![]
                },
            },
            8 => StmtKind::If {
                test: self.expr(2),
                body: self.block(d),
                orelse: if self.rng.chance(50) {
                    self.block(d)
                } else {
                    vec![]
                },
            },
            9 => StmtKind::With {
                items: (0..1 + self.rng.below(2))
                    .map(|_| WithItem {
                        context_expr: self.expr(1),
                        optional_vars: if self.rng.chance(50) {
                            Some(self.target(1))
                        } else {
                            None
                        },
                    })
                    .collect(),
                body: self.block(d),
            },
            10 => StmtKind::Raise {
                exc: if self.rng.chance(70) {
                    Some(self.expr(1))
                } else {
                    None
                },
                cause: if self.rng.chance(30) {
                    Some(self.expr(1))
                } else {
                    None
                },
            },
            11 | 12 => {
                let handlers = (0..self.rng.below(3))
                    .map(|_| ExceptHandler {
                        pos,
                        typ: if self.rng.chance(80) {
                            Some(self.expr(1))
                        } else {
                            None
                        },
                        name: if self.rng.chance(50) {
                            Some(self.name())
                        } else {
                            None
                        },
                        body: self.block(d),
                    })
                    .collect::<Vec<_>>();
                let finalbody = if handlers.is_empty() || self.rng.chance(40) {
                    self.block(d)
                } else {
                    vec![]
                };
                StmtKind::Try {
                    body: self.block(d),
                    orelse: if !handlers.is_empty() && self.rng.chance(30) {
                        self.block(d)
                    } else {
                        vec![]
                    },
                    handlers,
                    finalbody,
                }
            }
            13 => StmtKind::Assert {
                test: self.expr(2),
                msg: if self.rng.chance(50) {
                    Some(self.expr(1))
                } else {
                    None
                },
            },
            14 => StmtKind::Import(vec![Alias {
                pos,
                name: "m.n".into(),
                asname: if self.rng.chance(50) {
                    Some(self.name())
                } else {
                    None
                },
            }]),
            15 => StmtKind::ImportFrom {
                module: Some("m".into()),
                names: vec![Alias {
                    pos,
                    name: if self.rng.chance(20) {
                        "*".into()
                    } else {
                        self.name()
                    },
                    asname: None,
                }],
                level: self.rng.below(2) as u32,
            },
            16 if self.rng.chance(30) => StmtKind::Global(vec![self.name()]),
            17 if self.rng.chance(30) => StmtKind::Nonlocal(vec![self.name()]),
            18 => StmtKind::AnnAssign {
                target: self.target(1),
                annotation: self.expr(1),
                value: if self.rng.chance(50) {
                    Some(self.expr(1))
                } else {
                    None
                },
                simple: true,
            },
            _ => return self.stmt(0),
        };
        Stmt { pos, kind }
    }
}

#[test]
fn random_asts_never_panic() {
    let mut ok = 0;
    let mut errors = 0;
    let mut msgs = alloc::collections::BTreeMap::new();
    for seed in 1..3000u64 {
        let mut g = Gen {
            rng: Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
            line: 0,
        };
        let mut body: Vec<Stmt> = (0..1 + g.rng.below(4)).map(|_| g.stmt(4)).collect();
        if seed % 4 != 0 {
            // Mostly inside a function and a loop, where more is legal.
            let pos = g.pos();
            let lp = Stmt {
                pos,
                kind: StmtKind::For {
                    target: g.name_expr(Ctx::Store),
                    iter: g.expr(1),
                    body,
                    orelse: vec![],
                },
            };
            body = vec![Stmt {
                pos,
                kind: StmtKind::FunctionDef {
                    name: "f".into(),
                    args: Box::default(),
                    body: vec![lp],
                    decorators: vec![],
                    returns: None,
                },
            }];
        }
        let m = Module { body };
        for mode in [Mode::Exec, Mode::Single] {
            match compile_module(&m, "<rand>", mode) {
                Ok(c) => {
                    check_all(&c);
                    ok += 1;
                }
                Err(e) => {
                    assert!(
                        !e.msg.contains("internal"),
                        "seed {}: {:?}\n{:#?}",
                        seed,
                        e,
                        m
                    );
                    *msgs.entry(e.msg.clone()).or_insert(0) += 1;
                    errors += 1;
                }
            }
        }
    }
    println!("{} compiled, {} rejected: {:?}", ok, errors, msgs);
    assert!(ok > 500, "too few random programs compiled: {}", ok);
}

#[test]
fn random_source_mutations_never_panic() {
    // Programs from the test corpus with lines dropped or duplicated.
    let base = [
        "def f(a, *b, **c):\n    try:\n        for x in a:\n            with x as y:\n                return y\n    except E as e:\n        break\n    finally:\n        continue\n    return super().f()\n",
        "class A(B):\n    x = 1\n    def m(self):\n        nonlocal x\n        global y\n        yield from [z := 1 for q in r]\n",
        "while a:\n    if b:\n        break\n    else:\n        continue\nelse:\n    try:\n        pass\n    except:\n        raise\n",
    ];
    let mut rng = Rng(12345);
    for src in base {
        let lines: Vec<&str> = src.lines().collect();
        for _ in 0..300 {
            let mut out = String::new();
            for l in &lines {
                match rng.below(10) {
                    0 => {}
                    1 => {
                        out.push_str(l);
                        out.push('\n');
                        out.push_str(l);
                        out.push('\n');
                    }
                    _ => {
                        out.push_str(l);
                        out.push('\n');
                    }
                }
            }
            if let Ok(m) = crate::parse(&out, Mode::Exec) {
                match compile_module(&m, "<mut>", Mode::Exec) {
                    Ok(c) => check_all(&c),
                    Err(e) => assert!(!e.msg.contains("internal"), "{:?}\n{}", e, out),
                }
            }
        }
    }
}

#[test]
fn parser_limits_fit_codegen_limits() {
    // The deepest input the parser accepts: nested blocks, then nested
    // brackets and calls. It must compile, within a modest native stack.
    let r = std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(move || {
            for blocks in [99, 50, 0] {
                for n in (10..=250).rev().step_by(10) {
                    let mut src = String::new();
                    for i in 0..blocks {
                        src.push_str(&" ".repeat(i));
                        src.push_str(match i % 3 {
                            0 => "def f(a):\n",
                            1 => "for a in b:\n",
                            _ => "with a as b:\n",
                        });
                    }
                    src.push_str(&" ".repeat(blocks));
                    let mut e = String::from("a");
                    for i in 0..n {
                        e = if i % 2 == 0 {
                            format!("[{}]", e)
                        } else {
                            format!("g(-{})", e)
                        };
                    }
                    src.push_str(&format!("x = {}\n", e));
                    if let Ok(m) = crate::parse(&src, Mode::Exec) {
                        compile_module(&m, "<t>", Mode::Exec)?;
                        println!("blocks {} expression depth {}", blocks, n);
                        break;
                    }
                }
            }
            Ok::<(), crate::CompileError>(())
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(r.is_ok(), "{:?}", r);
}
