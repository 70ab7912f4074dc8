# printf-style % formatting
print('%d %i %s %r' % (42, -7, 'str', 'str'))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %o %#x %#X %#o' % (255, 255, 8, 255, 255, 8))
print('%f %.2f %10.3f %-10.1f| %e %.3E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 0.0001, 1e20))
print('%s and %s' % ('a', 'b'))
print('%s' % 'single')
print('%s' % (('tuple',),))
print('%s' % [1, 2])
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 30})
print('100%% sure, %d%%' % 50)
print('%c%c' % (72, 'i'))
print('%.3s|%10s|%-10s|' % ('abcdef', 'right', 'left'))
print('%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159))
print('%d' % 3.99, '%d' % -3.99, '%s' % 3.0, '%r' % 0.1)
print('%x' % -255, '%o' % -8, '%d' % 10 ** 20, '%x' % 2 ** 70)
print('%5.1f%%' % 99.44)
print('%g %g %g %g %g' % (100000, 1000000, 1e-4, 1e-5, 1.5))
print('%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, -0.5))
print('%s %s' % (True, None), '%d' % True)
print('%-6s|%6s|' % ('ab', 'cd'))
print(b'%d bytes %s' % (5, b'raw'))
try:
    print('%d %d' % (1,))
except TypeError as e:
    print('TypeError', e)
try:
    print('%d' % (1, 2))
except TypeError as e:
    print('TypeError', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError', e)
try:
    print('%(k)s' % {})
except KeyError as e:
    print('KeyError', e)
try:
    print('%z' % 1)
except ValueError as e:
    print('ValueError', e)
