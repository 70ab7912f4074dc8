//! Stack effects and control-flow properties of instructions.
//!
//! The compiler uses these to compute a code unit's `stacksize` and to
//! verify its output; the loader can use them to validate bytecode files.
//! They mirror the `[before] -> [after]` comments in [`crate::opcode`].

use crate::opcode::{Op, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS};

/// The change in value-stack depth made by `op` with operand `arg`.
///
/// For conditional jumps `jump` selects the taken (true) or fall-through
/// (false) edge; other instructions ignore it. Instructions that leave the
/// frame (RETURN_VALUE, RAISE_VARARGS, RERAISE) report what they pop.
pub fn stack_effect(op: Op, arg: u16, jump: bool) -> i32 {
    let n = arg as i32;
    match op {
        Op::NOP | Op::SWAP | Op::DELETE_FAST | Op::DELETE_DEREF | Op::MAKE_CELL => 0,
        Op::COPY_FREE_VARS | Op::DELETE_GLOBAL | Op::DELETE_NAME => 0,
        Op::POP_TOP => -1,
        Op::COPY | Op::PUSH_NULL | Op::LOAD_CONST | Op::LOAD_SMALL_INT => 1,
        Op::LOAD_FAST | Op::LOAD_CLOSURE | Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => 1,
        Op::LOAD_GLOBAL | Op::LOAD_NAME => 1,
        Op::STORE_FAST | Op::STORE_DEREF | Op::STORE_GLOBAL | Op::STORE_NAME => -1,
        Op::LOAD_ATTR => 0,
        Op::STORE_ATTR => -2,
        Op::DELETE_ATTR => -1,
        Op::LOAD_METHOD => 1,
        Op::BINARY_SUBSCR => -1,
        Op::STORE_SUBSCR => -3,
        Op::DELETE_SUBSCR => -2,
        Op::BUILD_SLICE => 1 - n,
        Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_NOT | Op::UNARY_INVERT => 0,
        Op::BINARY_OP | Op::COMPARE_OP | Op::IS_OP | Op::CONTAINS_OP => -1,
        Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_STRING => 1 - n,
        Op::BUILD_MAP => 1 - 2 * n,
        Op::LIST_APPEND | Op::SET_ADD => -1,
        Op::MAP_ADD => -2,
        Op::LIST_EXTEND | Op::SET_UPDATE | Op::DICT_UPDATE | Op::DICT_MERGE => -1,
        Op::LIST_TO_TUPLE => 0,
        Op::UNPACK_SEQUENCE => n - 1,
        Op::UNPACK_EX => (n & 0xff) + (n >> 8),
        Op::FORMAT_VALUE => {
            if n & 4 != 0 {
                -1
            } else {
                0
            }
        }
        Op::JUMP => 0,
        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => -1,
        Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
            if jump {
                0
            } else {
                -1
            }
        }
        Op::GET_ITER => 0,
        Op::FOR_ITER => {
            if jump {
                -1
            } else {
                1
            }
        }
        Op::MAKE_FUNCTION => {
            let mut k = 0;
            for bit in [MF_DEFAULTS, MF_KWDEFAULTS, MF_CLOSURE] {
                if arg & bit != 0 {
                    k += 1;
                }
            }
            -k
        }
        Op::CALL => -n - 1,
        Op::CALL_KW => -n - 2,
        Op::CALL_EX => -2 - (n & 1),
        Op::RETURN_VALUE => -1,
        Op::YIELD_VALUE | Op::GET_YIELD_FROM_ITER => 0,
        Op::SEND => {
            if jump {
                -1
            } else {
                0
            }
        }
        Op::LOAD_BUILD_CLASS => 1,
        Op::RAISE_VARARGS => -n,
        Op::RERAISE => -1,
        Op::PUSH_EXC_INFO => 1,
        Op::POP_EXCEPT => -1,
        Op::CHECK_EXC_MATCH => 0,
        Op::LOAD_ASSERTION_ERROR => 1,
        Op::BEFORE_WITH => 1,
        Op::WITH_EXIT => -1,
        Op::WITH_EXCEPT_START => 1,
        Op::IMPORT_NAME => -1,
        Op::IMPORT_FROM => 1,
        Op::IMPORT_STAR => -1,
        Op::PRINT_EXPR => -1,
    }
}

/// How many items `op` needs on the stack (its inputs), for verifiers: an
/// instruction must not run with fewer.
pub fn stack_inputs(op: Op, arg: u16) -> i32 {
    let n = arg as i32;
    match op {
        Op::COPY | Op::SWAP => n,
        Op::POP_TOP | Op::STORE_FAST | Op::STORE_DEREF | Op::STORE_GLOBAL | Op::STORE_NAME => 1,
        Op::LOAD_ATTR | Op::DELETE_ATTR | Op::LOAD_METHOD => 1,
        Op::STORE_ATTR | Op::BINARY_SUBSCR | Op::DELETE_SUBSCR => 2,
        Op::STORE_SUBSCR => 3,
        Op::BUILD_SLICE | Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET => n,
        Op::BUILD_STRING => n,
        Op::BUILD_MAP => 2 * n,
        Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_NOT | Op::UNARY_INVERT => 1,
        Op::BINARY_OP | Op::COMPARE_OP | Op::IS_OP | Op::CONTAINS_OP => 2,
        Op::LIST_APPEND | Op::SET_ADD | Op::LIST_EXTEND | Op::SET_UPDATE => n + 1,
        Op::DICT_UPDATE => n + 1,
        Op::DICT_MERGE => n + 3,
        Op::MAP_ADD => n + 2,
        Op::LIST_TO_TUPLE | Op::UNPACK_SEQUENCE | Op::UNPACK_EX => 1,
        Op::FORMAT_VALUE => {
            if n & 4 != 0 {
                2
            } else {
                1
            }
        }
        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => 1,
        Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => 1,
        Op::GET_ITER | Op::FOR_ITER | Op::GET_YIELD_FROM_ITER | Op::YIELD_VALUE => 1,
        Op::MAKE_FUNCTION => 1 - stack_effect(op, arg, false),
        Op::CALL => n + 2,
        Op::CALL_KW => n + 3,
        Op::CALL_EX => 3 + (n & 1),
        Op::RETURN_VALUE | Op::RERAISE | Op::POP_EXCEPT | Op::PUSH_EXC_INFO => 1,
        Op::SEND | Op::CHECK_EXC_MATCH => 2,
        Op::RAISE_VARARGS => n,
        Op::BEFORE_WITH | Op::WITH_EXIT => 1,
        Op::WITH_EXCEPT_START => 3,
        Op::IMPORT_NAME => 2,
        Op::IMPORT_FROM | Op::IMPORT_STAR | Op::PRINT_EXPR => 1,
        _ => 0,
    }
}

/// Whether the operand of `op` is an absolute jump target.
pub fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP
            | Op::POP_JUMP_IF_FALSE
            | Op::POP_JUMP_IF_TRUE
            | Op::JUMP_IF_FALSE_OR_POP
            | Op::JUMP_IF_TRUE_OR_POP
            | Op::FOR_ITER
            | Op::SEND
    )
}

/// Whether execution never continues with the next instruction after `op`
/// (unconditional jump, return, raise).
pub fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP | Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_match_the_table() {
        assert_eq!(stack_effect(Op::CALL, 3, false), -4);
        assert_eq!(stack_effect(Op::CALL_KW, 2, false), -4);
        assert_eq!(stack_effect(Op::CALL_EX, 1, false), -3);
        assert_eq!(stack_effect(Op::CALL_EX, 0, false), -2);
        assert_eq!(stack_effect(Op::BUILD_MAP, 3, false), -5);
        assert_eq!(stack_effect(Op::UNPACK_EX, 1 | 2 << 8, false), 3);
        assert_eq!(stack_effect(Op::FOR_ITER, 0, true), -1);
        assert_eq!(stack_effect(Op::FOR_ITER, 0, false), 1);
        assert_eq!(stack_effect(Op::MAKE_FUNCTION, 1 | 2 | 8, false), -3);
        assert_eq!(stack_effect(Op::JUMP_IF_TRUE_OR_POP, 0, true), 0);
        assert_eq!(stack_effect(Op::SEND, 0, true), -1);
        assert_eq!(stack_inputs(Op::WITH_EXCEPT_START, 0), 3);
    }

    #[test]
    fn every_opcode_has_an_effect() {
        for b in 0..=255u8 {
            if let Some(op) = Op::from_u8(b) {
                // Both edges are defined and within reason.
                for jump in [false, true] {
                    let e = stack_effect(op, 2, jump);
                    assert!((-8..=4).contains(&e), "{}", op.name());
                }
                assert!(stack_inputs(op, 2) >= 0);
            }
        }
    }
}
