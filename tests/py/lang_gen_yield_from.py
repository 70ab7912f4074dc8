# yield from
def inner():
    yield 1
    yield 2
    return 'inner result'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield 3
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(3), (x * x for x in range(3)))))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            return received
        received.append(v)
def delegator():
    res = yield from echo()
    yield ('final', res)
g = delegator()
print(next(g))
print(g.send('a'))
print(g.send('b'))
print(g.send(None))
def sub_throw():
    try:
        yield 1
    except KeyError as e:
        print('sub caught', repr(e))
        yield 'recovered'
def deleg2():
    yield from sub_throw()
    yield 'after'
g = deleg2()
print(next(g))
print(g.throw(KeyError('k')))
print(next(g))
def closing_sub():
    try:
        yield 1
        yield 2
    finally:
        print('sub closed')
def deleg3():
    yield from closing_sub()
g = deleg3()
print(next(g))
g.close()
print('closed')
def yf_iter():
    yield from {'x': 1, 'y': 2}
    yield from b'ab'
print(list(yf_iter()))
def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
def run_depth():
    total = yield from depth(4)
    yield 'total', total
print(list(run_depth()))
def stop_value():
    return (yield from ())
g = stop_value()
try:
    next(g)
except StopIteration as e:
    print('value', e.value)
