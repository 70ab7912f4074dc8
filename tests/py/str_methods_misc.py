# other str methods and behaviours
print(len('hello'), len(''), 'hello'.__len__())
print('Hello {}'.format('there'), 'a{0}b{0}'.format('-'))
print('  x'.isspace(), 'abc'.isalpha())
print(str.upper('abc'), str.join('-', 'ab'), str.__name__)
print('abc'.maketrans('ab', 'xy') == {97: 120, 98: 121})
print('hello'.translate({ord('l'): 'L', ord('o'): None}))
print('abc'.translate(str.maketrans('abc', 'xyz')), 'hello'.translate(str.maketrans('', '', 'lo')))
print(sorted(set('hello')), list(enumerate('ab')))
print('x'.join(sorted('cba')), ''.join(['a'] * 3))
print('a1b2c3'[1::2], ''.join(c for c in 'a1b2c3' if c.isdigit()))
print(str(), str(5), str(-2.5), str([1, 'a']), str((1,)), str({'a': 'b'}), str(None), str(b'x'))
print('%s' % str, str(str) == "<class 'str'>")
print(type('').__name__, isinstance('', str), str is type('x'))
words = 'the quick brown fox jumps over the lazy dog'.split()
print(len(words), sorted(words, key=lambda w: (-len(w), w))[:3])
print(' '.join(w.capitalize() for w in words))
print(max(words, key=len), min(words, key=len))
counts = {}
for ch in 'abracadabra':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print('abc'.__contains__('b'), 'abc'.__add__('d'), 'ab'.__mul__(2))
print('tEsT'.swapcase().swapcase())
