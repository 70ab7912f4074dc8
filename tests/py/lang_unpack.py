# tuple / list unpacking
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(a, b), c = (3, 4), 5
print(a, b, c)
[x, y, z] = 'xyz'
print(x, y, z)
p, q = [10, 20]
print(p, q)
k, v = {'key': 'value'}.popitem()
print(k, v)
for i, (m, n) in enumerate([(1, 2), (3, 4)]):
    print(i, m, n)
a = b = c = 7
print(a, b, c)
x, y = y, x = 1, 2
print(x, y)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
t = 1,
print(t)
(s,) = [42]
print(s)
r, = (5,)
print(r)
d = {}
d['a'], d['b'] = 1, 2
print(d)
class O: pass
o = O()
o.x, o.y = 'ab'
print(o.x, o.y)
for a, b in zip('abc', range(3)):
    print(a, b, end='; ')
print()
try:
    a, b = 1, 2, 3
except ValueError as e:
    print('ValueError', e)
try:
    a, b, c = 1, 2
except ValueError as e:
    print('ValueError', e)
try:
    a, b = 5
except TypeError as e:
    print('TypeError', e)
try:
    a, b = [1]
except ValueError as e:
    print('ValueError', e)
def gen():
    yield 1
    yield 2
g1, g2 = gen()
print(g1, g2)
a, b = range(2)
print(a, b)
print(*[1, 2], *'ab', *(3,))
