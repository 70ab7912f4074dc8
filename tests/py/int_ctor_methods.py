# int() with numbers and objects; int methods
print(int(), int(7), int(-7.9), int(7.9), int(True), int(False), int(1e20), int(-1e19), int(2.5e30) == 25 * 10 ** 29)
print(int(float(2 ** 63)), int(-float(2 ** 63)), int(1.7976931348623157e308) == 2 ** 1024 - 2 ** 971)
for f in (lambda: int(float('inf')), lambda: int(float('-inf')), lambda: int(float('nan'))):
    try:
        print(f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class I:
    def __int__(self):
        return 42
class X:
    def __index__(self):
        return 2 ** 70
class Bad:
    def __int__(self):
        return 'no'
class BadIdx:
    def __index__(self):
        return 1.5
print(int(I()), int(X()), hex(X()), bin(X())[:12], oct(X()))
for f in (lambda: int(Bad()), lambda: int(BadIdx()), lambda: int(object()), lambda: hex(1.5), lambda: bin('1'), lambda: oct(None)):
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
class MyInt(int):
    pass
m = MyInt(2 ** 65)
print(m, int(m), type(int(m)).__name__, m + 1, m * 2, m.bit_length(), hex(m))
print(MyInt('ff', 16), MyInt(), MyInt(3.9))
print(int('z', base=36), int('101', base=2), int(' -0b101 ', 0))
for v in (0, 7, -7, 2 ** 64, -(2 ** 64)):
    print(v.conjugate(), v.as_integer_ratio(), v.__index__(), v.__int__(), v.__float__(), v.__abs__(), v.__neg__(), v.__invert__())
print((2 ** 70).__add__(1), (2 ** 70).__radd__(1), (5).__sub__(2 ** 70), (5).__rsub__(2 ** 70), (5).__mul__('a'), (5).__truediv__(2))
print((7).__floordiv__(2), (7).__rfloordiv__(2), (7).__mod__(3), (7).__rmod__(30), (7).__divmod__(2), (7).__rdivmod__(30))
print((2).__pow__(100), (2).__pow__(100, 1000), (2).__rpow__(3), (1).__lshift__(70), (2 ** 70).__rshift__(69), (6).__and__(3), (6).__or__(3), (6).__xor__(3))
print((5).__eq__(5), (5).__eq__(5.0), (5).__lt__(6), (5).__ge__(2 ** 70), (5).__round__(), (1234).__round__(-2), (5).__trunc__(), (5).__bool__(), (0).__bool__())
print(True.__add__(True), True.bit_length(), True.as_integer_ratio(), (5).__hash__(), (2 ** 70).__hash__() == hash(2 ** 70))
print(int.__add__(3, 4), int.bit_length(255), format(2 ** 70, ','), (2 ** 70).__format__('x'))
