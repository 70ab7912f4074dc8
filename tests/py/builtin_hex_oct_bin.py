# hex, oct, bin, chr, ord, ascii
for v in (0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 2 ** 32, -(2 ** 40), 2 ** 100):
    print(v, hex(v), oct(v), bin(v))
class I:
    def __index__(self):
        return 10
print(hex(I()), oct(I()), bin(I()))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError', e)
try:
    bin('1')
except TypeError as e:
    print('TypeError', e)
print(ascii('abc'), ascii('\u00e9'), ascii([1, '\u20ac']), ascii(b'\xff'))
print(chr(65), ord('A'), chr(ord('a') + 25), [chr(c) for c in range(48, 58)])
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), int(hex(-99), 0))
