//! The opcode table: the one contract between the compiler and the VM.
//!
//! An instruction is one opcode byte, followed by a little-endian `u16`
//! operand when [`Op::has_arg`] says so. Jump targets are absolute byte
//! offsets into the code unit's `code`.
//!
//! Stack effects are written `[before] -> [after]`, top of stack rightmost.
//! `NULL` is the VM's "no value" marker (pushed by `PUSH_NULL`, never
//! visible to Python code).

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $val:literal, $arg:literal; )*) => {
        /// A VM instruction.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Op {
            $( $(#[$doc])* $name = $val, )*
        }

        impl Op {
            /// Decodes an opcode byte; `None` for bytes that are no opcode.
            #[inline]
            pub fn from_u8(b: u8) -> Option<Op> {
                match b {
                    $( $val => Some(Op::$name), )*
                    _ => None,
                }
            }

            /// Whether a `u16` operand follows the opcode byte.
            #[inline]
            pub fn has_arg(self) -> bool {
                match self {
                    $( Op::$name => $arg, )*
                }
            }

            /// The opcode's name as shown by the disassembler.
            pub fn name(self) -> &'static str {
                match self {
                    $( Op::$name => stringify!($name), )*
                }
            }
        }
    };
}

opcodes! {
    // ---- stack -------------------------------------------------------
    /// `[] -> []`: does nothing.
    NOP = 0, false;
    /// `[x] -> []`
    POP_TOP = 1, false;
    /// `[... x (arg-1 items)] -> [... x (arg-1 items) x]`: copy the arg-th item (1 = top).
    COPY = 2, true;
    /// Swap the top with the arg-th item (arg >= 2).
    SWAP = 3, true;
    /// `[] -> [NULL]`
    PUSH_NULL = 4, false;
    /// `[] -> [consts[arg]]`
    LOAD_CONST = 5, true;
    /// `[] -> [int(arg as i16)]`
    LOAD_SMALL_INT = 6, true;

    // ---- names -------------------------------------------------------
    /// `[] -> [local arg]`; UnboundLocalError if unset.
    LOAD_FAST = 10, true;
    /// `[x] -> []`: local arg = x.
    STORE_FAST = 11, true;
    /// `[] -> []`: unset local arg; UnboundLocalError if unset.
    DELETE_FAST = 12, true;
    /// `[] -> [cell in slot arg]` (for building closures; no unbound check).
    LOAD_CLOSURE = 13, true;
    /// `[] -> [contents of the cell in slot arg]`; NameError/UnboundLocalError if empty.
    LOAD_DEREF = 14, true;
    /// `[x] -> []`: store into the cell in slot arg.
    STORE_DEREF = 15, true;
    /// `[] -> []`: empty the cell in slot arg.
    DELETE_DEREF = 16, true;
    /// `[] -> [x]`: class bodies: names[arg] from the locals dict, else the cell in
    /// the slot of the free variable with that name.
    LOAD_CLASSDEREF = 17, true;
    /// `[] -> []`: slot arg = new cell holding the slot's current value (may be unset).
    MAKE_CELL = 18, true;
    /// `[] -> []`: copy the function's closure cells into the last arg slots.
    COPY_FREE_VARS = 19, true;
    /// `[] -> [x]`: names[arg] from globals, then builtins; NameError.
    LOAD_GLOBAL = 20, true;
    /// `[x] -> []`: globals[names[arg]] = x.
    STORE_GLOBAL = 21, true;
    /// `[] -> []`: del globals[names[arg]]; NameError.
    DELETE_GLOBAL = 22, true;
    /// `[] -> [x]`: names[arg] from the frame's locals dict, globals, builtins.
    LOAD_NAME = 23, true;
    /// `[x] -> []`: locals dict [names[arg]] = x.
    STORE_NAME = 24, true;
    /// `[] -> []`: del locals dict [names[arg]]; NameError.
    DELETE_NAME = 25, true;

    // ---- attributes and items -----------------------------------------
    /// `[obj] -> [obj.names[arg]]`
    LOAD_ATTR = 30, true;
    /// `[value obj] -> []`: obj.names[arg] = value.
    STORE_ATTR = 31, true;
    /// `[obj] -> []`: del obj.names[arg].
    DELETE_ATTR = 32, true;
    /// `[obj] -> [func obj]` when obj's type has a plain method names[arg]
    /// (call it with obj as first argument), else `[NULL obj.names[arg]]`.
    LOAD_METHOD = 33, true;
    /// `[container key] -> [container[key]]`
    BINARY_SUBSCR = 34, false;
    /// `[value container key] -> []`: container[key] = value.
    STORE_SUBSCR = 35, false;
    /// `[container key] -> []`: del container[key].
    DELETE_SUBSCR = 36, false;
    /// `[start stop] -> [slice]` (arg = 2) or `[start stop step] -> [slice]` (arg = 3).
    BUILD_SLICE = 37, true;

    // ---- operators -----------------------------------------------------
    /// `[x] -> [-x]`
    UNARY_NEGATIVE = 40, false;
    /// `[x] -> [+x]`
    UNARY_POSITIVE = 41, false;
    /// `[x] -> [not x]`
    UNARY_NOT = 42, false;
    /// `[x] -> [~x]`
    UNARY_INVERT = 43, false;
    /// `[a b] -> [a OP b]`, OP = [`BinOp`] arg (in-place variants try `__iop__` first).
    BINARY_OP = 44, true;
    /// `[a b] -> [a CMP b]`, CMP = [`CmpOp`] arg.
    COMPARE_OP = 45, true;
    /// `[a b] -> [a is b]` (arg 0) or `[a is not b]` (arg 1).
    IS_OP = 46, true;
    /// `[a b] -> [a in b]` (arg 0) or `[a not in b]` (arg 1).
    CONTAINS_OP = 47, true;

    // ---- building ------------------------------------------------------
    /// `[x1 .. xn] -> [(x1, .., xn)]`, n = arg.
    BUILD_TUPLE = 50, true;
    /// `[x1 .. xn] -> [[x1, .., xn]]`
    BUILD_LIST = 51, true;
    /// `[x1 .. xn] -> [{x1, .., xn}]`
    BUILD_SET = 52, true;
    /// `[k1 v1 .. kn vn] -> [{k1: v1, ..}]`
    BUILD_MAP = 53, true;
    /// `[s1 .. sn] -> [s1 + .. + sn]` (all str).
    BUILD_STRING = 54, true;
    /// `[.. list (arg-1 items) x] -> [.. list (arg-1 items)]`: list.append(x); list is
    /// the arg-th item once x is popped.
    LIST_APPEND = 55, true;
    /// Like LIST_APPEND, for sets: set.add(x).
    SET_ADD = 56, true;
    /// `[.. dict (arg-1 items) k v] -> [.. dict (arg-1 items)]`: dict[k] = v; dict is
    /// the arg-th item once k and v are popped.
    MAP_ADD = 57, true;
    /// `[.. list (arg-1) iterable] -> [.. list (arg-1)]`: list.extend(iterable).
    LIST_EXTEND = 58, true;
    /// Like LIST_EXTEND, for sets: set.update(iterable).
    SET_UPDATE = 59, true;
    /// `[.. dict (arg-1) mapping] -> [.. dict (arg-1)]`: dict.update(mapping) (`{**m}`).
    DICT_UPDATE = 60, true;
    /// Like DICT_UPDATE but a repeated key raises TypeError (`f(**m)`); the
    /// function for the message is the item below the dict being merged into
    /// at depth arg + 2.
    DICT_MERGE = 61, true;
    /// `[list] -> [tuple(list)]`
    LIST_TO_TUPLE = 62, false;
    /// `[seq] -> [x_n-1 .. x_0]`: unpack exactly arg items, first item on top.
    UNPACK_SEQUENCE = 63, true;
    /// `[seq] -> [after items.., list, before items..]` (first item on top),
    /// arg = before | after << 8 (`a, *b, c = seq`).
    UNPACK_EX = 64, true;
    /// `[value] -> [str]` or `[value spec] -> [str]` when arg & 4; arg & 3 is the
    /// conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FORMAT_VALUE = 65, true;

    // ---- control flow ----------------------------------------------------
    /// `[] -> []`: pc = arg.
    JUMP = 70, true;
    /// `[x] -> []`: jump to arg if x is false.
    POP_JUMP_IF_FALSE = 71, true;
    /// `[x] -> []`: jump to arg if x is true.
    POP_JUMP_IF_TRUE = 72, true;
    /// `[x] -> [x]` and jump to arg if x is false, else `[x] -> []`.
    JUMP_IF_FALSE_OR_POP = 73, true;
    /// `[x] -> [x]` and jump to arg if x is true, else `[x] -> []`.
    JUMP_IF_TRUE_OR_POP = 74, true;
    /// `[obj] -> [iter(obj)]`
    GET_ITER = 75, false;
    /// `[it] -> [it next(it)]`, or when it is exhausted `[it] -> []` and jump to arg.
    FOR_ITER = 76, true;

    // ---- functions and calls ----------------------------------------------
    /// `[defaults? kwdefaults? closure? code] -> [function]`; arg bits: 1 defaults
    /// tuple, 2 kw-defaults dict, 8 closure tuple of cells (pushed in that order).
    MAKE_FUNCTION = 80, true;
    /// `[X Y a1 .. an] -> [result]`, n = arg. X NULL: call Y(a1..an); else call
    /// X(Y, a1..an) (Y is the `self` from LOAD_METHOD).
    CALL = 81, true;
    /// `[X Y a1 .. an kwnames] -> [result]`: like CALL; kwnames is a tuple of str
    /// naming the last len(kwnames) of the n arguments.
    CALL_KW = 82, true;
    /// `[X Y args] -> [result]` or `[X Y args kwargs] -> [result]` when arg & 1;
    /// args a tuple, kwargs a dict; X/Y as for CALL.
    CALL_EX = 83, true;
    /// `[x] -> (return x to the caller)`
    RETURN_VALUE = 84, false;
    /// `[x] -> [sent]`: suspend the generator, yielding x; resumes with the value
    /// sent (None for `next`).
    YIELD_VALUE = 85, false;
    /// `[obj] -> [iter]`: iter(obj), generators unchanged (for `yield from`).
    GET_YIELD_FROM_ITER = 86, false;
    /// `[it v] -> [it y]`: send v into it (next() when v is None and it is no
    /// generator) giving y; when it finishes: `[it v] -> [result]` and jump to arg.
    SEND = 87, true;
    /// `[] -> [__build_class__]`
    LOAD_BUILD_CLASS = 88, false;

    // ---- exceptions ------------------------------------------------------
    /// arg 0: re-raise the exception being handled; 1: `[exc] -> raise exc`;
    /// 2: `[exc cause] -> raise exc from cause`.
    RAISE_VARARGS = 90, true;
    /// `[exc] -> raise exc` keeping its traceback.
    RERAISE = 91, false;
    /// `[exc] -> [prev exc]`: prev = the exception being handled (None if none);
    /// exc becomes the exception being handled.
    PUSH_EXC_INFO = 92, false;
    /// `[prev] -> []`: the exception being handled becomes prev again.
    POP_EXCEPT = 93, false;
    /// `[exc type] -> [exc matches]`: isinstance(exc, type), type a class or tuple.
    CHECK_EXC_MATCH = 94, false;
    /// `[] -> [AssertionError]`
    LOAD_ASSERTION_ERROR = 95, false;
    /// `[mgr] -> [exit enter_result]`: exit = bound mgr.__exit__, enter_result =
    /// mgr.__enter__(). TypeError if mgr is no context manager.
    BEFORE_WITH = 96, false;
    /// `[exit] -> []`: exit(None, None, None), result discarded.
    WITH_EXIT = 97, false;
    /// `[exit prev exc] -> [exit prev exc result]`: result = exit(type(exc), exc, tb).
    WITH_EXCEPT_START = 98, false;

    // ---- modules -----------------------------------------------------------
    /// `[level fromlist] -> [module]`: import names[arg]; for a dotted name the
    /// top package when fromlist is None, else the named submodule.
    IMPORT_NAME = 100, true;
    /// `[module] -> [module attr]`: attr = module.names[arg]; ImportError if missing.
    IMPORT_FROM = 101, true;
    /// `[module] -> []`: copy the module's public names into the locals.
    IMPORT_STAR = 102, false;

    // ---- interactive ---------------------------------------------------------
    /// `[x] -> []`: REPL: print repr(x) unless None, store it as builtins `_`.
    PRINT_EXPR = 110, false;
}

/// Operand of [`Op::BINARY_OP`]; in-place variants are `op as u16 + INPLACE`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `-`
    Sub = 1,
    /// `*`
    Mul = 2,
    /// `@`
    MatMul = 3,
    /// `/`
    TrueDiv = 4,
    /// `//`
    FloorDiv = 5,
    /// `%`
    Mod = 6,
    /// `**`
    Pow = 7,
    /// `<<`
    LShift = 8,
    /// `>>`
    RShift = 9,
    /// `&`
    And = 10,
    /// `|`
    Or = 11,
    /// `^`
    Xor = 12,
}

/// Added to a [`BinOp`] operand for the augmented-assignment form (`+=` ...).
pub const INPLACE: u16 = 16;

impl BinOp {
    /// All operators, indexed by their value.
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];

    /// Decodes a BINARY_OP operand into the operator and whether it is in-place.
    pub fn decode(arg: u16) -> Option<(BinOp, bool)> {
        let inplace = arg & INPLACE != 0;
        let op = *BinOp::ALL.get((arg & !INPLACE) as usize)?;
        if arg & !(INPLACE | 15) != 0 {
            return None;
        }
        Some((op, inplace))
    }

    /// The operator as written in Python (`+`, `//` ...).
    pub fn symbol(self) -> &'static str {
        [
            "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
        ][self as usize]
    }

    /// The special method name (`__add__` ...).
    pub fn dunder(self) -> &'static str {
        [
            "__add__",
            "__sub__",
            "__mul__",
            "__matmul__",
            "__truediv__",
            "__floordiv__",
            "__mod__",
            "__pow__",
            "__lshift__",
            "__rshift__",
            "__and__",
            "__or__",
            "__xor__",
        ][self as usize]
    }

    /// The reflected special method name (`__radd__` ...).
    pub fn rdunder(self) -> &'static str {
        [
            "__radd__",
            "__rsub__",
            "__rmul__",
            "__rmatmul__",
            "__rtruediv__",
            "__rfloordiv__",
            "__rmod__",
            "__rpow__",
            "__rlshift__",
            "__rrshift__",
            "__rand__",
            "__ror__",
            "__rxor__",
        ][self as usize]
    }

    /// The in-place special method name (`__iadd__` ...).
    pub fn idunder(self) -> &'static str {
        [
            "__iadd__",
            "__isub__",
            "__imul__",
            "__imatmul__",
            "__itruediv__",
            "__ifloordiv__",
            "__imod__",
            "__ipow__",
            "__ilshift__",
            "__irshift__",
            "__iand__",
            "__ior__",
            "__ixor__",
        ][self as usize]
    }
}

/// Operand of [`Op::COMPARE_OP`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum CmpOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CmpOp {
    /// Decodes a COMPARE_OP operand.
    pub fn decode(arg: u16) -> Option<CmpOp> {
        Some(match arg {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            5 => CmpOp::Ge,
            _ => return None,
        })
    }

    /// The operator as written in Python.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The special method name (`__lt__` ...).
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// MAKE_FUNCTION operand bit: a tuple of positional defaults is on the stack.
pub const MF_DEFAULTS: u16 = 1;
/// MAKE_FUNCTION operand bit: a dict of keyword-only defaults is on the stack.
pub const MF_KWDEFAULTS: u16 = 2;
/// MAKE_FUNCTION operand bit: a tuple of closure cells is on the stack.
pub const MF_CLOSURE: u16 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_bytes_round_trip() {
        for b in 0..=255u8 {
            if let Some(op) = Op::from_u8(b) {
                assert_eq!(op as u8, b);
                assert!(!op.name().is_empty());
            }
        }
    }

    #[test]
    fn binop_decoding() {
        assert_eq!(BinOp::decode(0), Some((BinOp::Add, false)));
        assert_eq!(BinOp::decode(INPLACE + 7), Some((BinOp::Pow, true)));
        assert_eq!(BinOp::decode(13), None);
        assert_eq!(BinOp::decode(40), None);
    }
}
