# generator basics
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.args)
print(list(count(5)), sum(count(101)))
def with_return():
    yield 1
    return 'done'
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value', e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
def lazy():
    print('started')
    yield 1
    print('resumed')
    yield 2
    print('finishing')
g = lazy()
print('created')
for v in g:
    print('got', v)
def empty():
    return
    yield
print(list(empty()))
g = count(2)
print(iter(g) is g)
print(list(g), list(g))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
for v in gen_with_finally():
    print(v)
def yield_expr_value():
    x = yield
    print('x =', x)
g = yield_expr_value()
next(g)
try:
    g.send(5)
except StopIteration:
    print('stopped')
def nested_gen():
    for i in range(3):
        for j in count(i):
            yield (i, j)
print(list(nested_gen()))
def running():
    g = count(3)
    try:
        next(g)
        yield 'inside'
    finally:
        pass
print(list(running()))
def gen_in_gen(n):
    if n:
        yield n
        yield from gen_in_gen(n - 1)
print(list(gen_in_gen(5)))
def recursion_guard():
    g = (i for i in range(3))
    return list(zip(g, g))
print(recursion_guard())
def gen_raise():
    yield 1
    raise ValueError('boom')
g = gen_raise()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('ValueError', e)
try:
    next(g)
except StopIteration:
    print('exhausted after error')
