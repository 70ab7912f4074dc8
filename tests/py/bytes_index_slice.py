# bytes indexing and slicing
b = b'abcdefgh'
print(b[0], b[-1], b[3], type(b[0]).__name__)
print(b[1:4], b[::-1], b[::2], b[-3:], b[:0], b[5:1:-1], b[100:])
try:
    b[8]
except IndexError as e:
    print('IndexError', e)
for x in b'xyz':
    print(x, end=' ')
print()
print(b'abc'.index(b'c'), b'abc'.find(b'z'), b'abc'.index(98), b'abcb'.count(b'b'), b'abcb'.count(98))
print(b'abc' in b'xabcx', 99 in b'abc', 100 in b'abc', b'' in b'abc')
try:
    256 in b'abc'
except ValueError as e:
    print('ValueError', e)
try:
    'a' in b'abc'
except TypeError as e:
    print('TypeError', e)
ba = bytearray(b'abcdefgh')
print(ba[0], ba[-1], ba[2:5], ba[::-2], type(ba[1:3]).__name__)
print(b'hello'[1:3] == bytearray(b'hello')[1:3])
