//! The Flipper app's source files that need no SDK, compiled for the host so their
//! tests (beside the code, in `../src`) run with `cargo test`.

extern crate alloc;

#[path = "../src/console.rs"]
pub mod console;
#[path = "../src/ir_signal.rs"]
pub mod ir_signal;
#[path = "../src/keys.rs"]
pub mod keys;
#[path = "../src/sizing.rs"]
pub mod sizing;
#[path = "../src/line_edit.rs"]
pub mod line_edit;
