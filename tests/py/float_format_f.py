# 'f' formatting with many precisions
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 0.125, 0.1, 1 / 3, 2 / 3, 123.456, -123.456, 1e10, 1.23456789e-5, 999.9996, 1e22, 5e-324, 0.045, 1.0005]
for v in vals:
    print(' '.join(format(v, '.%df' % p) for p in (0, 1, 2, 3, 6, 10)))
print(format(3.14159, 'f'), format(-3.14159, 'F'), format(1e300, '.0f')[:20], len(format(1e300, '.0f')))
print('%.2f %.2f %.2f %.2f' % (0.125, 0.375, 2.675, 1.005))
print('%10.3f|%-10.3f|%+.1f|% .1f|%010.2f' % (3.14159, 3.14159, 2.0, 2.0, -3.14159))
print(format(float('inf'), 'f'), format(float('-inf'), '.2f'), format(float('nan'), 'F'), format(float('inf'), 'F'))
print(format(1234567.891, ',.2f'), format(1234567.891, '_.1f'), format(0.1, '.20f'), format(1.1, '.17f'))
print(format(2 ** 0.5, '.30f'))
print(format(1e-7, 'f'), format(123456789.123456789, 'f'))
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(3.5, '.0f'), format(-2.5, '.0f'))
print(format(7, 'f'), format(-7, '.2f'), format(2 ** 70, '.1f'))
print(format(9.995, '.2f'), format(9.9949, '.2f'), format(99.5, '.0f'))
print(format(12.5, '10.2f'), format(12.5, '<10.2f') + '|', format(12.5, '^10.2f') + '|', format(12.5, '*>10.1f'))
