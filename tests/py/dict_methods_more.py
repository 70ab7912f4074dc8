# dict methods, constructor forms, table behaviour under many deletions
d = dict(a=1, b=2)
print(d, dict([('x', 1), ['y', 2]]), dict({'k': 0}, k=1, z=2), dict(d.items()), dict(zip('ab', 'cd')), dict())
print(d.get('a'), d.get('zz'), d.get('zz', 0), d.setdefault('a', 9), d.setdefault('c'), d.setdefault('e', []), d)
print(d.pop('c'), d.pop('nope', 'dflt'), d)
print(d.popitem(), d.popitem(), d)
d.update({'m': 1}, n=2); d.update([('o', 3)]); d.update(p=4); d.update(); d.update(d)
print(d)
e = d.copy(); e['m'] = 100; print(d['m'], e['m'], e is d)
e.clear(); print(e, len(e))
print(dict.fromkeys('abc'), dict.fromkeys(range(3), 0), dict.fromkeys([]), {}.fromkeys('xy', 1), dict.fromkeys({'q': 1, 'r': 2}))
print(dict.fromkeys(['a', 'a', 'b'], [1]))
print(d.__getitem__('m'), d.__contains__('m'), d.__contains__('zz'), d.__len__(), list(d.__iter__()))
d.__setitem__('s', 5); d.__delitem__('m'); print(d)
print(list(reversed(d)), list(d.__reversed__()))
# many inserts and deletes keep lookups right
t = {}
for i in range(300):
    t[i] = i * 2
for i in range(0, 300, 2):
    del t[i]
for i in range(0, 300, 3):
    t[i] = -i
print(len(t), t[1], t[3], t[6], t.get(4), sum(t.values()), list(t)[:6], list(t)[-3:])
while len(t) > 5:
    t.popitem()
print(t)
for i in range(100):
    t['k%d' % i] = i
    del t['k%d' % i]
print(t, len(t))
class Missing(dict):
    def __missing__(self, k):
        return k * 2
m = Missing(a=1)
print(m.__getitem__('a'), dict.__getitem__(m, 'zz'), m.get('zz'), type(m.copy()).__name__)
def err(f):
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: {}.popitem())
err(lambda: {}.pop(1))
err(lambda: {}.pop())
err(lambda: {}.pop(1, 2, 3))
err(lambda: {}.get())
err(lambda: {}.get(1, 2, 3))
err(lambda: {}.setdefault())
err(lambda: {}.update(1))
err(lambda: {}.update(1, 2))
err(lambda: {}.update([1]))
err(lambda: {}.update([(1, 2, 3)]))
err(lambda: {}.keys(1))
err(lambda: {}.clear(1))
err(lambda: {}.copy(1))
err(lambda: dict.fromkeys())
err(lambda: dict.fromkeys(1))
err(lambda: dict(1))
err(lambda: dict(1, 2))
err(lambda: dict([1]))
err(lambda: dict.keys(1))
err(lambda: {}.get([]))
err(lambda: {}.setdefault([], 1))
err(lambda: {}.__getitem__('q'))
err(lambda: {}.__delitem__('q'))
