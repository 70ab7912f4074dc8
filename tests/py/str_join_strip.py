# join and strip family
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('abc'), ', '.join(('x',)), ' '.join(str(i) for i in range(4)))
print('ab'.join(['1', '2', '3']), '\n'.join(['l1', 'l2']))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError', e)
try:
    ','.join(5)
except TypeError as e:
    print('TypeError', e)
print(repr('  pad  '.strip()), repr('  pad  '.lstrip()), repr('  pad  '.rstrip()))
print(repr('\t\n x \r\n'.strip()), repr(''.strip()), repr('   '.strip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcHIcba'.lstrip('abc'), 'abcHIcba'.rstrip('cba'))
print('www.example.com'.strip('cmowz.'), '..a..'.strip('.'), 'aaa'.strip('a') == '')
print('hello'.strip(''), 'hello'.strip(None), repr(' x '.strip(None)))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
print(repr('\u3000ideo\u3000'.strip()), repr('\xa0nbsp\xa0'.strip()))
print(''.join(reversed('stressed')), '+'.join(map(str, [1, 2, 3])))
