# float() parsing
ok = ['0', '1', '-1', '+1.5', '1.', '.5', '-.5', '1e5', '1E5', '1e-5', '1e+5', '  3.25  ', '\t-2.5\n', '1_000.000_1',
      'inf', 'Inf', 'INF', '-inf', '+inf', 'infinity', 'Infinity', '-INFINITY', 'nan', 'NaN', '-nan', '+NAN',
      '1e400', '-1e400', '1e-400', '0.1', '0.30000000000000004', '2.2250738585072014e-308', '4.9e-324',
      '123456789012345678901234567890', '1.7976931348623157e308', '000.5', '00', '0e0', '.0', '5.e1']
for s in ok:
    print(repr(s), float(s))
bad = ['', ' ', 'abc', '1.2.3', '1e', 'e5', '--1', '1_', '_1', '1__0', 'infinit', 'nana', '0x10', '1 2', '.', '+', '1e5.0', 'i n f']
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print('ValueError', e)
print(float(), float(3), float(-7), float(True), float(2 ** 60))
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 4
print(float(F()), float(I()))
try:
    float([1])
except TypeError as e:
    print('TypeError', e)
try:
    float(None)
except TypeError as e:
    print('TypeError', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError', e)
print(float('1' * 30), float('0.' + '0' * 30 + '1'))
print(float('9007199254740993'), float('0.1e1'), float('1e-323'))
