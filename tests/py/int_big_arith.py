# arbitrary precision integer arithmetic
a = 2 ** 100
b = 3 ** 60
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // b, a % b, b // 7, b % 7)
print(-a // b, -a % b, a // -b, a % -b)
print(a * a, a * -a)
print(a == 2 ** 100, a != b, a > b, a < b, -a < b, a >= a)
x = 1
for i in range(1, 51):
    x *= i
print(x)
print(x // (2 ** 40), x % 1000000007)
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)), str(f).count('0'))
print(12345678901234567890 + 98765432109876543210)
print(99999999999999999999 * 99999999999999999999)
print(10 ** 30 - 1, 10 ** 30 + 1, -(10 ** 30))
print(2 ** 64 - 1, 2 ** 64, -(2 ** 63), 2 ** 63 - 1)
print((2 ** 64) // (2 ** 32), (2 ** 64 + 5) % (2 ** 32))
print(abs(-(10 ** 25)), -(-(10 ** 25)), +(10 ** 25))
s = 0
for k in range(200):
    s += 10 ** k
print(s % 997, len(str(s)))
print(int('123456789012345678901234567890') * 2)
print(int('-98765432109876543210987654321') // 3)
print(2 ** 200 // 2 ** 199, 2 ** 200 % (2 ** 199 - 1))
print(sum([2 ** i for i in range(100)]) == 2 ** 100 - 1)
print(max(2 ** 70, 3 ** 44), min(-2 ** 70, -3 ** 44))
print(hash(2 ** 100) == hash(2 ** 100), 2 ** 100 == float(2 ** 100))
n = 2 ** 64
print(n - n, n - n == 0, type(n - n).__name__)
print((2 ** 65) * 0, 0 * (2 ** 65), 1 * (2 ** 65), (2 ** 65) // (2 ** 65))
print(7 * 10 ** 20 // 10 ** 20, (10 ** 20 + 7) % 10 ** 20)
print(int(1e20), int(1.5e30), int(-1e25), int(2.0 ** 80))
print(float(2 ** 80), float(10 ** 22), float(-(3 ** 50)))
print(2 ** 100 / 2 ** 98, (10 ** 30) / 7, 10 ** 40 / 10 ** 20)
print(abs(-2 ** 100), (-2) ** 101)
