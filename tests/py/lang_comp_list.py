# list comprehensions
print([x for x in range(5)])
print([x * x for x in range(10) if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([x for x in range(20) if x % 2 if x % 3])
print([c.upper() for c in 'hello' if c != 'l'])
print([[j for j in range(i)] for i in range(4)])
print([x + y for x in 'ab' for y in 'cd'])
print([i for row in [[1, 2], [3], []] for i in row])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
x = 'outer'
print([x for x in 'abc'], x)
print([y for y in []])
print([(i, j) for i in range(4) if i % 2 for j in range(i) if j != 1])
print([n if n > 2 else -n for n in range(5)])
print([f(3) for f in [abs, str, float]])
print([len(w) for w in 'the quick brown fox'.split()])
def f(n):
    return [i * n for i in range(n)]
print(f(4))
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
print([i for i in range(3)] + [i for i in range(3, 0, -1)])
print(sum([i for i in range(101)]))
print([[0] * 3 for _ in range(2)])
nested = [[(a, b) for b in range(2)] for a in range(2)]
print(nested)
print([ (lambda v: v * 10)(k) for k in range(3)])
