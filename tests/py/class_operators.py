# arithmetic operator overloading, reflected and in-place operators
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Vec(%r, %r)' % (self.x, self.y)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print('radd')
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __and__(self, o):
        return 'and'
    def __or__(self, o):
        return 'or'
    def __xor__(self, o):
        return 'xor'
    def __lshift__(self, o):
        return 'lshift %r' % o
    def __rshift__(self, o):
        return 'rshift %r' % o
    def __rsub__(self, o):
        return Vec(o - self.x, o - self.y)
    def __rtruediv__(self, o):
        return 'rtruediv'
    def __rpow__(self, o):
        return 'rpow %r' % o
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
v = Vec(3, 4)
w = Vec(1, 2)
print(v + w, v - w, v * 2, 2 * v, v / 2, v // 2, v % 2, v ** 2, -v, +v, abs(v), ~v, v @ w)
print(v + 1, 1 + v, 10 - v, 1 / v, 2 ** v, v & w, v | w, v ^ w, v << 1, v >> 2)
print(sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)))
try:
    v + 'str'
except TypeError as e:
    print('TypeError', e)
try:
    'str' + v
except TypeError as e:
    print('TypeError', e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        print('iadd')
        self.items.append(x)
        return self
    def __add__(self, x):
        print('add')
        return self
a = Acc()
b = a
a += 1
a += 2
print(a.items, a is b)
u = Vec(1, 1)
u0 = u
u += Vec(1, 1)
print(u, u0, u is u0)
u *= 3
print(u)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NotImplemented
class RNum:
    def __radd__(self, o):
        return 'RNum.radd with ' + type(o).__name__
print(Num(1) + RNum())
try:
    Num(1) + Num(2)
except TypeError as e:
    print('TypeError', e)
class Base:
    def __add__(self, o):
        return 'Base.add'
    def __radd__(self, o):
        return 'Base.radd'
class Derived(Base):
    def __radd__(self, o):
        return 'Derived.radd'
print(Base() + Derived())
try:
    -object()
except TypeError as e:
    print('TypeError', e)
try:
    ~'s'
except TypeError as e:
    print('TypeError', e)
try:
    abs('s')
except TypeError as e:
    print('TypeError', e)
class Idx:
    def __index__(self):
        return 3
print([0, 1, 2, 3, 4][Idx()], 'abcdef'[Idx():], bin(Idx()), hex(Idx()), range(Idx()), 'x' * Idx())
