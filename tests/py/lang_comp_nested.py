# nested comprehensions and generator expressions with several for/if clauses
print([(x, y, z) for x in range(1, 10) for y in range(x, 10) for z in range(y, 15) if x * x + y * y == z * z])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([x for sub in [[1, [2]], [3]] for x in sub])
flat = [c for word in ['ab', 'cd'] for c in word if c != 'c']
print(flat)
print(list(x for x in range(3) for _ in range(2)))
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print({i: {j: i * j for j in range(3)} for i in range(3)})
print(sum(x * y for x in range(5) for y in range(5) if x != y))
grid = ['#.#', '.#.', '#.#']
print([(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == '#'])
print([[c for c in row if c == '#'] for row in grid])
def cartesian(*lists):
    result = [[]]
    for l in lists:
        result = [r + [x] for r in result for x in l]
    return result
print(cartesian([1, 2], 'ab', [True]))
n = 3
print([[1 if i == j else 0 for j in range(n)] for i in range(n)])
print([i for i in range(30) if i % 2 == 0 if i % 3 == 0 if i % 5 != 0])
print(max(len(w) for w in 'to be or not to be'.split()))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
