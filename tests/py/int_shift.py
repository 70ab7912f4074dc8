# shifts on small and big, positive and negative ints
for v in (1, 3, -1, -3, 255, -256, 2 ** 40, -(2 ** 40) + 1, 10 ** 20, -(10 ** 20)):
    print(v, [v << s for s in (0, 1, 7, 31, 32, 33, 64, 65)])
    print(v, [v >> s for s in (0, 1, 7, 31, 32, 33, 64, 65, 200)])
print(1 << 1000 >> 999, (1 << 1000) - 1 >> 998)
print(-1 >> 1, -2 >> 1, -3 >> 1, -(2 ** 100) >> 99, (-(2 ** 100) - 1) >> 99)
print((0xdeadbeef << 40) >> 40 == 0xdeadbeef)
print(0 << 100, 0 >> 5, 5 >> 0)
x = 1
for i in range(100):
    x <<= 1
print(x, x.bit_length())
for i in range(100):
    x >>= 1
print(x)
try:
    1 << -2
except ValueError as e:
    print('ValueError', e)
try:
    1 << 1.0
except TypeError as e:
    print('TypeError', e)
print(True << 3, 8 >> True)
