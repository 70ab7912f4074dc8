# round() with and without ndigits
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375, 12345.6789, -0.0):
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, 3))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print(round(1234.5678, -1), round(1234.5678, -2), round(1255, -1), round(1265, -1), round(-1250, -2))
print(round(5e-324, 300), round(1e300, -300), round(123.456, 10), round(1e20, 2))
print(round(0.1 + 0.2, 15), round(0.1 + 0.2, 16), round(0.1 + 0.2, 17))
print(round(2 ** 70), round(2 ** 70 + 1, -5), round(-7.5), round(7.5))
print(round(float('inf'), 2), round(float('nan'), 1), round(-float('inf'), 0))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError', e)
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
try:
    round('1.5')
except TypeError as e:
    print('TypeError', e)
print([round(i / 8, 2) for i in range(17)])
print([round(x / 10) for x in range(-25, 26, 5)])
