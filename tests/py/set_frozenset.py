# frozenset
f = frozenset([1, 2, 3])
print(f, type(f).__name__, len(f), 2 in f)
print(frozenset(), frozenset('aa'), frozenset(range(3)))
print(sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__, type(f & {1}).__name__)
print(hash(f) == hash(frozenset([3, 2, 1])), {f: 'v'}[frozenset({1, 2, 3})])
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError', e)
print(f == {1, 2, 3}, f <= {1, 2, 3, 4}, f.issubset([1, 2, 3]), f.union([5]) == {1, 2, 3, 5})
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(frozenset([1, 2]) - {1}, frozenset([1]) ^ frozenset([2]))
print(f.copy() == f, f.difference([1]), f.intersection([2, 9]), f.symmetric_difference({3, 4}) == {1, 2, 4})
fs_of_fs = frozenset([frozenset([1, 2]), frozenset([3])])
print(len(fs_of_fs), frozenset([3]) in fs_of_fs)
print(sorted(frozenset('hello')))
