# keyword-only and positional-only parameters
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, b=2, c=4), f(a=0, b=0))
try:
    f(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    f(1)
except TypeError as e:
    print('TypeError', e)
def g(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f
print(g(1, 2, 3, e=5))
print(g(1, 2, c=3, d=0, e=5, f=7))
try:
    g(a=1, b=2, c=3, e=5)
except TypeError as e:
    print('TypeError', e)
def p(x, /):
    return x
print(p(5))
try:
    p(x=5)
except TypeError as e:
    print('TypeError', e)
def q(x, /, **kw):
    return x, kw
print(q(1, x=2))
def r(*, only):
    return only
print(r(only='yes'))
try:
    r()
except TypeError as e:
    print('TypeError', e)
try:
    r(1)
except TypeError as e:
    print('TypeError', e)
def s(a, /, b, *args, c, **kw):
    return a, b, args, c, kw
print(s(1, 2, 3, 4, c=5, d=6))
print(s(1, b=2, c=3))
def t(*, a, b):
    return a - b
print(t(b=1, a=10))
try:
    t(a=1)
except TypeError as e:
    print('TypeError', e)
print(f.__kwdefaults__)
lam = lambda a, /, b, *, c: (a, b, c)
print(lam(1, 2, c=3), lam(1, b=2, c=3))
