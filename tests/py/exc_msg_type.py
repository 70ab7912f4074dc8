# exact TypeError messages from common mistakes  # fzpy: big-heap
class A:
    pass
def f(a, b):
    pass
def g():
    pass
def k(*, x):
    pass
five = 5
none = None
s_abc = 'abc'
l12 = [1, 2]
t12 = (1, 2)
cases = [
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1] + 'a', lambda: 1 - 'a', lambda: 'a' * 'b', lambda: [1] * 1.5,
    lambda: None + 1, lambda: 1 / 'x', lambda: {} + {}, lambda: A() + 1, lambda: 1 < 'a', lambda: A() < A(),
    lambda: 'a' < 1, lambda: [] > (), lambda: -'a', lambda: ~1.5, lambda: 1 ** 'x', lambda: 2 % 'y', lambda: 'x' // 2,
    lambda: five[0], lambda: none[0], lambda: A()[0], lambda: len(5), lambda: len(A()), lambda: five(), lambda: A()(),
    lambda: s_abc(), lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, 2, b=3), lambda: g(1),
    lambda: k(1), lambda: k(), lambda: abs('x'), lambda: int([]), lambda: float({}), lambda: iter(5), lambda: next([]),
    lambda: l12['a'], lambda: t12[None], lambda: {}[[]], lambda: hash([]), lambda: set([[1]]), lambda: sum(['a', 'b']),
    lambda: sorted([1, 'a']), lambda: max(1), lambda: min([]), lambda: 'a'.join([1]), lambda: 'abc'.startswith(1),
    lambda: list(5), lambda: tuple(None), lambda: dict(5), lambda: 'x'[0:1:'a'], lambda: ord(5), lambda: chr('a'),
    lambda: range('5'),
    lambda: 'x' in 5, lambda: 3 in 'abc', lambda: ('a',) * 'b', lambda: 'a' % (), lambda: divmod('a', 1),
    lambda: round('x'), lambda: 1 & 1.5, lambda: 1.5 << 1, lambda: object() >= 1,
    lambda: bytes(1.5), lambda: setattr(A(), 1, 2), 
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, 'no error', r)
    except TypeError as e:
        print(i, 'TypeError:', e)
    except Exception as e:
        print(i, type(e).__name__ + ':', e)
