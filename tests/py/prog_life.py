# Conway's game of life on a small torus
W, H = 12, 8
def parse(rows):
    return {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == '#'}
def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = ((r + dr) % H, (c + dc) % W)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live):
    for r in range(H):
        print(''.join('#' if (r, c) in live else '.' for c in range(W)))
    print()
glider = parse(['.#.', '..#', '###'])
live = glider | {(5, 8), (5, 9), (5, 10)}
for gen in range(4):
    print('generation', gen, 'population', len(live))
    show(live)
    live = step(live)
for _ in range(40):
    live = step(live)
print('after 44 generations:', len(live), sorted(live))
block = parse(['##', '##'])
print(step(block) == block, step(step(parse(['###']))) == parse(['###']))
