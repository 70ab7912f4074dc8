# exact messages of other common errors
cases = [
    lambda: [1, 2, 3][3], lambda: [][-1], lambda: (1,)[5], lambda: 'ab'[2], lambda: b'ab'[9], lambda: range(3)[3],
    lambda: [].pop(), lambda: [1].pop(3), lambda: {}['k'], lambda: {}[1], lambda: {}[(1, 'a')], lambda: {}[None],
    lambda: {'a': 1}.pop('b'), lambda: set().pop(), lambda: set().remove(5), lambda: {}.popitem(),
    lambda: int('abc'), lambda: int('1.5'), lambda: int(''), lambda: float('x'), lambda: int('12', 2),
    lambda: [1].index(2), lambda: 'abc'.index('z'), lambda: (1, 2).index(3), lambda: [1].remove(9),
    lambda: 'a,b'.split(''), lambda: chr(-5), lambda: range(1, 2, 0), 
    lambda: undefined_thing, lambda: math.pi, lambda: (1).foo, lambda: 'x'.foo, lambda: [].foo, lambda: {}.foo,
    lambda: None.foo, lambda: len.foo, lambda: (lambda: 0).foo, lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0,
    lambda: 1.0 / 0, lambda: 2 ** -1 // 0, lambda: divmod(5, 0), lambda: 10 ** 400 * 1.0, lambda: 1 << -1,
    lambda: bytes([300]), lambda: list(range(3))[1:2:0], lambda: dict(a=1)['b'], lambda: next(iter([])), lambda: 'x' * (-1) + 1,
    lambda: max([]), lambda: min((), key=len), lambda: max(1, 2, key=5), lambda: pow(2, 3, 0),
    lambda: int('99999999999999999999999999') + [],
    lambda: 'a'.zfill('b'), lambda: [][0:1].pop(),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, 'no error', r)
    except Exception as e:
        print(i, type(e).__name__ + ':', e)
class O:
    def __init__(self):
        self.x = 1
o = O()
for name in ('y', '__x', 'X'):
    try:
        getattr(o, name)
    except AttributeError as e:
        print('AttributeError:', e)
def unbound():
    v = v + 1
try:
    unbound()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
try:
    print(not_defined_anywhere)
except NameError as e:
    print('NameError:', e)
try:
    del never_defined
except NameError as e:
    print('NameError:', e)
try:
    {'k': 1}['K']
except KeyError as e:
    print('KeyError:', e, '|', repr(e), '|', e.args[0])
try:
    {}['']
except KeyError as e:
    print('KeyError:', e)
try:
    {}["it's"]
except KeyError as e:
    print('KeyError:', e)
