//! The interactive prompt, like CPython's: line editing and history
//! (rustyline) on a terminal, `...` continuation with auto-indent, Tab
//! completion of names and attributes, `_` for the last result, Ctrl+C to
//! cancel the line (or interrupt running code), Ctrl+D to leave. History is
//! kept across sessions in `~/.fzpy_history` (`FZPY_HISTORY` names another
//! file; set it empty to keep none). Without a terminal (input from a pipe)
//! it reads plain lines with the same rules.

use crate::host;
use fzpy_vm::{Config, Exit, Vm};
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::cell::RefCell;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::rc::Rc;

/// Runs the REPL until Ctrl+D, `exit()`-style SystemExit, or end of input.
pub fn run(config: Config) -> ExitCode {
    let heap = config.heap_bytes;
    let vm = Rc::new(RefCell::new(crate::new_vm(config)));
    println!(
        "fzpy {} (Python 3.11 compatible), {} KB heap",
        env!("CARGO_PKG_VERSION"),
        heap / 1024
    );
    if std::io::stdin().is_terminal() {
        match terminal_loop(vm.clone()) {
            Some(code) => code,
            None => plain_loop(&vm),
        }
    } else {
        plain_loop(&vm)
    }
}

/// The indentation to offer on the next continuation line.
fn next_indent(src: &str) -> String {
    let last = src.lines().last().unwrap_or("");
    let mut indent: String = last.chars().take_while(|c| *c == ' ').collect();
    if last.trim_end().ends_with(':') {
        indent.push_str("    ");
    }
    indent
}

/// Runs one entry; Some(status) when the session must end (SystemExit).
fn execute(vm: &RefCell<Vm>, src: &str) -> Option<ExitCode> {
    let mut vm = vm.borrow_mut();
    let r = vm.run_interactive(src);
    vm.platform.flush();
    if r.is_err() {
        let e = vm.exception();
        if vm.exc_matches(e, fzpy_vm::types::TypeId::SystemExit) {
            let Exit::Status(n) = vm.report_exception();
            return Some(ExitCode::from((n & 0xff) as u8));
        }
        vm.report_exception();
        vm.platform.flush();
    }
    None
}

/// Reads lines from a pipe (no editing).
fn plain_loop(vm: &RefCell<Vm>) -> ExitCode {
    let stdin = std::io::stdin();
    let mut entry = fzpy_compiler::ReplEntry::default();
    loop {
        print!("{}", if entry.is_empty() { ">>> " } else { "... " });
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                println!();
                return ExitCode::SUCCESS;
            }
            Ok(_) => {}
        }
        if let Some(src) = entry.push_line(&line) {
            if let Some(code) = execute(vm, &src) {
                return code;
            }
        }
    }
}

/// Where the history is kept: `$FZPY_HISTORY` (empty: nowhere), else
/// `$HOME/.fzpy_history`.
fn history_path() -> Option<std::path::PathBuf> {
    match std::env::var_os("FZPY_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(p.into()),
        None => std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".fzpy_history")),
    }
}

/// The rustyline session; None if the terminal cannot be driven.
fn terminal_loop(vm: Rc<RefCell<Vm>>) -> Option<ExitCode> {
    let mut ed: Editor<ReplHelper, _> = Editor::new().ok()?;
    ed.set_helper(Some(ReplHelper { vm: vm.clone() }));
    let history = history_path();
    if let Some(path) = &history {
        // A missing or unreadable history file just starts empty.
        let _ = ed.load_history(path);
    }
    let mut entry = fzpy_compiler::ReplEntry::default();
    loop {
        let (prompt, indent) = if entry.is_empty() {
            (">>> ", String::new())
        } else {
            ("... ", next_indent(entry.text()))
        };
        match ed.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => {
                let Some(src) = entry.push_line(&line) else {
                    continue;
                };
                let _ = ed.add_history_entry(src.trim_end());
                if let Some(path) = &history {
                    // Appended at once, so every way out of the session keeps it.
                    let _ = ed.append_history(path);
                }
                host::INTERRUPTED.store(false, std::sync::atomic::Ordering::Relaxed);
                if let Some(code) = execute(&vm, &src) {
                    return Some(code);
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl+C at the prompt cancels the entry, as in CPython.
                println!("KeyboardInterrupt");
                entry.clear();
            }
            Err(ReadlineError::Eof) => {
                println!();
                return Some(ExitCode::SUCCESS);
            }
            Err(_) => return Some(ExitCode::from(1)),
        }
    }
}

/// Tab completion through the VM; no hints, highlighting or validation.
struct ReplHelper {
    vm: Rc<RefCell<Vm>>,
}

impl Completer for ReplHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let upto = &line[..pos];
        let start = upto
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|i| i + upto[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let word = &upto[start..];
        if word.is_empty() {
            // Tab on an empty word indents, as in CPython.
            return Ok((pos, vec!["    ".to_string()]));
        }
        let Ok(mut vm) = self.vm.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        Ok((start, vm.completions(word)))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Highlighter for ReplHelper {}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_indent() {
        assert_eq!(next_indent("if x:\n"), "    ");
        assert_eq!(next_indent("if x:\n    if y:\n"), "        ");
        assert_eq!(next_indent("if x:\n    y = 1\n"), "    ");
    }
}
