# lambda expressions
sq = lambda x: x * x
print(sq(5), sq(-3))
print((lambda: 'no args')())
print((lambda a, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, d=4))
print((lambda a, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, 2, 3, 4, d=0, z=9))
print((lambda *a: a)(1, 2, 3))
print((lambda **k: sorted(k.items()))(b=1, a=2))
print((lambda x, /, y: x - y)(10, y=3))
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
f = lambda n: 1 if n <= 1 else n * f(n - 1)
print(f(10))
print(sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda: (yield))  .__class__.__name__)
tbl = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b}
print(tbl['add'](3, 4), tbl['sub'](3, 4))
print((lambda x: (x, x))(7))
print([(lambda y: y * i)(2) for i in range(3)])
