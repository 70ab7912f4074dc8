//! The external header's pins: GPIO, interrupts, ADC and PWM.
//!
//! Pins are the `flipperzero` module's `GPIO_PIN_*` numbers: 0 PC0, 1 PC1, 2 PC3,
//! 3 PB2, 4 PB3, 5 PA4, 6 PA6, 7 PA7.

use core::ffi::c_void;
use core::sync::atomic::{AtomicU8, Ordering};
use flipperzero_sys as sys;

/// Pins whose interrupt fired and was not yet taken (bit `n` = pin `n`). Written by
/// interrupt handlers, so an atomic.
static PENDING: AtomicU8 = AtomicU8::new(0);

/// The SDK's pin of `GPIO_PIN_*` number `pin` (0-7, checked by the module).
fn pin_ref(pin: u32) -> *const sys::GpioPin {
    match pin {
        0 => &raw const sys::gpio_ext_pc0,
        1 => &raw const sys::gpio_ext_pc1,
        2 => &raw const sys::gpio_ext_pc3,
        3 => &raw const sys::gpio_ext_pb2,
        4 => &raw const sys::gpio_ext_pb3,
        5 => &raw const sys::gpio_ext_pa4,
        6 => &raw const sys::gpio_ext_pa6,
        _ => &raw const sys::gpio_ext_pa7,
    }
}

/// Interrupt handler: `ctx` is the pin number.
unsafe extern "C" fn on_edge(ctx: *mut c_void) {
    PENDING.fetch_or(1 << (ctx as usize & 7), Ordering::Relaxed);
}

/// What the app configured on the header (the module's `release_all` stops PWM and
/// deinitialises the pins the script left configured).
#[derive(Default)]
pub struct Pins {
    /// Pins initialised by the script (bit per pin).
    used: u8,
    /// Pins with an interrupt callback.
    interrupts: u8,
}

/// The PWM output on `pin`: PA7 (TIM1) and PA4 (LPTIM2) only.
fn pwm_channel(pin: u32) -> Option<sys::FuriHalPwmOutputId> {
    match pin {
        7 => Some(sys::FuriHalPwmOutputIdTim1PA7),
        5 => Some(sys::FuriHalPwmOutputIdLptim2PA4),
        _ => None,
    }
}

impl Pins {
    /// Configures `pin` (`GPIO_MODE_*`, `GPIO_PULL_*`, `GPIO_SPEED_*` values).
    pub fn init(&mut self, pin: u32, mode: u32, pull: u32, speed: u32) -> bool {
        let m = match mode {
            1 => sys::GpioModeInput,
            2 => sys::GpioModeOutputPushPull,
            4 => sys::GpioModeOutputOpenDrain,
            8 => sys::GpioModeAnalog,
            16 => sys::GpioModeInterruptRise,
            32 => sys::GpioModeInterruptFall,
            48 => sys::GpioModeInterruptRiseFall,
            _ => return false,
        };
        let p = match pull {
            1 => sys::GpioPullUp,
            2 => sys::GpioPullDown,
            _ => sys::GpioPullNo,
        };
        let s = sys::GpioSpeed(speed.min(3) as u8);
        self.deinit(pin);
        let g = pin_ref(pin);
        // SAFETY: `g` is a header pin; the callback only sets an atomic bit and is
        // removed in `deinit` before the pin is reused or the app exits.
        unsafe {
            sys::furi_hal_gpio_init(g, m, p, s);
            if mode >= 16 {
                sys::furi_hal_gpio_add_int_callback(g, Some(on_edge), pin as usize as *mut c_void);
                self.interrupts |= 1 << pin;
            }
        }
        self.used |= 1 << pin;
        true
    }

    /// Returns `pin` to its reset state (analog, no pull), dropping its interrupt.
    pub fn deinit(&mut self, pin: u32) {
        let g = pin_ref(pin);
        // SAFETY: `g` is a header pin; a callback is removed only if it was added.
        unsafe {
            if self.interrupts & (1 << pin) != 0 {
                sys::furi_hal_gpio_remove_int_callback(g);
                self.interrupts &= !(1 << pin);
                PENDING.fetch_and(!(1 << pin), Ordering::Relaxed);
            }
            if self.used & (1 << pin) != 0 {
                sys::furi_hal_gpio_init(g, sys::GpioModeAnalog, sys::GpioPullNo, sys::GpioSpeedLow);
                self.used &= !(1 << pin);
            }
        }
    }

    /// Drives an output pin.
    pub fn write(&mut self, pin: u32, high: bool) {
        // SAFETY: `pin_ref` is a header pin.
        unsafe { sys::furi_hal_gpio_write(pin_ref(pin), high) }
    }

    /// Reads a pin.
    pub fn read(&mut self, pin: u32) -> bool {
        // SAFETY: `pin_ref` is a header pin.
        unsafe { sys::furi_hal_gpio_read(pin_ref(pin)) }
    }

    /// The lowest pin with a pending interrupt, taken.
    pub fn poll_interrupt(&mut self) -> Option<u32> {
        let bits = PENDING.load(Ordering::Relaxed);
        if bits == 0 {
            return None;
        }
        let pin = bits.trailing_zeros();
        PENDING.fetch_and(!(1 << pin), Ordering::Relaxed);
        Some(pin)
    }

    /// Raw 12-bit ADC reading of an analog pin; 0 for PB2/PB3, which have no ADC input.
    pub fn adc_read(&mut self, pin: u32) -> u16 {
        let ch = match pin {
            0 => sys::FuriHalAdcChannel1,
            1 => sys::FuriHalAdcChannel2,
            2 => sys::FuriHalAdcChannel4,
            5 => sys::FuriHalAdcChannel9,
            6 => sys::FuriHalAdcChannel11,
            7 => sys::FuriHalAdcChannel12,
            _ => return 0,
        };
        // SAFETY: the ADC is acquired (waiting for other users), configured with the
        // defaults, read once and released.
        unsafe {
            let h = sys::furi_hal_adc_acquire();
            sys::furi_hal_adc_configure(h);
            let v = sys::furi_hal_adc_read(h, ch);
            sys::furi_hal_adc_release(h);
            v
        }
    }

    /// Starts (or retunes) PWM on PA7 or PA4; false on other pins.
    pub fn pwm_start(&mut self, pin: u32, freq: u32, duty: u32) -> bool {
        let Some(ch) = pwm_channel(pin) else {
            return false;
        };
        let duty = duty.min(100) as u8;
        // SAFETY: `ch` is a PWM output of the header; stopped by `pwm_stop` (the module
        // calls it when the script ends with PWM running).
        unsafe {
            if sys::furi_hal_pwm_is_running(ch) {
                sys::furi_hal_pwm_set_params(ch, freq, duty);
            } else {
                sys::furi_hal_pwm_start(ch, freq, duty);
            }
        }
        true
    }

    /// Stops PWM on `pin` if it runs.
    pub fn pwm_stop(&mut self, pin: u32) {
        if let Some(ch) = pwm_channel(pin) {
            if self.pwm_is_running(pin) {
                // SAFETY: the output runs.
                unsafe { sys::furi_hal_pwm_stop(ch) };
            }
        }
    }

    /// Whether PWM runs on `pin`.
    pub fn pwm_is_running(&mut self, pin: u32) -> bool {
        // SAFETY: a status read of a header PWM output.
        pwm_channel(pin).is_some_and(|ch| unsafe { sys::furi_hal_pwm_is_running(ch) })
    }
}
