"""Conway's Game of Life on a 16x8 torus: prints a few generations of a glider."""

W, H = 16, 8


def step(cells):
    """One generation: a set of live (x, y) cells to the next."""
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}


def show(cells, gen):
    print(f"generation {gen}: {len(cells)} cells")
    for y in range(H):
        print("".join("#" if (x, y) in cells else "." for x in range(W)))


cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
for gen in range(4):
    show(cells, gen)
    cells = step(cells)
