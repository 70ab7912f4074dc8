# isinstance / issubclass with builtins, tuples and user classes
vals = [0, True, 1.5, 'ab', b'ab', bytearray(), [1], (1,), {1: 2}, {1}, frozenset(), None, range(2), len, object()]
types = [int, bool, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, type(None), range, object]
for v in vals:
    print(type(v).__name__, [t.__name__ for t in types if isinstance(v, t)])
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(type, object), issubclass(object, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, type), type(type) is type, type(object) is type)
print(isinstance(1, (str, int)), isinstance(1, (str, (bytes, int))), isinstance('x', ()), issubclass(bool, (str, int)))
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (C, A)), issubclass(C, A))
try:
    isinstance(1, 1)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(int, [int])
except TypeError as e:
    print('TypeError', e)
print(type(1) == int, type(True) == int, type(B()) is B, type(B()) is A)
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), isinstance(KeyError, type))
print(type(A).__name__, type(len).__name__, type(print).__name__)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__, type((x for x in [])).__name__)
print(type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__)
