# global and nonlocal
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make_global():
    global created
    created = 'yes'
make_global()
print(created)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x
print(outer())
def outer2():
    a = 'outer'
    def mid():
        def inner():
            nonlocal a
            a = 'changed by inner'
        inner()
    mid()
    return a
print(outer2())
g = 'global g'
def shadow():
    g = 'local g'
    return g
print(shadow(), g)
def read_global():
    return g
print(read_global())
def counter_factory():
    count = 0
    def step(n=1):
        nonlocal count
        count += n
        return count
    return step
c1 = counter_factory()
c2 = counter_factory()
print(c1(), c1(), c1(5), c2(), c1())
def nested_global():
    def inner():
        global gv
        gv = 99
    inner()
nested_global()
print(gv)
def f():
    x = 0
    def g():
        nonlocal x
        def h():
            nonlocal x
            x += 10
        h()
        x += 1
    g()
    g()
    return x
print(f())
x = 'module x'
class K:
    x = 'class x'
    def m(self):
        return x
print(K().m(), K.x)
