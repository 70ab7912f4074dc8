# sets
s = {1, 2, 3}
print(s, len(s), 2 in s, 5 in s, 5 not in s, type(s).__name__)
s.add(4)
s.add(2)
print(sorted(s))
s.remove(1)
s.discard(100)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print('KeyError', e)
print(s.pop() in {2, 3, 4}, len(s))
s.clear()
print(s, len(s))
try:
    s.pop()
except KeyError as e:
    print('KeyError', e)
print(set(), set([1, 2, 2, 3]) == {1, 2, 3}, sorted(set('hello')), set(range(3)), sorted(set({'a': 1, 'b': 2})))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, [1])), sorted(a.symmetric_difference([1, 10])))
print(a <= a, {1} <= a, {1} < a, a < a, a >= {1, 2}, a > {1, 2}, a.issubset(range(10)), a.issuperset([1]))
print({1, 2}.isdisjoint({3}), {1, 2}.isdisjoint([2]))
c = {1, 2}
c.update([3], {4})
print(sorted(c))
c.intersection_update({1, 2, 3})
print(sorted(c))
c.difference_update([1])
print(sorted(c))
c.symmetric_difference_update({3, 5})
print(sorted(c))
try:
    {[1]}
except TypeError as e:
    print('TypeError', e)
try:
    {1} + {2}
except TypeError as e:
    print('TypeError', e)
try:
    a | [1]
except TypeError as e:
    print('TypeError', e)
print({1, 2} == {2, 1}, {1} != {1, 2}, {1, 2, 3} == frozenset([1, 2, 3]))
print({1, 1.0, True}, len({0, False, 0.0}), {(1, 2), (1, 2)})
d = a.copy()
d.add(100)
print(len(a), len(d))
print(sorted({x % 7 for x in range(100)}), sum({1, 2, 3}), max({5, 9, 1}), min({5, 9, 1}))
print({1, 2, 3}, {0, 1, 2, 3, 4, 5, 6})
print(repr(set()), str({7}))
s = set()
for i in range(100):
    s.add(i * i % 37)
print(len(s), sorted(s)[:10])
print(set('aab') == {'a', 'b'}, sorted({'b', 'a', 'c'}))
