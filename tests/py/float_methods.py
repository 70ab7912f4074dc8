# float methods and attributes
print((1.5).is_integer(), (2.0).is_integer(), (-0.0).is_integer())
print((2.5).as_integer_ratio(), (0.75).as_integer_ratio(), (1e20).as_integer_ratio())
print((1.5).real, (1.5).imag, (1.5).conjugate())
print(float.__name__, type(1.5) is float, isinstance(1.5, float), isinstance(1, float))
print(int(3.7), int(-3.7))
import math
for v in (2.5, -2.5, 2.0, -0.5, 1e20, 0.0):
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
print(math.fabs(-3), math.copysign(1, -0.0), math.fmod(7, -3), math.fmod(-7, 3))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isfinite(1.0), math.isinf(float('inf')), math.isnan(float('nan')), math.isnan(1.0))
