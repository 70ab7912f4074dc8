# rich comparison and hashing
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print('eq', self.v, getattr(o, 'v', o))
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return 'V%d' % self.v
a, b = V(1), V(2)
print(a == V(1), a != b, a < b, a <= b, b > a, b >= a)
print(a == 1)
print(sorted([V(3), V(1), V(2)]), max(V(5), V(9)), min([V(4), V(0)]))
class NoEq:
    pass
x, y = NoEq(), NoEq()
print(x == x, x == y, x != y, x is x)
try:
    x < y
except TypeError as e:
    print('TypeError', e)
class OnlyEq:
    def __eq__(self, o):
        return 'truthy'
print(OnlyEq() == 1, OnlyEq() != 1)
class NotImpl:
    def __eq__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() == 5)
try:
    NotImpl() < NotImpl()
except TypeError as e:
    print('TypeError', e)
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print('Rev.__gt__ called')
        return self.v > o
print(3 < Rev(5))
class Ordered:
    def __init__(self, k):
        self.k = k
    def __lt__(self, o):
        return self.k < o.k
    def __gt__(self, o):
        return self.k > o.k
    def __repr__(self):
        return 'O(%s)' % self.k
print(sorted([Ordered('b'), Ordered('c'), Ordered('a')]), Ordered(1) > Ordered(0))
class Hashed:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
    def __hash__(self):
        return 7
d = {Hashed(1): 'a', Hashed(2): 'b'}
print(d[Hashed(2)], len(d))
class EqNoHash:
    def __eq__(self, o):
        return True
print(EqNoHash.__hash__)
class Sub(V):
    def __eq__(self, o):
        print('Sub.eq first')
        return True
print(V(1) == Sub(2))
