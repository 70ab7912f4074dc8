# decorators
def trace(fn):
    def wrapper(*args, **kw):
        print('call', fn.__name__, args, kw)
        r = fn(*args, **kw)
        print('ret', r)
        return r
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=6)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def d1(fn):
    print('applying d1')
    return lambda: 'd1(' + fn() + ')'
def d2(fn):
    print('applying d2')
    return lambda: 'd2(' + fn() + ')'
@d1
@d2
def base():
    return 'base'
print(base())
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register('double')
def dbl(x):
    return 2 * x
@register('neg')
def neg(x):
    return -x
print(sorted(registry), registry['double'](21), registry['neg'](4))
def add_attr(cls):
    cls.tag = 'decorated'
    return cls
@add_attr
class K:
    pass
print(K.tag)
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
deco_list = [trace]
@deco_list[0]
def sub(a, b):
    return a - b
sub(9, 4)
@(lambda f: f)
def ident():
    return 'lambda decorator'
print(ident())
