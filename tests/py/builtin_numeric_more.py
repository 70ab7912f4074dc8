# divmod, pow, round, sum, min, max with big ints, floats and objects
print(divmod(2 ** 100, 7), divmod(-(2 ** 100), 7), divmod(2 ** 100, -(3 ** 40)), divmod(7, 2 ** 70), divmod(-7, 2 ** 70))
print(divmod(7.5, -2), divmod(-0.0, 1), divmod(2 ** 60, 2.5), divmod(1e308, 1e-308)[1], divmod(True, 2))
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(2, 2 ** 70, 2 ** 61 - 1), pow(-5, 3, 7), pow(5, 3, -7), pow(-5, 3, -7), pow(2 ** 100, 2 ** 50, 10 ** 20))
print(pow(3, -1, 10 ** 30 + 1), pow(-3, -3, 11), pow(7, -2, 2 ** 61 - 1), pow(2, 0, 1), pow(0, 0, 5), pow(10, 20, 1))
print(pow(2, 0.5), pow(-8, 1 / 3) if False else 0, pow(2, -2), pow(-2, -3), pow(2 ** 70, -1), pow(0.0, 0), pow(1, 10 ** 30))
class P:
    def __pow__(self, other):
        return 'pow'
    def __rpow__(self, other):
        return 'rpow'
class D:
    def __divmod__(self, other):
        return ('dm', other)
    def __rdivmod__(self, other):
        return ('rdm', other)
print(pow(P(), 2), pow(2, P()), divmod(D(), 1), divmod(1, D()))
for f in (lambda: pow(2, -1, 4), lambda: pow(0, -1, 5), lambda: pow(2, 3, 0), lambda: pow(2, 3.0, 5), lambda: pow('a', 2),
          lambda: pow(2, 3, 'a'), lambda: pow(), lambda: divmod(1, 'a'), lambda: divmod(0.0, 0.0), lambda: divmod(2 ** 70, 0),
          lambda: pow(0, -1), lambda: pow(0.0, -1)):
    try:
        print(f())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(round(2 ** 70 + 5, -1), round(2 ** 70 + 15, -1), round(-25, -1), round(-35, -1), round(150, -2), round(250, -2), round(-250, -2))
print(round(123456789, -3), round(123456789, -9), round(523456789, -9), round(10 ** 30 + 5 * 10 ** 9, -10), round(7, -100), round(-7, -1))
print(round(0.5), round(-0.5), round(1.5), round(2.5), round(-2.5), round(2.675, 2), round(1e20), round(1.23e25), round(-1.5e300) == -15 * 10 ** 299)
print(round(1234.5678, -2), round(1234.5678, 1), round(-0.0, 1), round(5e-324, 400), round(1e300, -300), round(1.5, 10 ** 30), round(1.5, -(10 ** 30)))
print(round(5, None), round(2.5, None), round(True), round(True, 2), type(round(3.7, 0)).__name__, round(number=2.567, ndigits=1))
class R:
    def __round__(self, n=None):
        return ('round', n)
print(round(R()), round(R(), 3))
for f in (lambda: round(float('inf')), lambda: round(float('nan')), lambda: round(1e308, -308), lambda: round('x'),
          lambda: round(1.5, 'a'), lambda: round(), lambda: round(1, 2, 3)):
    try:
        print(f())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(sum([2 ** 64, 2 ** 64, -1]), sum([1, 2.5, 2 ** 70]), sum([0.1] * 3), sum([1e100, 1.0, -1e100]), sum(range(5), 0.5), sum([1.5, True, 2]))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([-(2 ** 63), -1]), sum((x / 3 for x in range(10))), sum([], 2 ** 70), sum([[1]], start=[]))
print(sum([1, 2 ** 70, 1.5]), sum([0.5, 2 ** 70]), sum([3, 4.0, 5]), type(sum([1, 2])).__name__, type(sum([1, 2.0])).__name__)
print(max(2 ** 70, 2 ** 70 + 1, -(2 ** 80)), min(2 ** 70, 1e30, -5), max([1.5, 2, 2.0]), min(3, 3.0), max(-0.0, 0.0), max([[1], [1, 0]]))
print(max(range(10), key=lambda x: (x % 4, -x)), min('hello world', key=ord), max(iter([]), default=None), min([], key=len, default=5))
print(any([]), all([]), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), any([0, '', None]), all([1, 'a', [0]]), any(iter([0, 0, 1])))
