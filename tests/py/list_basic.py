# list basics
l = [1, 2, 3]
print(l, len(l), l[0], l[-1], type(l).__name__)
l[0] = 'one'
print(l)
l.append(4)
l.extend([5, 6])
l.extend(range(7, 9))
l.extend('ab')
print(l)
l.insert(0, 'first')
l.insert(100, 'last')
l.insert(-1, 'before last')
l.insert(-100, 'very first')
print(l)
print(l.pop(), l.pop(0), l.pop(2), l)
l.remove('a')
print(l)
print(l.index(4), l.index(5, 3), l.count(4))
try:
    l.index('zz')
except ValueError as e:
    print('ValueError', e)
try:
    l.remove('zz')
except ValueError as e:
    print('ValueError', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError', e)
try:
    l[100]
except IndexError as e:
    print('IndexError', e)
try:
    l[100] = 1
except IndexError as e:
    print('IndexError', e)
try:
    l['x']
except TypeError as e:
    print('TypeError', e)
c = l.copy()
c.clear()
print(c, len(l))
r = [3, 1, 2]
r.reverse()
print(r)
print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1}), list(x * 2 for x in range(3)))
print([1, 2] + [3], [0] * 5, [1, 2] * 2, 2 * [None], [] * 3, [1] * -1)
x = [[]] * 3
x[0].append(1)
print(x)
print([1, [2, [3, [4]]]], [[]], [()])
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4])
print(sum([1, 2, 3]), max([3, 7, 1]), min([3, 7, 1]), sorted([3, 1, 2]), list(reversed([1, 2, 3])))
print([1, 2, 3].__len__(), [1, 2] == [1, 2], [1, 2] != [2, 1])
self_ref = [1]
self_ref.append(self_ref)
print(self_ref)
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError', e)
try:
    [1].append(1, 2)
except TypeError as e:
    print('TypeError', e)
