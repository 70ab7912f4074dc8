# tuple.index / tuple.count and friends
t = (1, 2, 3, 2, 1, 2.0, 'a', None)
print(t.index(2), t.index(2, 2), t.index(2, -4), t.index(1, 1), t.index('a'), t.index(None), t.count(2), t.count(1), t.count('b'))
print(t.__len__(), t.__contains__('a'), t.__getitem__(-1), list(t.__iter__())[:3])
n = float('nan')
print((n,).index(n), (n, n).count(n))
class T(tuple):
    pass
u = T((5, 6, 5))
print(u.index(6), u.count(5), len(u))
for code in ('t.index(99)', 't.index(1, 5)', 't.index()', 't.count()', 't.index(1, "x")', 'tuple.index([], 1)', 't.count(1, 2)'):
    try:
        eval(code)
    except Exception as e:
        print(type(e).__name__, e)
