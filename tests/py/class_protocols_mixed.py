# classes with protocols, context managers, finally flow, error messages
class Base:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"{type(self).__name__}({self.name!r})"
    def __eq__(self, o): return isinstance(o, Base) and self.name == o.name
    def __hash__(self): return hash(self.name)
    def __lt__(self, o): return self.name < o.name
class Child(Base):
    @classmethod
    def make(cls, n): return cls(n)
    @staticmethod
    def helper(x): return x * 2
    @property
    def upper(self): return self.name.upper()
c = Child.make('bob')
print(c, c.upper, Child.helper(3), c == Child('bob'), {c: 1})
print(sorted([Child('b'), Child('a')]), str(c), [c], (c,))
class Ctx:
    def __enter__(self): print('enter'); return self
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None, v)
        return t is ValueError
with Ctx() as cx:
    raise ValueError('boom')
print('after with')
def f():
    try:
        return 'try'
    finally:
        print('finally runs')
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('fin', i)
    return i
print(g())
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    __radd__ = __add__
    def __repr__(self): return 'V(%d)' % self.x
    def __iter__(self): yield self.x; yield -self.x
    def __len__(self): return 2
    def __getitem__(self, i): return [self.x, -self.x][i]
    def __bool__(self): return self.x != 0
print(V(1) + V(2), 5 + V(1), sum([V(1), V(2)], V(0)), list(V(3)), len(V(0)), bool(V(0)), V(4)[1])
errs = [lambda: [][0], lambda: {}['k'], lambda: None.x, lambda: 1 + 'a', lambda: int('z'),
        lambda: [].pop(), lambda: undefined_name, lambda: 1 / 0, lambda: 'a'.index('b'),
        lambda: (1, 2)[5], lambda: len(5), lambda: f(1), lambda: object().foo, lambda: float('x'),
        lambda: {}.pop('a'), lambda: set().pop(), lambda: 'abc'[1:2:0], lambda: int(None), lambda: iter(1)]
for e in errs:
    try:
        e()
    except Exception as ex:
        print(type(ex).__name__, ex)
print('é'.encode(), 'ß'.upper(), 'ǅ'.lower(), 'abc'.center(9, '*'), '  x '.strip(), 'a,b,,c'.split(','))
print('{0} {1} {0}'.format('a', 'b'), '{x}'.format(x=5), '%s %r' % ('s', 's'), '%(a)s' % {'a': 1})
print(repr('a\nb\t\x00\'"'), repr("it's"), ascii('é'))
import sys
print(sys.argv[0].endswith('.py'), type(sys.version), sys.maxsize > 0)
print(list(enumerate('ab', 1)), list(zip(*[(1, 2), (3, 4)])), list(reversed([1, 2, 3])))
print([x for x in range(3) for y in range(2) if x != y])
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(2 ** 100, -2 ** 63, (2 ** 64) // 3, hex(2 ** 70), 10 ** 20 % 7, -(10 ** 20) // 7)
print(1 < 2 < 3, 1 < 3 < 2, (1, 2) < (1, 3), [1, 2] == [1, 2], 'a' < 'b')
x = 10
def h():
    global x
    x += 1
h(); print(x)
print(type(lambda: 0).__name__, type(print).__name__, type(h).__name__)
