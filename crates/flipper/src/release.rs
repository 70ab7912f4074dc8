//! What a script left on, and turning it off when the script ends, as the
//! device must: the natives record every output they switch ([`Used`]),
//! and [`release_all`] undoes what is still on through the ordinary
//! [`Board`] calls, so every board (device, simulator) gets the same
//! release and the simulator logs it like any other output.

use crate::{state, Board};
use fzpy_vm::vm::Vm;

/// `LIGHT_BACKLIGHT`.
const BACKLIGHT: u32 = 8;
/// The backlight level an app starts with.
const BACKLIGHT_DEFAULT: u8 = 255;
/// `GPIO_MODE_ANALOG`: with no pull, the state a released pin is in.
const MODE_ANALOG: u32 = 8;

/// The outputs a script switched on and has not switched off.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Used {
    /// A tone plays.
    speaker: bool,
    /// The vibration motor runs.
    vibro: bool,
    /// Steady brightness of red, green, blue.
    rgb: [u8; 3],
    /// The backlight is not at its default level.
    backlight: bool,
    /// The LED blinks.
    blinking: bool,
    /// Pins configured other than their reset state (bit per pin).
    gpio: u8,
    /// Pins running PWM (bit per pin).
    pwm: u8,
    /// The UART is open.
    uart: bool,
    /// Infrared was used (transmit or receive).
    infrared: bool,
}

impl Used {
    /// A `speaker_start` that succeeded, or a `speaker_stop`.
    pub(crate) fn speaker(&mut self, on: bool) {
        self.speaker = on;
    }

    /// `vibro_set(on)`.
    pub(crate) fn vibro(&mut self, on: bool) {
        self.vibro = on;
    }

    /// `light_set(mask, brightness)`.
    pub(crate) fn light(&mut self, mask: u32, brightness: u8) {
        for (i, ch) in self.rgb.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *ch = brightness;
            }
        }
        if mask & BACKLIGHT != 0 {
            self.backlight = brightness != BACKLIGHT_DEFAULT;
        }
    }

    /// `light_blink_start` (true) or `light_blink_stop` (false).
    pub(crate) fn blink(&mut self, on: bool) {
        self.blinking = on;
    }

    /// A `gpio_init_pin` that succeeded.
    pub(crate) fn gpio_init(&mut self, pin: u32, mode: u32, pull: u32) {
        if mode == MODE_ANALOG && pull == 0 {
            self.gpio &= !(1 << pin);
        } else {
            self.gpio |= 1 << pin;
        }
    }

    /// `gpio_deinit_pin(pin)`.
    pub(crate) fn gpio_deinit(&mut self, pin: u32) {
        self.gpio &= !(1 << pin);
    }

    /// A `pwm_start` that succeeded (true), or a `pwm_stop`.
    pub(crate) fn pwm(&mut self, pin: u32, on: bool) {
        if on {
            self.pwm |= 1 << pin;
        } else {
            self.pwm &= !(1 << pin);
        }
    }

    /// A `uart_open` that succeeded (true), or a close.
    pub(crate) fn uart(&mut self, open: bool) {
        self.uart = open;
    }

    /// `infrared_transmit` or `infrared_receive` ran.
    pub(crate) fn infrared(&mut self) {
        self.infrared = true;
    }

    /// Switches off on `board` everything still on, and forgets it.
    pub fn release(&mut self, board: &mut dyn Board) {
        if self.speaker {
            board.speaker_stop();
        }
        if self.blinking {
            board.light_blink_stop();
        }
        let lit = self
            .rgb
            .iter()
            .enumerate()
            .filter(|(_, &b)| b != 0)
            .fold(0, |m, (i, _)| m | 1 << i);
        if lit != 0 {
            board.light_set(lit, 0);
        }
        if self.backlight {
            board.light_set(BACKLIGHT, BACKLIGHT_DEFAULT);
        }
        if self.vibro {
            board.vibro_set(false);
        }
        for pin in 0..8 {
            if self.pwm & (1 << pin) != 0 {
                board.pwm_stop(pin);
            }
        }
        for pin in 0..8 {
            if self.gpio & (1 << pin) != 0 {
                board.gpio_deinit_pin(pin);
            }
        }
        if self.uart {
            board.uart_close();
        }
        if self.infrared {
            board.infrared_stop();
        }
        *self = Used::default();
    }
}

/// Releases everything the script left on (speaker, LED and blinking,
/// backlight, vibro, PWM, GPIO pins, UART, infrared). Runners call it when
/// the script ends, however it ended; a no-op without the module.
pub fn release_all(vm: &mut Vm) {
    if let Some(s) = state(vm) {
        s.used.release(&mut *s.board);
    }
}
