# __hash__ / __eq__ interplay in sets and dicts, default identity hashing
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return 'P(%d,%d)' % (self.x, self.y)
pts = [P(1, 2), P(1, 2), P(2, 1), P(0, 0), P(2, 1)]
uniq = []
seen = set()
for p in pts:
    if p not in seen:
        seen.add(p)
        uniq.append(p)
print(uniq, len(seen))
d = {}
for p in pts:
    d[p] = d.get(p, 0) + 1
print(d)
class Ident:
    pass
a, b = Ident(), Ident()
s = {a, b, a}
print(len(s), a in s, Ident() in s, hash(a) == hash(a))
class H:
    def __hash__(self):
        return 2 ** 100
print(hash(H()) == hash(2 ** 100))
class BadHash:
    def __hash__(self):
        return 'x'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError', e)
class Parent:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
class Child(Parent):
    pass
print(len({Child(), Child()}))
try:
    hash([])
except TypeError as e:
    print('TypeError', e)
try:
    hash({})
except TypeError as e:
    print('TypeError', e)
try:
    hash(set())
except TypeError as e:
    print('TypeError', e)
print(hash(1) == hash(1.0) == hash(True), hash('a') == hash('a'), hash((1, 'a')) == hash((1.0, 'a')))
print(type(hash('abc')).__name__, type(hash(3.5)).__name__)
