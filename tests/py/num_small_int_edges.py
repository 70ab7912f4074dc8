# small ints at the edges of the 31-bit immediate range: + - and comparisons (the
# interpreter's fast paths) against their big-int continuation
M = 2**30 - 1
m = -2**30
vals = [0, 1, -1, M, m, M - 1, m + 1, 2, -2, 12345, -99999]
out = []
for a in vals:
    for b in vals:
        out.append((a + b, a - b, a < b, a <= b, a == b, a != b, a > b, a >= b))
print(out)
x = M; x += 1; print(x, type(x).__name__); y = m; y -= 1; print(y)
print(True + 1, 1 - True, True < 2, 1.5 + 1, 1 + 1.5, 3 > 2.5)
