# assignment forms and evaluation order
def v(tag, value):
    print('eval', tag)
    return value
a = b = v('rhs', [])
print(a is b)
x = [0, 0]
i = 0
i = x[i] = 1
print(i, x)
d = {}
d[v('key', 'k')] = v('value', 'v')
print(d)
print(v('left', 1) + v('right', 2) * v('third', 3))
def f(a, b, c):
    return a, b, c
print(f(v('a', 1), v('b', 2), v('c', 3)))
lst = [v('e1', 1), v('e2', 2)]
dd = {v('k1', 'a'): v('v1', 1), v('k2', 'b'): v('v2', 2)}
print(lst, dd)
obj_list = [[0, 0], [0, 0]]
obj_list[v('i', 0)][v('j', 1)] = v('val', 5)
print(obj_list)
t = v('x', 1), v('y', 2)
print(t)
a, b = v('first', 1), v('second', 2)
n = 0
def bump():
    global n
    n += 1
    return n
res = [bump(), bump(), bump()]
print(res)
s = v('s1', 'a') < v('s2', 'b') < v('s3', 'c')
print(s)
x = y = z = 0
x += 1
print(x, y, z)
