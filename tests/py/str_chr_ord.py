# chr and ord
print([ord(c) for c in 'AZaz09 ~\n'])
print(''.join(chr(i) for i in range(65, 91)), ''.join(chr(i) for i in range(97, 123)))
print(chr(0) == '\x00', chr(127), repr(chr(128)), chr(0x10FFFF) == '\U0010ffff', ord(chr(0x10FFFF)))
print(ord('\u00e9'), ord('\u4e2d'), chr(20013), ord('\U0001F40D'))
try:
    chr(-1)
except ValueError as e:
    print('ValueError', e)
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError', e)
try:
    ord('')
except TypeError as e:
    print('TypeError', e)
try:
    chr('a')
except TypeError as e:
    print('TypeError', e)
print(ord(b'a'), ord(bytearray(b'z')))
def caesar(s, k):
    out = []
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        elif 'A' <= c <= 'Z':
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        else:
            out.append(c)
    return ''.join(out)
print(caesar('Hello, World!', 3), caesar(caesar('Hello, World!', 3), -3))
print(sum(ord(c) for c in 'checksum') % 256)
