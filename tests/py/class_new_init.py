# __new__ and __init__
class Single:
    _inst = None
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('init', v)
        self.v = v
s1 = Single(1)
s2 = Single(2)
print(s1 is s2, s1.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never runs')
print(NotMine())
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, type(Pos(3)).__name__)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('shout')
print(u, len(u), u.lower(), isinstance(u, str))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p + (5,))
class InitReturns:
    def __init__(self):
        return None
print(type(InitReturns()).__name__)
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print('TypeError', e)
class Tracked:
    created = []
    def __init__(self, name):
        self.name = name
        Tracked.created.append(name)
for n in 'abc':
    Tracked(n)
print(Tracked.created)
obj = object.__new__(Tracked)
print(hasattr(obj, 'name'), type(obj).__name__)
class WithDefaults:
    def __init__(self, a, b=2, *args, c=3, **kw):
        self.all = (a, b, args, c, kw)
print(WithDefaults(1).all, WithDefaults(1, 5, 6, c=7, d=8).all)
