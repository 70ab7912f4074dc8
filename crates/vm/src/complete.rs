//! Name completion for interactive front ends (the REPL's Tab key).

use crate::heap::kind;
use crate::value::Value;
use crate::vm::Vm;
use alloc::string::String;
use alloc::vec::Vec;

/// Python's keywords (completed like names).
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

impl Vm {
    /// Completions of `text` (a name or a dotted name such as `obj.at`) in
    /// `__main__`, sorted, without duplicates. Attribute completion reads
    /// attributes only (as CPython's rlcompleter does, properties may run).
    pub fn completions(&mut self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = match text.rfind('.') {
            Some(dot) => self.attribute_completions(&text[..dot], &text[dot + 1..]),
            None => self.name_completions(text),
        };
        out.sort();
        out.dedup();
        // A failed lookup must not leave an exception pending.
        self.take_exception();
        out
    }

    fn name_completions(&mut self, prefix: &str) -> Vec<String> {
        let mut out: Vec<String> = KEYWORDS
            .iter()
            .chain(crate::builtins::builtin_names().iter())
            .filter(|n| n.starts_with(prefix))
            .map(|n| String::from(*n))
            .collect();
        if let Ok(g) = self.main_globals() {
            out.extend(
                self.str_keys(g)
                    .into_iter()
                    .filter(|n| n.starts_with(prefix)),
            );
        }
        out
    }

    fn attribute_completions(&mut self, base: &str, prefix: &str) -> Vec<String> {
        let mut parts = base.split('.');
        let Some(first) = parts.next() else {
            return Vec::new();
        };
        if !is_identifier(first) {
            return Vec::new();
        }
        // The first name: in __main__, else a builtin.
        let Ok(name) = self.new_str(first) else {
            return Vec::new();
        };
        if self.push(name).is_err() {
            return Vec::new();
        }
        let found = match self.main_globals() {
            Ok(g) => {
                let name = self.heap.peek(0);
                self.dict_get(g, name).ok().flatten()
            }
            Err(_) => None,
        };
        let name = self.pop();
        let mut obj = match found {
            Some(v) => v,
            None => match self.load_builtin(name) {
                Ok(Some(v)) => v,
                _ => return Vec::new(),
            },
        };
        for part in parts {
            if !is_identifier(part) {
                return Vec::new();
            }
            let Ok(()) = self.push(obj) else {
                return Vec::new();
            };
            let n = self.new_str(part);
            let o = self.pop();
            let Ok(n) = n else { return Vec::new() };
            match self.getattr(o, n) {
                Ok(v) => obj = v,
                Err(_) => return Vec::new(),
            }
        }
        // dir(obj) gives the names, as the user would see them.
        let Some(dir) = crate::builtins::lookup_static("dir") else {
            return Vec::new();
        };
        let Ok(names) = self.call(dir, &[obj]) else {
            return Vec::new();
        };
        if self.heap.kind(names) != kind::LIST {
            return Vec::new();
        }
        let mut out = Vec::new();
        for i in 0..self.list_len(names) {
            let n = self.list_get(names, i);
            if self.is_str(n) {
                let mut buf = [0; 4];
                let s = self.str_text(n, &mut buf);
                if s.starts_with(prefix) && (prefix.starts_with('_') || !s.starts_with('_')) {
                    out.push(alloc::format!("{base}.{s}"));
                }
            }
        }
        out
    }

    /// The str keys of a dict.
    fn str_keys(&self, d: Value) -> Vec<String> {
        let mut out = Vec::new();
        for i in 0..self.dict_used(d) {
            if let Some((k, _)) = self.dict_entry(d, i) {
                if self.is_str(k) {
                    let mut buf = [0; 4];
                    out.push(String::from(self.str_text(k, &mut buf)));
                }
            }
        }
        out
    }
}

fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(f) if f == '_' || f.is_alphabetic())
        && c.all(|c| c == '_' || c.is_alphanumeric())
}
