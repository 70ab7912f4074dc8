# truth values of objects
for v in [0, 1, -1, 0.0, -0.0, 0.5, '', ' ', 'a', b'', b'\x00', [], [[]], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1), bytearray(), frozenset()]:
    print(repr(v), bool(v), 'T' if v else 'F')
class Empty:
    pass
class WithBool:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
class WithLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(WithBool(False)), bool(WithBool(True)), bool(WithLen(0)), bool(WithLen(3)), bool(Both()))
if WithLen(0):
    print('no')
else:
    print('len 0 is falsy')
print(not WithBool(False), WithLen(2) and 'yes')
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError', e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print('ValueError', e)
print(bool(2 ** 100), bool(-(2 ** 100)), bool(2 ** 100 - 2 ** 100))
