# bytes.decode: codecs, error handlers and CPython's UnicodeDecodeError messages
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: b'abc'.decode())
show(lambda: b'h\xc3\xa9llo'.decode('utf-8'))
show(lambda: b'h\xe9llo'.decode('latin-1'))
show(lambda: b'\xe2\x82\xac'.decode())
show(lambda: b'\xf0\x9f\x98\x80!'.decode())
show(lambda: b'x'.decode())
show(lambda: b''.decode())
show(lambda: b'\xc3\xa9'.decode())
show(lambda: b'\xff'.decode())
show(lambda: b'ab\xff'.decode('utf-8'))
show(lambda: b'\xe2\x82'.decode())
show(lambda: b'\xe2'.decode())
show(lambda: b'a\xe2\x82\x28'.decode())
show(lambda: b'a\xe0\x80'.decode())
show(lambda: b'\xed\xa0\x80'.decode())
show(lambda: b'\xf4\x90\x80\x80'.decode())
show(lambda: b'\xc0\xaf'.decode())
show(lambda: b'\xff\xfe'.decode('ascii'))
show(lambda: b'a\xffb\xfe'.decode('ascii', 'replace'))
show(lambda: b'a\xffb\xfe'.decode('ascii', 'ignore'))
show(lambda: b'a\xe2\x82\x28\xff'.decode('utf-8', 'replace'))
show(lambda: b'a\xe2\x82\x28\xff'.decode(errors='ignore'))
show(lambda: b'\xe2\x82'.decode('utf-8', 'replace'))
show(lambda: b'abc'.decode(encoding='ascii', errors='strict'))
show(lambda: b'abc'.decode('nope'))
show(lambda: b'abc'.decode(1))
show(lambda: b'\xff'.decode('utf-8', 'nope'))
show(lambda: b'abc'.decode('utf-8', 'nope'))
show(lambda: bytearray(b'caf\xc3\xa9').decode())
show(lambda: bytes(bytes(300)[:3]))
for enc in ('utf-8', 'utf8', 'UTF_8', 'ascii', 'us-ascii', 'latin-1', 'latin1', 'iso-8859-1', 'L1'):
    print(enc, bytes('ok', enc), b'ok'.decode(enc))
s = 'mixed \u00e9\u20ac\U0001f600 text'
print(bytes(s, 'utf-8').decode('utf-8') == s, len(bytes(s, 'utf-8')))
class B:
    def __bytes__(self):
        return b'from __bytes__'
print(bytes(B()))
class Idx:
    def __index__(self):
        return 3
print(bytes(Idx()), bytearray(Idx()))
