# shifts and bitwise operations on big and negative ints
for a in (1, -1, 5, -5, 2 ** 40 + 3, -(2 ** 40) - 3, 2 ** 100 - 1, -(2 ** 100)):
    print(a, [a << n for n in (0, 1, 31, 32, 33, 64, 100)])
    print(a, [a >> n for n in (0, 1, 31, 32, 33, 64, 100, 200)])
print(1 << 1000 >> 998, -1 >> 1000, -(2 ** 1000) >> 999, (2 ** 1000 + 1) >> 1000, 0 << 10 ** 20, 5 >> 10 ** 30, -5 >> 10 ** 30)
masks = (0, 1, -1, 0xff, -256, 2 ** 64 - 1, -(2 ** 64), 2 ** 70 + 12345, -(2 ** 70) + 1)
for a in masks:
    print([a & b for b in masks])
    print([a | b for b in masks])
    print([a ^ b for b in masks])
print(~(2 ** 100), ~-(2 ** 100), ~0, ~-1, -(2 ** 65) & (2 ** 64 + 7), (2 ** 65) | -3)
for v in (0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64) - 1, 10 ** 40, -(10 ** 40)):
    print(v, v.bit_length(), v.bit_count())
try:
    1 << -1
except ValueError as e:
    print('ValueError', e)
try:
    (2 ** 100) >> -(2 ** 100)
except ValueError as e:
    print('ValueError', e)
