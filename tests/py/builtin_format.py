# format() builtin
print(format(5), format(5, ''), format(5, 'd'), format(5, '5'), format(5, '<5') + '|', format(5, '^5') + '|', format(5, '05'))
print(format(-5, '+'), format(5, '+'), format(5, ' '), format(-5, '=6'), format(255, 'x'), format(255, 'X'), format(255, '#o'), format(5, 'b'))
print(format(1234567, ','), format(1234567, '_'), format(-1234.5, ',.1f'), format(0xABCDEF, '_x'))
print(format(3.14159, '.2f'), format(3.14159, '8.3f'), format(3.14159, 'e'), format(3.14159, 'g'), format(1e-7, 'g'), format(0.5, '%'))
print(format('s', '5') + '|', format('s', '>5'), format('s', '^5') + '|', format('abc', '.2'), format('abc', '*<6'))
print(format(True), format(True, 'd'), format(None), format([1, 2]), format((1,)), format(65, 'c'))
try:
    format('s', 'd')
except ValueError as e:
    print('ValueError', e)
try:
    format(1.5, 'd')
except ValueError as e:
    print('ValueError', e)
try:
    format(5, 'z')
except ValueError as e:
    print('ValueError', e)
try:
    format([], 'x')
except TypeError as e:
    print('TypeError', e)
try:
    format('x', '=5')
except ValueError as e:
    print('ValueError', e)
try:
    format(5.5, 'x')
except ValueError as e:
    print('ValueError', e)
print(format(2 ** 64, ','), format(-(2 ** 64), '#x'), format(10, '#b'), format(0, '#x'))
print(format(12.0, ''), format(100, 'e'), format(7, '.2f'), format(7, '%'))
