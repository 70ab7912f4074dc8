//! Object types: one file per type (layout + core operations), with the
//! Python-visible methods of the larger types in `*_methods.rs`.

pub mod bytes;
pub mod bytes_methods;
pub mod class;
pub mod dict;
pub mod dict_methods;
pub mod exception;
pub mod float;
pub mod float_methods;
pub mod function;
pub mod generator;
pub mod int;
pub mod int_methods;
pub mod iter;
pub mod list;
pub mod mro;
pub mod object;
pub mod range;
pub mod seq_methods;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod str_methods;
pub mod tuple;
