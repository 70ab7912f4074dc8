# int() parsing
cases = [('0', 10), ('42', 10), ('-42', 10), ('+42', 10), ('  7  ', 10), ('1_000_000', 10),
         ('ff', 16), ('FF', 16), ('0xff', 16), ('0XFF', 16), ('-0x1a', 16), ('777', 8), ('0o777', 8),
         ('1010', 2), ('0b1010', 2), ('-0B11', 2), ('z', 36), ('ZZ', 36), ('10', 36), ('0x10', 0),
         ('0o10', 0), ('0b10', 0), ('10', 0), ('0', 0), ('-0x_f', 0), ('1_0', 0), ('12', 3), ('\t12\n', 10),
         ('123456789012345678901234567890', 10), ('ffffffffffffffffffffffff', 16), ('-' + '1' * 80, 2)]
for s, base in cases:
    print(repr(s), base, int(s, base))
bad = [('', 10), (' ', 10), ('abc', 10), ('1.5', 10), ('0x', 16), ('12', 2), ('1__0', 10), ('_1', 10),
       ('1_', 10), ('08', 0), ('0x1g', 0), ('--1', 10), ('9', 8), ('1 2', 10), ('+', 10), ('\u00e9', 10)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print('ValueError', e)
try:
    int('5', 1)
except ValueError as e:
    print('ValueError', e)
try:
    int('5', 37)
except ValueError as e:
    print('ValueError', e)
try:
    int(5, 10)
except TypeError as e:
    print('TypeError', e)
try:
    int(None)
except TypeError as e:
    print('TypeError', e)
try:
    int([1])
except TypeError as e:
    print('TypeError', e)
print(int(b'12'), int(bytearray(b'-34')), int('0' * 50 + '5'))
print(int('00'), int('0_0'), int('000', 0))
print(int(12.999), int(-0.5), int(1e18), int(True), int(False))
class WithInt:
    def __int__(self):
        return 99
class WithIndex:
    def __index__(self):
        return 77
print(int(WithInt()), int(WithIndex()))
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError', e)
