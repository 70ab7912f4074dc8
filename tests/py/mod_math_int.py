# math: exact integer functions and float -> int rounding
import math
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print([math.factorial(n) for n in range(8)], math.factorial(20), math.factorial(21), math.factorial(True))
print(math.factorial(25), math.factorial(40))
print(len(str(math.factorial(100))), math.factorial(100) % (10 ** 9 + 7), str(math.factorial(60))[:20])
print(math.gcd(), math.gcd(7), math.gcd(-7), math.gcd(0, 0), math.gcd(12, -18, 30), math.gcd(2 ** 40, 2 ** 35 * 3), math.gcd(3 ** 30, 3 ** 25 * 2), math.gcd(True, 4))
print(math.gcd(2 ** 100, 2 ** 90 * 7), math.gcd(10 ** 30, 10 ** 20 + 5), math.gcd(-(2 ** 70), 6))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(5, 0, 3), math.lcm(2 ** 31, 3 ** 20), math.lcm(2 ** 64, 2 ** 60 * 3))
print([math.comb(6, k) for k in range(8)], math.comb(50, 25), math.comb(100, 3), math.comb(0, 0), math.comb(10, 11), math.comb(True, True))
print(math.comb(100, 50), math.comb(200, 100) % 1000003)
print([math.perm(5, k) for k in range(7)], math.perm(6), math.perm(0), math.perm(20, 10), math.perm(30, 15), math.perm(5, None))
print([math.isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100)], math.isqrt(2 ** 62), math.isqrt(2 ** 64 - 1), math.isqrt(10 ** 20), math.isqrt(10 ** 41))
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(2 ** 200 - 1) == 2 ** 100 - 1, math.isqrt(True))
print(math.floor(3), math.floor(-3.5), math.floor(True), math.ceil(-0.5), math.ceil(1e-300), math.trunc(-0.9), math.trunc(9.99), type(math.floor(2.0)).__name__)
print(math.floor(1e18), math.ceil(-1e19), math.trunc(2.0 ** 63), math.floor(-2.0 ** 64), math.ceil(1.5e30), math.trunc(-1e300) == -int(1e300))
print(math.floor(2 ** 100), math.ceil(-(2 ** 80)), math.trunc(10 ** 20))
class R:
    def __floor__(self):
        return 'floor!'
    def __ceil__(self):
        return 'ceil!'
    def __trunc__(self):
        return 'trunc!'
print(math.floor(R()), math.ceil(R()), math.trunc(R()))
class I:
    def __index__(self):
        return 6
print(math.factorial(I()), math.gcd(I(), 4), math.comb(I(), 2), math.isqrt(I()))
for bad in ('math.factorial(-1)', 'math.factorial(2.5)', 'math.factorial(3.0)', 'math.factorial("5")', 'math.gcd(1.5, 2)', 'math.gcd(2, "4")',
            'math.lcm(2.0)', 'math.comb(-1, 2)', 'math.comb(5, -2)', 'math.comb(5.0, 2)', 'math.comb(5)', 'math.perm(5, -2)', 'math.perm(-5)',
            'math.isqrt(-1)', 'math.isqrt(2.0)', 'math.floor(math.nan)', 'math.floor(math.inf)', 'math.ceil(-math.inf)', 'math.trunc(math.nan)',
            'math.floor("x")', 'math.ceil(None)', 'math.trunc("x")', 'math.trunc([])'):
    print(bad, end=': ')
    show(lambda: eval(bad))
