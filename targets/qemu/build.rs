//! Writes the linker's `memory.x` (cortex-m-rt's `link.x` includes it) for QEMU's
//! `mps2-an386` board: 4 MiB of code memory at 0x0 and 4 MiB of RAM at 0x2000_0000.
//!
//! The main stack is the first `FZPY_QEMU_STACK` bytes of RAM (default 32K; e.g.
//! `FZPY_QEMU_STACK=16k cargo build --release`), below `.data`/`.bss`, so an overflow runs
//! off the bottom of RAM into unmapped memory and faults (QEMU stops with a "Lockup"
//! error) instead of silently overwriting statics. The size reaches the program as the
//! `FZPY_QEMU_STACK_BYTES` environment variable at compile time.

use std::{env, fs, path::PathBuf};

/// The stack when `FZPY_QEMU_STACK` is not set.
const DEFAULT_STACK: usize = 32 * 1024;

/// Parses `16k`, `32768`; a multiple of 1 KB between 4 KB and 1 MB.
fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = match s.strip_suffix('k') {
        Some(n) => (n, 1024),
        None => (s.as_str(), 1),
    };
    let n = num.parse::<usize>().ok()?.checked_mul(mul)?;
    (n % 1024 == 0 && (4096..=1 << 20).contains(&n)).then_some(n)
}

fn main() {
    let stack = match env::var("FZPY_QEMU_STACK") {
        Ok(s) if !s.is_empty() => parse_size(&s)
            .unwrap_or_else(|| panic!("FZPY_QEMU_STACK={s}: want e.g. 16k (4k..1024k)")),
        _ => DEFAULT_STACK,
    };
    let ram = 4 * 1024 * 1024;
    let memory_x = format!(
        "MEMORY\n{{\n  FLASH : ORIGIN = 0x00000000, LENGTH = 4M\n  \
         STACK : ORIGIN = 0x20000000, LENGTH = {stack}\n  \
         RAM   : ORIGIN = {ram_origin:#010x}, LENGTH = {ram_len}\n}}\n\
         _stack_start = ORIGIN(STACK) + LENGTH(STACK);\n_stack_end = ORIGIN(STACK);\n",
        ram_origin = 0x2000_0000 + stack,
        ram_len = ram - stack,
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("memory.x"), memory_x).expect("write memory.x");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-env=FZPY_QEMU_STACK_BYTES={stack}");
    println!("cargo:rerun-if-env-changed=FZPY_QEMU_STACK");
    println!("cargo:rerun-if-changed=build.rs");
}
