# encode / decode
s = 'caf\u00e9 \u20ac'
b = s.encode()
print(b, type(b).__name__, len(b))
print(s.encode('utf-8'), s.encode('utf8'), 'abc'.encode('ascii'), 'abc'.encode('latin-1'), '\u00e9'.encode('latin-1'))
print(b.decode(), b.decode('utf-8'), b'abc'.decode('ascii'), b'\xe9'.decode('latin-1'))
print('\u00e9'.encode('ascii', 'replace'), '\u00e9'.encode('ascii', 'ignore'), b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
try:
    b'\xc3'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    b'\x80abc'.decode('ascii')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    'x\u20ac'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeError, ValueError))
print(str(b'abc', 'ascii'), str(b'abc'), bytes('xyz', 'utf-8'), bytearray('\u00e9', 'utf-8'))
print(list('\U0001F600'.encode()), b'\xf0\x9f\x98\x80'.decode() == '\U0001F600')
print(''.encode(), b''.decode(), 'a\x00b'.encode())
