//! Code generation: AST to code units.
use crate::{ast, CompileError, Mode};
use fzpy_bytecode::CodeUnit;

/// Compiles a parsed module.
pub fn compile_module(
    _module: &ast::Module,
    _filename: &str,
    _mode: Mode,
) -> Result<CodeUnit, CompileError> {
    todo!("codegen")
}
