# bitwise operators
for a in (0, 1, 5, 12, -1, -5, 255, -256):
    for b in (0, 3, -3, 10):
        print(a, b, a & b, a | b, a ^ b)
for a in (1, 5, -1, -5, 255, -255):
    print(a, ~a, a << 1, a << 10, a >> 1, a >> 3, a >> 100)
print(1 << 31, 1 << 32, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 100, (-1 << 100) >> 99, (1 << 100) >> 98)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0xAA)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(True & 3, 2 | True)
print(~True, ~False)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b0110
print(x)
x ^= 0b1111
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4))
try:
    print(1 << -1)
except ValueError as e:
    print('ValueError', e)
try:
    print(1 >> -1)
except ValueError as e:
    print('ValueError', e)
