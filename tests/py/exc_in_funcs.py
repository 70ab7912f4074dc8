# exceptions crossing function frames, generators, comprehensions and methods
def level3():
    raise ValueError('from level3')
def level2():
    level3()
def level1():
    try:
        level2()
    finally:
        print('level1 finally')
try:
    level1()
except ValueError as e:
    print('caught', e)
def gen():
    yield 1
    raise KeyError('in gen')
try:
    for x in gen():
        print('x', x)
except KeyError as e:
    print('KeyError', e)
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print('comprehension', e)
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print('map', e)
try:
    sorted([3, 1, 2], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print('sort key', e)
class C:
    def __init__(self):
        raise RuntimeError('init failed')
try:
    C()
except RuntimeError as e:
    print('init', e)
class D:
    def __eq__(self, other):
        raise TypeError('eq failed')
try:
    D() in [1, 2]
except TypeError as e:
    print('contains', e)
try:
    {D(): 1}
except TypeError as e:
    print('hash', e)
def retry(n):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts < n:
                raise IOError('flaky')
            return attempts
        except OSError:
            continue
print('retry', retry(4))
def catch_all(fn):
    try:
        return fn()
    except Exception as e:
        return '%s(%s)' % (type(e).__name__, e)
print(catch_all(lambda: [][0]), catch_all(lambda: {}.x), catch_all(lambda: int('q')))
def exc_var_cleared():
    try:
        raise ValueError('v')
    except ValueError as err:
        saved = err
    return 'err' in locals(), str(saved)
print(exc_var_cleared())
print(sum(1 for _ in range(3)))
def raise_in_except():
    try:
        raise KeyError('original')
    except KeyError:
        try:
            raise ValueError('inner')
        except ValueError:
            pass
        raise
try:
    raise_in_except()
except KeyError as e:
    print('re-raised original', e)
