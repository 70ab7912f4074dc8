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
