//! Recursive-descent parser: tokens to [`crate::ast`].
use crate::{ast, CompileError, Mode};

/// Parses a whole input.
pub fn parse(_source: &str, _mode: Mode) -> Result<ast::Module, CompileError> {
    todo!("parser")
}
