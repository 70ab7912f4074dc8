# with statement and context managers
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val)
        return self.suppress
with CM('a') as x:
    print('body', x)
with CM('b', suppress=True):
    raise ValueError('swallowed')
print('after suppress')
try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))
with CM('outer') as o, CM('inner') as i:
    print('both', o, i)
def f():
    with CM('ret'):
        return 'returned'
print(f())
for n in range(3):
    with CM('loop%d' % n):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)
with CM('noas'):
    pass
class Resource:
    def __init__(self):
        self.open = False
    def __enter__(self):
        self.open = True
        return self
    def __exit__(self, *exc):
        self.open = False
        return False
r = Resource()
with r as res:
    print(res is r, r.open)
print(r.open)
class BadEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit not called')
try:
    with BadEnter():
        print('not reached')
except RuntimeError as e:
    print('RuntimeError', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except TypeError as e:
    print('TypeError', e, type(e.__context__).__name__)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
with (CM('p1') as a1,
      CM('p2') as a2):
    print(a1, a2)
class Tracker:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exc type', t is ZeroDivisionError, isinstance(v, ZeroDivisionError), tb is not None)
        return True
with Tracker():
    1 / 0
print('done')
