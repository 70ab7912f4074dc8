# the math module
import math
r = lambda x: round(x, 10)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(1e100), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(5), type(math.ceil(1.5)).__name__)
print(math.fabs(-3), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.copysign(3, -1), math.copysign(-2.0, 0.0))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 70, 2 ** 65 * 3), math.factorial(0), math.factorial(20), math.factorial(30))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.modf(2.5), math.frexp(10.0), math.ldexp(0.625, 4), math.hypot(3, 4), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.pow(2, 10), math.exp(0), math.log(1), round(math.log(8, 2), 10), math.log10(1000), math.log2(1024))
print(r(math.sin(0.5)), r(math.cos(0.5)), r(math.tan(0.5)), r(math.asin(0.5)), r(math.acos(0.5)), r(math.atan(0.5)), r(math.atan2(1, -1)))
print(r(math.exp(1.5)), r(math.log(10)), r(math.log10(2)), r(math.sin(math.pi)))
print(math.sin(0), math.cos(0), math.atan2(0, 1), math.atan(math.inf) == math.pi / 2)
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.factorial(-1), lambda: math.factorial(2.5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError', e)
print(math.floor(1e20), math.ceil(-1e20), math.trunc(1e20))
try:
    math.floor(math.inf)
except OverflowError as e:
    print('OverflowError', e)
try:
    math.sqrt('x')
except TypeError as e:
    print('TypeError', e)
print(math.prod([1, 2, 3, 4]), math.comb(10, 3), math.perm(5, 2), math.fsum([0.1] * 10))
