# open() in binary mode: bytes in and out, seek from every origin, modes.
import io

NAME = '_io_binary.tmp'

with open(NAME, 'wb') as f:
    print(f.mode, f.readable(), f.writable())
    print(f.write(b'\x00\x01\x02hello\n'))
    print(f.write(bytearray(b'world\r\n')))
    print(f.write(bytes(range(200, 256))))
    print(f.tell())

with open(NAME, 'rb') as f:
    print(f.mode)
    print(f.read(3))
    print(f.readline())
    print(f.readline())
    print(f.tell())
    print(len(f.read()))
    print(f.read(), f.read(10))
    print(f.seek(0), f.read(1))
    print(f.seek(2, io.SEEK_CUR), f.read(2))
    print(f.seek(-3, io.SEEK_END), f.read())
    print(f.seek(-4, 2), f.read(2), f.tell())
    print(f.seek(1000), f.read(), f.tell())
    f.seek(0)
    print(f.readlines()[:2])
    f.seek(0)
    print([len(l) for l in f])

for mode in ['r+b', 'rb+', 'w+b', 'ab', 'a+b', 'wb']:
    with open(NAME, mode) as f:
        print(mode, f.mode, f.readable(), f.writable())

with open(NAME, 'wb') as f:
    f.write(b'abc')
with open(NAME, 'ab') as f:
    print(f.tell(), f.write(b'def'), f.tell())
with open(NAME, 'r+b') as f:
    print(f.read())
    f.seek(1)
    f.write(b'XY')
    f.seek(0)
    print(f.read())
with open(NAME, 'a+b') as f:
    print(f.tell())
    f.seek(0)
    print(f.read(2))
    f.seek(0, 2)
    f.write(b'!')
    f.seek(0)
    print(f.read())

# Larger than one read chunk.
data = bytes(i % 251 for i in range(3000))
with open(NAME, 'wb') as f:
    print(f.write(data))
with open(NAME, 'rb') as f:
    back = f.read()
print(len(back), back == data)
with open(NAME, 'rb') as f:
    parts = [f.read(1000), f.read(1500), f.read(1000), f.read(1)]
print([len(p) for p in parts], b''.join(parts) == data)
del back, parts
with open(NAME, 'rb') as f:
    lines = f.readlines()
print(len(lines), b''.join(lines) == data, max(len(l) for l in lines))
with open(NAME, 'wb') as f:
    pass
with open(NAME, 'rb') as f:
    print(f.read(), f.readline(), f.readlines())
