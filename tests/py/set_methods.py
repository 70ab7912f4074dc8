# more set behaviour: in-place operators, mixed types, iteration, comprehension
a = {1, 2, 3}
b = a
a |= {4}
a -= {1}
a &= {2, 3, 4, 5}
a ^= {5}
print(sorted(a), a is b)
c = a | set()
print(c is a, c == a)
print(sorted({'x', 'y'} | frozenset({'z'})), type({'x'} | frozenset()).__name__, type(frozenset() | {'x'}).__name__)
words = 'the cat and the hat and the bat'.split()
uniq = set(words)
print(len(words), len(uniq), sorted(uniq), 'cat' in uniq, 'dog' in uniq)
seen = set()
dups = [w for w in words if w in seen or seen.add(w)]
print(dups)
s = set(range(10))
for x in sorted(s):
    if x % 3 == 0:
        s.discard(x)
print(sorted(s))
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print('RuntimeError', e)
print(sorted({(x, y) for x in range(3) for y in range(x)}))
print({1, 2} < {1, 2, 3}, {1, 2, 3} > {1, 2}, {1} <= {1}, {1} < {1}, {4} > set())
print(sorted(set('abc') - set('b')), sorted(set('abc') ^ set('cde')), sorted(set([1, 2]).union('ab', (3,)), key=str))
e = set()
e.update()
e.update('ab', [1])
print(len(e), 'a' in e, 1 in e)
print(set([1, 2]) == frozenset([2, 1]), {frozenset([1])} == {frozenset([1])})
big = {i * i % 97 for i in range(200)}
print(len(big), min(big), max(big), sum(big))
print(sorted(map(abs, {-3, 3, -1, 2})))
