# split / rsplit / splitlines
print('a b  c'.split(), '  lead and trail  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ','.split(','), ''.split(','), 'abc'.split(','))
print('a--b--c'.split('--'), 'a b c d'.split(' ', 2), 'a b c d'.split(maxsplit=1))
print('a b c d'.rsplit(' ', 2), 'a b c d'.rsplit(maxsplit=1), 'a,b,c'.rsplit(','), '  x  y  '.rsplit())
print('a\tb\nc\r\nd\x0be\x0cf'.split())
print('1,2,3'.split(',', 0), '1,2,3'.split(',', -1), '1,2,3'.rsplit(',', 0), '  a b '.split(None, 0))
print('aaa'.split('a'), 'aaa'.split('aa'), 'aaa'.rsplit('aa'))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError', e)
try:
    'abc'.split(1)
except TypeError as e:
    print('TypeError', e)
print('line1\nline2\r\nline3\rline4'.splitlines())
print('a\n\nb\n'.splitlines(), 'a\n\nb\n'.splitlines(True), ''.splitlines(), '\n'.splitlines())
print('x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r'.splitlines())
print('no newline'.splitlines(), 'trailing\n'.splitlines(keepends=True))
print('k=v'.split('=', 1), 'k=v=w'.split('=', 1), 'k=v=w'.rsplit('=', 1))
print('a b'.split(' '), 'a  b'.split(' '), ' a b '.split(' '))
print('mississippi'.split('ss'), 'mississippi'.split('i'), 'mississippi'.rsplit('i', 2))
