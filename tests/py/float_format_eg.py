# 'e', 'g', '%' and default float formatting
vals = [0.0, -0.0, 1.0, 10.0, 0.1, 1 / 3, 123456.789, 1234567.0, 1e16, 1e-4, 1e-5, 0.000123456, 1.5e300, 5e-324, 2.5, 100000.0, 999999.5, 9999995.0]
for v in vals:
    print(format(v, 'e'), format(v, '.0e'), format(v, '.3e'), format(v, 'E'), format(v, 'g'), format(v, '.3g'), format(v, '.10g'), format(v, 'G'), format(v, ''), format(v, '#g'))
for v in (0.0, 0.5, 0.12345, 1.0, 2.5, -0.375, 12.3456):
    print(format(v, '%'), format(v, '.0%'), format(v, '.2%'))
print(format(float('nan'), 'e'), format(float('inf'), 'g'), format(float('-inf'), 'E'), format(float('nan'), '%'))
print(format(1.5, '10.2e') + '|', format(-1.5, '<12g') + '|', format(1e100, '+.2e'))
print(format(0.0001, 'g'), format(0.00001, 'g'), format(123456, 'g'), format(1234567, 'g'))
print(format(1e6, '.6g'), format(1e6, '.7g'), format(1.0, '.0g'), format(15.0, '.1g'), format(25.0, '.1g'))
print(format(3.0, '.2g'), format(3.0, '#.2g'), format(0.0, '.0e'), format(100.0, '.1e'))
print('%e|%E|%g|%G' % (1e-10, 1e-10, 1e-10, 1e-10))
print(format(1.0, ''), format(1e16, ''), format(1e-5, ''), format(123.0, '.2'), format(123.456, '.5'))
print(str(1e16), str(1e15), '{}'.format(0.1), '{:.1}'.format(0.25))
print(format(12, 'e'), format(12, 'g'), format(12, '%'), format(12, '.2%'))
