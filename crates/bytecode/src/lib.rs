//! fzpy's bytecode: the contract between the compiler and the VM.
//!
//! - [`opcode`]: the instruction set, with each instruction's stack effect;
//! - [`code`]: code units (compiled bodies) and their constants.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod code;
pub mod dis;
pub mod opcode;
pub mod stack;

pub use code::{CodeUnit, Const, ExceptionEntry};
pub use opcode::{BinOp, CmpOp, Op};
