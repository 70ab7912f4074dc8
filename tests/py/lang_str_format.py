# str.format
print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='Bob', age=7))
print('{0[0]} {0[1]} {1[k]}'.format([10, 20], {'k': 'v'}))
class P:
    x = 3
    y = 4
print('{0.x},{0.y}'.format(P()))
print('{:>8}|{:<8}|{:^8}|{:*^8}|'.format('r', 'l', 'c', 'c'))
print('{:5d}|{:05d}|{:+d}|{:x}|{:#b}|{:,}'.format(7, 7, 7, 255, 5, 10 ** 9))
print('{:.3f} {:10.2e} {:g} {:.1%}'.format(2 / 3, 12345.6789, 0.00001234, 0.4567))
print('{!r} {!s}'.format('q', 'q'))
print('{{}} {{{}}}'.format('in'))
print('{:{w}.{p}f}'.format(3.14159, w=10, p=2))
print('{0:{1}}|'.format('pad', 6))
print('{:c}'.format(65), '{:d}'.format(True), '{}'.format(None))
print('{:=+8d}|{:=8.1f}'.format(42, -3.5))
print('{:o} {:X} {:#X}'.format(64, 3054, 3054))
print('{}'.format([1, 'a']), '{}'.format((1,)), '{}'.format({'a': 1}))
print('{:,.2f}'.format(1234567.891))
print('{:_b}'.format(1023))
print('{0}{1}{0}'.format('ab', 'cd'))
print(format(12.5, '06.2f'), format('s', '^3'), format(255, 'x'), format(3))
print('{:s}'.format('text'), '{:10}|'.format(3.5))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError', e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print('KeyError', e)
try:
    '{:d}'.format('s')
except ValueError as e:
    print('ValueError', e)
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print('ValueError', e)
