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

/// The lines of one interactive entry, collected until it can run (the
/// rules of [`needs_more_lines`]; blank lines before an entry are skipped).
#[derive(Default)]
pub struct ReplEntry {
    buf: String,
}

impl ReplEntry {
    /// No line taken yet: the prompt is `>>>`, else `...`.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The lines so far.
    pub fn text(&self) -> &str {
        &self.buf
    }

    /// Drops the lines so far (Ctrl+C at the prompt).
    pub fn clear(&mut self) {
        self.buf.clear();
    }

    /// Takes one typed line (its line end is optional); the entry's source
    /// when it is complete.
    pub fn push_line(&mut self, line: &str) -> Option<String> {
        let line = line.trim_end_matches(['\n', '\r']);
        let blank = line.trim().is_empty();
        if self.buf.is_empty() && blank {
            return None;
        }
        self.buf.push_str(line);
        self.buf.push('\n');
        if needs_more_lines(&self.buf, blank) {
            return None;
        }
        Some(core::mem::take(&mut self.buf))
    }
}

/// Compiles source text into the code unit of a module (or of an expression
/// in [`Mode::Eval`]). `filename` appears in tracebacks.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let module = parser::parse(source, mode)?;
    codegen::compile_module(&module, filename, mode)
}

#[cfg(test)]
mod tests {
    use super::{needs_more_lines, ReplEntry};

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

    #[test]
    fn repl_entries() {
        let mut e = ReplEntry::default();
        assert_eq!(e.push_line("\n"), None);
        assert!(e.is_empty());
        assert_eq!(e.push_line("x = 1\r\n").as_deref(), Some("x = 1\n"));
        assert_eq!(e.push_line("for i in x:"), None);
        assert_eq!(e.push_line("    print(i)"), None);
        assert_eq!(e.text(), "for i in x:\n    print(i)\n");
        assert_eq!(
            e.push_line("").as_deref(),
            Some("for i in x:\n    print(i)\n\n")
        );
        assert_eq!(e.push_line("f(1,"), None);
        e.clear();
        assert!(e.is_empty());
    }
}
