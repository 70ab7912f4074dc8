//! Argument checks for native functions, with CPython's messages.

use crate::native::Args;
use crate::types::TypeId;
use crate::value::Value;
use crate::vm::{Msg, PyResult, Vm};
use core::fmt::Write;

impl Vm {
    /// Checks the positional count is in `min..=max` and that no keyword
    /// arguments were given (natives that take keywords read them with
    /// [`Vm::kwarg`] and check positionals themselves).
    pub fn check_args(&mut self, args: Args, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = args.npos();
        if n >= min && n <= max {
            return Ok(());
        }
        let mut m = Msg::new();
        if min == max {
            match min {
                0 => {
                    let _ = write!(m, "{name}() takes no arguments ({n} given)");
                }
                1 => {
                    let _ = write!(m, "{name}() takes exactly one argument ({n} given)");
                }
                _ => {
                    let _ = write!(m, "{name}() takes exactly {min} arguments ({n} given)");
                }
            }
        } else if n < min {
            let _ = write!(
                m,
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            );
        } else {
            let _ = write!(
                m,
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            );
        }
        Err(self.raise_msg(TypeId::TypeError, m.as_str()))
    }

    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, args: Args, name: &str) -> Option<Value> {
        if args.nkw == 0 {
            return None;
        }
        for k in 0..args.nkw {
            let n = self.kwname(args, k);
            if self.str_is(n, name) {
                return Some(self.slot(args.base + args.npos() + k));
            }
        }
        None
    }

    /// The name of keyword argument `k` (< args.nkw).
    pub fn kwname(&self, args: Args, k: usize) -> Value {
        self.tuple_get(self.slot(args.kw), k)
    }

    /// The tuple of keyword names, or NULL when there are none.
    pub fn kwnames_of(&self, args: Args) -> Value {
        if args.nkw == 0 {
            Value::NULL
        } else {
            self.slot(args.kw)
        }
    }

    /// Positional argument `i`, else keyword `name`, else None.
    pub fn opt_arg(&self, args: Args, i: usize, name: &str) -> Option<Value> {
        if i < args.npos() {
            return Some(self.slot(args.base + i));
        }
        self.kwarg(args, name)
    }

    /// Raises TypeError for keyword arguments a native does not take.
    pub fn check_kwargs(&mut self, args: Args, name: &str, allowed: &[&str]) -> PyResult<()> {
        for k in 0..args.nkw {
            let n = self.kwname(args, k);
            if !allowed.iter().any(|a| self.str_is(n, a)) {
                let mut buf = [0; 4];
                let mut m = Msg::new();
                let _ = write!(
                    m,
                    "{}() got an unexpected keyword argument '{}'",
                    name,
                    self.str_text(n, &mut buf)
                );
                return Err(self.raise_msg(TypeId::TypeError, m.as_str()));
            }
        }
        Ok(())
    }
}
