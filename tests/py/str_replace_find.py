# replace / find / rfind / index / rindex / count
s = 'the cat sat on the mat'
print(s.replace('at', 'og'), s.replace('at', 'og', 1), s.replace('the', ''), s.replace('', '-')[:12], s.replace('zz', 'y'))
print('aaaa'.replace('aa', 'b'), 'abc'.replace('', '.'), ''.replace('', 'x'), 'abc'.replace('abc', ''), 'aaa'.replace('a', 'a', 0))
print('aaa'.replace('a', 'bb', -1), 'aaa'.replace('a', 'b', 2))
print(s.find('at'), s.find('at', 5), s.find('at', 5, 9), s.find('dog'), s.find(''), s.find('', 100), s.find('the', -6))
print(s.rfind('at'), s.rfind('at', 0, 10), s.rfind('zz'), s.rfind(''), s.rfind('t', -3))
print(s.index('sat'), s.rindex('the'), s.index('t', 1), s.rindex('t', 0, 5))
try:
    s.index('dog')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('dog')
except ValueError as e:
    print('ValueError', e)
print(s.count('at'), s.count('t'), s.count(''), s.count('at', 10), s.count('at', 0, 8), 'aaaa'.count('aa'), ''.count(''))
print('abcabc'.find('c', -2), 'abcabc'.find('a', -100), 'abcabc'.rfind('a', -100, -2))
print(s.find('t', None, None), s.count('t', None, 5))
try:
    s.find(1)
except TypeError as e:
    print('TypeError', e)
try:
    s.replace('a')
except TypeError as e:
    print('TypeError', e)
