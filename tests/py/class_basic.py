# class basics: attributes, methods, instances
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.__name__, Point.__doc__)
p.move(1, 1).move(1, 1)
print(p.x, p.y)
p.z = 'dynamic'
print(p.z, p.__dict__)
q = Point(0, 0)
print(hasattr(q, 'z'), q.__dict__)
Point.dims = 3
print(p.dims, q.dims)
p.dims = 'own'
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object))
m = p.norm2
print(m(), Point.norm2(p))
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a, Empty.__name__, type(Empty).__name__)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(5)]
print(Counter.count, [c.id for c in cs])
try:
    p.nope
except AttributeError as e:
    print('AttributeError', e)
try:
    Point.nope
except AttributeError as e:
    print('AttributeError', e)
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
try:
    Point.norm2()
except TypeError as e:
    print('TypeError', e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print('TypeError', e)
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(Chain().add(1).add(2).items)
def free_func(self):
    return 'bound ' + type(self).__name__
Point.ff = free_func
print(p.ff())
print(getattr(p, 'x'), getattr(p, 'nope', 'dflt'))
setattr(p, 'w', 9)
print(p.w)
class WithClassAttrList:
    shared = []
    def add(self, v):
        self.shared.append(v)
a1, a2 = WithClassAttrList(), WithClassAttrList()
a1.add(1)
a2.add(2)
print(WithClassAttrList.shared)
class Outer:
    class Inner:
        v = 'inner'
    def get(self):
        return self.Inner.v
print(Outer().get(), Outer.Inner.__name__)
