# tuples
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], type(t).__name__)
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple(x for x in 'xy'))
print(t + (4,), t * 2, 2 * (0,), (1,) * 0, t.count(2), t.index(3))
try:
    t[0] = 9
except TypeError as e:
    print('TypeError', e)
try:
    t.index(99)
except ValueError as e:
    print('ValueError', e)
try:
    t[5]
except IndexError as e:
    print('IndexError', e)
try:
    t + [4]
except TypeError as e:
    print('TypeError', e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), (1, 2) == (1, 2), (1,) == [1])
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'pair'}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError', e)
m = ([1], 2)
m[0].append(3)
print(m)
a, b, c = t
print(a, b, c)
print(tuple(t) is t, t[:] is t, len(((),)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print(max((3, 1, 2)), sum((1, 2, 3)), sorted((3, 1, 2)), 2 in t, 9 not in t)
x = 1, 2
print(x, type(x).__name__)
def multi():
    return 1, 'a', None
print(multi(), multi()[1])
print(((1, 2),), ('a',), (('a',),))
print(repr((1,)), str(('x', 'y')), repr(()))
print(tuple([]) == (), (1, 2, 3)[1:2], (0,) * 3)
e = ()
print(e == (), len(e), bool(e), bool((0,)))
for i, v in enumerate(('a', 'b')):
    print(i, v)
print(tuple(map(abs, (-1, -2))), tuple(zip((1, 2), 'ab')))
