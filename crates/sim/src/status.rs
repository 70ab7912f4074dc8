//! What the interactive simulator shows beside the screen: the RGB LED
//! (steady or blinking), the backlight, the vibration motor and the
//! speaker's tone.

/// `LIGHT_RED`.
const RED: u32 = 1;
/// `LIGHT_GREEN`.
const GREEN: u32 = 2;
/// `LIGHT_BLUE`.
const BLUE: u32 = 4;
/// `LIGHT_BACKLIGHT`.
const BACKLIGHT: u32 = 8;

/// Hardware blinking of the LED.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Blink {
    mask: u32,
    brightness: u8,
    on_ns: u64,
    period_ns: u64,
    start_ns: u64,
}

/// The state of the Flipper's outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outputs {
    /// Steady LED channels: red, green, blue.
    rgb: [u8; 3],
    /// Display backlight brightness.
    pub backlight: u8,
    /// Vibration motor on.
    pub vibro: bool,
    blink: Option<Blink>,
}

impl Default for Outputs {
    fn default() -> Self {
        // Apps start with the backlight on and the LED off.
        Outputs {
            rgb: [0; 3],
            backlight: 255,
            vibro: false,
            blink: None,
        }
    }
}

impl Outputs {
    /// `light_set(mask, brightness)`.
    pub fn light_set(&mut self, mask: u32, brightness: u8) {
        for (i, ch) in [RED, GREEN, BLUE].into_iter().enumerate() {
            if mask & ch != 0 {
                self.rgb[i] = brightness;
            }
        }
        if mask & BACKLIGHT != 0 {
            self.backlight = brightness;
        }
    }

    /// `light_blink_start(...)` at `now_ns`.
    pub fn blink_start(
        &mut self,
        mask: u32,
        brightness: u8,
        on_ms: u32,
        period_ms: u32,
        now_ns: u64,
    ) {
        self.blink = Some(Blink {
            mask,
            brightness,
            on_ns: u64::from(on_ms) * 1_000_000,
            period_ns: u64::from(period_ms.max(1)) * 1_000_000,
            start_ns: now_ns,
        });
    }

    /// `light_blink_set_color(mask)`.
    pub fn blink_set_color(&mut self, mask: u32) {
        if let Some(b) = &mut self.blink {
            b.mask = mask;
        }
    }

    /// `light_blink_stop()`.
    pub fn blink_stop(&mut self) {
        self.blink = None;
    }

    /// The LED colour at `now_ns`.
    pub fn led(&self, now_ns: u64) -> [u8; 3] {
        match self.blink {
            Some(b) => {
                let on = (now_ns.saturating_sub(b.start_ns)) % b.period_ns < b.on_ns;
                let v = |ch| {
                    if on && b.mask & ch != 0 {
                        b.brightness
                    } else {
                        0
                    }
                };
                [v(RED), v(GREEN), v(BLUE)]
            }
            None => self.rgb,
        }
    }

    /// A one-line summary at `now_ns`, given the speaker's tone
    /// (frequency, volume), e.g.
    /// `LED red  vibro  speaker 440.0 Hz 50%  backlight 100%`.
    pub fn summary(&self, now_ns: u64, speaker: Option<(f32, f32)>) -> String {
        let mut s = format!("LED {}", color_name(self.led(now_ns)));
        if self.blink.is_some() {
            s.push_str(" (blink)");
        }
        s.push_str(if self.vibro { "  VIBRO" } else { "  vibro off" });
        match speaker {
            Some((f, v)) => s.push_str(&format!(
                "  speaker {f:.1} Hz {:.0}%",
                (v.clamp(0.0, 1.0) * 100.0)
            )),
            None => s.push_str("  speaker off"),
        }
        s.push_str(&format!(
            "  backlight {}%",
            (u32::from(self.backlight) * 100 + 127) / 255
        ));
        s
    }
}

/// The name of an LED colour: off, red, green, blue, yellow, magenta,
/// cyan or white (which channels are lit).
pub fn color_name(rgb: [u8; 3]) -> &'static str {
    match (rgb[0] > 0, rgb[1] > 0, rgb[2] > 0) {
        (false, false, false) => "off",
        (true, false, false) => "red",
        (false, true, false) => "green",
        (false, false, true) => "blue",
        (true, true, false) => "yellow",
        (true, false, true) => "magenta",
        (false, true, true) => "cyan",
        (true, true, true) => "white",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lights_and_summary() {
        let mut o = Outputs::default();
        assert_eq!(
            o.summary(0, None),
            "LED off  vibro off  speaker off  backlight 100%"
        );
        o.light_set(RED | GREEN, 255);
        o.light_set(BACKLIGHT, 0);
        o.vibro = true;
        assert_eq!(o.led(0), [255, 255, 0]);
        assert_eq!(
            o.summary(0, Some((440.0, 0.5))),
            "LED yellow  VIBRO  speaker 440.0 Hz 50%  backlight 0%"
        );
        o.light_set(GREEN, 0);
        assert_eq!(o.led(0), [255, 0, 0]);
    }

    #[test]
    fn blinking_follows_the_clock() {
        let mut o = Outputs::default();
        let ms = 1_000_000;
        o.blink_start(BLUE, 200, 100, 500, 1000 * ms);
        assert_eq!(o.led(1000 * ms), [0, 0, 200]);
        assert_eq!(o.led(1099 * ms), [0, 0, 200]);
        assert_eq!(o.led(1100 * ms), [0, 0, 0]);
        assert_eq!(o.led(1550 * ms), [0, 0, 200]);
        o.blink_set_color(RED);
        assert_eq!(o.led(1550 * ms), [200, 0, 0]);
        assert!(o.summary(1550 * ms, None).starts_with("LED red (blink)"));
        o.blink_stop();
        assert_eq!(o.led(1550 * ms), [0, 0, 0]);
    }
}
