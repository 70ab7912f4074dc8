# range objects
r = range(10)
print(r, range(1, 5), range(0, 10, 2), range(5, 0, -1), range(0), range(-3, 3))
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 3)), list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
print(len(range(10)), len(range(1, 10, 2)), len(range(10, 1, -3)), len(range(5, 0)), len(range(0, 10 ** 9, 3)))
print(r[0], r[-1], r[3], range(1, 20, 3)[2], range(10, 0, -2)[-1])
print(r[2:5], r[::2], r[::-1], range(1, 20, 3)[1:4], range(10)[-3:], r[5:1:-1])
print(5 in r, 10 in r, -1 in r, 3.0 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2), 'a' in r)
print(r.index(7), range(0, 20, 5).index(15), r.count(3), r.count(30))
try:
    r.index(99)
except ValueError as e:
    print('ValueError', e)
try:
    r[10]
except IndexError as e:
    print('IndexError', e)
try:
    range(0, 5, 0)
except ValueError as e:
    print('ValueError', e)
try:
    range(1.5)
except TypeError as e:
    print('TypeError', e)
print(range(0, 3) == range(3), range(0) == range(5, 5), range(0, 5, 2) == range(0, 6, 2), range(3) == [0, 1, 2])
print(r.start, r.stop, r.step, range(1, 10, 3).stop)
print(sum(range(101)), max(range(5)), min(range(3, 8)), sorted(range(5), reverse=True))
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))))
big = range(10 ** 18, 10 ** 18 + 5)
print(big, len(big), big[2], 10 ** 18 + 3 in big)
print(list(range(-5, -10, -1)), list(range(-10, -5)))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, None))
print(hash(range(3)) == hash(range(3)), bool(range(0)), bool(range(1)))
print([i * i for i in range(1, 6)], tuple(range(3)))
