# small integer basics
print(int(), int(5), int(-5), int(True), int(3.9), int(-3.9), int('42'), int(' -17 '))
print(type(1).__name__, isinstance(True, int), 1 == 1.0)
print(abs(-3), -abs(3), max(1, 2), min(1, 2))
print((5).bit_length(), (0).bit_length(), (-5).bit_length(), (255).bit_length(), (256).bit_length())
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print(int.__name__, (7).__class__ is int)
print(7 .bit_length())
n = 0
for i in range(100):
    n += i * i
print(n)
print(sum(range(1000)), sum(range(-50, 50)))
print(1000000 * 1000, 1073741823 * 2, -1073741824 * 2)
print(2 ** 30 - 1 + 1, -(2 ** 30) - 1, (2 ** 31 - 1) * 2)
print(int('0'), int('-0'), int('+5'), int('000123'))
print(10 == 10, 10 != 10)
a = 12345
b = 12345
print(a == b, hash(a) == hash(b))
print(round(7), round(-7), round(15, -1), round(25, -1), round(-15, -1), round(1234, -2))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes(b'', 'big'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OverflowError', e)
print(True + True + True, True * 7, -True, ~True, False - 1)
print(bool(0), bool(7), bool(-1))
print(0 < 1 < 2, -1 < 0, 5 // 1, 5 % 1)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 5))
