# float comparisons, min/max/sorting, equality with ints
vals = [0.5, -0.5, 0.0, -0.0, 1e-300, -1e300, 2.0, 2, 1, True, 3.25]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(max(vals), min(vals))
print(0.1 + 0.2 > 0.3, 0.1 + 0.2 < 0.30000000000000005, 1 / 3 == 0.3333333333333333)
print(1.0 == 1, 1.0 == True, 0.0 == False, 1.5 != 1.5)
for a in (1.0, 2.5, -1.0):
    for b in (1, 2, 2.5, -1):
        print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(float('inf') > 10 ** 1000, float('-inf') < -10 ** 1000)
print(1e-320 > 0, 5e-324 / 2 == 0.0, 5e-324 > 0)
print(0.1 * 3 == 0.3, round(0.1 * 3, 10) == round(0.3, 10))
print([1.0, 2.0] == [1, 2], (1.0,) == (1,), {1.0: 'a'} == {1: 'a'})
