# bytes methods
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b.upper(), b.lower(), b.swapcase() if True else 0)
print(b'a,b,,c'.split(b','), b'a b  c'.split(), b'a b c'.split(None, 1), b'a,b,c'.rsplit(b',', 1))
print(b'-'.join([b'a', b'b', b'c']), b''.join([bytearray(b'x'), b'y']), b', '.join([]))
print(b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1), b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'))
print(b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.index(b'o'), b'hello'.count(b'l'))
print(b'key=val'.partition(b'='), b'a=b=c'.rpartition(b'='))
print(b'abc'.isalpha(), b'123'.isdigit(), b'a1'.isalnum(), b' \t'.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(b'hello world'.title(), b'hello'.capitalize(), b'ab'.center(6, b'*'), b'ab'.ljust(4, b'.'), b'ab'.rjust(4), b'7'.zfill(3))
print(b'line1\nline2\r\n'.splitlines(), b'a\tb'.expandtabs(4))
print(b'abc'.decode(), b'\xe2\x82\xac'.decode('utf-8'), b'abc'.hex(), bytes.fromhex('616263'))
print(b'%s=%d' % (b'x', 5), b'%05.1f' % 2.25, b'%c' % 65, b'%x' % 255)
try:
    b'a,b'.split(',')
except TypeError as e:
    print('TypeError', e)
try:
    b'abc'.join(['a'])
except TypeError as e:
    print('TypeError', e)
ba = bytearray(b'mutable bytes')
print(ba.upper(), ba.split(), ba.replace(b'bytes', b'array'), ba.find(b'b'), type(ba.upper()).__name__)
print(b'abc'.removeprefix(b'a'), b'abc'.removesuffix(b'c'), b'xxabxx'.strip(b'x'))
print(bytes.maketrans(b'abc', b'xyz'), b'aabbcc'.translate(bytes.maketrans(b'abc', b'xyz')), b'hello'.translate(None, b'l'))
