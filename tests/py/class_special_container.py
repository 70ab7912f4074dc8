# container protocol: __len__ __getitem__ __setitem__ __delitem__ __contains__ __iter__
class Bag:
    def __init__(self):
        self.d = {}
    def __len__(self):
        return len(self.d)
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        print('set', k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print('del', k)
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
b = Bag()
b['x'] = 1
b['y'] = 2
b['x'] += 10
print(len(b), b['x'], 'x' in b, 'z' in b, 'z' not in b, list(b), [k for k in b])
del b['y']
print(len(b), bool(b))
try:
    b['nope']
except KeyError as e:
    print('KeyError', e)
class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError('done')
        return i * i
print(list(Seq()), 16 in Seq(), 17 in Seq())
for v in Seq():
    print(v, end=' ')
print()
a, b2, *rest = Seq()
print(a, b2, rest)
class Grid:
    def __getitem__(self, key):
        r, c = key
        return r * 10 + c
g = Grid()
print(g[1, 2], g[3, 4])
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print('TypeError', e)
try:
    NoLen()[0]
except TypeError as e:
    print('TypeError', e)
try:
    NoLen()[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    del NoLen()[0]
except TypeError as e:
    print('TypeError', e)
try:
    1 in NoLen()
except TypeError as e:
    print('TypeError', e)
try:
    iter(NoLen())
except TypeError as e:
    print('TypeError', e)
class ContainsViaIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in ContainsViaIter(), 5 in ContainsViaIter())
class Reversible:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return 'abc'[i]
print(list(reversed(Reversible())), list(Reversible()))
class BadLen:
    def __len__(self):
        return 'x'
try:
    len(BadLen())
except TypeError as e:
    print('TypeError', e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print('ValueError', e)
