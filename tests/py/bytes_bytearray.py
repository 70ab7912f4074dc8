# bytearray mutation
ba = bytearray(b'hello')
print(ba, len(ba), repr(ba))
ba[0] = 74
print(ba)
ba[-1] = ord('y')
print(ba)
ba.append(33)
print(ba)
ba.extend(b' world')
ba.extend([33, 33])
print(ba)
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord('w'))
print(ba)
ba[1:3] = b'XYZ'
print(ba)
ba[::2] = b'_' * len(ba[::2])
print(ba)
del ba[::3]
print(ba)
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba))
try:
    ba.pop()
except IndexError as e:
    print('IndexError', e)
b2 = bytearray(5)
print(b2)
b2[2] = 255
print(b2, list(b2))
try:
    b2[0] = 256
except ValueError as e:
    print('ValueError', e)
try:
    b2[0] = 'a'
except TypeError as e:
    print('TypeError', e)
try:
    b2.remove(77)
except ValueError as e:
    print('ValueError', e)
b3 = bytearray(range(10))
b3[2:8] = b''
print(b3)
b3 += b'\xff'
print(b3, b3 * 2, bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'))
b4 = bytearray(b'abc')
c = b4.copy()
c[0] = 0
print(b4, c, b4 == b'abc', bytes(b4), b4.decode())
print(bytearray([1, 2, 3]), bytearray('txt', 'ascii'), bytearray(b'x') in [b'x'])
b5 = bytearray(b'sort me')
print(bytearray(sorted(b5)), b5.count(b'e'), b5.index(b't'))
b6 = bytearray(b'0123456789')
b6[1:9:2] = b'abcd'
print(b6)
try:
    b6[::2] = b'xy'
except ValueError as e:
    print('ValueError', e)
try:
    hash(bytearray(b'a'))
except TypeError as e:
    print('TypeError', e)
