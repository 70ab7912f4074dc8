# list comparison, containment, repetition, copies
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [2] > [1, 9, 9], [] < [0], [1, 2] == [1, 2], [[1]] == [[1]])
print([1, 2] <= [1, 2], [1, 3] >= [1, 2, 9], [1, 'a'] == [1, 'a'], [1] == [1.0])
print(max([[1, 2], [1, 3], [0, 9]]), min([[1, 2], [1, 3], [0, 9]]))
print([1, 2, 3].count(2), [[1], [1]].count([1]), [1, 2, 1].index(1), [1, 2, 1].index(1, 1))
a = [[1, 2], [3]]
shallow = a[:]
shallow2 = list(a)
shallow3 = a.copy()
shallow[0].append(99)
print(a, shallow2, shallow3, shallow is a, shallow[0] is a[0])
import sys
print(len([0] * 1000), [0, 1] * 3)
l = [3, 1, 2]
print(l.__contains__(1), 5 in l, l.__getitem__(0))
it = iter(l)
print(next(it), list(it))
l = [1, 2, 3]
for i, v in enumerate(l):
    l[i] = v * v
print(l)
print(list(map(list, ['ab', 'cd'])), [list(t) for t in zip([1, 2], [3, 4])])
try:
    [1, 2] < [1, 'a']
except TypeError as e:
    print('TypeError', e)
print([1, 2] < [2, 'a'])
print(list(range(5))[::-1] == sorted(range(5), reverse=True))
