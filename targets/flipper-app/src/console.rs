//! The console's text: the last lines printed, wrapped to the screen's width.

use alloc::collections::VecDeque;
use alloc::string::String;

/// Characters on one line of the 128-pixel screen in the secondary font
/// (its glyphs are 4-5 pixels wide; longer lines wrap).
pub const COLUMNS: usize = 30;

/// Lines kept; only the last [`ROWS`] are shown.
const KEPT: usize = 16;

/// Lines on the screen (8 pixels each).
pub const ROWS: usize = 8;

/// Printed text as complete lines plus the line being written.
pub struct Console {
    lines: VecDeque<String>,
    current: String,
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

impl Console {
    /// An empty console.
    pub fn new() -> Console {
        Console {
            lines: VecDeque::new(),
            current: String::new(),
        }
    }

    /// Appends text; `\n` ends a line, long lines wrap, other control characters
    /// (except tab, shown as a space) are dropped.
    pub fn push(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.end_line(),
                '\t' => self.push_char(' '),
                c if c.is_control() => {}
                c => self.push_char(c),
            }
        }
    }

    fn push_char(&mut self, c: char) {
        if self.current.chars().count() >= COLUMNS {
            self.end_line();
        }
        self.current.push(c);
    }

    fn end_line(&mut self) {
        if self.lines.len() == KEPT {
            self.lines.pop_front();
        }
        self.lines.push_back(core::mem::take(&mut self.current));
    }

    /// The lines to show, oldest first: the last [`ROWS`] (the unfinished line last).
    pub fn visible(&self) -> impl Iterator<Item = &str> {
        let partial = (!self.current.is_empty()).then_some(self.current.as_str());
        let n = self.lines.len() + partial.is_some() as usize;
        self.lines
            .iter()
            .map(String::as_str)
            .chain(partial)
            .skip(n.saturating_sub(ROWS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn shown(c: &Console) -> Vec<&str> {
        c.visible().collect()
    }

    #[test]
    fn lines_and_the_unfinished_line() {
        let mut c = Console::new();
        c.push("heap: 73 KB\nhello");
        assert_eq!(shown(&c), ["heap: 73 KB", "hello"]);
        c.push(" world\n");
        assert_eq!(shown(&c), ["heap: 73 KB", "hello world"]);
    }

    #[test]
    fn long_lines_wrap_and_control_characters_go() {
        let mut c = Console::new();
        let long: alloc::string::String = "x".repeat(COLUMNS + 3);
        c.push(&long);
        c.push("\ta\u{7}b\r\n");
        let lines = shown(&c);
        assert_eq!(lines[0].len(), COLUMNS);
        assert_eq!(lines[1], "xxx ab");
    }

    #[test]
    fn only_the_last_rows_are_visible() {
        let mut c = Console::new();
        for i in 0..40 {
            c.push(&alloc::format!("line {i}\n"));
        }
        c.push("now");
        let lines = shown(&c);
        assert_eq!(lines.len(), ROWS);
        assert_eq!(lines[ROWS - 2], "line 39");
        assert_eq!(lines[ROWS - 1], "now");
        assert_eq!(lines[0], "line 33");
    }
}
