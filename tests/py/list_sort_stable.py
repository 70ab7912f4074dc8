# list.sort: stability, key calls, reverse, errors, mutation during sort
recs = [(i % 4, i) for i in range(40)]
recs.sort(key=lambda r: r[0])
print(recs[:12])
recs.sort(key=lambda r: r[0], reverse=True)
print(recs[:12])
data = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5] * 5
data.sort(); print(data[:10], data[-5:], len(data))
data.sort(reverse=True); print(data[:10])
calls = []
def key(x):
    calls.append(x)
    return -x
v = [3, 1, 2]
v.sort(key=key)
print(v, calls)
v.sort(key=None); print(v)
v.sort(reverse=1); print(v)
v.sort(reverse=False); print(v)
words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog', 'and', 'runs', 'far', 'away']
words.sort(key=len); print(words)
words.sort(key=lambda w: w[-1], reverse=True); print(words)
class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v > other.v
    def __repr__(self): return 'R%d' % self.v
rs = [Rev(i % 7) for i in range(20)]
rs.sort(); print(rs)
# sorting many equal keys keeps input order
eq = [(0, i) for i in range(100)]
eq.sort(key=lambda p: p[0]); print(eq == [(0, i) for i in range(100)])
asc = list(range(200)); asc.sort(); print(asc == list(range(200)))
desc = list(range(200, 0, -1)); desc.sort(); print(desc[:5], desc[-1])
mixed = [3.5, 1, True, 2.25, -1, 0]
mixed.sort(); print(mixed)
# errors
del recs, data, eq, asc, desc, rs, words
a = [3, 'a', 1]
try:
    a.sort()
except TypeError as e:
    print('TypeError', e)
print(sorted(a, key=str))
b = [3, 1, 2]
try:
    b.sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, b)
class Boom:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Boom.n += 1
        if Boom.n == 30:
            raise ValueError('boom')
        return self.v < o.v
c = [Boom(i * 13 % 40) for i in range(40)]
try:
    c.sort()
except ValueError as e:
    print('ValueError', e, len(c), sorted(x.v for x in c) == list(range(40)))
m = [3, 1, 2]
def meddle(x):
    m.append(x)
    return x
try:
    m.sort(key=meddle)
except ValueError as e:
    print('ValueError', e, m)
seen = []
def peek(x):
    seen.append(len(m))
    return x
m.sort(key=peek); print(m, seen)
for bad in ("[].sort(1)", "[].sort(foo=1)", "[].sort(reverse='x')", "[].sort(reverse=None)", "[1, 2].sort(key=5)"):
    try:
        eval(bad)
    except TypeError as e:
        print('TypeError', e)
