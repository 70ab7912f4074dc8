# inf and nan behaviour
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, -nan, repr(inf), str(nan))
print(inf > 1e308, -inf < -1e308, inf == inf, inf == -inf, nan == nan, nan != nan, nan is nan)
print(inf + inf, inf - inf, inf * 2, inf * -1, inf / 2, 1 / inf, -1 / inf, inf * 0)
print(nan + 1, nan * 0, max(1, 2), min(inf, 5), max(-inf, -5))
print(abs(-inf), abs(nan), -(-inf), inf ** 0, nan ** 0, 1 ** nan, 1 ** inf)
print(inf // 1, 2 % inf, -2 % inf, 2 // inf, -2 // inf)
print(int(1e300) == 10 ** 300, float(10 ** 308) * 10)
print(sorted([3.0, -inf, 1.0, inf, 0.0]))
print([x == x for x in (1.0, inf, nan)], nan in [nan], nan in [float('nan')])
print(inf.is_integer(), (1.0).is_integer())
print(hash(inf) == hash(float('inf')), hash(-inf) == hash(float('-inf')))
try:
    int(inf)
except OverflowError as e:
    print('OverflowError', e)
try:
    int(nan)
except ValueError as e:
    print('ValueError', e)
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print('OverflowError', e)
print(bool(nan), bool(inf), bool(0.0), bool(-0.0))
print(0.0 == -0.0, str(-0.0), repr(0.0 * -1), -0.0 < 0.0, 1 / inf == 0)
print(1e308 + 1e308, -1e308 - 1e308)
