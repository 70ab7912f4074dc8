# partition / rpartition
for s in ['key=value', 'key=val=ue', 'novalue', '=start', 'end=', '', '==']:
    print(repr(s), s.partition('='), s.rpartition('='))
print('a::b::c'.partition('::'), 'a::b::c'.rpartition('::'))
print('hello'.partition('hello'), 'hello'.rpartition('l'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError', e)
k, sep, v = 'host:8080'.partition(':')
print(k, sep, int(v) + 1)
