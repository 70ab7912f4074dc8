# int, float, bool, str, repr conversions
print(int('42'), int(4.9), int(-4.9), int(True), int('  7 '), int('-0'), int(2 ** 70 * 1.0))
print(float('2.5'), float(2), float(' -1e3 '), float(False), float('inf'), float(2 ** 60))
print(bool(), bool(0), bool(1), bool(''), bool('0'), bool([]), bool([0]), bool(None), bool(0.0), bool(-0.0), bool(0.1))
print(str(), str(1), str(1.0), str(True), str(None), str([1, 'a']), str((1,)), str({'k': [1]}), str(b'ab'), str(2 ** 70))
print(repr(1), repr(1.0), repr('a'), repr(None), repr([1, 'a']), repr(b'x'), repr(True), repr(bytearray(b'y')))
print(type(int('5')).__name__, type(float(5)).__name__, type(bool(5)).__name__, type(str(5)).__name__)
print(int(float('1e18')), int('1' * 25), float('1' * 25))
print(bool(range(0)), bool(range(3)), bool(frozenset()), bool(b'\x00'))
print(str(1e16), str(-1.5e-7), str(123456789.123), str(float('nan')), repr(float('-inf')))
print(int.__name__, float.__name__, bool.__name__, str.__name__)
print(True + 0, False + 0, True == 1, str(True))
print(bool.__mro__ == (bool, int, object), type(True + True).__name__)
try:
    bool(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    int('1', base=10, x=1)
except TypeError as e:
    print('TypeError', e)
print(int('101', base=2))
