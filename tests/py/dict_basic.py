# dict basics and insertion order
d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), d['a'], list(d))
del d['b']
d['b'] = 200
print(d)
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}), dict({'a': 1}, b=2), dict(zip('ab', [1, 2])))
print(dict([['p', 1], ('q', 2)]), dict((i, i * i) for i in range(3)))
try:
    d['missing']
except KeyError as e:
    print('KeyError', e, repr(e), e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print('KeyError', e)
try:
    d[[1]] = 2
except TypeError as e:
    print('TypeError', e)
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print('ValueError', e)
keys = {1: 'int', 'one': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?', 2.5: 'float', frozenset([1]): 'fs', b'b': 'bytes'}
print(keys)
print(keys[1], keys[1.0], keys[None], keys[(1, 2)], keys[frozenset({1})])
print('a' in d, 'z' in d, 'z' not in d, len({}), bool({}), bool({0: 0}))
e = {}
for i in range(20):
    e[i * 7 % 20] = i
print(e)
for i in range(0, 20, 2):
    del e[i]
print(e, len(e))
e[0] = 'back'
print(list(e.items())[-1])
print({1: 'a', 1.0: 'b', True: 'c'})
print({'x': 1} == {'x': 1}, {'x': 1, 'y': 2} == {'y': 2, 'x': 1}, {'x': 1} != {'x': 2}, {} == {})
try:
    {1: 2} < {1: 2}
except TypeError as e:
    print('TypeError', e)
nested = {'a': {'b': {'c': 1}}}
nested['a']['b']['d'] = 2
print(nested, nested['a']['b']['c'])
sr = {}
sr['self'] = sr
print(sr)
