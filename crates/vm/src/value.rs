//! Values: one 32-bit word, the same on the desktop and on the Cortex-M4.
//!
//! ```text
//! ........................xxxxxxx1  small int (31-bit two's complement)
//! oooooooooooooooooooooooooooooo00  heap object at byte offset o (0 = NULL)
//! pppppppppppppppppppppppp kkkkk10  immediate: kind k, payload p (24 bits)
//! ```
//! Heap references are offsets into the one heap block, never pointers, so
//! the collector can move objects and a value means the same on any host.
//! Immediates need no heap: None/True/False/..., every one-character str
//! and the empty str, builtin types, builtin functions and builtin modules.

/// A Python value (or NULL, the VM's "no value").
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Value(pub u32);

/// Immediate kinds (bits 2..8).
pub mod imm {
    /// None, False, True, Ellipsis, NotImplemented.
    pub const SPECIAL: u32 = 0;
    /// A str of one code point (payload) or the empty str (payload [`super::EMPTY_STR_PAYLOAD`]).
    pub const CHAR: u32 = 1;
    /// A builtin type; payload is its [`crate::types::TypeId`].
    pub const TYPE: u32 = 2;
    /// A builtin function; payload is its [`crate::native::NativeId`].
    pub const NATIVE: u32 = 3;
    /// A builtin module; payload is its index in [`crate::modules::MODULES`].
    pub const MODULE: u32 = 4;
}

/// Payload of the empty str immediate (beyond the last code point).
pub const EMPTY_STR_PAYLOAD: u32 = 0x11_0000;

/// Smallest small int.
pub const SMALL_MIN: i64 = -(1 << 30);
/// Largest small int.
pub const SMALL_MAX: i64 = (1 << 30) - 1;

impl Value {
    /// The "no value" marker: unset locals, missing defaults, empty stack slots.
    pub const NULL: Value = Value(0);
    /// `None`
    pub const NONE: Value = Value::imm(imm::SPECIAL, 0);
    /// `False`
    pub const FALSE: Value = Value::imm(imm::SPECIAL, 1);
    /// `True`
    pub const TRUE: Value = Value::imm(imm::SPECIAL, 2);
    /// `...`
    pub const ELLIPSIS: Value = Value::imm(imm::SPECIAL, 3);
    /// `NotImplemented`
    pub const NOT_IMPLEMENTED: Value = Value::imm(imm::SPECIAL, 4);
    /// `''`
    pub const EMPTY_STR: Value = Value::imm(imm::CHAR, EMPTY_STR_PAYLOAD);

    /// An immediate of kind `kind` with `payload` (< 2**24).
    pub const fn imm(kind: u32, payload: u32) -> Value {
        Value((payload << 8) | (kind << 2) | 2)
    }

    /// A heap reference to the object whose header is word `word`.
    #[inline]
    pub const fn from_word(word: usize) -> Value {
        Value((word as u32) << 2)
    }

    /// The bool `b`.
    #[inline]
    pub const fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A small int; `None` when `i` needs a big int.
    #[inline]
    pub fn small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            Some(Value(((i as i32) << 1) as u32 | 1))
        } else {
            None
        }
    }

    /// A small int from a value known to be in range (lengths, indices, counts).
    #[inline]
    pub fn int(i: i32) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&(i as i64)));
        Value(((i << 1) as u32) | 1)
    }

    /// A small int from a `usize` known to be in range.
    #[inline]
    pub fn from_usize(n: usize) -> Value {
        Value::int(n as i32)
    }

    /// Whether this is NULL.
    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }

    /// Whether this is a small int.
    #[inline]
    pub fn is_small(self) -> bool {
        self.0 & 1 == 1
    }

    /// The small int's value (meaningless for other values).
    #[inline]
    pub fn small_value(self) -> i64 {
        ((self.0 as i32) >> 1) as i64
    }

    /// The small int's value, if this is one.
    #[inline]
    pub fn as_small(self) -> Option<i64> {
        if self.is_small() {
            Some(self.small_value())
        } else {
            None
        }
    }

    /// Whether this refers to a heap object.
    #[inline]
    pub fn is_heap(self) -> bool {
        self.0 & 3 == 0 && self.0 != 0
    }

    /// The heap word index of the object's header (meaningful for heap refs).
    #[inline]
    pub fn word(self) -> usize {
        (self.0 >> 2) as usize
    }

    /// Whether this is an immediate.
    #[inline]
    pub fn is_imm(self) -> bool {
        self.0 & 3 == 2
    }

    /// The immediate's kind (meaningful for immediates).
    #[inline]
    pub fn imm_kind(self) -> u32 {
        (self.0 >> 2) & 0x3f
    }

    /// The immediate's payload (meaningful for immediates).
    #[inline]
    pub fn payload(self) -> u32 {
        self.0 >> 8
    }

    /// Whether this is an immediate of kind `kind`.
    #[inline]
    pub fn is_imm_of(self, kind: u32) -> bool {
        self.0 & 0xff == (kind << 2) | 2
    }

    /// `None`?
    #[inline]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    /// A one-code-point str.
    #[inline]
    pub fn char(c: char) -> Value {
        Value::imm(imm::CHAR, c as u32)
    }
}

impl core::fmt::Debug for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if self.is_small() {
            write!(f, "int({})", self.small_value())
        } else if self.is_heap() {
            write!(f, "obj@{}", self.word())
        } else {
            write!(f, "imm({}:{})", self.imm_kind(), self.payload())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [0, 1, -1, 42, -42, SMALL_MIN, SMALL_MAX] {
            let v = Value::small(i).unwrap();
            assert!(v.is_small() && !v.is_heap() && !v.is_imm());
            assert_eq!(v.small_value(), i);
        }
        assert!(Value::small(SMALL_MAX + 1).is_none());
        assert!(Value::small(SMALL_MIN - 1).is_none());
    }

    #[test]
    fn tags_are_disjoint() {
        assert!(Value::NULL.is_null() && !Value::NULL.is_heap());
        assert!(Value::from_word(5).is_heap());
        assert_eq!(Value::from_word(5).word(), 5);
        assert!(Value::NONE.is_imm() && Value::NONE.is_imm_of(imm::SPECIAL));
        assert_ne!(Value::TRUE, Value::FALSE);
        assert!(Value::char('é').is_imm_of(imm::CHAR));
        assert_eq!(Value::char('\u{10ffff}').payload(), 0x10ffff);
        assert!(Value::EMPTY_STR.is_imm_of(imm::CHAR));
    }
}
