# open() in text mode: write, read back, lines, seek/tell, append, iteration.
# Files are named relative to the script (fzpy) / the working directory (CPython).
import io

NAME = '_io_text.tmp'

f = open(NAME, 'w')
print(f.name, f.mode, f.closed, f.readable(), f.writable(), f.seekable())
print(f.write('first line\n'))
print(f.write('zweite Zeile: äöü €\n'))
print(f.write(''))
print(f.write('x'))
print(f.write('\nno newline at end'))
print(f.tell())
f.flush()
f.close()
print(f.closed)
f.close()  # closing twice is fine

with open(NAME) as f:
    print(f.mode, f.readable(), f.writable())
    print(repr(f.read(5)))
    print(repr(f.read(0)))
    print(repr(f.readline()))
    print(f.tell())
    print(repr(f.readline()))
    print(repr(f.readline(1)))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.read()))
    print(f.seek(0))
    print(f.readlines())
    print(f.seek(0, io.SEEK_END), f.tell())
    print(f.seek(0, io.SEEK_CUR))
    print(repr(f.read()))
    print(f.seek(11))
    print(repr(f.read(8)))
print(f.closed)

with open(NAME, 'rt') as f:
    n = 0
    for line in f:
        n += 1
        print(n, repr(line))
    print(repr(f.readline()))

with open(NAME, encoding='utf-8') as f:
    print(repr(f.read(-1)[:10]))
with open(NAME) as f:
    print(repr(f.read(None)[-7:]))
    f.seek(0)
    print(f.readlines(12))

# Append and read/write modes.
with open(NAME, 'a') as f:
    print(f.tell() > 0, f.write('\nappended'))
with open(NAME) as f:
    print(f.read().splitlines()[-2:])
with open(NAME, 'w+') as f:
    print(f.write('abc\ndef\n'))
    print(f.seek(0))
    print(repr(f.read()))
    print(f.seek(4), repr(f.readline()))
with open(NAME, 'r+') as f:
    print(repr(f.read(2)))
    f.seek(0)
    print(f.write('X'))
    f.seek(0)
    print(repr(f.read()))
with open(NAME, 'w') as f:
    pass
with open(NAME) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))

# Many lines, longer than one read chunk.
with open(NAME, 'w') as f:
    for i in range(60):
        f.write('line %d %s\n' % (i, 'é' * (i % 7) + '-' * i))
with open(NAME) as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[59][-20:], sum(len(l) for l in lines))
with open(NAME) as f:
    text = f.read()
print(len(text), text.count('\n'), text == ''.join(lines))
with open(NAME) as f:
    print(sum(1 for _ in f))
with open(NAME) as f:
    chunks = []
    while True:
        c = f.read(37)
        if not c:
            break
        chunks.append(c)
print(len(chunks), ''.join(chunks) == text)
with open(NAME, 'w') as f:
    f.write('x' * 700)
with open(NAME) as f:
    print(len(f.readline()), repr(f.readline()))
with open(NAME, 'w') as f:
    f.write('')
