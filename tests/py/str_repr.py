# repr of strings: quote choice and escapes
tests = ['', 'plain', "it's", 'say "hi"', 'both \' and "', '\n', '\t\r', '\\', '\x00\x01\x1f', '\x7f', '\x80', '\xa0', '\xff', '\u0100', '\u2028', '\ufeff', '\U0001F600', 'caf\u00e9', '\ud7ff', "'", '"', '\'"\'']
for s in tests:
    print(repr(s), ascii(s), len(repr(s)))
print(str('x'), str(''), repr(repr('a')), str(repr("'")))
print(['a', "b'c", 'd"e'], ('\n',), {'k\t': 'v\\'})
print(repr('a' * 3), eval(repr('mixed \' " \n \x00 \u00e9')) == 'mixed \' " \n \x00 \u00e9')
print('%r' % 'q', '{!r}'.format('q'), f'{"q"!r}')
