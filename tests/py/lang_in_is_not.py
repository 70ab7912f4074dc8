# membership, identity and not
print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2], not 3 in [1, 2])
print('a' in 'cat', 'at' in 'cat', 'x' in 'cat', '' in 'cat', '' in '')
print(1 in (1, 2), 1 in {1: 2}, 2 in {1: 2}, 1 in {1, 2}, 5 in range(10), 10 in range(10))
print(b'a' in b'abc', 97 in b'abc', b'' in b'abc')
print(None is None, None is not None, not None)
x = []
y = x
print(x is y, x is not y, x is [], [] is not [])
print(not 0, not 1, not '', not 'a', not [], not [0], not {}, not 0.0, not None)
print(not not 5, not (1 and 0))
print(True is True, False is not True)
print(type(1) is int, type('') is str, type([]) is not list)
print(2.0 in [1, 2, 3], 2 in [1.0, 2.0])
print([1] in [[1], [2]], (1, 2) in [(1, 2)], [3] not in [[1]])
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, C) and o.v == self.v
print(C(1) in [C(0), C(1)], C(5) in [C(1)])
d = {'k': 1}
print('k' in d, 'k' in d.keys(), 1 in d.values(), ('k', 1) in d.items())
try:
    print(1 in 5)
except TypeError as e:
    print('TypeError', e)
try:
    print(1 in 'abc')
except TypeError as e:
    print('TypeError', e)
