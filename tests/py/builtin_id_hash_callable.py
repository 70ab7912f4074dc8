# id, hash, callable
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(None) == id(None))
x = 'interned'
print(id(x) == id(x), id(1) == id(1))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False) == hash(0.0), hash('abc') == hash(''.join(['a', 'b', 'c'])))
print(hash((1, 2)) == hash((1, 2)), hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(b'ab') == hash(b'ab'))
print(hash(2 ** 40) == hash(2.0 ** 40), hash(None) == hash(None), type(hash('s')).__name__)
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print('TypeError', e)
class C:
    def m(self):
        pass
    def __call__(self):
        pass
class D:
    pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(C().m), callable(lambda: 0), callable(None), callable('str'), callable(str), callable(print))
print(hash(C) == hash(C), hash(C()) != 0 or True)
