# divmod, pow (2- and 3-arg), round
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(-7, -3), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, -1), pow(2.5, 2), pow(-2, 3), pow(2, 10, 1000), pow(-2, 3, 5), pow(5, 0, 1), pow(0, 0))
print(pow(4, 0.5), pow(10, -2), pow(7, 2, -5), pow(2, 100, 2 ** 61 - 1), pow(3, -1, 7), pow(base=2, exp=5), pow(2, 5, mod=3))
print(round(3.14159), round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(25, -1), round(35, -1))
print(round(1.23456789, 5), round(-1.5), round(123.456, -1), round(123.456, -2), round(5), round(5, 2), type(round(5.0)).__name__)
print(round(0.285, 2), round(0.675, 2), round(1.0000001, 3), round(1e-10, 5), round(-0.4), round(2 ** 0.5, 10))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    pow(2, 1.5, 3)
except TypeError as e:
    print('TypeError', e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print('TypeError', e)
