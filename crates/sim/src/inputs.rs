//! Simulated inputs on the simulated timeline (`fzpy sim --inputs FILE`):
//! GPIO levels, ADC voltages, bytes on the UART and infrared signals, each
//! at a time in milliseconds.
//!
//! The file has one input per line; `#` starts a comment (outside quotes),
//! blank lines are skipped, words are case-insensitive:
//!
//! ```text
//! # TIME_MS  KIND  ...
//! 100   gpio PB2 high          # level: high, low, 1 or 0
//! 250.5 adc  PC0 1.024         # volts, 0 to 2.048 (more reads 4095)
//! 300   uart "AT\r\n"          # text with \n \r \t \0 \\ \" \xHH escapes
//! 400   uart 48 69 0d0a        # or bytes in hex
//! 500   ir   9000 4500 560 560 # a raw signal: mark/space timings in us
//! ```
//!
//! Pins are named as in the module: `PA7` or `GPIO_PIN_PA7`. Lines may
//! come in any order; inputs at the same time apply in file order.
//!
//! What the script sees, as on the device:
//! - A GPIO level holds from its time on. A pin in an input or interrupt
//!   mode reads it (without one, its pull: high with `GPIO_PULL_UP`, else
//!   low); an output reads what the script drives. A change on a pin in
//!   `GPIO_MODE_INTERRUPT_RISE` / `_FALL` (or both) mode calls `@on_gpio`
//!   for the matching edges.
//! - An ADC voltage is read as the 12-bit value of the 2.048 V reference
//!   (`round(volts / 2.048 * 4095)`, at most 4095) from its time on; the
//!   module's `adc_read_pin_voltage` turns it back (`value * 2.048 / 4095`).
//! - UART bytes arrive at their time in the receive buffer, if the UART is
//!   open then (otherwise they are lost).
//! - An infrared signal is captured by an `infrared_receive` waiting when
//!   it starts (the call returns when the signal ends); a signal sent while
//!   nobody listens is lost.
//!
//! Inputs are applied lazily: every board call that reads them first
//! applies those due by the current simulated time, and sleeps wake at
//! the next input so that interrupt handlers run on time.

use crate::{SimState, PINS};
use std::collections::VecDeque;

/// A change applied at its time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Pin driven high (true) or low from outside.
    Gpio(u32, bool),
    /// A new raw ADC value of a pin.
    Adc(u32, u16),
    /// Bytes arriving on the UART.
    Uart(Vec<u8>),
}

/// The inputs of a run, in time order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    /// GPIO, ADC and UART changes: (time ns, change).
    pub changes: VecDeque<(u64, Change)>,
    /// Infrared signals: (start time ns, timings in us).
    pub ir: VecDeque<(u64, Vec<u32>)>,
    /// The level driven from outside on each pin (None: not driven).
    pub driven: [Option<bool>; 8],
}

/// A line of the file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

/// `GPIO_MODE_OUTPUT_PUSH_PULL` | `GPIO_MODE_OUTPUT_OPEN_DRAIN`.
const OUTPUT_MODES: u32 = 2 | 4;
/// `GPIO_MODE_INTERRUPT_RISE`.
const RISE: u32 = 16;
/// `GPIO_MODE_INTERRUPT_FALL`.
const FALL: u32 = 32;
/// Pins without an ADC channel (PB2, PB3).
const NO_ADC: [u32; 2] = [3, 4];
/// Most timings in one infrared signal (the capture buffer of the module).
const IR_MAX: usize = 512;
/// ADC full scale in volts.
const ADC_VREF: f64 = 2.048;

impl Inputs {
    /// When the next GPIO, ADC or UART change is due.
    pub fn next_time(&self) -> Option<u64> {
        self.changes.front().map(|c| c.0)
    }

    /// Whether there is nothing (left) to apply.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.ir.is_empty()
    }
}

/// Reads an inputs file.
pub fn parse(text: &str) -> Result<Inputs, InputError> {
    let mut changes = Vec::new();
    let mut ir = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let err = |msg: String| InputError { line: i + 1, msg };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (time, rest) = word(line);
        let t = parse_time(time).map_err(err)?;
        let (kind, rest) = word(rest);
        match kind.to_ascii_lowercase().as_str() {
            "gpio" => {
                let args = words(rest);
                let [pin, level] = args[..] else {
                    return Err(err(format!(
                        "gpio needs a pin and a level, as in '{time} gpio PB2 high'"
                    )));
                };
                let pin = parse_pin(pin).map_err(err)?;
                let level = match level.to_ascii_lowercase().as_str() {
                    "high" | "1" => true,
                    "low" | "0" => false,
                    _ => return Err(err(format!("bad level '{level}' (high, low, 1 or 0)"))),
                };
                changes.push((t, Change::Gpio(pin, level)));
            }
            "adc" => {
                let args = words(rest);
                let [pin, volts] = args[..] else {
                    return Err(err(format!(
                        "adc needs a pin and volts, as in '{time} adc PC0 1.024'"
                    )));
                };
                let pin = parse_pin(pin).map_err(err)?;
                if NO_ADC.contains(&pin) {
                    return Err(err(format!(
                        "{} has no ADC channel (PC0, PC1, PC3, PA4, PA6, PA7)",
                        PINS[pin as usize]
                    )));
                }
                let v: f64 = volts
                    .parse()
                    .ok()
                    .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                    .ok_or_else(|| err(format!("bad voltage '{volts}' (volts, 0 or more)")))?;
                let raw = (v / ADC_VREF * 4095.0).round().min(4095.0) as u16;
                changes.push((t, Change::Adc(pin, raw)));
            }
            "uart" => {
                let bytes = parse_bytes(rest).map_err(err)?;
                changes.push((t, Change::Uart(bytes)));
            }
            "ir" => {
                let args = words(rest);
                if args.is_empty() || args.len() > IR_MAX {
                    return Err(err(format!(
                        "ir needs 1 to {IR_MAX} timings in microseconds"
                    )));
                }
                let sig = args
                    .iter()
                    .map(|a| a.parse::<u32>().ok().filter(|&n| n > 0).ok_or(a))
                    .collect::<Result<Vec<u32>, _>>()
                    .map_err(|a| err(format!("bad timing '{a}' (microseconds, 1 or more)")))?;
                ir.push((t, sig));
            }
            "" => return Err(err("a kind of input is missing after the time".into())),
            k => return Err(err(format!("unknown input '{k}' (gpio, adc, uart, ir)"))),
        }
    }
    // Stable: same-time inputs keep their file order.
    changes.sort_by_key(|c| c.0);
    ir.sort_by_key(|c| c.0);
    Ok(Inputs {
        changes: changes.into(),
        ir: ir.into(),
        driven: [None; 8],
    })
}

/// The first word of `s` and the rest.
fn word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// The words of `s` up to a comment.
fn words(s: &str) -> Vec<&str> {
    s.split('#')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect()
}

/// Milliseconds (integer or decimal, up to 6 decimals) to nanoseconds.
fn parse_time(s: &str) -> Result<u64, String> {
    let bad = || format!("bad time '{s}' (milliseconds, such as 250 or 12.5)");
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || frac.len() > 6 {
        return Err(bad());
    }
    let ms: u64 = int.parse().map_err(|_| bad())?;
    let frac_ns = format!("{frac:0<6}").parse::<u64>().map_err(|_| bad())?;
    ms.checked_mul(1_000_000)
        .and_then(|ns| ns.checked_add(frac_ns))
        .ok_or_else(bad)
}

/// A pin name: `PA7` or `GPIO_PIN_PA7`.
fn parse_pin(s: &str) -> Result<u32, String> {
    let up = s.to_ascii_uppercase();
    let name = up.strip_prefix("GPIO_PIN_").unwrap_or(&up);
    PINS.iter()
        .position(|p| *p == name)
        .map(|i| i as u32)
        .ok_or_else(|| format!("unknown pin '{s}' ({})", PINS.join(", ")))
}

/// UART data: a quoted string with escapes, or hex bytes.
fn parse_bytes(rest: &str) -> Result<Vec<u8>, String> {
    let rest = rest.trim_start();
    if let Some(body) = rest.strip_prefix('"') {
        return parse_quoted(body);
    }
    let args = words(rest);
    if args.is_empty() {
        return Err(
            "uart needs \"text\" or hex bytes, as in 'uart \"hi\\n\"' or 'uart 68 69 0a'".into(),
        );
    }
    let mut out = Vec::new();
    for a in args {
        let hex = a.strip_prefix("0x").unwrap_or(a);
        if hex.is_empty() || hex.len() % 2 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "bad hex bytes '{a}' (pairs of hex digits, such as 0d0a)"
            ));
        }
        for i in (0..hex.len()).step_by(2) {
            out.push(u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

/// The rest of a quoted string after its opening quote; only a comment
/// may follow the closing one.
fn parse_quoted(body: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut chars = body.char_indices();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => {
                let after = chars.as_str().trim_start();
                if !(after.is_empty() || after.starts_with('#')) {
                    return Err(format!("unexpected '{after}' after the closing quote"));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                match e {
                    'n' => out.push(b'\n'),
                    'r' => out.push(b'\r'),
                    't' => out.push(b'\t'),
                    '0' => out.push(0),
                    '\\' => out.push(b'\\'),
                    '"' => out.push(b'"'),
                    'x' => {
                        let hex: String = chars.by_ref().take(2).map(|(_, c)| c).collect();
                        match u8::from_str_radix(&hex, 16) {
                            Ok(b) if hex.len() == 2 => out.push(b),
                            _ => {
                                return Err(format!(
                                    "bad escape '\\x{hex}' (\\x and two hex digits)"
                                ))
                            }
                        }
                    }
                    e => {
                        return Err(format!(
                            "unknown escape '\\{e}' (\\n \\r \\t \\0 \\\\ \\\" \\xHH)"
                        ))
                    }
                }
            }
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Err("the closing quote is missing".into())
}

/// Applies the GPIO, ADC and UART changes due by the current time.
pub fn apply_due(s: &mut SimState) {
    while let Some((t, _)) = s.inputs.changes.front() {
        if *t > s.now_ns {
            break;
        }
        let Some((_, change)) = s.inputs.changes.pop_front() else {
            break;
        };
        match change {
            Change::Gpio(pin, level) => {
                s.inputs.driven[pin as usize] = Some(level);
                set_level(s, pin, level);
            }
            Change::Adc(pin, raw) => s.adc[pin as usize] = raw,
            Change::Uart(bytes) => {
                if s.uart_open {
                    s.uart_rx.extend(bytes);
                }
            }
        }
    }
}

/// A pin's level changes from outside: outputs keep what they drive, an
/// edge on an interrupt pin is queued for `@on_gpio`.
fn set_level(s: &mut SimState, pin: u32, level: bool) {
    let mode = s.gpio_mode[pin as usize];
    if mode & OUTPUT_MODES != 0 {
        return;
    }
    let old = std::mem::replace(&mut s.gpio[pin as usize], level);
    let edge = if level { RISE } else { FALL };
    if old != level && mode & edge != 0 {
        s.gpio_interrupts.push_back(pin);
    }
}

/// The level a pin reads right after `gpio_init_pin`: an input reads what
/// is driven from outside, else its pull (high with `GPIO_PULL_UP`).
pub fn init_level(s: &SimState, pin: u32, mode: u32, pull: u32) -> bool {
    let pulled = pull == 1;
    if mode & OUTPUT_MODES != 0 {
        pulled
    } else {
        s.inputs.driven[pin as usize].unwrap_or(pulled)
    }
}

/// `infrared_receive(timeout)`: the first signal starting within the
/// timeout, the clock moved to its end; otherwise nothing, the clock moved
/// by the timeout. Signals that started before the call are lost.
pub fn ir_capture(s: &mut SimState, timeout_us: u32) -> Vec<u32> {
    let end = s.now_ns.saturating_add(u64::from(timeout_us) * 1000);
    while s.inputs.ir.front().is_some_and(|(t, _)| *t < s.now_ns) {
        s.inputs.ir.pop_front();
    }
    match s.inputs.ir.front() {
        Some((t, _)) if *t <= end => {
            let Some((t, sig)) = s.inputs.ir.pop_front() else {
                return Vec::new();
            };
            let len_ns: u64 = sig.iter().map(|&us| u64::from(us) * 1000).sum();
            s.now_ns = t.saturating_add(len_ns);
            sig
        }
        _ => {
            s.now_ns = end;
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_of(text: &str) -> (usize, String) {
        let e = parse(text).expect_err(text);
        (e.line, e.msg)
    }

    #[test]
    fn every_kind_parses() {
        let inp = parse(
            "# header\n\n\
             300 uart \"a#\\\"\\x41\\n\" # comment\n\
             100 gpio pb2 HIGH\n\
             100 gpio GPIO_PIN_PA7 0\n\
             250.5 adc PC0 1.024\n\
             260 adc pa4 9\n\
             400 uart 48 0x69 0d0a\n\
             500 ir 9000 4500 560\n",
        )
        .unwrap();
        assert_eq!(
            Vec::from(inp.changes),
            [
                (100_000_000, Change::Gpio(3, true)),
                (100_000_000, Change::Gpio(7, false)),
                (250_500_000, Change::Adc(0, 2048)),
                (260_000_000, Change::Adc(5, 4095)),
                (300_000_000, Change::Uart(b"a#\"A\n".to_vec())),
                (400_000_000, Change::Uart(b"Hi\r\n".to_vec())),
            ]
        );
        assert_eq!(Vec::from(inp.ir), [(500_000_000, vec![9000, 4500, 560])]);
    }

    #[test]
    fn bad_lines_name_their_number() {
        for (text, line, msg) in [
            ("soon gpio PB2 high", 1, "bad time 'soon'"),
            ("\n1.2345678 gpio PB2 1", 2, "bad time"),
            ("-5 gpio PB2 1", 1, "bad time"),
            ("5 led on", 1, "unknown input 'led'"),
            ("5", 1, "a kind of input is missing"),
            ("5 gpio PA9 high", 1, "unknown pin 'PA9'"),
            ("5 gpio PB2 up", 1, "bad level 'up'"),
            ("5 gpio PB2", 1, "gpio needs a pin and a level"),
            ("5 adc PB3 1.0", 1, "PB3 has no ADC channel"),
            ("5 adc PC0 -1", 1, "bad voltage '-1'"),
            ("5 adc PC0 nan", 1, "bad voltage"),
            ("5 uart", 1, "uart needs"),
            ("5 uart 4", 1, "bad hex bytes '4'"),
            ("5 uart zz", 1, "bad hex bytes"),
            ("5 uart \"abc", 1, "closing quote is missing"),
            ("5 uart \"a\" b", 1, "after the closing quote"),
            ("5 uart \"\\q\"", 1, "unknown escape '\\q'"),
            ("5 uart \"\\x4\"", 1, "bad escape"),
            ("5 ir", 1, "ir needs 1 to 512 timings"),
            ("5 ir 100 0", 1, "bad timing '0'"),
            ("5 ir 100 x", 1, "bad timing 'x'"),
        ] {
            let (l, m) = err_of(text);
            assert_eq!(l, line, "{text}");
            assert!(m.contains(msg), "{text}: {m}");
        }
        let long = format!("1 ir {}", "1 ".repeat(513));
        assert!(err_of(&long).1.contains("1 to 512"));
    }
}
