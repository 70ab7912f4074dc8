# sorted and reversed
print(sorted([3, 1, 2]), sorted('cab'), sorted((2, 1)), sorted({3: 'a', 1: 'b'}), sorted({5, 1, 3}), sorted(range(3), reverse=True))
print(sorted(['bb', 'a', 'ccc'], key=len), sorted(['bb', 'a', 'ccc'], key=len, reverse=True), sorted([-3, 2, -1], key=abs))
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: (-t[1], t[0])))
orig = [3, 1, 2]
new = sorted(orig)
print(orig, new, new is not orig)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(4))), ''.join(reversed('hello')))
r = reversed([1, 2, 3])
print(next(r), list(r))
print(list(reversed({'a': 1, 'b': 2})), list(reversed([])))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError', e)
try:
    reversed(5)
except TypeError as e:
    print('TypeError', e)
try:
    sorted(5)
except TypeError as e:
    print('TypeError', e)
try:
    sorted([1, 2], reversed=True)
except TypeError as e:
    print('TypeError', e)
class Rev:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Rev())))
print(sorted([0.5, -1, 3, 2.5, True]), sorted(['B', 'a', 'C'], key=str.lower))
print(sorted('Hello World'.split(), key=str.casefold))
