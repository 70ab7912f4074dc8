//! The compiler as the VM's [`fzpy_vm::Compiler`] (feature `vm`): what every
//! embedding that links the compiler hands the VM.

use crate::{compile, ErrorKind, Mode};
use fzpy_bytecode::CodeUnit;
use fzpy_vm::types::TypeId;
use fzpy_vm::{CompileFailure, CompileMode};

/// This compiler, for `Vm::new(.., Some(Box::new(VmCompiler)))`.
pub struct VmCompiler;

impl fzpy_vm::Compiler for VmCompiler {
    fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> Result<CodeUnit, CompileFailure> {
        let mode = match mode {
            CompileMode::Exec => Mode::Exec,
            CompileMode::Eval => Mode::Eval,
            CompileMode::Single => Mode::Single,
        };
        compile(source, filename, mode).map_err(|e| CompileFailure {
            kind: match e.kind {
                ErrorKind::Syntax => TypeId::SyntaxError,
                ErrorKind::Indentation => TypeId::IndentationError,
                ErrorKind::Tab => TypeId::TabError,
            },
            msg: e.msg,
            line: e.line,
            col: e.col,
            incomplete: e.incomplete,
        })
    }
}
