# generator send / throw / close
def averager():
    total = 0
    n = 0
    avg = None
    while True:
        v = yield avg
        total += v
        n += 1
        avg = total / n
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
def g1():
    yield 1
g = g1()
try:
    g.send(5)
except TypeError as e:
    print('TypeError', e)
print(g.send(None))
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught', e)
        except GeneratorExit:
            print('generator exit')
            raise
g = catcher()
print(next(g))
print(g.throw(ValueError('bad')))
print(g.throw(ValueError, ValueError('worse')))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print('closed gen raises StopIteration')
def no_catch():
    yield 1
    yield 2
g = no_catch()
next(g)
try:
    g.throw(KeyError('x'))
except KeyError as e:
    print('propagated', repr(e))
try:
    next(g)
except StopIteration:
    print('dead after throw')
def fresh():
    yield 1
g = fresh()
try:
    g.throw(IndexError)
except IndexError:
    print('throw into unstarted generator raises at start')
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_close()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError', e)
def fin():
    try:
        yield 1
    finally:
        print('finally on close')
g = fin()
next(g)
g.close()
g = fin()
g.close()
print('unstarted close runs nothing')
def ret_in_close():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored'
g = ret_in_close()
next(g)
print(g.close())
def running_check():
    g = yield
    try:
        next(g)
    except ValueError as e:
        print('ValueError', e)
    yield
g = running_check()
next(g)
g.send(g)
def stopiter_inside():
    yield 1
    raise StopIteration
g = stopiter_inside()
next(g)
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError', e)
