# keyword arguments
def f(a, b, c=0):
    return (a, b, c)
print(f(1, 2), f(b=2, a=1), f(1, c=3, b=2), f(c=1, b=2, a=3))
def g(**kw):
    return kw
print(g(), g(x=1), g(y=2, x=1))
def h(a, **kw):
    return a, kw
print(h(1, b=2, c=3), h(a=5), h(1, **{'a2': 2}))
d = {'a': 1, 'b': 2}
print(f(**d), f(**d, c=5), f(*[1], **{'b': 7}))
try:
    f(1, 2, a=3)
except TypeError as e:
    print('TypeError', e)
try:
    f(1, 2, d=4)
except TypeError as e:
    print('TypeError', e)
try:
    f(1, **{'b': 2, 'zz': 5})
except TypeError as e:
    print('TypeError', e)
try:
    g(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('TypeError', e)
try:
    f(**{1: 2})
except TypeError as e:
    print('TypeError', e)
try:
    f(c=3)
except TypeError as e:
    print('TypeError', e)
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
print(dict(a=1, b=2))
def kwonly_after_var(*args, sep='-'):
    return sep.join(str(a) for a in args)
print(kwonly_after_var(1, 2, 3), kwonly_after_var(1, 2, sep='+'))
class C:
    def m(self, x, y=10):
        return x + y
print(C().m(1), C().m(x=1, y=2), C.m(C(), y=1, x=5))
try:
    C().m(self=1, x=2)
except TypeError as e:
    print('TypeError', e)
