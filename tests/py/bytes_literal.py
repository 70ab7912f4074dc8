# bytes literals, constructors and repr
print(b'', b'abc', b'\x00\xff', b'\n\r\t\\', b"quote'", b'dq"', b'both\'"')
print(repr(b'\x7f\x80'), repr(b' ~'), repr(bytes(range(0, 256, 17))))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(5)), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes('str', 'utf-8'), bytes('\u00e9', 'utf-8'), bytes(x for x in [104, 105]))
print(bytes.fromhex('48656c6c6f'), bytes.fromhex('de ad be ef'), b'\xde\xad'.hex(), b'abc'.hex())
try:
    bytes([256])
except ValueError as e:
    print('ValueError', e)
try:
    bytes([-1])
except ValueError as e:
    print('ValueError', e)
try:
    bytes('abc')
except TypeError as e:
    print('TypeError', e)
try:
    bytes(-1)
except ValueError as e:
    print('ValueError', e)
try:
    bytes(['a'])
except TypeError as e:
    print('TypeError', e)
try:
    bytes.fromhex('zz')
except ValueError as e:
    print('ValueError', e)
print(type(b'').__name__, len(b'abc'), len(bytes(10)), b'a' * 3, b'ab' + b'cd', 2 * b'x')
print(b'abc' == b'abc', b'abc' < b'abd', b'a' < b'ab', b'b' > b'abc', b'abc' == 'abc', b'' == bytearray())
print(str(b'abc'), bytes(5) == b'\x00' * 5)
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'])
print(list(b'hi'), tuple(b'\x01\x02'), [bytes([b]) for b in b'ab'])
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError', e)
try:
    b'ab'[0] = 1
except TypeError as e:
    print('TypeError', e)
