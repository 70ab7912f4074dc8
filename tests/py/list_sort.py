# sort and sorted: key, reverse, stability
l = [5, 2, 9, 1, 5, 6]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y'), (2, 'c'), (1, 'c')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [('ann', 30), ('bob', 25), ('cid', 30), ('dee', 25), ('eve', 35)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(sorted(recs, key=lambda r: r[0], reverse=True), key=lambda r: r[1]))
print(sorted([3, 1, 2], key=lambda x: -x), sorted('hello'), sorted((3, 2, 1)), sorted({'b': 1, 'a': 2}))
print(sorted([]), sorted([1]), sorted([2, 1], reverse=False))
mixed = [3.5, 1, 2.25, -1, 0]
mixed.sort()
print(mixed)
big = [(i * 7919) % 1000 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(range(20), key=lambda x: x % 5))
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError', e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print('TypeError', e)
try:
    l.sort(lambda x: x)
except TypeError as e:
    print('TypeError', e)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return 'V(%d)' % self.v
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)]), min([V(3), V(5)]))
print(sorted([[2, 1], [1, 2], [1, 1, 0], [1]]))
print(sorted([True, False, True]), sorted(['b', 'a'], key=None))
nums = [5, 3, 8]
r = nums.sort()
print(r, nums)
