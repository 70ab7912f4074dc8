# metaclasses, __slots__, name mangling, builtin subclasses, f-string specs
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class A(metaclass=Meta):
    pass
print(A.tag, type(A).__name__, isinstance(A, Meta))
class S:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
s = S(); print(s.x)
class P:
    def __init__(self): self.__priv = 5
    def get(self): return self.__priv
print(P().get(), hasattr(P(), '_P__priv'))
o = P(); o.__dict__['z'] = 3; print(o.z, sorted(vars(o)))
class Q: pass
q = Q(); setattr(q, 'a', 1); print(getattr(q, 'a'), getattr(q, 'b', 'dflt'))
print(Q.__name__, Q.__qualname__, Q.__module__, Q.__bases__, Q.__mro__)
def deco(cls):
    cls.added = True
    return cls
@deco
class R: pass
print(R.added)
class Num(int):
    def double(self): return self * 2
n = Num(21); print(n.double(), n + 1, isinstance(n, int), repr(n))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3]); l.append(4); print(l.total(), len(l), l[0], l)
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['bb'], 'bb' in d)
class St(str):
    def shout(self): return self.upper() + '!'
print(St('hi').shout(), St('a') + 'b')
print(type('X', (object,), {'v': 1})().v)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E('bad', 7)
except E as e:
    print(e, e.code, e.args, repr(e))
import gc
print(type(gc.collect()).__name__)
x = 5
print(f"{x!r:>4}", f"{x:{'>'}{4}}", f"{{x}}", f"{x=}", f"{3.14159:.2f}", f"{1000000:,}", f"{255:#x}")
print(str.join('-', ['a', 'b']), str.upper('q'))
print(sorted(['b', 'A', 'c'], key=str.lower), list(map(int, '123')))
print(int.__name__, (5).__class__.__name__, 3 .bit_length())
