# dicts with user objects as keys, nested structures, counting idioms
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return 'Key(%r)' % self.k
d = {Key(1): 'one', Key('x'): 'ex'}
print(d[Key(1)], d[Key('x')], Key(2) in d, d)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print('TypeError', e)
class Default:
    pass
o = Default()
d = {o: 'obj'}
print(d[o], Default() in d)
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError', e)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return self.v == o.v
    def __repr__(self):
        return 'C%d' % self.v
c = {Collide(i): i for i in range(10)}
print(len(c), c[Collide(7)], list(c)[:3])
del c[Collide(3)]
print(len(c), Collide(3) in c, Collide(4) in c)
big = {}
for i in range(200):
    big[i] = str(i)
for i in range(0, 200, 3):
    del big[i]
print(len(big), big[199], list(big)[:5], list(big)[-3:])
big.clear()
print(big)
m = {}
for i in range(50):
    m['k%d' % i] = i
print(sum(m.values()), list(m)[:3], list(m)[-1])
adj = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d'], 'd': []}
def reach(n, seen):
    if n in seen:
        return
    seen[n] = True
    for x in adj[n]:
        reach(x, seen)
s = {}
reach('a', s)
print(list(s))
print({(i, j): i + j for i in range(2) for j in range(2)})
print({1.5: 'x', -0.0: 'z'}[0])
