# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), type(s).__name__)
print(list(range(20))[s], 'abcdefghijkl'[s], (1, 2, 3, 4, 5)[slice(None, None, 2)])
print(s.indices(5), slice(None).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(4), slice(0, 100, 3).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class Recorder:
    def __getitem__(self, k):
        return k
r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2, 3], r[...], r[:, None], r['a':'b':'c'])
l = list(range(10))
l[slice(2, 4)] = ['x']
print(l)
del l[slice(None, None, 3)]
print(l)
try:
    slice(0, 5, 0).indices(10)
except ValueError as e:
    print('ValueError', e)
class Seq:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, k):
        if isinstance(k, slice):
            start, stop, step = k.indices(len(self.data))
            return Seq([self.data[i] for i in range(start, stop, step)])
        return self.data[k]
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return 'Seq(%r)' % self.data
q = Seq([10, 20, 30, 40, 50])
print(q[1:4], q[::-2], q[0], q[-1], len(q[1:]))
