//! Builtin types: static descriptions, never heap objects.
//!
//! A builtin type is the immediate `Value::imm(imm::TYPE, id)`. Its name,
//! base and methods live in [`TYPES`] (flash on the device), so they cost no
//! heap and no start-up time.

use crate::native::{NativeDef, NativeFn};
use crate::objects;

macro_rules! type_ids {
    ($( $id:ident = $name:literal, $base:ident, $methods:expr, $new:expr; )*) => {
        /// Builtin type ids.
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub enum TypeId { $( $id, )* }

        /// Static description of every builtin type, indexed by [`TypeId`].
        pub static TYPES: &[TypeInfo] = &[
            $( TypeInfo { name: $name, base: TypeId::$base, methods: $methods, new: $new }, )*
        ];

        impl TypeId {
            /// All ids in order.
            pub const ALL: &'static [TypeId] = &[ $( TypeId::$id, )* ];
        }
    };
}

/// A builtin type's static description.
pub struct TypeInfo {
    /// `__name__`
    pub name: &'static str,
    /// The single base (`object`'s base is itself).
    pub base: TypeId,
    /// Methods and other attributes implemented natively.
    pub methods: &'static [NativeDef],
    /// Constructor: called with the call's arguments (not the type).
    pub new: Option<NativeFn>,
}

const NONE: &[NativeDef] = &[];

type_ids! {
    Object = "object", Object, objects::object::METHODS, Some(objects::object::new);
    Type = "type", Object, objects::class::TYPE_METHODS, Some(objects::class::type_new);
    NoneType = "NoneType", Object, NONE, None;
    NotImplementedType = "NotImplementedType", Object, NONE, None;
    Ellipsis = "ellipsis", Object, NONE, None;
    Int = "int", Object, objects::int::METHODS, Some(objects::int::new);
    Bool = "bool", Int, NONE, Some(objects::int::bool_new);
    Float = "float", Object, objects::float::METHODS, Some(objects::float::new);
    Str = "str", Object, objects::str::METHODS, Some(objects::str::new);
    Bytes = "bytes", Object, objects::bytes::BYTES_METHODS, Some(objects::bytes::bytes_new);
    ByteArray = "bytearray", Object, objects::bytes::BYTEARRAY_METHODS, Some(objects::bytes::bytearray_new);
    List = "list", Object, objects::list::METHODS, Some(objects::list::new);
    Tuple = "tuple", Object, objects::tuple::METHODS, Some(objects::tuple::new);
    Dict = "dict", Object, objects::dict::METHODS, Some(objects::dict::new);
    Set = "set", Object, objects::set::SET_METHODS, Some(objects::set::set_new);
    FrozenSet = "frozenset", Object, objects::set::FROZENSET_METHODS, Some(objects::set::frozenset_new);
    Range = "range", Object, objects::range::METHODS, Some(objects::range::new);
    Slice = "slice", Object, objects::range::SLICE_METHODS, Some(objects::range::slice_new);
    Function = "function", Object, objects::function::METHODS, None;
    BuiltinFunction = "builtin_function_or_method", Object, NONE, None;
    Method = "method", Object, NONE, None;
    Generator = "generator", Object, objects::generator::METHODS, None;
    Module = "module", Object, NONE, None;
    Cell = "cell", Object, NONE, None;
    Code = "code", Object, NONE, None;
    Property = "property", Object, objects::function::PROPERTY_METHODS, Some(objects::function::property_new);
    StaticMethod = "staticmethod", Object, NONE, Some(objects::function::staticmethod_new);
    ClassMethod = "classmethod", Object, NONE, Some(objects::function::classmethod_new);
    Super = "super", Object, NONE, Some(objects::class::super_new);
    Traceback = "traceback", Object, NONE, None;
    Iterator = "iterator", Object, objects::iter::METHODS, None;
    Enumerate = "enumerate", Object, objects::iter::METHODS, Some(objects::iter::enumerate_new);
    Zip = "zip", Object, objects::iter::METHODS, Some(objects::iter::zip_new);
    Map = "map", Object, objects::iter::METHODS, Some(objects::iter::map_new);
    Filter = "filter", Object, objects::iter::METHODS, Some(objects::iter::filter_new);
    Reversed = "reversed", Object, objects::iter::METHODS, Some(objects::iter::reversed_new);
    DictKeys = "dict_keys", Object, objects::dict::VIEW_METHODS, None;
    DictValues = "dict_values", Object, objects::dict::VIEW_METHODS, None;
    DictItems = "dict_items", Object, objects::dict::VIEW_METHODS, None;
    // Exceptions (keep BaseException first and Warning-family last).
    BaseException = "BaseException", Object, objects::exception::METHODS, Some(objects::exception::new);
    SystemExit = "SystemExit", BaseException, NONE, Some(objects::exception::new);
    KeyboardInterrupt = "KeyboardInterrupt", BaseException, NONE, Some(objects::exception::new);
    GeneratorExit = "GeneratorExit", BaseException, NONE, Some(objects::exception::new);
    Exception = "Exception", BaseException, NONE, Some(objects::exception::new);
    StopIteration = "StopIteration", Exception, NONE, Some(objects::exception::new);
    ArithmeticError = "ArithmeticError", Exception, NONE, Some(objects::exception::new);
    OverflowError = "OverflowError", ArithmeticError, NONE, Some(objects::exception::new);
    ZeroDivisionError = "ZeroDivisionError", ArithmeticError, NONE, Some(objects::exception::new);
    FloatingPointError = "FloatingPointError", ArithmeticError, NONE, Some(objects::exception::new);
    AssertionError = "AssertionError", Exception, NONE, Some(objects::exception::new);
    AttributeError = "AttributeError", Exception, NONE, Some(objects::exception::new);
    BufferError = "BufferError", Exception, NONE, Some(objects::exception::new);
    EOFError = "EOFError", Exception, NONE, Some(objects::exception::new);
    ImportError = "ImportError", Exception, NONE, Some(objects::exception::new);
    ModuleNotFoundError = "ModuleNotFoundError", ImportError, NONE, Some(objects::exception::new);
    LookupError = "LookupError", Exception, NONE, Some(objects::exception::new);
    IndexError = "IndexError", LookupError, NONE, Some(objects::exception::new);
    KeyError = "KeyError", LookupError, NONE, Some(objects::exception::new);
    MemoryError = "MemoryError", Exception, NONE, Some(objects::exception::new);
    NameError = "NameError", Exception, NONE, Some(objects::exception::new);
    UnboundLocalError = "UnboundLocalError", NameError, NONE, Some(objects::exception::new);
    OSError = "OSError", Exception, NONE, Some(objects::exception::new);
    FileNotFoundError = "FileNotFoundError", OSError, NONE, Some(objects::exception::new);
    FileExistsError = "FileExistsError", OSError, NONE, Some(objects::exception::new);
    IsADirectoryError = "IsADirectoryError", OSError, NONE, Some(objects::exception::new);
    NotADirectoryError = "NotADirectoryError", OSError, NONE, Some(objects::exception::new);
    PermissionError = "PermissionError", OSError, NONE, Some(objects::exception::new);
    TimeoutError = "TimeoutError", OSError, NONE, Some(objects::exception::new);
    RuntimeError = "RuntimeError", Exception, NONE, Some(objects::exception::new);
    NotImplementedError = "NotImplementedError", RuntimeError, NONE, Some(objects::exception::new);
    RecursionError = "RecursionError", RuntimeError, NONE, Some(objects::exception::new);
    SyntaxError = "SyntaxError", Exception, NONE, Some(objects::exception::new);
    IndentationError = "IndentationError", SyntaxError, NONE, Some(objects::exception::new);
    TabError = "TabError", IndentationError, NONE, Some(objects::exception::new);
    SystemError = "SystemError", Exception, NONE, Some(objects::exception::new);
    TypeError = "TypeError", Exception, NONE, Some(objects::exception::new);
    ValueError = "ValueError", Exception, NONE, Some(objects::exception::new);
    UnicodeError = "UnicodeError", ValueError, NONE, Some(objects::exception::new);
    UnicodeDecodeError = "UnicodeDecodeError", UnicodeError, NONE, Some(objects::exception::new);
    UnicodeEncodeError = "UnicodeEncodeError", UnicodeError, NONE, Some(objects::exception::new);
    Warning = "Warning", Exception, NONE, Some(objects::exception::new);
    UserWarning = "UserWarning", Warning, NONE, Some(objects::exception::new);
    DeprecationWarning = "DeprecationWarning", Warning, NONE, Some(objects::exception::new);
    RuntimeWarning = "RuntimeWarning", Warning, NONE, Some(objects::exception::new);
}

impl TypeId {
    /// The static description.
    #[inline]
    pub fn info(self) -> &'static TypeInfo {
        &TYPES[self as usize]
    }

    /// The type's name.
    #[inline]
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// From an immediate payload.
    pub fn from_index(i: u32) -> Option<TypeId> {
        TypeId::ALL.get(i as usize).copied()
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subtype(self, other: TypeId) -> bool {
        let mut t = self;
        loop {
            if t == other {
                return true;
            }
            if t == TypeId::Object {
                return false;
            }
            t = t.info().base;
        }
    }

    /// Whether this is an exception type.
    pub fn is_exception(self) -> bool {
        self as u8 >= TypeId::BaseException as u8
    }

    /// Looks up a builtin type by name (for the builtins namespace).
    pub fn by_name(name: &str) -> Option<TypeId> {
        TypeId::ALL.iter().copied().find(|t| t.name() == name)
    }
}
