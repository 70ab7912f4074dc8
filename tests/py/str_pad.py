# center / ljust / rjust / zfill / expandtabs
for w in (0, 3, 8, 9):
    print(repr('abc'.center(w)), repr('abc'.ljust(w)), repr('abc'.rjust(w)), repr('abcd'.center(w, '*')))
print('ab'.center(5, '-'), 'ab'.center(6, '-'), 'abc'.center(6, '-'), 'abc'.center(5, '-'), 'a'.center(4, '.'))
print('x'.ljust(4, '0'), 'x'.rjust(4, '0'))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), '42'.zfill(1), ''.zfill(3), 'abc'.zfill(6), '-'.zfill(3), '3.14'.zfill(8))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError', e)
try:
    'a'.ljust('5')
except TypeError as e:
    print('TypeError', e)
print(repr('a\tb'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('\tx\ty'.expandtabs(2)))
print('|' + 'name'.ljust(10) + '|' + 'qty'.rjust(5) + '|')
for item, qty in [('apple', 3), ('kiwi', 12), ('banana', 100)]:
    print(item.ljust(8, '.') + str(qty).rjust(4))
