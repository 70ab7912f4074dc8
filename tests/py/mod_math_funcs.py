# math: float functions, special values and CPython's error messages
import math
r = lambda x: round(x, 9)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(math.pi, math.e, math.tau, math.inf, math.nan, type(math.pi).__name__)
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(r(math.expm1(1e-5)), r(math.log1p(1e-5)), r(math.cbrt(27.0)), r(math.cbrt(-8)), math.exp2(10), r(math.erf(0.5)), r(math.erfc(0.5)))
print(math.gamma(5), math.gamma(0.5) ** 2 - math.pi < 1e-12, math.lgamma(1), r(math.lgamma(10)), math.factorial(9) == math.gamma(10))
print(math.fabs(-0.0), math.fabs(-5), math.copysign(1, -0.0), math.copysign(math.inf, -1), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5, math.inf))
print(math.remainder(5, 3), math.remainder(-5, 3), math.remainder(4.5, 1), math.hypot(), math.hypot(-3), math.hypot(3, 4, 12), math.hypot(math.inf, math.nan))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.atan2(-0.0, -1), math.atan2(1, 0) == math.pi / 2)
print(math.isfinite(math.nan), math.isinf(1e308 * 10), math.isnan(float('nan')), math.isfinite(10 ** 10), math.isinf(-math.inf))
print(math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(100, 101, rel_tol=0.01), math.isclose(a=1, b=1))
print(math.modf(-3.25), math.modf(math.inf), math.modf(0.0), math.frexp(-8.0), math.frexp(0.0), math.frexp(math.inf), math.ldexp(3, -2), math.ldexp(-0.5, 1))
print(math.pow(2, 0.5) == math.sqrt(2), math.pow(-2, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(math.inf, -1), math.pow(-math.inf, 3))
print(math.sqrt(math.inf), math.exp(-math.inf), math.exp(-1000), math.log(math.inf), math.atan(-math.inf) == -math.pi / 2, math.tanh(math.inf))
print(math.log(100, 10), math.log(1024, 2), math.log2(8), math.log10(0.001), math.log(math.e), math.log2(2 ** 60), math.log10(10 ** 15))
print(r(math.log(10 ** 400)), math.log10(10 ** 400), math.log2(2 ** 2000), r(math.log(2 ** 1500, 2)))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum(range(10)), math.fsum([0.1, 0.2, 0.3]) == 0.6, math.fsum([1.5, 2.5]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.isnan(math.fsum([math.nan, 1.0])), math.fsum(x / 10 for x in range(1, 11)))
print(math.prod([]), math.prod([2, 3], start=5), math.prod(range(1, 11)), math.prod([1.5, 2]), math.prod(['ab'], start=2), math.prod([2] * 70))
print(math.dist([1, 2], [4, 6]), math.dist((0,), (-7,)), math.dist([1, 1, 1], [2, 2, 2]) == math.sqrt(3), math.dist([], []))
print(math.nextafter(0, 1) > 0, math.nextafter(1, 1), math.ulp(0) > 0, math.ulp(1e300) > 1e283, math.ulp(math.inf), math.ulp(-1.0))
for bad in ('math.sqrt(-1)', 'math.log(-1)', 'math.log(0)', 'math.log(0.0, 2)', 'math.log(10, 1)', 'math.log(8, -2)', 'math.log2(0)', 'math.log10(-5)',
            'math.asin(2)', 'math.acos(-1.5)', 'math.acosh(0.5)', 'math.atanh(1)', 'math.atanh(-2)', 'math.exp(710)', 'math.cosh(800)', 'math.sinh(-800)',
            'math.pow(0, -1)', 'math.pow(-8, 1 / 3)', 'math.pow(10, 400)', 'math.pow(-10, 401)', 'math.fmod(1, 0)', 'math.fmod(math.inf, 2)',
            'math.remainder(1, 0)', 'math.remainder(math.inf, 1)', 'math.gamma(0)', 'math.gamma(-2)', 'math.gamma(200)', 'math.lgamma(-1)', 'math.ldexp(1, 2000)',
            'math.ldexp(1, 2.5)', 'math.sqrt("x")', 'math.sqrt(None)', 'math.sqrt()', 'math.sqrt(1, 2)', 'math.pow(1)', 'math.atan2(1)', 'math.log()',
            'math.log(1, 2, 3)', 'math.hypot(1, "a")', 'math.isclose(1, 2, rel_tol=-1)', 'math.isclose(1)', 'math.dist([1], [1, 2])', 'math.fsum([1, "a"])',
            'math.fsum([1e308, 1e308])', 'math.fsum([math.inf, -math.inf])', 'math.sqrt(10 ** 400)', 'math.exp(10 ** 400)', 'math.copysign("a", 1)', 'math.isnan("x")'):
    print(bad, end=': ')
    show(lambda: eval(bad))
class F:
    def __float__(self):
        return 2.25
print(math.sqrt(F()), math.floor(F()), math.isfinite(F()))
