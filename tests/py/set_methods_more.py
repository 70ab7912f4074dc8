# set and frozenset methods with several arguments and any iterables
s = {1, 2, 3, 4}
f = frozenset([3, 4, 5])
print(sorted(s.union()), sorted(s.union([5], (6,), 'a', {7: 0}), key=str), type(f.union(s)).__name__, sorted(f.union([9])))
print(sorted(s.intersection(f)), sorted(s.intersection(range(3), [2, 9])), sorted(s.intersection()), type(f.intersection(s)).__name__)
print(sorted(s.difference(f)), sorted(s.difference([1], (2,))), sorted(s.difference(s)), sorted(f.difference(range(4))))
print(sorted(s.symmetric_difference(f)), sorted(s.symmetric_difference([1, 1, 9])), sorted(f.symmetric_difference(f)))
print(s.issubset(range(5)), s.issubset([1]), s.issuperset([1, 2]), s.issuperset(f), f.issuperset(frozenset()), s.isdisjoint('abc'), s.isdisjoint([4]))
t = set(s)
t.update([10], {11}, 'z'); print(len(t), 10 in t, 'z' in t)
t.intersection_update(range(20), [1, 2, 10, 11]); print(sorted(t))
t.difference_update([1], {2}); print(sorted(t))
t.symmetric_difference_update([11, 12, 12]); print(sorted(t))
t.symmetric_difference_update(t); print(t)
u = {1, 2}; w = u
u |= {3}; u &= {1, 3, 4}; u -= {9}; u ^= {5}
print(sorted(u), u is w)
fz = frozenset([1]); fz2 = fz
fz |= {2}
print(sorted(fz), fz is fz2, sorted(fz2), type(fz).__name__)
p = set(range(100))
total = 0
while p:
    total += p.pop()
print(total, p)
q = set()
for i in range(200):
    q.add(i)
    if i % 3:
        q.discard(i)
print(len(q), min(q), max(q), 198 in q, 199 in q)
print(q.__contains__(3), q.__len__(), sorted(q.__iter__())[:3])
r = {frozenset([1, 2]), 3}
print(frozenset([2, 1]) in r, r.__contains__({1, 2}))
r.remove({1, 2}); r.discard(set()); print(r)
print(f.copy() is f, s.copy() is s, s.copy() == s, set(f) == f, frozenset(f) is f)
print({1, 2} | frozenset([3]) == {1, 2, 3}, type(frozenset([3]) | {1}).__name__, sorted({1, 2} - frozenset([1])))
def err(g):
    try:
        g()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: set().pop())
err(lambda: set().remove(1))
err(lambda: set().remove([]))
err(lambda: set().discard([]))
err(lambda: set().add([]))
err(lambda: set().add())
err(lambda: set().pop(1))
err(lambda: set().update(1))
err(lambda: set().union(1))
err(lambda: set().issubset(1))
err(lambda: set().symmetric_difference())
err(lambda: set(1, 2))
err(lambda: set([], x=1))
err(lambda: frozenset(1))
err(lambda: set.add(frozenset(), 1))
err(lambda: frozenset().add(1))
err(lambda: {1} | [1])
err(lambda: {1} & 1)
