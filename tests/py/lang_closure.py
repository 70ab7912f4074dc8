# closures
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(4)]
print([m(2) for m in make_multipliers()])
def late():
    fs = [lambda x: x * k for k in range(4)]
    return [f(2) for f in fs]
print(late())
def outer():
    v = 'before'
    def get():
        return v
    v = 'after'
    return get
print(outer()())
def acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
a = acc()
print(a(1), a(2), a(3))
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(2)(3)(4))
def shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = shared()
inc(); inc(); inc()
print(get())
def closure_over_param(items):
    return lambda: len(items)
items = [1, 2]
f = closure_over_param(items)
items.append(3)
print(f())
def gen_closure(n):
    def g():
        for i in range(n):
            yield i * n
    return g
print(list(gen_closure(3)()))
print(make_adder(1).__name__)
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda x: x * 2, abs)(-21))
