# string comparison, concatenation and repetition
words = ['banana', 'apple', 'Cherry', 'apple pie', 'app', '', 'B', 'b', '\u00e9clair', 'zebra']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words))
print('abc' == 'abc', 'abc' != 'abd', 'a' < 'b', 'abc' < 'abcd', 'abd' > 'abc', 'Z' < 'a', '' < ' ')
print('ab' * 3, 3 * 'ab', 'x' * 0, 'x' * -5, '' * 100, 'ab' * True)
print('a' + 'b' + 'c', 'con' 'cat', len('abc' * 1000))
try:
    'a' + 1
except TypeError as e:
    print('TypeError', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TypeError', e)
try:
    'a' * 1.5
except TypeError as e:
    print('TypeError', e)
try:
    'a' - 'b'
except TypeError as e:
    print('TypeError', e)
s = ''
for i in range(10):
    s += str(i)
print(s, len(s))
print('abc' < 'abd' < 'abe', 'abc'.__eq__('abc'), 'a'.__lt__('b'))
print(str(123) + str(4.5) + str(None) + str(True) + str([1]))
print(hash('abc') == hash('ab' + 'c'))
