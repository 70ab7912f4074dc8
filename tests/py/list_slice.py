# list slicing
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-3], l[::2], l[1::3], l[::-1], l[8:2:-2], l[100:], l[-100:2], l[5:2])
print(l[::-3], l[-1:-4:-1], l[3:3], l[:], l[:] is l, l[:] == l)
for start in (None, -12, -3, 0, 4, 12):
    print([l[start:stop:step] for stop in (None, -1, 6) for step in (None, 2, -2)])
try:
    l[::0]
except ValueError as e:
    print('ValueError', e)
nested = [[1, 2], [3, 4], [5, 6]]
print(nested[1:][0][1], nested[::-1][0])
s = l[2:6]
s[0] = 'changed'
print(l[2], s)
print(l[slice(1, 8, 3)], l[slice(None)], l[slice(-2, None)])
