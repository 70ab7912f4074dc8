# divmod, // and % for small and big ints
for a in (0, 1, 5, -5, 17, -17, 2 ** 40 + 3, -(2 ** 40) - 3, 10 ** 25 + 1, -(10 ** 25) - 1):
    for b in (1, -1, 3, -3, 7, -7, 2 ** 33, -(2 ** 33), 10 ** 12 + 39, -(10 ** 12) - 39):
        q, r = divmod(a, b)
        assert q * b + r == a
        assert (r == 0) or ((r > 0) == (b > 0))
        assert q == a // b and r == a % b
        print(a, b, q, r)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    divmod(2 ** 80, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    5 // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    5 % 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    5 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (2 ** 70) // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(divmod(7, 2.5), divmod(-7, 2.5), divmod(2 ** 60, 1.5))
