# dict views: live, len/in/iter, set operators, isdisjoint, comparisons
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d['d'] = 4
print(list(k), list(v), list(it), 'd' in k, 4 in v, ('d', 4) in it, ('d', 5) in it, ('zz', 1) in it, 'x' in it)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'z'}))
print(sorted(k & ['b', 'b']), sorted({'c', 'q'} & k), sorted(['a'] | k), sorted(('c',) - k), sorted(it & {('a', 1), ('b', 0)}))
print(type(k & k).__name__, k & set(), sorted(it - {('a', 1)}))
print(k == {'a', 'b', 'c', 'd'}, k == {'a'}, k != {'a'}, it == {('a', 1), ('b', 2), ('c', 3), ('d', 4)})
print(k.isdisjoint(['x']), k.isdisjoint('a'), it.isdisjoint([('a', 1)]), it.isdisjoint([('a', 2)]))
print(k.__len__(), sorted(k.__iter__()), k.__contains__('a'), it.__contains__(('b', 2)))
print(sorted(k.__and__({'a'})), sorted(k.__or__(['q'])), sorted(k.__rsub__({'a', 'q'})))
del d['a']
print(list(k), len(it), 'a' in k)
x = d.keys()
x &= {'b'}
print(x, type(x).__name__, d)
for bad in ('d.keys() & 1', 'd.values() & {1}', 'd.keys() + {1}'):
    try:
        eval(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    for key in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError', e)
