# tuple comparison, hashing and use as keys
pts = [(2, 1), (1, 2), (1, 1), (2, 0), (0, 5)]
print(sorted(pts), max(pts), min(pts))
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(1, 2)], grid[2, 2], (0, 0) in grid, (5, 5) in grid)
print(len(set([(1, 2), (1, 2), (2, 1)])))
print((1, 'a') < (1, 'b'), (1, 2.5) < (1, 3), ('a', 1) < ('a', 1, 0))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError', e)
print((1, (2, 3)) == (1, (2, 3)), (1, (2, 3)) < (1, (2, 4)))
print(hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))), hash(()) == hash(()))
print((float('nan'),) == (float('nan'),))
n = float('nan')
print((n,) == (n,), [n] == [n])
print((1, 2, 3).__len__(), (1, 2) + (), () + ())
