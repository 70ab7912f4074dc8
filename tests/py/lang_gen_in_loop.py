# fzpy: big-heap
# generators resumed by `for` and `yield from` in Python code (run in the caller's loop)
def count(n):
    for i in range(n):
        yield i
    return 'count done'

def chain(depth):
    if depth == 0:
        yield 'leaf'
        return 0
    r = yield from chain(depth - 1)
    yield depth
    return r + 1

# deep delegation, values and return values through every level
print(list(chain(5)))
print(sum(x for x in chain(100) if isinstance(x, int)))

def outer():
    r = yield from chain(3)
    yield ('returned', r)
print(list(outer()))

# nested for loops over generators, break, then resuming by hand
g = count(10)
for a in g:
    if a == 3:
        break
print('after break', next(g), list(g))
pairs = [(a, b) for a in count(3) for b in count(a)]
print(pairs)

# exceptions raised inside, caught by the caller's handler
def bad(n):
    yield n
    raise ValueError('bad %d' % n)
for n in range(2):
    try:
        for v in bad(n):
            print('got', v)
    except ValueError as e:
        print('caught', e)

def catches():
    try:
        yield from bad(7)
    except ValueError as e:
        yield 'delegate raised: ' + str(e)
    yield 'after'
print(list(catches()))

# a finally block in a delegate runs when it finishes
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('finally ran')
def wraps():
    yield from with_finally()
    yield 3
print(list(wraps()))

# PEP 479
def leaks():
    yield 1
    raise StopIteration('x')
try:
    for v in leaks():
        print('leak', v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

# send() and throw() reach the innermost delegate
def acc():
    total = 0
    while True:
        try:
            x = yield total
        except KeyError:
            x = 100
        if x is None:
            return total
        total += x
def mid():
    r = yield from acc()
    yield ('total', r)
m = mid()
print(next(m), m.send(5), m.send(7), m.throw(KeyError), m.send(None))

# a generator cannot resume itself
def selfish():
    for v in me:
        yield v
me = selfish()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)

# yield from a non-generator iterator and from a generator that never yields
def mixed():
    yield from [1, 2]
    yield from iter((3,))
    yield from (x for x in ())
    yield from count(0)
    yield 4
print(list(mixed()))

# generators left suspended at many levels, then closed
gs = [chain(4) for _ in range(3)]
print([next(x) for x in gs])
for x in gs:
    x.close()
print([list(x) for x in gs])

# the same generator object driven by for, next and send in turn
def echo():
    v = None
    while True:
        v = yield v
e = echo()
next(e)
print(e.send('a'), next(e), e.send('b'))
for i, v in zip(range(2), e):
    print('zip', i, v)

# str % with an instance as the single operand
class P:
    def __str__(self):
        return 'P!'
print('%s' % P(), '%s' % ValueError('v'))
