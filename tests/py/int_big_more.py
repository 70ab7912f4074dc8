# big int arithmetic: signs, sizes, identities
vals = [0, 1, -1, 7, -7, 2 ** 31, -(2 ** 31), 2 ** 32 - 1, 2 ** 63, -(2 ** 63), 2 ** 64 + 3,
        -(2 ** 64) - 3, 10 ** 20, -(10 ** 25) + 1, 3 ** 80, -(7 ** 50)]
for a in vals:
    for b in vals:
        line = [a + b, a - b, a * b, a & b, a | b, a ^ b, a == b, a < b, a >= b]
        if b:
            line += [a // b, a % b, divmod(a, b)]
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
        print(*line)
for a in vals:
    print(a, -a, +a, ~a, abs(a), a.bit_length(), hash(a) == hash(a), bool(a), str(a) == repr(a))
# powers
print(2 ** 1000)
print(3 ** 500 % 10 ** 30, (-3) ** 201 // 10 ** 90, 7 ** 0, 0 ** 0, (-1) ** (2 ** 70), (-1) ** (2 ** 70 + 1))
print(len(str(2 ** 10000)), str(3 ** 2000)[:40], str(3 ** 2000)[-40:])
x = 1
for i in range(1, 101):
    x *= i
print(x, x // (2 ** 97), x % 1000007, x.bit_length())
print(sum(range(10 ** 6)), (10 ** 18 + 1) * (10 ** 18 - 1), (2 ** 64) ** 3 // 2 ** 100)
# true division is correctly rounded
print(2 ** 64 / 3, (2 ** 200 + 1) / 2 ** 100, 10 ** 30 / 7, -(10 ** 40) / 3, 1 / 3 ** 40, 9007199254740993 / 1)
print((2 ** 53 + 1) / 1, (2 ** 1023 * 3) // 2 ** 1023, 2 ** 1074 / 2 ** 1074, (10 ** 400) / (10 ** 399))
for f in (lambda: 10 ** 400 / 1, lambda: 2 ** 2000 / 3, lambda: 1 / 0, lambda: 2 ** 70 / 0, lambda: 2 ** 70 // 0,
          lambda: 2 ** 70 % 0, lambda: divmod(2 ** 70, 0), lambda: float(2 ** 1024), lambda: 2.0 * 10 ** 400,
          lambda: (10 ** 400) ** -1, lambda: 0 ** -2, lambda: (2 ** 70) ** -1):
    try:
        print(f())
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
# float conversion rounds half to even
print(float(2 ** 53 + 1), float(2 ** 53 + 3), float(2 ** 64 - 1), float(-(2 ** 100) - 1), float(2 ** 1023))
print(int(float(2 ** 80)), int(1e300) == 10 ** 300, int(-1.5e20), int(2.0 ** 100))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 == 2.0 ** 100, 2 ** 100 < 2.0 ** 100 + 1e15, -(2 ** 70) < -1e21)
# mixing with bools and floats
print(True + 2 ** 64, 2 ** 64 * False, 2 ** 64 + 0.5, 2 ** 64 - 1.0, (2 ** 64) // 2.0, (2 ** 64) % 3.0)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100), hash(-(2 ** 100)), hash(10 ** 30))
print({2 ** 64: 'a'}[2 ** 64], 2 ** 64 in {2.0 ** 64}, hash(2 ** 64) == hash(2.0 ** 64))
