# iter (1- and 2-arg forms) and next (with default)
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration:
    print('StopIteration')
it2 = iter('ab')
print(list(it2), list(it2))
print(iter(it2) is it2)
d = iter({'x': 1, 'y': 2})
print(next(d), next(d))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
data = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(data), '')))
class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)
    def read(self):
        return self.chunks.pop(0) if self.chunks else b''
r = Reader([b'ab', b'cd'])
print([c for c in iter(r.read, b'')])
try:
    iter(5)
except TypeError as e:
    print('TypeError', e)
try:
    iter(5, 1)
except TypeError as e:
    print('TypeError', e)
try:
    next(5)
except TypeError as e:
    print('TypeError', e)
g = (x for x in range(2))
print(next(g), next(g), next(g, 'gen done'))
it = iter(range(10))
for x in it:
    if x == 3:
        break
print(next(it), list(it))
s = iter({5})
print(next(s), next(s, 'empty'))
class Count:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
c = Count()
print(next(c), next(c), next(c), next(c, 'stop'))
