# bitwise ops on negative and big ints (two's complement semantics)
vals = [0, 1, -1, 7, -7, 255, -256, 2 ** 32 - 1, -(2 ** 32), 2 ** 70 + 12345, -(2 ** 70) - 99, 2 ** 64, -(2 ** 64)]
for a in vals:
    print(a, ~a)
for a in vals:
    for b in (-1, -8, 0xFF, -(2 ** 65) + 3, 2 ** 66 - 1):
        print(a & b, a | b, a ^ b)
print(-1 & 0xFFFFFFFF, -2 & 0xFF, (-(2 ** 100)) & (2 ** 101 - 1))
print(~(2 ** 100), ~-(2 ** 100))
print((2 ** 100 | 1) ^ 2 ** 100, -(2 ** 100) ^ -1)
x = 0x123456789ABCDEF0123456789
print(hex(x & 0xFFFF), hex(x >> 64), hex(x ^ x), hex(x | 0xF))
print(bin(-5 & 0xF), bin(-5 | 0xF), bin(-5 ^ 0xF))
