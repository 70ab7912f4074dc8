# floor division and modulo with all sign combinations
for a in range(-7, 8):
    row = []
    for b in (-3, -2, -1, 1, 2, 3):
        row.append((a // b, a % b))
    print(a, row)
for a in (-7.5, -1.0, -0.5, 0.0, 0.5, 7.25):
    print(a, [(a // b, a % b) for b in (-2, -0.5, 0.5, 2)])
print(-1 % 10, 1 % -10, -11 % 10, 11 % -10)
print(-1 // 10, 1 // -10, -11 // 10, 11 // -10)
print(2 ** 70 // 3, -2 ** 70 // 3, 2 ** 70 % 3, -2 ** 70 % 3, 2 ** 70 % -3)
print(10 ** 30 // -7, 10 ** 30 % -7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(divmod(-2 ** 65, 12345), divmod(2 ** 65, -12345))
print(-0.0 // 1, 0.0 // -1, -0.0 % 1, 0.0 % -1)
print(1e300 % 7, -1e300 % 7)
print(5 % 1.5, -5 % 1.5, 5 // 1.5, -5 // 1.5)
