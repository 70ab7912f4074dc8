# Lists, dicts and strings: building, indexing, hashing.
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
counts = {}
for i in range(40_000):
    w = words[i % 5]
    counts[w] = counts.get(w, 0) + 1
squares = [i * i for i in range(1000)]
total = 0
for _ in range(30):
    for s in squares:
        total += s
print(sorted(counts.items()), total)
