//! The console's text: the last lines printed, wrapped to the screen's width.

use alloc::collections::VecDeque;
use alloc::string::String;

/// Pixels on one line of the screen; longer lines wrap.
pub const WIDTH: u32 = 128;

/// A glyph's width when the font cannot be asked (the secondary font's glyphs are
/// 3-6 pixels wide): lines then wrap after 32 characters.
pub fn estimated_width(_: char) -> u32 {
    4
}

/// Lines kept; only the last [`ROWS`] are shown.
const KEPT: usize = 16;

/// Lines on the screen (8 pixels each).
pub const ROWS: usize = 8;

/// Printed text as complete lines plus the line being written.
pub struct Console {
    lines: VecDeque<String>,
    current: String,
    /// Pixels of `current`.
    current_width: u32,
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
            current_width: 0,
        }
    }

    /// Appends text; `\n` ends a line, a line wraps before a glyph that would
    /// pass [`WIDTH`] (`width`: a glyph's width in pixels), other control characters
    /// (except tab, shown as a space) are dropped.
    pub fn push(&mut self, text: &str, width: &mut dyn FnMut(char) -> u32) {
        for c in text.chars() {
            match c {
                '\n' => self.end_line(),
                '\t' => self.push_char(' ', width),
                c if c.is_control() => {}
                c => self.push_char(c, width),
            }
        }
    }

    fn push_char(&mut self, c: char, width: &mut dyn FnMut(char) -> u32) {
        let w = width(c);
        if !self.current.is_empty() && self.current_width + w > WIDTH {
            self.end_line();
        }
        self.current.push(c);
        self.current_width += w;
    }

    fn end_line(&mut self) {
        if self.lines.len() == KEPT {
            self.lines.pop_front();
        }
        self.lines.push_back(core::mem::take(&mut self.current));
        self.current_width = 0;
    }

    /// The unfinished line.
    pub fn current(&self) -> &str {
        &self.current
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
        let w = &mut estimated_width;
        c.push("heap: 73 KB\nhello", w);
        assert_eq!(shown(&c), ["heap: 73 KB", "hello"]);
        assert_eq!(c.current(), "hello");
        c.push(" world\n", w);
        assert_eq!(c.current(), "");
        assert_eq!(shown(&c), ["heap: 73 KB", "hello world"]);
    }

    #[test]
    fn long_lines_wrap_and_control_characters_go() {
        let mut c = Console::new();
        let w = &mut estimated_width;
        let long: alloc::string::String = "x".repeat(32 + 3);
        c.push(&long, w);
        c.push("\ta\u{7}b\r\n", w);
        let lines = shown(&c);
        assert_eq!(lines[0].len(), 32);
        assert_eq!(lines[1], "xxx ab");
    }

    #[test]
    fn wrapping_follows_the_glyph_widths() {
        let mut c = Console::new();
        // Wide 'm' (8 px) and narrow 'i' (2 px): 16 m's or 64 i's fill a line.
        let w = &mut |ch: char| if ch == 'm' { 8 } else { 2 };
        c.push(&"m".repeat(17), w);
        c.push("\n", w);
        c.push(&"i".repeat(65), w);
        assert_eq!(
            shown(&c),
            ["m".repeat(16), "m".into(), "i".repeat(64), "i".into()]
        );
        // A glyph wider than the screen still gets a line of its own.
        let mut c = Console::new();
        c.push("ab", &mut |_| 200);
        assert_eq!(shown(&c), ["a", "b"]);
    }

    #[test]
    fn only_the_last_rows_are_visible() {
        let mut c = Console::new();
        for i in 0..40 {
            c.push(&alloc::format!("line {i}\n"), &mut estimated_width);
        }
        c.push("now", &mut estimated_width);
        let lines = shown(&c);
        assert_eq!(lines.len(), ROWS);
        assert_eq!(lines[ROWS - 2], "line 39");
        assert_eq!(lines[ROWS - 1], "now");
        assert_eq!(lines[0], "line 33");
    }
}
