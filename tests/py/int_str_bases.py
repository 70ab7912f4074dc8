# str / repr / hex / oct / bin of ints, small and big
for v in (0, 1, -1, 7, -7, 255, -255, 2 ** 31, 2 ** 32 - 1, 2 ** 64, -(2 ** 64), 10 ** 30 + 7, -(3 ** 80)):
    print(str(v), repr(v), hex(v), oct(v), bin(v) if abs(v) < 2 ** 70 else len(bin(v)))
print(format(255, 'x'), format(255, '#x'), format(255, '08b'), format(-255, 'x'), format(2 ** 70, 'X'))
print(format(10 ** 20, ','), format(-(10 ** 20), '_'), format(2 ** 40, '>20'), format(-42, '010d'))
print(format(2 ** 100, 'o'))
print('%d|%x|%o' % (2 ** 80, 2 ** 80, 2 ** 80))
print(str(2 ** 333)[::-1][:30])
print(int(str(7 ** 200)) == 7 ** 200, int(hex(7 ** 100), 16) == 7 ** 100, int(oct(5 ** 90), 8) == 5 ** 90)
print(int(bin(3 ** 70), 2) == 3 ** 70)
print(f'{2 ** 90:,}', f'{-(2 ** 90):x}', f'{2 ** 90:e}', f'{2 ** 90:.3g}')
print(len(str(10 ** 1000)), str(10 ** 1000 - 1).count('9'))
print(repr(-0), str(--5))
