# staticmethod and classmethod
class Temp:
    unit = 'C'
    instances = 0
    def __init__(self, deg):
        self.deg = deg
        Temp.instances += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return '%s in %s' % (cls.__name__, cls.unit)
    def f(self):
        return self.c_to_f(self.deg)
print(Temp.c_to_f(100), Temp(0).c_to_f(37), Temp(25).f())
t = Temp.from_f(212)
print(type(t).__name__, t.deg, Temp.describe(), t.describe())
class Kelvin(Temp):
    unit = 'K'
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg, Kelvin.describe(), Temp.instances)
class Registry:
    items = []
    @classmethod
    def register(cls, x):
        cls.items.append(x)
        return len(cls.items)
print(Registry.register('a'), Registry.register('b'), Registry.items)
sm = staticmethod(lambda: 'raw static')
class Holder:
    f = sm
    g = classmethod(lambda cls: cls.__name__)
print(Holder.f(), Holder().f(), Holder.g(), Holder().g())
print(type(Temp.__dict__['c_to_f']).__name__, type(Temp.__dict__['from_f']).__name__)
print(callable(Temp.c_to_f), Temp.c_to_f.__name__)
class Counter:
    n = 0
    @classmethod
    def inc(cls):
        cls.n += 1
        return cls.n
class SubCounter(Counter):
    pass
Counter.inc(); Counter.inc(); SubCounter.inc()
print(Counter.n, SubCounter.n)
class Util:
    @staticmethod
    def add(a, b=1, *rest, **kw):
        return a + b + sum(rest) + sum(kw.values())
print(Util.add(1), Util.add(1, 2, 3, x=4), Util().add(a=5, b=5))
