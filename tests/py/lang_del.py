# del statement
x = 5
del x
try:
    print(x)
except NameError as e:
    print('NameError', e)
l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
class O:
    pass
o = O()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, 'a'), hasattr(o, 'b'))
try:
    del o.a
except AttributeError as e:
    print('AttributeError', e)
a, b = 1, 2
del a, b
print('a' in globals(), 'b' in globals())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return 'UnboundLocalError ' + str(e)
print(f())
l = [[1, 2], [3, 4]]
del l[0][1]
print(l)
try:
    del l[10]
except IndexError as e:
    print('IndexError', e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print('TypeError', e)
s = 'abc'
try:
    del s[0]
except TypeError as e:
    print('TypeError', e)
ba = bytearray(b'hello')
del ba[1:3]
print(ba)
for i in range(3):
    pass
del i
print('i' in dir())
