//! Tokenizer: source text to tokens, with INDENT/DEDENT and implicit line joining.
//!
//! The lexer is streaming: [`Lexer::next_token`] yields one [`Token`] at a
//! time. Tokens only carry a byte span and a position; the parser decodes
//! the text of names, numbers and strings (see [`number_value`] and
//! [`decode_str`]) when it builds the AST.

use crate::ast::Constant;
use crate::{CompileError, ErrorKind};
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// Most brackets open at once ("too many nested parentheses" beyond).
pub const MAX_BRACKETS: usize = 200;
/// Most indentation levels ("too many levels of indentation" beyond).
pub const MAX_INDENT: usize = 100;

/// Token kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Tok {
    Name,
    Number,
    /// A string literal, prefix and quotes included.
    Str,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Operators and delimiters.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
}

/// One token: kind, byte span in the source, and start position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The kind.
    pub kind: Tok,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// 1-based line.
    pub line: u32,
    /// 0-based column in characters.
    pub col: u32,
}

/// Builds a SyntaxError (or another kind) at a position.
pub(crate) fn error(kind: ErrorKind, msg: String, line: u32, col: u32) -> CompileError {
    CompileError {
        kind,
        msg,
        line,
        col,
        incomplete: false,
    }
}

fn keyword(s: &str) -> Option<Tok> {
    Some(match s {
        "False" => Tok::False,
        "None" => Tok::None,
        "True" => Tok::True,
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "async" => Tok::Async,
        "await" => Tok::Await,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// True for a character that may start an identifier.
pub(crate) fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// True for a character that may continue an identifier.
pub(crate) fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// The streaming tokenizer. `Clone` is cheap enough for the parser's one
/// backtracking point (parenthesized with-items).
#[derive(Clone)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    end: usize,
    line: u32,
    col: u32,
    /// Indentation stack: (column with tabs to 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    pending_dedents: u32,
    /// Open brackets: (char, line, col).
    brackets: Vec<(u8, u32, u32)>,
    at_line_start: bool,
    /// A token was produced on the current logical line (NEWLINE is due).
    line_has_tokens: bool,
    /// Inside an f-string replacement field: newlines are insignificant and
    /// the end of the range is the end of input.
    nested: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer over a whole source text.
    pub fn new(src: &'a str) -> Self {
        let pos = if src.starts_with('\u{feff}') { 3 } else { 0 };
        Lexer {
            src,
            pos,
            end: src.len(),
            line: 1,
            col: 0,
            indents: vec![(0, 0)],
            pending_dedents: 0,
            brackets: Vec::new(),
            at_line_start: true,
            line_has_tokens: false,
            nested: false,
        }
    }

    /// A lexer over `src[start..end]` (an f-string field) that starts at the
    /// given position and ignores newlines.
    pub fn new_nested(src: &'a str, start: usize, end: usize, line: u32, col: u32) -> Self {
        Lexer {
            src,
            pos: start,
            end,
            line,
            col,
            indents: vec![(0, 0)],
            pending_dedents: 0,
            brackets: Vec::new(),
            at_line_start: false,
            line_has_tokens: false,
            nested: true,
        }
    }

    /// The innermost open bracket: (char, line, col).
    pub fn open_bracket(&self) -> Option<(u8, u32, u32)> {
        self.brackets.last().copied()
    }

    /// True when all the input has been read.
    pub fn at_eof(&self) -> bool {
        self.pos >= self.end
    }

    fn peek(&self) -> u8 {
        if self.pos < self.end {
            self.src.as_bytes()[self.pos]
        } else {
            0
        }
    }

    fn peek_at(&self, n: usize) -> u8 {
        if self.pos + n < self.end {
            self.src.as_bytes()[self.pos + n]
        } else {
            0
        }
    }

    fn peek_char(&self) -> Option<char> {
        self.src[self.pos..self.end].chars().next()
    }

    /// Advances one byte, counting characters (not UTF-8 continuation bytes).
    fn bump(&mut self) {
        let b = self.src.as_bytes()[self.pos];
        self.pos += 1;
        if b & 0xC0 != 0x80 {
            self.col += 1;
        }
    }

    /// Consumes a newline (`\n`, `\r\n` or `\r`) at pos.
    fn bump_newline(&mut self) {
        if self.peek() == b'\r' && self.peek_at(1) == b'\n' {
            self.pos += 1;
        }
        self.pos += 1;
        self.line += 1;
        self.col = 0;
    }

    fn err(&self, msg: String, line: u32, col: u32) -> CompileError {
        error(ErrorKind::Syntax, msg, line, col)
    }

    fn tok(&mut self, kind: Tok, start: usize, line: u32, col: u32) -> Token {
        self.line_has_tokens = true;
        Token {
            kind,
            start,
            end: self.pos,
            line,
            col,
        }
    }

    /// Reads indentation at the start of a line; returns a token to emit
    /// (INDENT or the first DEDENT), or None.
    fn indentation(&mut self) -> Result<Option<Token>, CompileError> {
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek() {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                0x0C => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.bump();
        }
        // Blank and comment-only lines do not count.
        match self.peek() {
            b'#' | b'\n' | b'\r' => return Ok(None),
            b'\\' if matches!(self.peek_at(1), b'\n' | b'\r') => return Ok(None),
            _ if self.pos >= self.end => return Ok(None),
            _ => {}
        }
        self.at_line_start = false;
        let (line, pos) = (self.line, self.pos);
        let tab_err = |s: &Self| {
            error(
                ErrorKind::Tab,
                "inconsistent use of tabs and spaces in indentation".into(),
                s.line,
                0,
            )
        };
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_err(self));
            }
            Ok(None)
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_err(self));
            }
            if self.indents.len() > MAX_INDENT {
                return Err(error(
                    ErrorKind::Indentation,
                    "too many levels of indentation".into(),
                    line,
                    self.col,
                ));
            }
            self.indents.push((col, alt));
            Ok(Some(Token {
                kind: Tok::Indent,
                start: pos,
                end: pos,
                line,
                col: self.col,
            }))
        } else {
            let mut n = 0;
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                n += 1;
            }
            let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(error(
                    ErrorKind::Indentation,
                    "unindent does not match any outer indentation level".into(),
                    line,
                    self.col,
                ));
            }
            if alt != top_alt {
                return Err(tab_err(self));
            }
            self.pending_dedents = n - 1;
            Ok(Some(Token {
                kind: Tok::Dedent,
                start: pos,
                end: pos,
                line,
                col: self.col,
            }))
        }
    }

    /// Produces the next token (ENDMARKER forever at the end).
    pub fn next_token(&mut self) -> Result<Token, CompileError> {
        loop {
            if self.pending_dedents > 0 {
                self.pending_dedents -= 1;
                return Ok(Token {
                    kind: Tok::Dedent,
                    start: self.pos,
                    end: self.pos,
                    line: self.line,
                    col: self.col,
                });
            }
            if self.at_line_start && self.brackets.is_empty() && !self.nested {
                if let Some(t) = self.indentation()? {
                    return Ok(t);
                }
            }
            // Skip whitespace and comments.
            loop {
                match self.peek() {
                    b' ' | b'\t' | 0x0C => self.bump(),
                    b'#' => {
                        if self.nested {
                            return Err(self.err(
                                "f-string expression part cannot include '#'".into(),
                                self.line,
                                self.col,
                            ));
                        }
                        while self.pos < self.end && !matches!(self.peek(), b'\n' | b'\r') {
                            self.bump();
                        }
                    }
                    _ => break,
                }
            }
            let (start, line, col) = (self.pos, self.line, self.col);
            if self.pos >= self.end {
                return self.end_tokens();
            }
            let c = self.peek();
            match c {
                b'\n' | b'\r' => {
                    let was = self.line_has_tokens;
                    self.bump_newline();
                    if self.nested || !self.brackets.is_empty() {
                        continue;
                    }
                    self.at_line_start = true;
                    if was {
                        self.line_has_tokens = false;
                        return Ok(Token {
                            kind: Tok::Newline,
                            start,
                            end: self.pos,
                            line,
                            col,
                        });
                    }
                    continue;
                }
                b'\\' => {
                    if self.nested {
                        return Err(self.err(
                            "f-string expression part cannot include a backslash".into(),
                            line,
                            col,
                        ));
                    }
                    self.bump();
                    let nl = matches!(self.peek(), b'\n' | b'\r');
                    if nl || self.pos >= self.end {
                        if nl {
                            self.bump_newline();
                        }
                        if self.pos >= self.end {
                            let mut e =
                                self.err("unexpected EOF while parsing".into(), line, col + 1);
                            e.incomplete = true;
                            return Err(e);
                        }
                        continue;
                    }
                    return Err(self.err(
                        "unexpected character after line continuation character".into(),
                        line,
                        col + 1,
                    ));
                }
                b'0'..=b'9' => {
                    self.number(line, col)?;
                    return Ok(self.tok(Tok::Number, start, line, col));
                }
                b'.' if self.peek_at(1).is_ascii_digit() => {
                    self.number(line, col)?;
                    return Ok(self.tok(Tok::Number, start, line, col));
                }
                b'"' | b'\'' => {
                    self.string(line, col)?;
                    return Ok(self.tok(Tok::Str, start, line, col));
                }
                _ => {}
            }
            let ch = self.peek_char().unwrap_or('\0');
            if is_id_start(ch) {
                while let Some(ch) = self.peek_char() {
                    if !is_id_continue(ch) {
                        break;
                    }
                    for _ in 0..ch.len_utf8() {
                        self.bump();
                    }
                }
                let text = &self.src[start..self.pos];
                if matches!(self.peek(), b'"' | b'\'') && is_string_prefix(text) {
                    self.string(line, col)?;
                    return Ok(self.tok(Tok::Str, start, line, col));
                }
                let kind = keyword(text).unwrap_or(Tok::Name);
                return Ok(self.tok(kind, start, line, col));
            }
            let kind = self.operator(line, col)?;
            return Ok(self.tok(kind, start, line, col));
        }
    }

    fn end_tokens(&mut self) -> Result<Token, CompileError> {
        let (pos, line, col) = (self.pos, self.line, self.col);
        let t = |kind| {
            Ok(Token {
                kind,
                start: pos,
                end: pos,
                line,
                col,
            })
        };
        if self.nested {
            if let Some(&(_, l, c)) = self.brackets.last() {
                return Err(self.err("f-string: expecting '}'".into(), l, c));
            }
            return t(Tok::EndMarker);
        }
        if let Some(&(b, l, c)) = self.brackets.last() {
            let mut e = self.err(format!("'{}' was never closed", b as char), l, c);
            e.incomplete = true;
            return Err(e);
        }
        if self.line_has_tokens {
            self.line_has_tokens = false;
            return t(Tok::Newline);
        }
        if self.indents.len() > 1 {
            self.indents.pop();
            return t(Tok::Dedent);
        }
        t(Tok::EndMarker)
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<Tok, CompileError> {
        let (a, b, c) = (self.peek(), self.peek_at(1), self.peek_at(2));
        let (kind, len) = match (a, b, c) {
            (b'*', b'*', b'=') => (Tok::DoubleStarEqual, 3),
            (b'/', b'/', b'=') => (Tok::DoubleSlashEqual, 3),
            (b'>', b'>', b'=') => (Tok::RightShiftEqual, 3),
            (b'<', b'<', b'=') => (Tok::LeftShiftEqual, 3),
            (b'.', b'.', b'.') => (Tok::Ellipsis, 3),
            (b'*', b'*', _) => (Tok::DoubleStar, 2),
            (b'/', b'/', _) => (Tok::DoubleSlash, 2),
            (b'>', b'>', _) => (Tok::RightShift, 2),
            (b'<', b'<', _) => (Tok::LeftShift, 2),
            (b'<', b'=', _) => (Tok::LessEqual, 2),
            (b'>', b'=', _) => (Tok::GreaterEqual, 2),
            (b'=', b'=', _) => (Tok::EqEqual, 2),
            (b'!', b'=', _) => (Tok::NotEqual, 2),
            (b'-', b'>', _) => (Tok::RArrow, 2),
            (b':', b'=', _) => (Tok::ColonEqual, 2),
            (b'+', b'=', _) => (Tok::PlusEqual, 2),
            (b'-', b'=', _) => (Tok::MinEqual, 2),
            (b'*', b'=', _) => (Tok::StarEqual, 2),
            (b'/', b'=', _) => (Tok::SlashEqual, 2),
            (b'%', b'=', _) => (Tok::PercentEqual, 2),
            (b'&', b'=', _) => (Tok::AmperEqual, 2),
            (b'|', b'=', _) => (Tok::VBarEqual, 2),
            (b'^', b'=', _) => (Tok::CircumflexEqual, 2),
            (b'@', b'=', _) => (Tok::AtEqual, 2),
            (b'(', _, _) => (Tok::LPar, 1),
            (b')', _, _) => (Tok::RPar, 1),
            (b'[', _, _) => (Tok::LSqb, 1),
            (b']', _, _) => (Tok::RSqb, 1),
            (b'{', _, _) => (Tok::LBrace, 1),
            (b'}', _, _) => (Tok::RBrace, 1),
            (b':', _, _) => (Tok::Colon, 1),
            (b',', _, _) => (Tok::Comma, 1),
            (b';', _, _) => (Tok::Semi, 1),
            (b'+', _, _) => (Tok::Plus, 1),
            (b'-', _, _) => (Tok::Minus, 1),
            (b'*', _, _) => (Tok::Star, 1),
            (b'/', _, _) => (Tok::Slash, 1),
            (b'|', _, _) => (Tok::VBar, 1),
            (b'&', _, _) => (Tok::Amper, 1),
            (b'<', _, _) => (Tok::Less, 1),
            (b'>', _, _) => (Tok::Greater, 1),
            (b'=', _, _) => (Tok::Equal, 1),
            (b'.', _, _) => (Tok::Dot, 1),
            (b'%', _, _) => (Tok::Percent, 1),
            (b'~', _, _) => (Tok::Tilde, 1),
            (b'^', _, _) => (Tok::Circumflex, 1),
            (b'@', _, _) => (Tok::At, 1),
            _ => {
                let ch = self.peek_char().unwrap_or('\0');
                let msg = if ch.is_ascii() {
                    "invalid syntax".into()
                } else {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                };
                return Err(self.err(msg, line, col));
            }
        };
        match kind {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKETS {
                    return Err(self.err("too many nested parentheses".into(), line, col));
                }
                self.brackets.push((a, line, col));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => match self.brackets.pop() {
                None => {
                    if self.nested && a == b'}' {
                        return Err(self.err(
                            "f-string: single '}' is not allowed".into(),
                            line,
                            col,
                        ));
                    }
                    return Err(self.err(format!("unmatched '{}'", a as char), line, col));
                }
                Some((o, l, _)) => {
                    let want = match o {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != a {
                        let msg = if l != line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                a as char, o as char, l
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                a as char, o as char
                            )
                        };
                        return Err(self.err(msg, line, col));
                    }
                }
            },
            _ => {}
        }
        for _ in 0..len {
            self.bump();
        }
        Ok(kind)
    }

    /// Scans a string literal; pos is at the opening quote (prefix consumed).
    fn string(&mut self, line: u32, col: u32) -> Result<(), CompileError> {
        let q = self.peek();
        let triple = self.peek_at(1) == q && self.peek_at(2) == q;
        let n = if triple { 3 } else { 1 };
        for _ in 0..n {
            self.bump();
        }
        loop {
            if self.pos >= self.end {
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        self.line
                    )
                } else {
                    format!(
                        "unterminated string literal (detected at line {})",
                        self.line
                    )
                };
                let mut e = self.err(msg, line, col);
                e.incomplete = triple && !self.nested;
                return Err(e);
            }
            let c = self.peek();
            if c == b'\\' {
                self.bump();
                if matches!(self.peek(), b'\n' | b'\r') {
                    self.bump_newline();
                } else if self.pos < self.end {
                    self.bump();
                }
            } else if c == b'\n' || c == b'\r' {
                if !triple {
                    return Err(self.err(
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        line,
                        col,
                    ));
                }
                self.bump_newline();
            } else if c == q && (!triple || (self.peek_at(1) == q && self.peek_at(2) == q)) {
                for _ in 0..n {
                    self.bump();
                }
                return Ok(());
            } else {
                self.bump();
            }
        }
    }

    /// Scans digits of a radix with single `_` separators; returns the count.
    fn digits(&mut self, radix: u32, what: &str, line: u32, col: u32) -> Result<u32, CompileError> {
        let mut n = 0;
        loop {
            let c = self.peek();
            if c == b'_' {
                if !(self.peek_at(1) as char).is_digit(radix) {
                    self.bump();
                    return Err(self.err(format!("invalid {} literal", what), line, col));
                }
                self.bump();
            } else if (c as char).is_digit(radix) {
                self.bump();
                n += 1;
            } else {
                return Ok(n);
            }
        }
    }

    /// Scans a number; pos is at its first character.
    fn number(&mut self, line: u32, col: u32) -> Result<(), CompileError> {
        let c1 = self.peek_at(1) | 0x20;
        if self.peek() == b'0' && matches!(c1, b'x' | b'o' | b'b') {
            let (radix, what) = match c1 {
                b'x' => (16, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.bump();
            self.bump();
            if self.peek() == b'_' {
                self.bump();
            }
            let n = self.digits(radix, what, line, col)?;
            let c = self.peek();
            if c.is_ascii_digit() {
                return Err(self.err(
                    format!("invalid digit '{}' in {} literal", c as char, what),
                    line,
                    self.col,
                ));
            }
            if n == 0 {
                return Err(self.err(format!("invalid {} literal", what), line, col));
            }
            return self.end_of_number(what, line, col);
        }
        let int_start = self.pos;
        self.digits(10, "decimal", line, col)?;
        let int_text = &self.src[int_start..self.pos];
        let mut is_float = false;
        if self.peek() == b'.' {
            self.bump();
            is_float = true;
            if self.peek().is_ascii_digit() {
                self.digits(10, "decimal", line, col)?;
            }
        }
        if self.peek() | 0x20 == b'e' {
            let sign = matches!(self.peek_at(1), b'+' | b'-') as usize;
            if self.peek_at(1 + sign).is_ascii_digit() {
                for _ in 0..=sign {
                    self.bump();
                }
                self.digits(10, "decimal", line, col)?;
                is_float = true;
            } else if sign == 1 || !self.src[self.pos..self.end].starts_with("else") {
                return Err(self.err("invalid decimal literal".into(), line, col));
            }
        }
        if self.peek() | 0x20 == b'j' {
            return Err(self.err("complex numbers are not supported".into(), line, col));
        }
        if !is_float
            && int_text.starts_with('0')
            && int_text.bytes().any(|b| b != b'0' && b != b'_')
        {
            return Err(self.err(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                line,
                col,
            ));
        }
        self.end_of_number("decimal", line, col)
    }

    /// A number may not run into a name, except into some keywords (`1if x else y`).
    fn end_of_number(&mut self, what: &str, line: u32, col: u32) -> Result<(), CompileError> {
        let rest = &self.src[self.pos..self.end];
        match rest.chars().next() {
            Some(ch) if is_id_continue(ch) => {
                const KW: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];
                if KW.iter().any(|k| rest.starts_with(k)) {
                    Ok(())
                } else {
                    Err(self.err(format!("invalid {} literal", what), line, col))
                }
            }
            _ => Ok(()),
        }
    }
}

/// True when `p` is a valid string prefix (`r`, `b`, `rb`, `f`, `fr`, `u`, any case).
fn is_string_prefix(p: &str) -> bool {
    if p.len() > 2 {
        return false;
    }
    let mut r = 0;
    let mut b = 0;
    let mut f = 0;
    let mut u = 0;
    for c in p.bytes() {
        match c | 0x20 {
            b'r' => r += 1,
            b'b' => b += 1,
            b'f' => f += 1,
            b'u' => u += 1,
            _ => return false,
        }
    }
    r <= 1 && b + f + u <= 1 && !(u == 1 && r == 1)
}

/// Prefix flags and content span of a string token.
#[derive(Clone, Copy, Debug)]
pub struct StrParts {
    /// `r` prefix.
    pub raw: bool,
    /// `b` prefix.
    pub bytes: bool,
    /// `f` prefix.
    pub fstring: bool,
    /// Byte offset of the content (after the opening quotes).
    pub start: usize,
    /// Byte offset after the content (before the closing quotes).
    pub end: usize,
    /// Characters of prefix plus opening quotes (for columns).
    pub open_len: u32,
}

/// Splits a string token into prefix flags and content span.
pub fn str_parts(src: &str, tok: &Token) -> StrParts {
    let text = &src[tok.start..tok.end];
    let mut p = StrParts {
        raw: false,
        bytes: false,
        fstring: false,
        start: 0,
        end: 0,
        open_len: 0,
    };
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
        match b[i] | 0x20 {
            b'r' => p.raw = true,
            b'b' => p.bytes = true,
            b'f' => p.fstring = true,
            _ => {}
        }
        i += 1;
    }
    let q = if i < b.len() { b[i] } else { b'"' };
    let n = if b.len() >= i + 6 && b[i + 1] == q && b[i + 2] == q {
        3
    } else {
        1
    };
    p.start = tok.start + i + n;
    p.end = (tok.end.saturating_sub(n)).max(p.start);
    p.open_len = (i + n) as u32;
    p
}

/// Common character names for `\N{...}` (the full Unicode table is too big
/// for the device). Looked up case-insensitively.
const NAMES: &[(&str, char)] = &[
    ("NULL", '\0'),
    ("BELL", '\x07'),
    ("BACKSPACE", '\x08'),
    ("CHARACTER TABULATION", '\t'),
    ("LINE FEED", '\n'),
    ("CARRIAGE RETURN", '\r'),
    ("ESCAPE", '\x1b'),
    ("SPACE", ' '),
    ("DELETE", '\x7f'),
    ("NO-BREAK SPACE", '\u{a0}'),
    ("SECTION SIGN", '\u{a7}'),
    ("COPYRIGHT SIGN", '\u{a9}'),
    ("REGISTERED SIGN", '\u{ae}'),
    ("DEGREE SIGN", '\u{b0}'),
    ("PLUS-MINUS SIGN", '\u{b1}'),
    ("MICRO SIGN", '\u{b5}'),
    ("PILCROW SIGN", '\u{b6}'),
    ("MIDDLE DOT", '\u{b7}'),
    ("MULTIPLICATION SIGN", '\u{d7}'),
    ("DIVISION SIGN", '\u{f7}'),
    ("GREEK SMALL LETTER ALPHA", '\u{3b1}'),
    ("GREEK SMALL LETTER BETA", '\u{3b2}'),
    ("GREEK SMALL LETTER MU", '\u{3bc}'),
    ("GREEK SMALL LETTER PI", '\u{3c0}'),
    ("GREEK CAPITAL LETTER OMEGA", '\u{3a9}'),
    ("EN DASH", '\u{2013}'),
    ("EM DASH", '\u{2014}'),
    ("LEFT SINGLE QUOTATION MARK", '\u{2018}'),
    ("RIGHT SINGLE QUOTATION MARK", '\u{2019}'),
    ("LEFT DOUBLE QUOTATION MARK", '\u{201c}'),
    ("RIGHT DOUBLE QUOTATION MARK", '\u{201d}'),
    ("BULLET", '\u{2022}'),
    ("HORIZONTAL ELLIPSIS", '\u{2026}'),
    ("EURO SIGN", '\u{20ac}'),
    ("LEFTWARDS ARROW", '\u{2190}'),
    ("UPWARDS ARROW", '\u{2191}'),
    ("RIGHTWARDS ARROW", '\u{2192}'),
    ("DOWNWARDS ARROW", '\u{2193}'),
    ("INFINITY", '\u{221e}'),
    ("FULL BLOCK", '\u{2588}'),
    ("LIGHT SHADE", '\u{2591}'),
    ("MEDIUM SHADE", '\u{2592}'),
    ("DARK SHADE", '\u{2593}'),
    ("BLACK SQUARE", '\u{25a0}'),
    ("WHITE SQUARE", '\u{25a1}'),
    ("BLACK CIRCLE", '\u{25cf}'),
    ("WHITE CIRCLE", '\u{25cb}'),
    ("BLACK STAR", '\u{2605}'),
    ("WHITE STAR", '\u{2606}'),
    ("SNOWMAN", '\u{2603}'),
    ("BLACK HEART SUIT", '\u{2665}'),
    ("CHECK MARK", '\u{2713}'),
    ("BALLOT X", '\u{2717}'),
];

/// Looks up a `\N{name}` character: the table, `LATIN SMALL/CAPITAL LETTER X`
/// and `DIGIT ZERO`..`DIGIT NINE`.
fn char_by_name(name: &str) -> Option<char> {
    let up = name.to_ascii_uppercase();
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == up) {
        return Some(c);
    }
    for (pre, base) in [
        ("LATIN SMALL LETTER ", b'a'),
        ("LATIN CAPITAL LETTER ", b'A'),
    ] {
        if let Some(l) = up.strip_prefix(pre) {
            let l = l.as_bytes();
            if l.len() == 1 && l[0].is_ascii_uppercase() {
                return Some((base + (l[0] - b'A')) as char);
            }
        }
    }
    const DIGITS: [&str; 10] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
    ];
    let d = up.strip_prefix("DIGIT ")?;
    DIGITS
        .iter()
        .position(|x| *x == d)
        .map(|i| (b'0' + i as u8) as char)
}

/// Appends the decoded text of `s` (string literal content, escapes
/// processed unless `raw`) to `out`. Newlines are normalized to `\n`.
/// Errors are messages (the caller adds the position).
pub fn decode_str(s: &str, raw: bool, out: &mut String) -> Result<(), String> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut lit = 0; // start of the pending run copied verbatim
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push_str(&s[lit..i]);
            out.push('\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            lit = i;
            continue;
        }
        if c != b'\\' || raw {
            if c == b'\\' {
                // Raw: the backslash stays, and so does the next character.
                i += 1;
                if i < b.len() && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            i += 1;
            continue;
        }
        out.push_str(&s[lit..i]);
        let esc_start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            out.push('\\');
            lit = i;
            break;
        };
        i += 1;
        let simple = match e {
            b'\n' => Some(None),
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                Some(None)
            }
            b'\\' => Some(Some('\\')),
            b'\'' => Some(Some('\'')),
            b'"' => Some(Some('"')),
            b'a' => Some(Some('\x07')),
            b'b' => Some(Some('\x08')),
            b'f' => Some(Some('\x0c')),
            b'n' => Some(Some('\n')),
            b'r' => Some(Some('\r')),
            b't' => Some(Some('\t')),
            b'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            if let Some(c) = c {
                out.push(c);
            }
            lit = i;
            continue;
        }
        let uerr = |what: &str, end: usize| {
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                esc_start,
                end.saturating_sub(1).max(esc_start),
                what
            )
        };
        match e {
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match b.get(i + k).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => return Err(uerr(what, i + k)),
                    }
                }
                i += n;
                match char::from_u32(v) {
                    Some(c) => out.push(c),
                    None if (0xD800..0xE000).contains(&v) => {
                        return Err(uerr("surrogate characters are not supported", i))
                    }
                    None => return Err(uerr("illegal Unicode character", i)),
                }
            }
            b'N' => {
                let close = if b.get(i) == Some(&b'{') {
                    s[i..].find('}').map(|k| i + k)
                } else {
                    None
                };
                let Some(close) = close else {
                    return Err(uerr("malformed \\N character escape", i));
                };
                match char_by_name(&s[i + 1..close]) {
                    Some(c) => out.push(c),
                    None => return Err(uerr("unknown Unicode character name", close + 1)),
                }
                i = close + 1;
            }
            _ => {
                // Unknown escape: kept as is.
                out.push('\\');
                i = esc_start + 1;
            }
        }
        lit = i;
    }
    out.push_str(&s[lit.min(b.len())..]);
    Ok(())
}

/// Appends the decoded content of a bytes literal to `out`.
pub fn decode_bytes(s: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), String> {
    if !s.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".into());
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c == b'\r' {
            if b.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.push(b'\n');
            continue;
        }
        if c != b'\\' || raw || i >= b.len() {
            out.push(c);
            if c == b'\\' && i < b.len() && b[i] != b'\r' {
                out.push(b[i]);
                i += 1;
            }
            continue;
        }
        let e = b[i];
        i += 1;
        let v = match e {
            b'\n' => continue,
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                continue;
            }
            b'\\' | b'\'' | b'"' => e,
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 11,
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                v as u8
            }
            b'x' => {
                let h = |k: usize| b.get(k).and_then(|&d| (d as char).to_digit(16));
                match (h(i), h(i + 1)) {
                    (Some(x), Some(y)) => {
                        i += 2;
                        (x * 16 + y) as u8
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        ))
                    }
                }
            }
            _ => {
                out.push(b'\\');
                e
            }
        };
        out.push(v);
    }
    Ok(())
}

/// Most decimal digits an int literal may have (CPython's default
/// `sys.get_int_max_str_digits()`).
const MAX_STR_DIGITS: usize = 4300;

/// The value of a number token's text (already validated by the lexer).
pub fn number_value(text: &str) -> Result<Constant, String> {
    let b = text.as_bytes();
    let radix = if b.len() > 1 && b[0] == b'0' {
        match b[1] | 0x20 {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 10,
        }
    } else {
        10
    };
    let digits: Vec<u8> = b[if radix == 10 { 0 } else { 2 }..]
        .iter()
        .copied()
        .filter(|&c| c != b'_')
        .collect();
    if radix == 10 && digits.iter().any(|&c| matches!(c, b'.' | b'e' | b'E')) {
        return fzpy_num::float_parse::parse_float(&digits)
            .map(Constant::Float)
            .ok_or_else(|| "invalid decimal literal".into());
    }
    // Small values: plain i64 arithmetic.
    let mut v: i64 = 0;
    let mut small = true;
    for &c in &digits {
        let d = (c as char).to_digit(radix).unwrap_or(0) as i64;
        match v.checked_mul(radix as i64).and_then(|x| x.checked_add(d)) {
            Some(x) => v = x,
            None => {
                small = false;
                break;
            }
        }
    }
    if small {
        return Ok(Constant::Int(v));
    }
    let limbs = if radix == 10 {
        if digits.len() > MAX_STR_DIGITS {
            return Err(format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                MAX_STR_DIGITS,
                digits.len()
            ));
        }
        decimal_limbs(&digits)
    } else {
        pow2_limbs(&digits, radix)
    };
    Ok(Constant::BigInt(limbs))
}

/// Decimal digits to little-endian base 2**32 limbs, 9 digits at a time.
fn decimal_limbs(digits: &[u8]) -> Vec<u32> {
    let mut limbs: Vec<u32> = Vec::new();
    for chunk in digits.chunks(9) {
        let mut mul: u64 = 1;
        let mut add: u64 = 0;
        for &c in chunk {
            mul *= 10;
            add = add * 10 + (c - b'0') as u64;
        }
        let mut carry = add;
        for l in limbs.iter_mut() {
            let x = *l as u64 * mul + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry != 0 {
            limbs.push(carry as u32);
        }
    }
    trim(limbs)
}

/// Hex/octal/binary digits to limbs: bits are placed directly.
fn pow2_limbs(digits: &[u8], radix: u32) -> Vec<u32> {
    let bits = radix.trailing_zeros() as usize;
    let mut limbs = vec![0u32; (digits.len() * bits).div_ceil(32)];
    for (k, &c) in digits.iter().rev().enumerate() {
        let d = (c as char).to_digit(radix).unwrap_or(0) as u64;
        let at = k * bits;
        let (li, sh) = (at / 32, at % 32);
        let v = d << sh;
        limbs[li] |= v as u32;
        if v >> 32 != 0 && li + 1 < limbs.len() {
            limbs[li + 1] |= (v >> 32) as u32;
        }
    }
    trim(limbs)
}

fn trim(mut limbs: Vec<u32>) -> Vec<u32> {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let mut lx = Lexer::new(src);
        let mut v = Vec::new();
        loop {
            let t = lx.next_token().unwrap();
            v.push(t.kind);
            if t.kind == Tok::EndMarker {
                return v;
            }
        }
    }

    fn lex_err(src: &str) -> CompileError {
        let mut lx = Lexer::new(src);
        loop {
            match lx.next_token() {
                Ok(t) if t.kind == Tok::EndMarker => panic!("no error for {:?}", src),
                Ok(_) => {}
                Err(e) => return e,
            }
        }
    }

    #[test]
    fn indentation_tokens() {
        use Tok::*;
        assert_eq!(
            kinds("if x:\n  y\n\n  # c\n  z\nw\n"),
            [
                If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, Name,
                Newline, EndMarker
            ]
        );
        assert_eq!(
            kinds("if x:\n\tif y:\n\t\tz"),
            [
                If, Name, Colon, Newline, Indent, If, Name, Colon, Newline, Indent, Name, Newline,
                Dedent, Dedent, EndMarker
            ]
        );
    }

    #[test]
    fn implicit_joining_and_continuation() {
        use Tok::*;
        assert_eq!(
            kinds("(a,\n  b)\n"),
            [LPar, Name, Comma, Name, RPar, Newline, EndMarker]
        );
        assert_eq!(
            kinds("a = 1 + \\\n  2"),
            [Name, Equal, Number, Plus, Number, Newline, EndMarker]
        );
        assert_eq!(
            kinds("a\r\nb\r\n"),
            [Name, Newline, Name, Newline, EndMarker]
        );
    }

    #[test]
    fn operators() {
        use Tok::*;
        assert_eq!(
            kinds("a **= b //= c >>= d <<= e @= f := g -> ... != ."),
            [
                Name,
                DoubleStarEqual,
                Name,
                DoubleSlashEqual,
                Name,
                RightShiftEqual,
                Name,
                LeftShiftEqual,
                Name,
                AtEqual,
                Name,
                ColonEqual,
                Name,
                RArrow,
                Ellipsis,
                NotEqual,
                Dot,
                Newline,
                EndMarker
            ]
        );
    }

    #[test]
    fn string_tokens() {
        use Tok::*;
        assert_eq!(
            kinds("rb'x' Rb\"y\" f'''a\n''' u'x' bu'x'"),
            [Str, Str, Str, Str, Name, Str, Newline, EndMarker]
        );
        let e = lex_err("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!((e.line, e.col), (1, 4));
        let e = lex_err("x = '''abc\n\ny");
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 3)"
        );
        assert!(e.incomplete);
    }

    #[test]
    fn errors() {
        assert_eq!(lex_err("x = €").msg, "invalid character '€' (U+20AC)");
        let e = lex_err("x = (1,\n");
        assert_eq!(
            (e.msg.as_str(), e.col, e.incomplete),
            ("'(' was never closed", 4, true)
        );
        assert_eq!(lex_err("x = )").msg, "unmatched ')'");
        assert_eq!(
            lex_err("(]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert!(lex_err("x = 1 + \\").incomplete);
        assert_eq!(
            lex_err("x \\ 2").msg,
            "unexpected character after line continuation character"
        );
        let e = lex_err("if x:\n    a\n  b\n");
        assert_eq!(e.kind, ErrorKind::Indentation);
        assert_eq!(e.line, 3);
        assert_eq!(lex_err("if x:\n\ta\n        b\n").kind, ErrorKind::Tab);
        let deep: String = "(".repeat(201);
        assert_eq!(lex_err(&deep).msg, "too many nested parentheses");
    }

    #[test]
    fn number_errors() {
        let m = |s: &str| lex_err(s).msg;
        assert!(m("0123").starts_with("leading zeros"));
        assert_eq!(m("1__0"), "invalid decimal literal");
        assert_eq!(m("1_"), "invalid decimal literal");
        assert_eq!(m("1abc"), "invalid decimal literal");
        assert_eq!(m("0x"), "invalid hexadecimal literal");
        assert_eq!(m("0b12"), "invalid digit '2' in binary literal");
        assert_eq!(m("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(m("1e+"), "invalid decimal literal");
        assert_eq!(m("1._5"), "invalid decimal literal");
        assert_eq!(m("1j"), "complex numbers are not supported");
        kinds("00 0_0 0123.5 1if 1else 2 0x_f 1_000.000_1e1_0 .5 1. 1e5");
    }

    #[test]
    fn number_values() {
        assert_eq!(number_value("1_000"), Ok(Constant::Int(1000)));
        assert_eq!(number_value("0xff"), Ok(Constant::Int(255)));
        assert_eq!(number_value("0o17"), Ok(Constant::Int(15)));
        assert_eq!(number_value("0B101"), Ok(Constant::Int(5)));
        assert_eq!(number_value("1.5e3"), Ok(Constant::Float(1500.0)));
        assert_eq!(number_value(".5"), Ok(Constant::Float(0.5)));
        assert_eq!(number_value("1."), Ok(Constant::Float(1.0)));
        assert_eq!(
            number_value("9223372036854775807"),
            Ok(Constant::Int(i64::MAX))
        );
        assert_eq!(
            number_value("9223372036854775808"),
            Ok(Constant::BigInt(vec![0, 0x8000_0000]))
        );
        assert_eq!(
            number_value("0x1_0000_0000_0000_0000"),
            Ok(Constant::BigInt(vec![0, 0, 1]))
        );
        // 2**100
        assert_eq!(
            number_value("1267650600228229401496703205376"),
            Ok(Constant::BigInt(vec![0, 0, 0, 16]))
        );
        assert_eq!(
            number_value("0o7777777777777777777777777"),
            Ok(Constant::BigInt(vec![0xffff_ffff, 0xffff_ffff, 0x7ff]))
        );
        assert!(number_value(&"1".repeat(4301)).is_err());
    }

    #[test]
    fn escapes() {
        let d = |s: &str| {
            let mut o = String::new();
            decode_str(s, false, &mut o).map(|_| o)
        };
        assert_eq!(
            d(r"a\nb\t\\\'\x41\u00e9\U0001F600\101\0").unwrap(),
            "a\nb\t\\'Aé😀A\0"
        );
        assert_eq!(
            d(r"\d\N{EM DASH}\N{latin small letter q}").unwrap(),
            "\\d—q"
        );
        assert_eq!(d("a\\\nb\r\nc").unwrap(), "ab\nc");
        assert!(d(r"\x1").unwrap_err().contains("truncated \\xXX escape"));
        assert!(d(r"\N{nope}")
            .unwrap_err()
            .contains("unknown Unicode character name"));
        let mut o = String::new();
        decode_str(r"\n\'", true, &mut o).unwrap();
        assert_eq!(o, r"\n\'");
        let mut b = Vec::new();
        decode_bytes(r"a\x00\xff\n\u", false, &mut b).unwrap();
        assert_eq!(b, b"a\x00\xff\n\\u");
        assert!(decode_bytes("é", false, &mut b).is_err());
    }
}
