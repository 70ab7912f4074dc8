# dict views
d = {'a': 1, 'b': 2, 'c': 3}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(len(k), len(v), len(i), 'a' in k, 2 in v, ('a', 1) in i, ('a', 2) in i)
d['d'] = 4
print(list(k), list(v), list(i))
del d['a']
print(k, len(k))
print(sorted(k & {'b', 'x'}), sorted(k | {'z'}), sorted(k - {'b'}), sorted(k ^ {'b', 'q'}))
print(sorted(i & {('b', 2), ('c', 0)}))
print(k == {'b', 'c', 'd'}, k == ['b', 'c', 'd'], {'b', 'c', 'd'} == k)
print(k.isdisjoint({'x'}), k.isdisjoint(['b']))
for key in d.keys():
    print(key, end=' ')
print()
for key, val in d.items():
    print(key, val, end='; ')
print()
print(list(zip(d.keys(), d.values())), sum(d.values()), max(d.values()))
try:
    for key in d:
        d['new' + key] = 1
except RuntimeError as e:
    print('RuntimeError', e)
d2 = {1: 2}
try:
    for key in d2:
        del d2[key]
except RuntimeError as e:
    print('RuntimeError', e)
print(list(reversed(d.keys())), list(reversed(d.values())))
print(v == v, list(map(str, d.values())))
print(sorted(d.items(), reverse=True)[:2])
e = {}
print(e.keys(), e.values(), e.items(), list(e))
