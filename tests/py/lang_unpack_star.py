# starred unpacking
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = 'hello'
print(a)
a, *b = 'x'
print(a, b)
first, *_, last = range(10)
print(first, last, _)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
print([*range(3), *'ab'])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]} == {1, 2, 3})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), x=1, **{'y': 2}))
print(f(**{'a': 1}, **{'b': 2}))
l = [1, 2, 3]
print(*l, sep='-')
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError', e)
head, *tail = (i * i for i in range(5))
print(head, tail)
