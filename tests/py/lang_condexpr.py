# conditional expressions
for x in range(-2, 3):
    print(x, 'pos' if x > 0 else 'neg' if x < 0 else 'zero')
print(1 if True else 2, 1 if False else 2)
print([i if i % 2 else -i for i in range(6)])
f = lambda n: 'even' if n % 2 == 0 else 'odd'
print(f(3), f(4))
def side(tag, v):
    print('eval', tag)
    return v
print(side('a', 1) if side('c', True) else side('b', 2))
print(side('a', 1) if side('c', False) else side('b', 2))
x = (lambda: 1) if 0 else (lambda: 2)
print(x())
print(('yes' if [] else 'no'), ('yes' if [0] else 'no'))
y = 5
z = y * 2 if y > 3 else y / 2
print(z)
print((1, 2) if y else (3, 4))
