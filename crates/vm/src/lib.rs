//! fzpy's virtual machine: runs compiled Python in one fixed heap.
//!
//! Layout (one job per file):
//! - [`value`]: the one-word value; [`heap`] and [`gc`]: the fixed heap and
//!   its compacting collector;
//! - [`objects`]: one file per object type; [`types`]: builtin type table;
//! - [`interp`]: the instruction loop; [`frame`] and [`call`]: frames and
//!   calling; [`ops`], [`subscript`], [`attr`]: operators, items, attributes;
//! - [`repr`], [`format`]: text; [`builtins`], [`modules`], [`import`];
//! - [`load`]: code units into the heap; [`api`]: what embeddings call;
//! - [`files`]: the file API `open()` uses through the platform;
//! - [`unicode_case`]: CPython's Unicode case mappings and properties.
#![no_std]
#![warn(missing_docs)]

extern crate alloc;

pub mod api;
pub mod args;
pub mod attr;
pub mod builtins;
pub mod builtins_more;
pub mod cache;
pub mod call;
pub mod complete;
pub mod files;
pub mod format;
pub mod frame;
pub mod gc;
pub mod heap;
pub mod import;
pub mod int_ops;
pub mod interp;
pub mod load;
pub mod modules;
pub mod native;
pub mod objects;
pub mod ops;
pub mod repr;
pub mod subscript;
pub mod types;
pub mod unicode_case;
pub mod value;
pub mod vm;

pub use api::Exit;
pub use value::Value;
pub use vm::{CompileFailure, CompileMode, Compiler, Config, Platform, PyResult, Vm};
