# huge powers and pow()
print(2 ** 1000)
print(3 ** 500)
print(7 ** 300 % 1000007)
print(len(str(2 ** 10000)), str(2 ** 10000)[:20], str(2 ** 10000)[-20:])
print(pow(2, 1000, 10 ** 9 + 7), pow(3, 10 ** 20, 10 ** 9 + 9), pow(12345, 67890, 1 << 64))
print(pow(-2, 101, 1000), pow(2, 100, -7), pow(-7, 3, -5))
print(pow(3, -1, 11), pow(7, -2, 13), pow(2 ** 100, -1, 10 ** 9 + 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError', e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print('TypeError', e)
print((-1) ** (2 ** 70), (-1) ** (2 ** 70 + 1), 1 ** (10 ** 30), 0 ** 100)
print(10 ** 100 == int('1' + '0' * 100))
print((2 ** 521 - 1) % 1000000, (2 ** 607 - 1) // 2 ** 600)
print(2 ** 64 ** 1 == 2 ** 64, (2 ** 8) ** 8 == 2 ** 64)
x = 1
for i in range(64):
    x = x * 3 + 1
print(x)
print(5 ** 100 * 2 ** 100 == 10 ** 100)
print(pow(10, 50) // pow(10, 48), pow(2, 0), pow(0, 0), pow(-3, 3))
print(2 ** 0.5 ** 2, 4 ** -0.5)
print(sum(int(d) for d in str(2 ** 1000)))
