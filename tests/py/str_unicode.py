# unicode strings: code point semantics
s = 'h\u00e9llo w\u00f6rld \u20ac \U0001F600!'
print(s, len(s))
print(s[1], s[7], s[12], s[14], s[-1], s[-2])
print(s[1:5], s[::-1], s[12:15])
print([ord(c) for c in s[10:]])
print(s.upper(), s.capitalize(), s.title())
print(s.find('\u20ac'), s.index('\U0001F600'), s.count('l'), '\u00e9' in s)
print(s.encode('utf-8'))
print(len(s.encode('utf-8')), s.encode().decode('utf-8') == s)
print('\u00e9'.encode(), '\u20ac'.encode(), '\U0001F600'.encode())
print(b'\xc3\xa9\xe2\x82\xac'.decode(), len(b'\xc3\xa9\xe2\x82\xac'.decode()))
print(chr(233), chr(8364), chr(0x1F600) == '\U0001F600', ord('\u00e9'), ord('\U0001F600'))
print(repr('\u00e9'), repr('\u20ac'), repr('\U0001F600'), repr('\x00\u0080'))
print('\u00e9' < '\u20ac' < '\U0001F600', 'z' < '\u00e9', sorted('\u20acz\u00e9a'))
g = 'gr\u00fc\u00dfe'
print(g, g.upper(), g.lower(), len(g), len(g.upper()))
print('\u0391\u0392\u0393'.lower(), '\u03b1\u03b2\u03b3'.upper())
print(' '.join(['\u00e9t\u00e9', '\u00e0', '\u00e7a']), 'caf\u00e9'.split('\u00e9'))
print('\u00e9\u00e9\u00e9'.replace('\u00e9', 'e'), '-'.join('\u00e4\u00f6\u00fc'))
print('\u00e9'.isalpha(), '\u0663'.isdigit(), '\u00e9'.islower(), '\u00c9'.isupper(), '\u2028'.isspace())
print('ab\u00e9'.center(9, '\u2022'), '\u00e9'.zfill(3), '\u00e9' * 3)
print(list('a\u00e9\U0001F600'), [c for c in reversed('a\u00e9\U0001F600')])
print(str(b'\xc3\xa9', 'utf-8'), 'x\u00e9y'.encode('utf-8').hex())
for c in 'a\u00e9\u20ac\U0001F600':
    print(c, ord(c), len(c.encode()))
print('\u00e9t\u00e9'.startswith('\u00e9'), '\u00e9t\u00e9'.endswith('t\u00e9'), '\u00e9t\u00e9'.rfind('\u00e9'))
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    '\u00e9'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
