# dict methods
d = {'a': 1, 'b': 2, 'c': 3}
print(d.get('a'), d.get('z'), d.get('z', 'default'), d.get('a', 'unused'))
print(d.setdefault('a', 100), d.setdefault('d', 4), d.setdefault('e'), d)
print(d.pop('e'), d.pop('zz', 'dflt'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError', e)
print(d.popitem(), d)
print(d.popitem(), d)
d.update({'x': 10, 'a': -1})
print(d)
d.update([('y', 20)], z=30)
print(d)
d.update(w=0)
print(d)
c = d.copy()
c['a'] = 'copy'
print(d['a'], c['a'])
c.clear()
print(c, len(c))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
fk = dict.fromkeys('ab', [])
fk['a'].append(1)
print(fk)
print(list(d.keys()), list(d.values()), list(d.items()))
d2 = {'k': 'v'}
print(d2 | {'k2': 'v2'}, {'a': 1} | {'a': 2}, d2)
d2 |= {'m': 1}
d2 |= [('n', 2)]
print(d2)
try:
    d2 | [('z', 1)]
except TypeError as e:
    print('TypeError', e)
print(sorted(d.items(), key=lambda kv: kv[1]))
print({k: v for k, v in sorted(d.items())})
counts = {}
for w in 'a b a c b a'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
print(d.__contains__('a'), d.__getitem__('a'), d.__len__())
inv = {}
for k, v in {'a': 1, 'b': 2, 'c': 1}.items():
    inv.setdefault(v, []).append(k)
print(inv)
print(list(reversed({'a': 1, 'b': 2, 'c': 3})), list(reversed({'a': 1}.items())))
