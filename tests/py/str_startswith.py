# startswith / endswith
s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.startswith(''), s.startswith('hello world!'))
print(s.endswith('world'), s.endswith('hello'), s.endswith(''), s.endswith('d'))
print(s.startswith(('x', 'he')), s.endswith(('x', 'y')), s.startswith(()))
print(s.startswith('world', 6), s.startswith('wor', 6, 8), s.startswith('wor', 6, 9), s.endswith('hello', 0, 5), s.endswith('o', -5, -3))
print(s.startswith('h', -100), s.endswith('d', 100), ''.startswith(''), ''.endswith('a'))
try:
    s.startswith(['h'])
except TypeError as e:
    print('TypeError', e)
files = ['a.py', 'b.txt', 'c.PY', 'd.pyc']
print([f for f in files if f.endswith('.py')], [f for f in files if f.lower().endswith(('.py', '.txt'))])
