//! The terminal front end: the screen as Unicode half blocks (two pixel
//! rows per character cell, 128x32 cells), orange background and black
//! pixels in 256-colour mode (plain blocks with `NO_COLOR`), a status line,
//! the key help and the script's last output lines; keys from the terminal
//! in raw mode ([`crate::term_keys`]).
//!
//! The terminal is switched to raw mode and the alternate screen by
//! [`Terminal::open`] and restored when the [`Terminal`] is dropped, and
//! by a panic hook if the program panics meanwhile. Only lines that
//! changed are redrawn, at most every [`FRAME`] (and all of them every
//! second).

use crate::press::Event;
use crate::realtime::{Frontend, View};
use crate::screen::{Canvas, HEIGHT, WIDTH};
use crate::term_keys::TermInput;
use nix::sys::termios::{self, InputFlags, LocalFlags, SetArg, SpecialCharacterIndices, Termios};
use std::io::{IsTerminal, Write};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// Shortest time between two redraws.
pub const FRAME: Duration = Duration::from_millis(30);
/// Every line is rewritten this often (the terminal may have been resized
/// or scribbled on).
const FULL_REDRAW: Duration = Duration::from_secs(1);
/// Lines of the script's output shown under the screen.
const OUTPUT_LINES: usize = 4;
/// Enter the alternate screen, hide the cursor, no line wrap, clear.
const ENTER: &str = "\x1b[?1049h\x1b[?25l\x1b[?7l\x1b[2J";
/// Reset colours, wrap lines, show the cursor, leave the alternate screen.
const LEAVE: &str = "\x1b[0m\x1b[?7h\x1b[?25h\x1b[?1049l";
/// The key help line.
const HELP: &str = "arrows: Up/Down/Left/Right  Enter: OK  Backspace/Esc: Back  q: quit";

/// The terminal settings to restore, for the panic hook.
static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

/// Puts the terminal back as it was (idempotent).
fn restore() {
    let saved = SAVED.lock().map(|mut s| s.take()).unwrap_or(None);
    if let Some(t) = saved {
        let mut out = std::io::stdout();
        let _ = out.write_all(LEAVE.as_bytes());
        let _ = out.flush();
        let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &t);
    }
}

/// The terminal in raw mode, showing the simulator.
pub struct Terminal {
    input: TermInput,
    color: bool,
    /// The lines on the terminal now.
    shown: Vec<String>,
    last_draw: Option<Instant>,
    last_full: Instant,
}

impl Terminal {
    /// Switches the terminal (stdin and stdout) to raw mode and the
    /// alternate screen; an error if they are not a terminal.
    pub fn open() -> Result<Terminal, String> {
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            return Err("stdin and stdout are not a terminal".into());
        }
        let saved = termios::tcgetattr(std::io::stdin()).map_err(|e| e.to_string())?;
        let mut raw = saved.clone();
        raw.local_flags
            .remove(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG | LocalFlags::IEXTEN);
        raw.input_flags
            .remove(InputFlags::IXON | InputFlags::ICRNL | InputFlags::BRKINT | InputFlags::ISTRIP);
        // Reads return at once, with what there is.
        raw.control_chars[SpecialCharacterIndices::VMIN as usize] = 0;
        raw.control_chars[SpecialCharacterIndices::VTIME as usize] = 0;
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let prev = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                prev(info);
            }));
        });
        *SAVED.lock().map_err(|e| e.to_string())? = Some(saved);
        termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &raw).map_err(|e| {
            restore();
            e.to_string()
        })?;
        let mut out = std::io::stdout();
        let _ = out.write_all(ENTER.as_bytes());
        let _ = out.flush();
        Ok(Terminal {
            input: TermInput::new(),
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            shown: Vec::new(),
            last_draw: None,
            last_full: Instant::now(),
        })
    }

    /// Redraws the lines of `view` that changed.
    fn draw(&mut self, view: &View) {
        let mut lines = screen_lines(view.screen, self.color, view.outputs.backlight);
        lines.push(String::new());
        lines.push(status_line(view, self.color));
        lines.push(HELP.into());
        lines.extend(output_lines(view.stdout, OUTPUT_LINES));
        if self.last_full.elapsed() >= FULL_REDRAW {
            self.shown.clear();
            self.last_full = Instant::now();
        }
        let mut buf = String::new();
        for (i, line) in lines.iter().enumerate() {
            if self.shown.get(i) != Some(line) {
                buf.push_str(&format!("\x1b[{};1H{line}\x1b[K", i + 1));
            }
        }
        if !buf.is_empty() {
            let mut out = std::io::stdout();
            let _ = out.write_all(buf.as_bytes());
            let _ = out.flush();
        }
        self.shown = lines;
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        restore();
    }
}

impl Frontend for Terminal {
    fn pump(&mut self, view: &View, out: &mut Vec<Event>) -> bool {
        let mut quit = false;
        let mut buf = [0u8; 64];
        while let Ok(n @ 1..) = nix::unistd::read(std::io::stdin(), &mut buf) {
            quit |= self.input.bytes(&buf[..n], view.now_ns, out);
        }
        self.input.tick(view.now_ns, out);
        if self.last_draw.is_none_or(|t| t.elapsed() >= FRAME) {
            self.draw(view);
            self.last_draw = Some(Instant::now());
        }
        !quit
    }
}

/// 256-colour index of the screen background: Flipper orange, dimmer
/// with the backlight off.
fn background(backlight: u8) -> u8 {
    if backlight >= 128 {
        208
    } else {
        130
    }
}

/// The screen as 32 lines of half blocks: a cell's upper half is the even
/// pixel row, its lower half the odd one.
pub fn screen_lines(screen: &Canvas, color: bool, backlight: u8) -> Vec<String> {
    (0..HEIGHT / 2)
        .map(|row| {
            let mut line = String::new();
            if color {
                line.push_str(&format!("\x1b[38;5;16;48;5;{}m", background(backlight)));
            }
            for x in 0..WIDTH {
                let top = screen.get(x, 2 * row);
                let bottom = screen.get(x, 2 * row + 1);
                line.push(match (top, bottom) {
                    (false, false) => ' ',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (true, true) => '█',
                });
            }
            if color {
                line.push_str("\x1b[0m");
            }
            line
        })
        .collect()
}

/// The status line: LED (a coloured dot), vibro, speaker, backlight.
fn status_line(view: &View, color: bool) -> String {
    let text = view.outputs.summary(view.now_ns, view.speaker);
    if !color {
        return text;
    }
    let led = view.outputs.led(view.now_ns);
    let dot = if led == [0; 3] {
        "\x1b[38;5;240m●\x1b[0m".to_string()
    } else {
        format!("\x1b[38;5;{}m●\x1b[0m", cube(led))
    };
    format!("{dot} {text}")
}

/// The nearest colour of the 6x6x6 cube of 256-colour terminals.
pub fn cube(rgb: [u8; 3]) -> u8 {
    let c = |v: u8| (u16::from(v) * 5 + 127) / 255;
    (16 + 36 * c(rgb[0]) + 6 * c(rgb[1]) + c(rgb[2])) as u8
}

/// The last `n` lines of the script's output (control characters
/// dropped), padded to `n` lines.
pub fn output_lines(stdout: &[u8], n: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(stdout);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let mut lines: Vec<String> = text
        .rsplit('\n')
        .take(n)
        .map(|l| {
            l.chars()
                .filter(|c| !c.is_control())
                .take(WIDTH as usize)
                .collect()
        })
        .collect();
    lines.reverse();
    if stdout.is_empty() {
        lines.clear();
    }
    lines.resize(n, String::new());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_blocks_of_a_known_frame() {
        let mut c = Canvas::default();
        // Column 0: top pixel; 1: bottom; 2: both; rows 62-63 at the right.
        c.dot(0, 0);
        c.dot(1, 1);
        c.dot(2, 0);
        c.dot(2, 1);
        c.dot(127, 63);
        let lines = screen_lines(&c, true, 255);
        assert_eq!(lines.len(), 32);
        let blank = " ".repeat(128);
        assert_eq!(
            lines[0],
            format!("\x1b[38;5;16;48;5;208m▀▄█{}\x1b[0m", " ".repeat(125))
        );
        assert_eq!(lines[1], format!("\x1b[38;5;16;48;5;208m{blank}\x1b[0m"));
        assert_eq!(
            lines[31],
            format!("\x1b[38;5;16;48;5;208m{}▄\x1b[0m", " ".repeat(127))
        );
        // Without colour, with the backlight off: plain characters.
        let plain = screen_lines(&c, false, 0);
        assert_eq!(plain[0], format!("▀▄█{}", " ".repeat(125)));
        assert_eq!(plain[0].chars().count(), 128);
        assert_eq!(
            screen_lines(&c, true, 0)[1],
            format!("\x1b[38;5;16;48;5;130m{blank}\x1b[0m")
        );
    }

    #[test]
    fn output_tail_and_colours() {
        assert_eq!(output_lines(b"", 2), ["", ""]);
        assert_eq!(output_lines(b"a\nb\nc\n", 2), ["b", "c"]);
        assert_eq!(output_lines(b"one\x1b[2J", 2), ["one[2J", ""]);
        assert_eq!(output_lines(b"x", 3), ["x", "", ""]);
        assert_eq!(cube([255, 0, 0]), 196);
        assert_eq!(cube([0, 255, 0]), 46);
        assert_eq!(cube([255, 255, 255]), 231);
    }
}
