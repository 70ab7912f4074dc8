# string indexing
s = 'abcdef'
print(s[0], s[5], s[-1], s[-6], s[2], s[-3])
for i in range(-6, 6):
    print(i, s[i], end=' ')
print()
try:
    s[6]
except IndexError as e:
    print('IndexError', e)
try:
    s[-7]
except IndexError as e:
    print('IndexError', e)
try:
    ''[0]
except IndexError as e:
    print('IndexError', e)
try:
    s['a']
except TypeError as e:
    print('TypeError', e)
try:
    s[1.0]
except TypeError as e:
    print('TypeError', e)
try:
    s[0] = 'z'
except TypeError as e:
    print('TypeError', e)
print(s[True], s[False])
print(type(s[0]).__name__, len(s[0]))
print([c for c in s], list(s), tuple('xy'))
print(s.__getitem__(1), 'xyz'[2 ** 1 - 3])
it = iter('hi')
print(next(it), next(it), next(it, 'done'))
class Idx:
    def __index__(self):
        return 2
print(s[Idx()])
print(s[10 ** 20 - 10 ** 20 + 1])
try:
    s[10 ** 20]
except IndexError as e:
    print('IndexError', e)
