# int methods and attributes
for v in (0, 1, 5, 255, 256, -1, -256, 2 ** 64 - 1, -(2 ** 64), 10 ** 30):
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.numerator, v.denominator, v.real, v.imag)
print((1000).to_bytes(2, 'big'), (1000).to_bytes(2, 'little'), (2 ** 64 - 1).to_bytes(8, 'big'), (-2).to_bytes(1, 'big', signed=True))
print(int.from_bytes(b'\xff\xff', 'big'), int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\x00\x01', 'little'), int.from_bytes(bytes(range(1, 17)), 'big'))
print(int.from_bytes([1, 2], 'big'), (0).to_bytes(0, 'big'), (127).to_bytes(1, 'big', signed=True))
for v, n, signed in ((128, 1, True), (-129, 1, True), (-1, 4, False), (2 ** 32, 4, False)):
    try:
        v.to_bytes(n, 'big', signed=signed)
    except OverflowError as e:
        print('OverflowError', e)
try:
    (1).to_bytes(1, 'middle')
except ValueError as e:
    print('ValueError', e)
print((5).__index__(), (-7).__abs__(), (3).__add__(4), (3).__radd__(4), (10).__mod__(3), (2).__pow__(10))
print((5).__add__(1.5), (True).__add__(1))
print(int.__mro__ == (int, object), issubclass(bool, int), (7).conjugate())
