# iterating ranges with negative steps and big bounds; range in loops
for r in (range(0), range(3), range(3, 0, -1), range(-2, 3, 2), range(10, -10, -7), range(1, 2, 100)):
    print(r, list(r), len(r), list(r)[::-1] == list(reversed(r)))
total = 0
for i in range(1000):
    total += i if i % 2 else -i
print(total)
for i in range(3):
    for j in range(i, 3):
        print((i, j), end=' ')
print()
r = range(2 ** 40, 2 ** 40 + 10, 3)
print(list(r), r[-1], r.index(2 ** 40 + 6))
print(range(5)[-5], range(7)[1::2], range(100)[10:90:20][::-1])
print(list(range(3, -3, -1)), list(range(-3, 3)))
print([x for x in range(-20, 20, 6)])
n = 0
for _ in range(7):
    n += 1
print(n)
