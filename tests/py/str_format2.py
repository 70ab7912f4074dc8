# fzpy: big-heap
# str.format / format_map / % / format() edge cases and error messages
def check(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

class P:
    x = 3
    name = 'pt'
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p-str'
class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'
class Bad:
    def __format__(self, spec):
        return 5

# str.format
print('{} {} {}'.format(1, 'a', 2.5), '{2}{1}{0}'.format('a', 'b', 'c'), '{0}{0}'.format('é'))
print('{x}-{y}'.format(x=1, y='two'), '{0}-{k}'.format(0, k='kw'), '{}'.format(P()), '{!r}'.format(P()), '{!s:>7}'.format(P()))
print('{0.x} {0.name} {1[0]} {1[1][a]} {2[k]}'.format(P(), [1, {'a': 'deep'}], {'k': 'v'}))
print('{:>6}|{:<6}|{:^6}|{:*^7}|{:06.2f}|{:+}|{:,}|{:_x}|{:#o}'.format('a', 'b', 'c', 'd', 3.14159, 5, 1234567, 65535, 8))
print('{:{}}|{:{w}.{p}}|{:{}{}}'.format('ab', 5, 1.23456, 'x', '>', 4, w=8, p=3))
print('{!a}'.format('é€'), '{!r:^9}'.format('hi'), '{0!s}'.format(1.5), '{:}'.format(7), '{{}}{{{0}}}'.format('z'))
print('{}'.format(F()), '{:abc}'.format(F()), '{0:{1}}'.format(F(), 'nested'))
print('{:10}|{:<10}|{:.3}|{:>10.2}|'.format('str', 12, 'abcdef', 'xyz'), '{:c}{:c}'.format(72, 0x20ac))
print('{0[0]}{0[-1]}'.format({0: 'zero', '-1': 'neg'}), '{[a-b]}'.format({'a-b': 1}), '{0[ ]}'.format({' ': 'sp'}))
print('é{}ü{}€'.format('à', '😀'), '{:é^9}'.format('mid'), '{:😀<4}'.format('x'))
print('{}'.format(True), '{:d}'.format(True), '{:>5}'.format(True), '{!r}'.format(None))
check('none-spec', lambda: '{:5}'.format(None))
check('auto-manual', lambda: '{} {0}'.format(1, 2))
check('manual-auto', lambda: '{0} {}'.format(1, 2))
check('index-range', lambda: '{1}'.format(1))
check('auto-range', lambda: '{} {}'.format(1))
check('key-missing', lambda: '{x}'.format(y=1))
check('single-open', lambda: 'a{'.format())
check('single-close', lambda: 'a}b'.format())
check('no-close', lambda: '{0'.format())
check('bad-conv', lambda: '{!x}'.format(1))
check('empty-conv', lambda: '{!}'.format(1))
check('conv-no-colon', lambda: '{0!rx}'.format(1))
check('conv-eos', lambda: '{0!'.format(1))
check('spec-unmatched', lambda: '{0:x'.format(1))
check('empty-attr', lambda: '{0.}'.format(1))
check('empty-index', lambda: '{0[]}'.format([1]))
check('missing-bracket', lambda: '{0[0}'.format([1]))
check('after-bracket', lambda: '{0[0]x}'.format([1]))
check('bad-attr', lambda: '{0.foo}'.format(1))
check('not-subscriptable', lambda: '{0[0]}'.format(1))
check('list-str-index', lambda: '{0[a]}'.format([1]))
check('list-index', lambda: '{0[5]}'.format([1]))
check('negative-key', lambda: '{-1}'.format(1))
check('recursion', lambda: '{:{:{}}}'.format(1, 2, 3))
check('brace-in-name', lambda: '{a{}'.format(1))
check('bad-spec', lambda: '{:d}'.format('s'))
check('bad-spec2', lambda: '{:x}'.format(1.5))
check('bad-spec3', lambda: '{:,s}'.format('s'))
check('format-bad', lambda: '{}'.format(Bad()))
check('obj-spec', lambda: '{:>5}'.format(object()) and None)
check('too-many-digits', lambda: '{99999999999999999999}'.format(1))
# format_map
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{a} {b}'.format_map({'a': 1, 'b': 2}), 'plain'.format_map(1), '{k[x]}{n.x}'.format_map({'k': {'x': 'X'}, 'n': P()}))
check('map-missing', lambda: '{a}'.format_map({}))
check('map-positional', lambda: '{0}'.format_map({}))
check('map-auto', lambda: '{}'.format_map({}))
check('map-noarg', lambda: 'x'.format_map())
# format()
print(format('abc', '>6'), format('abc', '^7'), format('é', '*<3'), format(42, '08b'), format(-42, '=+8'), format(3.5, '^9.2f'), format(1e100, '.3g'))
print(format(F(), 'q'), format(P()), format(P(), ''), format(255, '#_x'), format(True, '^5'), format(False), format(12345.678, ',.1f'))
check('format-obj-spec', lambda: format(object(), 'x'))
check('format-list-spec', lambda: format([], '>5'))
check('format-spec-int', lambda: format(1, 2))
check('format-bad-return', lambda: format(Bad(), ''))
check('format-str-sign', lambda: format('a', '+'))
check('format-str-space', lambda: format('a', ' '))
check('format-str-alt', lambda: format('a', '#'))
check('format-str-eq', lambda: format('a', '=5'))
check('format-int-prec', lambda: format(1, '.2'))
check('format-c-range', lambda: format(-1, 'c'))
check('format-both-sep', lambda: format(1, ',_'))
check('format-sep-x', lambda: format(1, ',x'))
check('format-missing-prec', lambda: format(1.0, '.'))
check('format-invalid', lambda: format(1, 'abc'))
# % formatting
print('%s|%5s|%-5s|%.2s|%5.1s|' % ('abc', 'ab', 'ab', 'abc', 'xyz'), '%r %a' % ('é', 'é'), '%c%c%c' % (65, 'é', 0x1F600))
print('%d|%5d|%-5d|%05d|%+d|% d|%.3d|%+.3d|%-+6d|%06.3d' % (1, 2, 3, -4, 5, 6, 7, -8, 9, 10))
print('%x|%X|%#x|%#X|%o|%#o|%#5x|%#05x|%-#6o|%x' % (255, 255, 255, 255, 8, 8, 10, 10, 8, -255))
print('%f|%.1f|%10.3f|%-10.2f|%+f|% f|%010.2f|%e|%.2E|%g|%G|%#g|%.0f|%#.0f' % (1.5, 2.25, 3.14159, 2.5, 1.0, 1.0, -3.14159, 12345.678, 0.00012, 1e-5, 1e20, 1.0, 2.5, 2.5))
print('%d %i %u' % (3.99, -3.99, 7.5), '%s' % 1e300 * 0 + 'ok', '%d' % True, '%x' % False, '%.3f' % 2, '%e' % 10, '%g' % 100000, '%g' % 1000000)
print('%(a)s-%(b)05.1f-%(a)r' % {'a': 'x', 'b': 2.345}, '%s %(a)s' % {'a': 1}, '%%|%5%%' .replace('%5%%', '') % (), '%*d|%-*d|%.*f|%*.*f' % (4, 1, 4, 2, 1, 3.14159, 7, 2, 2.5))
print('%s' % (1,), '%s' % [1, 2], '%s' % {'k': 1}, '%s %s' % (None, True), '%r' % (1,), '%s' % (('t',),), '%-3c|' % 'x', '%3c|' % 65)
print('abc' % (), 'abc' % [], 'abc' % {'a': 1}, '%s' % 'x' * 2, '%.0s|' % 'abc', '%10.4f|' % float('inf'), '%-8.3e|' % -0.0)
class I:
    def __index__(self):
        return 5
    def __int__(self):
        return 6
    def __float__(self):
        return 1.5
print('%d %x %f %s' % (I(), I(), I(), 'i'))
check('pct-not-enough', lambda: '%s %s' % ('a',))
check('pct-not-all', lambda: '%s' % ('a', 'b'))
check('pct-not-all2', lambda: 'abc' % 5)
check('pct-needs-map', lambda: '%(a)s' % ('a',))
check('pct-key-then-pos', lambda: '%(a)s %s' % {'a': 1})
check('pct-key-missing', lambda: '%(k)s' % {})
check('pct-incomplete', lambda: 'abc %' % ())
check('pct-incomplete2', lambda: '%5' % (1,))
check('pct-incomplete-key', lambda: '%(a' % {})
check('pct-star', lambda: '%*d' % ('a', 1))
check('pct-d-str', lambda: '%d' % 'x')
check('pct-i-str', lambda: '%i' % '1')
check('pct-x-float', lambda: '%x' % 1.5)
check('pct-o-str', lambda: '%o' % 'x')
check('pct-f-str', lambda: '%f' % 'x')
check('pct-e-none', lambda: '%e' % None)
check('pct-c-long', lambda: '%c' % 'ab')
check('pct-c-range', lambda: '%c' % -1)
check('pct-c-float', lambda: '%c' % 1.5)
check('pct-unsupported', lambda: '%y' % 1)
check('pct-unsupported2', lambda: '%5%' % (1,))
check('pct-unicode-conv', lambda: 'ab%é' % 1)
check('pct-nan', lambda: '%d' % float('nan'))
check('pct-inf', lambda: '%d' % float('inf'))
check('pct-empty-tuple', lambda: '%s' % ())
# repr of strings
for s in ['', "'", '"', '\'"', 'a\\b', '\x00\x07\x08\x1b\x7f', '\x80\x9f\xa0\xad', 'é€😀', '\u200b\u200e\u2028\u2029\u3000', '\ud7ff\ue000\uf8ff\ufffd\ufffe', '\U000e0001\U0001f1e6\U000fffff', '\u0378\u0379\u0530', 'tab\there', "it's \"q\""]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr('x' * 100)[:10], repr(b'\x00\'"\\\n\x7f\x80\xff'), repr(b"'"), repr(b'"\''), repr(bytearray(b'a\tb')))
# format_map with a dict subclass that has __missing__
print('{name} {other}'.format_map(Default(name='n')))
