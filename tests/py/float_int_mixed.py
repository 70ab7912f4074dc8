# mixed int/float operations and conversions
print(1 + 1.0, 1 - 0.5, 3 * 0.5, 7 / 2, 7 // 2.0, 7 % 2.0, 2 ** 0.5, 2.0 ** 2, 9 ** 0.5)
print(type(1 + 1.0).__name__, type(2 * 3).__name__, type(6 / 3).__name__, type(6 // 3).__name__)
print(10 ** 20 + 0.5, 2 ** 60 * 1.0, (2 ** 60 + 1) * 1.0, 10 ** 30 / 10 ** 10)
print(1 / 2 ** 70, 2 ** 70 / 2, 2 ** 1000 / 2 ** 999, (2 ** 1000) / (2 ** 1000 + 1))
try:
    2 ** 1100 * 1.0
except OverflowError as e:
    print('OverflowError', e)
try:
    2 ** 1100 / 3
except OverflowError as e:
    print('OverflowError', e)
try:
    float(2 ** 1100)
except OverflowError as e:
    print('OverflowError', e)
print(2 ** 1100 / 2 ** 1099)
print(abs(-2.5), abs(3), -(-2.5), int(-2.5), int(2.5), float(-3))
print(3.0.is_integer(), 3.5.is_integer(), (2.0 ** 60).is_integer())
print(0.5.as_integer_ratio(), 0.1.as_integer_ratio(), (-2.25).as_integer_ratio(), 3.0.as_integer_ratio())
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([1, 2, 3], 0.0))
print(max(1, 2.5), min(-1, -1.5), max([3, 3.5, 2]))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5))
print(pow(2, -2), pow(2.0, 3), pow(4, 0.5))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError', e)
try:
    (-8.0) ** 0.5
except ValueError as e:
    print('ValueError', e)
print(type((-8.0) ** 2).__name__, (-8) ** 2.0, 0.0 ** 0, 0 ** 0.0)
print(float('inf') * 0, float('inf') - float('inf'), float('inf') + 1, -float('inf') * -1)
print(round(7 / 3, 4), 7 // 3 * 3 + 7 % 3)
print(int(1e15 + 0.5), int(-1e15 - 0.5), int(0.9999999999999999))
