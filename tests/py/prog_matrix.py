# matrix arithmetic with nested lists
def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(r) for r in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def mat_pow(m, p):
    r = identity(len(m))
    while p:
        if p & 1:
            r = mat_mul(r, m)
        m = mat_mul(m, m)
        p >>= 1
    return r
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
def show(m):
    w = max(len(str(x)) for row in m for x in row)
    for row in m:
        print(' '.join(str(x).rjust(w) for x in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(mat_mul(a, b))
show(transpose(a))
fib = mat_pow([[1, 1], [1, 0]], 90)
print(fib[0][1])
m = [[2, -1, 0, 3], [1, 0, 4, -2], [0, 5, 1, 1], [3, 2, -3, 0]]
print(det(m), det(identity(4)), det([[1, 2], [2, 4]]))
def gauss_inverse(m):
    n = len(m)
    aug = [[float(x) for x in row] + [float(i == j) for j in range(n)] for i, row in enumerate(m)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(aug[r][col]))
        aug[col], aug[piv] = aug[piv], aug[col]
        p = aug[col][col]
        aug[col] = [x / p for x in aug[col]]
        for r in range(n):
            if r != col:
                f = aug[r][col]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[col])]
    return [row[n:] for row in aug]
inv = gauss_inverse([[4, 7], [2, 6]])
print([[round(x, 6) for x in row] for row in inv])
check = mat_mul([[4, 7], [2, 6]], inv)
print([[round(x, 9) for x in row] for row in check])
v = [1, 2, 3]
print(sum(x * y for x, y in zip(v, v)), [sum(col) for col in zip(*b)], [max(r) for r in b])
grid = [[(r * 3 + c) % 5 for c in range(5)] for r in range(4)]
show(grid)
print([row[::-1] for row in grid][0], [list(x) for x in zip(*grid[::-1])][0])
