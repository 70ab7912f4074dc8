# iterator protocol: __iter__ / __next__
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(CountDown(5)))
c = CountDown(3)
print(next(c), next(c), next(c), next(c, 'exhausted'))
for v in CountDown(2):
    print('v', v)
print(sum(CountDown(10)), max(CountDown(4)), sorted(CountDown(3)), list(zip(CountDown(3), 'abc')))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
r = Range2(7)
print(list(r), list(r), 4 in r, 5 in r)
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __iter__(self):
        return iter((self.a, self.b))
x, y = Pair(1, 2)
print(x, y, dict([Pair('k', 'v')]), tuple(Pair(3, 4)))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError', e)
class NotIter:
    def __next__(self):
        return 1
try:
    for i in NotIter():
        pass
except TypeError as e:
    print('TypeError', e)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError', e)
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)))
it = iter(CountDown(4))
print(next(it), list(it))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, (Tree(2, (Tree(3),)), Tree(4)))
print(list(t))
print(list(enumerate(CountDown(3), 1)), list(map(str, CountDown(2))), list(filter(None, CountDown(3))))
