//! fzpy's Python 3 compiler: source text to [`CodeUnit`]s.
//!
//! The pipeline is `lexer` (tokens, INDENT/DEDENT) -> `parser` ([`ast`]) ->
//! `symtable` (which names are local, global, cell or free) -> `codegen`
//! (instructions, constants, line and exception tables). The VM never links
//! this crate: an embedding that has it hands the VM a compiler.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod ast;
pub mod codegen;
pub mod lexer;
pub mod parser;
pub mod symtable;
#[cfg(feature = "vm")]
pub mod vm_adapter;

#[cfg(feature = "vm")]
pub use vm_adapter::VmCompiler;

use alloc::string::String;
use fzpy_bytecode::CodeUnit;

/// What kind of input is being compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements (files, `exec`). Returns None.
    Exec,
    /// A single expression (`eval`): the code returns its value.
    Eval,
    /// One interactive entry (REPL): expression statements print their value
    /// (PRINT_EXPR) instead of discarding it.
    Single,
}

/// Which Python exception a compile error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// SyntaxError
    Syntax,
    /// IndentationError (a SyntaxError subclass)
    Indentation,
    /// TabError (an IndentationError subclass)
    Tab,
}

/// A compile error, with CPython's message where practical.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The exception type.
    pub kind: ErrorKind,
    /// The message (`invalid syntax`, `unexpected indent` ...).
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 0-based column (in characters) where the error was found.
    pub col: u32,
    /// True when the input ended too early (an open bracket, a block with no
    /// body, an unterminated triple-quoted string): the REPL asks for more.
    pub incomplete: bool,
}

pub use parser::set_max_depth;

/// Parses source text into an AST.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Module, CompileError> {
    parser::parse(source, mode)
}

/// For an interactive prompt: whether `src` (the lines typed so far) needs
/// more lines before it runs. A compound statement (`if x:`, `@decorator`)
/// waits for a blank line, an unfinished one (open bracket, trailing `\`)
/// for the lines that complete it.
pub fn needs_more_lines(src: &str, last_line_blank: bool) -> bool {
    if last_line_blank {
        return false;
    }
    let first = src.lines().next().unwrap_or("").trim();
    if first.ends_with(':') || first.starts_with('@') {
        return true;
    }
    matches!(parse(src, Mode::Single), Err(e) if e.incomplete)
}

/// Compiles source text into the code unit of a module (or of an expression
/// in [`Mode::Eval`]). `filename` appears in tracebacks.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let module = parser::parse(source, mode)?;
    codegen::compile_module(&module, filename, mode)
}

#[cfg(test)]
mod tests {
    use super::needs_more_lines;

    #[test]
    fn continuation_rules() {
        assert!(!needs_more_lines("x = 1\n", false));
        assert!(needs_more_lines("if x:\n", false));
        assert!(needs_more_lines("if x:\n    y = 1\n", false));
        assert!(!needs_more_lines("if x:\n    y = 1\n\n", true));
        assert!(needs_more_lines("x = (1,\n", false));
        assert!(!needs_more_lines("x = (1,\n2)\n", false));
        assert!(needs_more_lines("s = '''a\n", false));
        assert!(!needs_more_lines("x = )\n", false));
    }
}
