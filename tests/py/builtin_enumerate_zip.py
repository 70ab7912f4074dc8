# enumerate and zip
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('ab', start=-5)), list(enumerate([])))
for i, (a, b) in enumerate(zip('xy', 'pq'), 10):
    print(i, a, b)
e = enumerate(['a', 'b'])
print(next(e), next(e), next(e, 'done'))
print(list(zip()), list(zip([1, 2, 3])), list(zip([1, 2, 3], 'ab')), list(zip('abc', range(10), [True] * 5)))
print(dict(zip('abc', range(3))), list(zip(*[(1, 'a'), (2, 'b')])))
a, b = zip(*[(1, 2), (3, 4), (5, 6)])
print(a, b)
z = zip(iter([1, 2]), iter([3, 4]))
print(iter(z) is z, next(z), list(z))
def gen():
    for i in range(5):
        print('gen yields', i)
        yield i
print(list(zip(gen(), 'ab')))
print(list(zip(range(3), range(3), range(3))))
try:
    zip(1)
except TypeError as e:
    print('TypeError', e)
try:
    enumerate(5)
except TypeError as e:
    print('TypeError', e)
print(list(zip('ab', 'cd', strict=True)))
try:
    list(zip('ab', 'c', strict=True))
except ValueError as e:
    print('ValueError', e)
pairs = [('x', 1), ('y', 2)]
keys = [k for k, _ in pairs]
print(keys, [v for _, v in pairs])
print([i * c for i, c in enumerate('abc')])
