# float() constructor and float methods
print(float(), float(3), float(-2 ** 70), float(True), float(2 ** 53 + 1), float(' 1.5 '), float('-1e-3'), float('1_000.5'))
print(float('inf'), float('-Infinity'), float('nan'), float(' +iNF '), float(b'2.5'), float(bytearray(b'-0.0')), float('1e400'), float('1e-400'))
print(float('0x10') if False else 0, float('.5'), float('5.'), float('1E5'), float('\u2003 7 \n'))
class F:
    def __float__(self):
        return 2.5
class Idx:
    def __index__(self):
        return 7
class BadF:
    def __float__(self):
        return 1
class MyFloat(float):
    pass
print(float(F()), float(Idx()), float(MyFloat(1.25)), type(float(MyFloat(1.25))).__name__, MyFloat('2.5') + 1)
for f in (lambda: float('abc'), lambda: float(''), lambda: float('1.2.3'), lambda: float('1_'), lambda: float(b'x'),
          lambda: float(None), lambda: float([]), lambda: float(BadF()), lambda: float(10 ** 400), lambda: float('nan1'),
          lambda: float(x=1)):
    try:
        print(f())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for v in (0.0, -0.0, 1.0, 1.5, -2.75, 1e300, 5e-324, 0.1, 123456789.125, 2.0 ** 80):
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.conjugate(), v.real, v.imag)
for s in ('0x1.8p1', '-0x1p-1074', '0X1.FFFFFFFFFFFFFP+1023', 'inf', '-nan', '0x.8', '1', ' 0x1p3 ', '0x1.00000000000008p0',
          '0x1.00000000000018p0', '0x1p-1075', '0x1.8p-1075', '0x1.fffffffffffff8p1023'):
    try:
        print(s, float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(s, type(e).__name__, e)
for f in (lambda: float('inf').as_integer_ratio(), lambda: float('nan').as_integer_ratio(), lambda: float.fromhex('0xg'),
          lambda: float('inf').is_integer()):
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(float('inf').hex(), float('-inf').hex(), float('nan').hex(), (-0.0).hex(), (2.0 ** -1030).hex())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (1.5).__trunc__(), (-1.5).__floor__(), (-1.5).__ceil__(), (7.9).__int__())
print((1.5).__add__(1), (1.5).__radd__(2 ** 70), (1.5).__sub__('a'), (3.0).__rtruediv__(1), (7.5).__floordiv__(2), (7.5).__mod__(-2), (2.0).__pow__(0.5))
print((1.5).__eq__(1.5), (1.0).__eq__(1), (1.5).__lt__(2), (2.0).__ge__(2 ** 70), (7.5).__divmod__(2), (-0.0).__abs__(), (0.0).__bool__(), (1.5).__neg__())
print(float.__add__(1.0, 2.0), float.is_integer(3.0), (1.5).__hash__() == hash(1.5), (2.5).__format__('.3f'), MyFloat(2.0).is_integer())
