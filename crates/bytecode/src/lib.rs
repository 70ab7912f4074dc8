//! fzpy's bytecode: the contract between the compiler and the VM.
//!
//! - [`opcode`]: the instruction set, with each instruction's stack effect;
//! - [`code`]: code units (compiled bodies) and their constants;
//! - [`fzb`]: the `.fzb` bytecode file format;
//! - [`verify`]: the verifier that makes untrusted code units safe to run.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod code;
pub mod dis;
pub mod fzb;
pub mod opcode;
pub mod stack;
pub mod verify;

pub use code::{CodeUnit, Const, ExceptionEntry};
pub use opcode::{BinOp, CmpOp, Op};
