# exact comparisons between ints and floats
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), big + 1 == float(big), float(big + 1) == big)
print(big + 1 > float(big), big + 1 < float(big), big - 1 < float(big))
print(2 ** 1000 > 1e300, 2 ** 1000 < float('inf'), -(2 ** 1000) > float('-inf'), 10 ** 400 > 1e308)
print(1 == 1.0, 1 < 1.0000001, 0 == -0.0, -1 < -0.99999)
nan = float('nan')
print(nan == 1, nan != 1, nan < 1, nan > 1, 1 < nan, 2 ** 100 == nan, nan == nan)
print(10 ** 16 == 1e16, 10 ** 16 + 1 == 1e16, 10 ** 22 == 1e22, 10 ** 23 == 1e23)
print(max(1, 1.0), max(1.0, 1), min(2, 2.0), type(max(1, 1.0)).__name__)
print(sorted([3, 1.5, 2, 0.5, -1, 2 ** 60, 1e18]))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(3 == 3.0000000000000001, 9007199254740993 == 9007199254740992.0)
print([x < 2.5 for x in range(5)])
print(hash(1) == hash(1.0), hash(2 ** 40) == hash(2.0 ** 40), hash(0) == hash(-0.0))
d = {1: 'int'}
d[1.0] = 'float'
print(d)
print(1.5 in [1, 2], 2 in [1.0, 2.0], {1, 2.0} == {1.0, 2})
print(int(2.0 ** 63) == 2 ** 63, 2 ** 63 == 9.223372036854776e18)
print(1e308 < 10 ** 309, -1e308 > -(10 ** 309))
