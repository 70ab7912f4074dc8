//! Line input from a terminal on the Flipper's CLI (the `py` command): the bytes a
//! terminal sends, one at a time, become a line, with the echo to send back.
//! No SDK here, so the host tests run it.

use alloc::string::String;
use alloc::vec::Vec;

/// What a byte did to the line being typed.
#[derive(Debug, PartialEq, Eq)]
pub enum Key {
    /// Send these bytes back to the terminal (the echo; may be empty).
    Echo(&'static [u8]),
    /// Send this one printable byte back.
    EchoByte(u8),
    /// The line is complete (Enter): its text, without the line end.
    Line(String),
    /// Ctrl+C: the line is dropped.
    Cancel,
    /// Ctrl+D on an empty line: end of input.
    End,
}

/// The line being typed.
#[derive(Default)]
pub struct LineEdit {
    bytes: Vec<u8>,
    /// The previous byte was a CR (a following LF belongs to the same Enter).
    after_cr: bool,
    /// Inside an escape sequence (arrow keys ...), which is ignored.
    escape: u8,
}

/// Bytes a line may hold; more are not taken.
pub const LINE_MAX: usize = 1024;

impl LineEdit {
    /// Takes one byte from the terminal.
    pub fn feed(&mut self, b: u8) -> Key {
        let after_cr = core::mem::replace(&mut self.after_cr, false);
        if self.escape > 0 {
            // ESC [ params final: the final byte is 0x40..=0x7e.
            self.escape = match (self.escape, b) {
                (1, b'[') | (1, b'O') => 2,
                (2, 0x40..=0x7e) | (1, _) => 0,
                _ => 2,
            };
            return Key::Echo(b"");
        }
        match b {
            b'\r' | b'\n' => {
                if b == b'\n' && after_cr {
                    return Key::Echo(b"");
                }
                self.after_cr = b == b'\r';
                let bytes = core::mem::take(&mut self.bytes);
                Key::Line(String::from_utf8_lossy(&bytes).into_owned())
            }
            0x03 => {
                self.bytes.clear();
                Key::Cancel
            }
            0x04 if self.bytes.is_empty() => Key::End,
            0x08 | 0x7f => {
                // Drop the last character (a UTF-8 sequence is removed whole).
                let mut removed = false;
                while let Some(last) = self.bytes.pop() {
                    removed = true;
                    if last & 0xc0 != 0x80 {
                        break;
                    }
                }
                Key::Echo(if removed { b"\x08 \x08" } else { b"" })
            }
            0x1b => {
                self.escape = 1;
                Key::Echo(b"")
            }
            b'\t' => self.push(b' '),
            0x20..=0xff => self.push(b),
            _ => Key::Echo(b""),
        }
    }

    fn push(&mut self, b: u8) -> Key {
        if self.bytes.len() >= LINE_MAX {
            return Key::Echo(b"");
        }
        self.bytes.push(b);
        Key::EchoByte(b)
    }
}

/// `text` with every `\n` turned into `\r\n`, as a terminal wants it; the pieces to
/// send, in order.
pub fn terminal_lines(text: &[u8], mut send: impl FnMut(&[u8])) {
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            send(&text[start..i]);
            send(b"\r\n");
            start = i + 1;
        }
    }
    if start < text.len() {
        send(&text[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(bytes: &[u8]) -> (Vec<Key>, Vec<u8>) {
        let mut e = LineEdit::default();
        let mut keys = Vec::new();
        let mut echo = Vec::new();
        for &b in bytes {
            match e.feed(b) {
                Key::Echo(s) => echo.extend_from_slice(s),
                Key::EchoByte(c) => echo.push(c),
                k => keys.push(k),
            }
        }
        (keys, echo)
    }

    #[test]
    fn lines_end_at_cr_lf_or_crlf() {
        let (keys, echo) = typed(b"ab\rcd\r\nef\n");
        assert_eq!(
            keys,
            [
                Key::Line("ab".into()),
                Key::Line("cd".into()),
                Key::Line("ef".into())
            ]
        );
        assert_eq!(echo, b"abcdef");
        // An empty line between two Enters is still a line.
        let (keys, _) = typed(b"\r\n\r\n");
        assert_eq!(keys, [Key::Line("".into()), Key::Line("".into())]);
    }

    #[test]
    fn backspace_removes_whole_characters() {
        let (keys, echo) = typed("xé\x7f\x08\x08y\r".as_bytes());
        assert_eq!(keys, [Key::Line("y".into())]);
        // Two characters erased on screen; the third Backspace had nothing to erase.
        assert_eq!(echo, b"x\xc3\xa9\x08 \x08\x08 \x08y");
    }

    #[test]
    fn control_keys() {
        assert_eq!(typed(b"abc\x03").0, [Key::Cancel]);
        assert_eq!(typed(b"\x04").0, [Key::End]);
        // Ctrl+D inside a line is ignored, like a terminal's.
        assert_eq!(typed(b"a\x04b\r").0, [Key::Line("ab".into())]);
        // Arrow keys (ESC [ A) and ESC O sequences are dropped.
        assert_eq!(typed(b"a\x1b[Ab\x1bOC\r").0, [Key::Line("ab".into())]);
        assert_eq!(typed(b"a\tb\r").0, [Key::Line("a b".into())]);
    }

    #[test]
    fn long_lines_stop_growing() {
        let mut input = alloc::vec![b'x'; LINE_MAX + 10];
        input.push(b'\r');
        let (keys, echo) = typed(&input);
        assert_eq!(keys, [Key::Line("x".repeat(LINE_MAX))]);
        assert_eq!(echo.len(), LINE_MAX);
    }

    #[test]
    fn newlines_become_crlf() {
        let mut out = Vec::new();
        terminal_lines(b"a\nbc\n\nd", |s| out.extend_from_slice(s));
        assert_eq!(out, b"a\r\nbc\r\n\r\nd");
    }
}
