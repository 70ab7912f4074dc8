# default arguments
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9), f(a=0))
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2), g(3, []), g(4))
def h(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(h(), h())
n = 10
def k(v=n):
    return v
n = 20
print(k())
def side():
    print('default evaluated')
    return 0
def m(p=side()):
    return p
print(m(), m(), m(5))
print(f.__defaults__)
def e(a, b=1):
    return a * b
try:
    e()
except TypeError as ex:
    print('TypeError', ex)
try:
    e(1, 2, 3)
except TypeError as ex:
    print('TypeError', ex)
try:
    f(1, 2, 3, 4)
except TypeError as ex:
    print('TypeError', ex)
def noargs():
    return 'none'
try:
    noargs(1)
except TypeError as ex:
    print('TypeError', ex)
def two(a, b):
    pass
try:
    two(1)
except TypeError as ex:
    print('TypeError', ex)
try:
    two()
except TypeError as ex:
    print('TypeError', ex)
def three(a, b, c):
    pass
try:
    three()
except TypeError as ex:
    print('TypeError', ex)
