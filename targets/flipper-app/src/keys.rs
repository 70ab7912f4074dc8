//! Button events: the SDK's `InputKey` / `InputType` numbers as the `flipperzero`
//! module's `INPUT_BUTTON_*` / `INPUT_TYPE_*` bits, and the "Back held" detector.

/// Keys the SDK has (Up, Down, Right, Left, Ok, Back).
const KEYS: u8 = 6;
/// Event types the SDK has (Press, Release, Short, Long, Repeat).
const TYPES: u8 = 5;
/// The SDK's Back key.
pub const KEY_BACK: u8 = 5;
/// The SDK's event types used here.
pub const TYPE_PRESS: u8 = 0;
/// Key released.
pub const TYPE_RELEASE: u8 = 1;
/// Released before the long-press time.
pub const TYPE_SHORT: u8 = 2;
/// Repeated while held after a long press.
pub const TYPE_REPEAT: u8 = 4;

/// Back repeat events (about 150 ms apart after the 500 ms long press) after which
/// the running script is interrupted even if it handles input.
pub const BACK_REPEATS_TO_INTERRUPT: u32 = 12;

/// `(button, type)` bits for an SDK event; None for values the SDK does not define.
/// The SDK numbers keys Up=0 Down=1 Right=2 Left=3 Ok=4 Back=5 and the module's
/// buttons are 1, 2, 4, 8, 16, 32 in that order; types Press..Repeat are 64..1024.
pub fn module_event(key: u8, typ: u8) -> Option<(u32, u32)> {
    (key < KEYS && typ < TYPES).then(|| (1 << key, 64 << typ))
}

/// The Back repeat count after an event (`repeats` before it), and whether this
/// event is the one that asks for an interrupt.
pub fn back_hold(repeats: u32, key: u8, typ: u8) -> (u32, bool) {
    match (key, typ) {
        (KEY_BACK, TYPE_PRESS | TYPE_RELEASE) => (0, false),
        (KEY_BACK, TYPE_REPEAT) => (repeats + 1, repeats + 1 == BACK_REPEATS_TO_INTERRUPT),
        _ => (repeats, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_events_map_to_the_module_bits() {
        assert_eq!(module_event(0, 0), Some((1, 64))); // Up, Press
        assert_eq!(module_event(KEY_BACK, 3), Some((32, 512))); // Back, Long
        assert_eq!(module_event(4, TYPE_SHORT), Some((16, 256))); // Ok, Short
        assert_eq!(module_event(3, TYPE_REPEAT), Some((8, 1024))); // Left, Repeat
        assert_eq!(module_event(6, 0), None);
        assert_eq!(module_event(0, 5), None);
    }

    #[test]
    fn holding_back_interrupts_once_after_the_repeats() {
        let (mut n, mut fired) = (0, 0);
        for _ in 0..30 {
            let (m, now) = back_hold(n, KEY_BACK, TYPE_REPEAT);
            n = m;
            fired += now as u32;
            if now {
                assert_eq!(n, BACK_REPEATS_TO_INTERRUPT);
            }
        }
        assert_eq!(fired, 1);
        assert_eq!(back_hold(n, KEY_BACK, TYPE_RELEASE), (0, false));
        // Other keys' repeats do not count.
        assert_eq!(back_hold(3, 0, TYPE_REPEAT), (3, false));
    }
}
