# ZeroDivisionError and other float error messages
cases = [
    lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 0.0 / 0.0, lambda: 1.0 // 0, lambda: 1 // 0.0,
    lambda: 1.0 % 0, lambda: 5 % 0.0, lambda: divmod(1.0, 0), lambda: divmod(1, 0.0),
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), lambda: 0 ** -1,
    lambda: 0.0 ** -1, lambda: pow(0, -2), lambda: 10 ** 30 / 0, lambda: 1 / False, lambda: -0.0 / 0,
    lambda: 0.0 ** -1.5, lambda: float('inf') / 0,
]
for i, f in enumerate(cases):
    try:
        print(i, f())
    except ZeroDivisionError as e:
        print(i, type(e).__name__, e)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
try:
    x = 1 / 0
except ArithmeticError as e:
    print('caught as ArithmeticError:', e)
print(0.0 / 1, -0.0 / 1, 0 / -1, 0.0 * -5)
