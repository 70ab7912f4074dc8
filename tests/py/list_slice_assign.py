# slice assignment and deletion
l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[1:1] = [100, 200, 300]
print(l)
l[:2] = []
print(l)
l[-2:] = 'xyz'
print(l)
l[::2] = [0] * len(l[::2])
print(l)
l[:] = [1, 2, 3]
print(l)
l[len(l):] = [4, 5]
print(l)
l[1::2] = ['odd', 'odd2']
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError', e)
try:
    l[1:2] = 5
except TypeError as e:
    print('TypeError', e)
m = list(range(10))
del m[1:3]
print(m)
del m[::2]
print(m)
del m[-2:]
print(m)
del m[:]
print(m)
n = list(range(8))
n[5:2] = ['x']
print(n)
n[::-1] = list(range(9))
print(n)
a = [1, 2, 3]
a[1:2] = a
print(a)
b = [1, 2, 3]
b[0:0] = (x * 10 for x in range(2))
print(b)
c = list(range(6))
c[10:20] = [9]
print(c)
c[-100:1] = ['start']
print(c)
