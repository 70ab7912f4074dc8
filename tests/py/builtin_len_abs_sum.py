# len, abs, sum
print(len(''), len('abc'), len([1, 2]), len(()), len({'a': 1}), len({1, 2, 3}), len(range(7)), len(b'xy'), len(bytearray(4)), len(frozenset('ab')))
print(len('\u00e9\u20ac'), len(range(0, 100, 7)), len(range(10, 0)), len({}.keys()))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-2 ** 100), abs(True), abs(False))
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []), sum(x * x for x in range(4)))
print(sum([1.5, 2.5]), sum([2 ** 64, 2 ** 64]), sum([True, True, False]), sum((1, 2), start=100))
print(sum([[1], [2, 3]], start=[0]), sum([(1,), (2,)], ()))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError', e)
try:
    sum([1, 'a'])
except TypeError as e:
    print('TypeError', e)
try:
    len(5)
except TypeError as e:
    print('TypeError', e)
try:
    len()
except TypeError as e:
    print('TypeError', e)
class L:
    def __len__(self):
        return 2 ** 10
print(len(L()))
class A:
    def __abs__(self):
        return 'absolute'
print(abs(A()))
