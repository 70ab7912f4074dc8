# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()).__name__)
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3), g(*'abc'))
def h(a, b=2, *args, **kw):
    return a, b, args, kw
print(h(1))
print(h(1, 2, 3, 4))
print(h(1, x=1))
print(h(1, 2, 3, y=4, z=5))
print(h(*range(5), **{'k': 'v'}))
def call_through(*a, **k):
    return h(*a, **k)
print(call_through(9, 8, 7, w=6))
args = (1, 2)
kwargs = {'c': 3}
def abc(a, b, c):
    return a * 100 + b * 10 + c
print(abc(*args, **kwargs), abc(*(1,), *(2, 3)), abc(1, *[2], **{'c': 9}))
print(abc(*[i for i in range(3)]))
print(abc(*iter([4, 5, 6])))
def gen():
    yield 7
    yield 8
    yield 9
print(abc(*gen()))
print(f(*{'x': 1, 'y': 2}))
def count(*a, **k):
    return len(a), len(k)
print(count(*range(100), **{str(i): i for i in range(20)}))
try:
    abc(*[1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    abc(*5)
except TypeError as e:
    print('TypeError', e)
try:
    abc(**[1])
except TypeError as e:
    print('TypeError', e)
