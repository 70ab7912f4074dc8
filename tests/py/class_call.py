# __call__ and callable objects
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (x + self.n + sum(more)) * scale
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), callable(a), callable(Adder), callable(5), callable(print), callable(lambda: 0))
print(list(map(Adder(1), [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print('TypeError', e)
five = 5
try:
    five()
except TypeError as e:
    print('TypeError', e)
text = 'str'
try:
    text()
except TypeError as e:
    print('TypeError', e)
nothing = None
try:
    nothing()
except TypeError as e:
    print('TypeError', e)
class Counter:
    def __init__(self):
        self.count = 0
    def __call__(self):
        self.count += 1
        return self.count
c = Counter()
c(); c()
print(c(), c.count)
class Factory:
    def __call__(self, cls):
        return cls()
print(type(Factory()(list)).__name__, Factory()(dict))
class M:
    def method(self, x):
        return x * 2
bound = M().method
print(bound(21), callable(bound), bound.__name__)
unbound = M.method
print(unbound(M(), 4))
f = getattr(M(), 'method')
print(f(5))
class Chain:
    def __call__(self, *a):
        return self
print(Chain()(1)(2)(3) is not None)
