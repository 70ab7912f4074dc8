# assorted language features in one program
x = [1, 2, 3]
a, *b = x
print(a, b)
print(*x, sep=', ')
d = {k: v for k, v in zip('abc', range(3))}
print(sorted(d.items(), key=lambda kv: -kv[1]))
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
f = outer(); f(); print(f())
class A:
    cnt = 0
    def __init__(self): A.cnt += 1
A(); A(); print(A.cnt)
print('%5.2f|%-5d|%x' % (3.14159, 42, 255))
print('{:>8}|{:<6}|{:^7}|{:08.3f}'.format('a', 'b', 'c', 2.5))
print(f"{'x'!r:>5} {3.0:g} {1e-7} {123456789.0} {1/3:.3}")
print(list(map(str, range(3))), list(filter(None, [0, 1, 2])))
print(any(x > 2 for x in x), all([]))
s = "Hello, World"
print(s.lower().count('l'), s[::-1], s.split(', '), s.find('World'))
print(int('ff', 16), int('0b101', 0), float('1e3'), round(2.5), round(3.5), round(2.675, 2))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, 2 ** -1)
print(max([3, 1, 2]), min('bca'), sum([0.1] * 3))
try:
    raise KeyError('x')
except LookupError as e:
    print('caught', repr(e))
import math
print(math.sqrt(2), math.pi, math.floor(-1.5), math.gcd(12, 18))
print(bytes([65, 66]), bytearray(b'xy'), b'abc'.hex())
print(isinstance(True, int), type(None).__name__, callable(len))
print([i for i in range(20) if i % 3 == 0][::2])
g = (i * i for i in range(4))
print(next(g), list(g))
print(chr(9731), ord('€'), '\u00e9'.upper())
print(str(1e16), repr(0.1 + 0.2), 1e300 * 1e10, -0.0)
print(hash(1) == hash(1.0), {1: 'a', 1.0: 'b'})
print(sorted({3, 1, 2}), set('aab') == {'a', 'b'})
def gen():
    x = yield 1
    print('got', x)
    yield 2
g = gen(); print(next(g)); print(g.send('hi'))
print(globals()['a'], 'a' in dir())
