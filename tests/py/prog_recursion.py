# recursion: fibonacci, hanoi, permutations, subsets, ackermann, flood fill
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
memo = {}
def fib_memo(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print(fib_memo(150))
moves = []
def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append((a, c))
        hanoi(n - 1, b, a, c)
hanoi(4, 'A', 'B', 'C')
print(len(moves), moves[:7])
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, c in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            out.append(c + p)
    return out
print(perms('abc'), len(perms('abcde')))
def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(2, n) for n in range(5)], ackermann(3, 3))
grid = [list(r) for r in ['..#..', '.##..', '....#', '###.#', '...#.']]
def fill(r, c):
    if not (0 <= r < 5 and 0 <= c < 5) or grid[r][c] != '.':
        return 0
    grid[r][c] = 'o'
    return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)
print(fill(0, 0))
for row in grid:
    print(''.join(row))
def power_set_gen(items):
    if not items:
        yield ()
        return
    for rest in power_set_gen(items[1:]):
        yield rest
        yield (items[0],) + rest
print(list(power_set_gen('xyz')))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 100, 3 ** 50 * 2 ** 7))
def flatten(x):
    return [y for item in x for y in flatten(item)] if isinstance(x, list) else [x]
print(flatten([1, [2, [3, [4, [5]]]], [[6]]]))
def binsearch(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return binsearch(a, x, mid + 1, hi) if a[mid] < x else binsearch(a, x, lo, mid)
arr = list(range(0, 100, 3))
print([binsearch(arr, v) for v in (0, 3, 50, 51, 99, 100)])
