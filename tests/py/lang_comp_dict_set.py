# dict and set comprehensions
print({x: x * x for x in range(5)})
print({k: v for k, v in [('a', 1), ('b', 2)]})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({x % 3: x for x in range(10)})
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in 'mississippi'}))
print({i: [j for j in range(i)] for i in range(4)})
print({(a, b): a * b for a in range(3) for b in range(3) if a <= b})
print({w: len(w) for w in 'one two three four'.split() if len(w) > 3})
s = {x * 2 for x in range(4)}
print(type(s).__name__, len(s), 6 in s, 7 in s)
d = {str(i): i for i in range(3)}
print(d, type(d).__name__)
print({k: k for k in ''})
print({i for i in []} == set())
words = ['apple', 'bob', 'cat', 'avocado', 'banana']
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print({k: len(v) for k, v in groups.items()})
print(sorted({frozenset({i, i + 1}) for i in range(3)}, key=sorted))
print({x: y for x, y in zip('abc', 'xyz') if x != 'b'})
