# list, tuple, dict, set, frozenset, bytes, bytearray constructors
src = 'hello'
print(list(src), tuple(src), sorted(set(src)), sorted(frozenset(src)), bytes(src, 'ascii'), bytearray(src, 'ascii'))
print(list(range(3)), tuple([1, 2]), dict([(1, 2)]), set(), frozenset([1]), bytes(2), bytearray(2))
print(list({'a': 1, 'b': 2}), tuple({'a': 1}.items()), dict(a=1), dict(dict(b=2), c=3), dict([]), dict({}))
print(list(x for x in 'ab'), tuple(map(int, '12')), dict.fromkeys('ab', 0), set([1, 1, 2]) == {1, 2})
l = [1, 2]
print(list(l) is l, list(l) == l, tuple((1, 2)), type(tuple(l)).__name__)
print(bytes([1, 2]), bytes(b'ab'), bytearray([255]), bytes(bytearray(b'q')), bytearray(bytes(2)))
print(list(''), tuple(()), dict(()), list(b'ab'), list(bytearray(b'ab')))
try:
    list(5)
except TypeError as e:
    print('TypeError', e)
try:
    dict(['ab', 'cde'])
except ValueError as e:
    print('ValueError', e)
try:
    set(1)
except TypeError as e:
    print('TypeError', e)
try:
    tuple(1, 2)
except TypeError as e:
    print('TypeError', e)
print(dict(zip(range(3), 'abc')), dict(enumerate('xy')))
print(list(map(list, ['ab'])), [list(t) for t in [(1, 2)]])
