# open() and file errors with CPython's exact messages.
import io

NAME = '_io_errors.tmp'

def show(f, *a):
    try:
        r = f(*a)
        print('ok', repr(r))
    except Exception as e:
        print(type(e).__name__, e)

with open(NAME, 'w') as f:
    f.write('one\ntwo\n')

# Missing files and their OSError attributes.
try:
    open('_io_no_such_file.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror, e.filename, e.args)
    print(isinstance(e, OSError), str(e))
try:
    open('_io_no_such_dir/x.txt', 'w')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    open(NAME, 'x')
except FileExistsError as e:
    print(type(e).__name__, e)
show(open, '')

# Bad modes and argument types.
for mode in ['q', 'rr', 'rw', 'wa', '', 'b', 't', '+', 'rbt', 'r++', 'U', 'rU', 'xr', 'rwb']:
    show(open, NAME, mode)
show(open, NAME, 1)
show(open, NAME, None)
show(open, 3.5)
show(open, None)
show(open, [NAME])
show(open, NAME, 'rb', -1, 'utf-8')
show(open, NAME, 'r', 'x')
show(open, NAME, 'r', -1, 5)
show(open, 'a\0b')
show(open)

# OSError's own str and attributes.
e = OSError(2, 'gone')
print(str(e), e.errno, e.strerror, e.filename)
e = OSError('plain')
print(str(e), e.errno, e.strerror, e.args)
print(str(OSError()), repr(OSError(5, 'x').args))

# Operations on closed files.
f = open(NAME)
f.close()
for name in ['read', 'readline', 'readlines', 'tell', 'flush', '__enter__', '__next__', '__iter__']:
    show(getattr(f, name))
show(f.write, 'x')
show(f.seek, 0)
show(f.readable)
show(f.seekable)
show(f.close)
print(f.closed)
try:
    with f:
        pass
except ValueError as e:
    print('with:', e)
try:
    for line in f:
        pass
except ValueError as e:
    print('for:', e)

# Wrong direction: io.UnsupportedOperation (an OSError and a ValueError).
with open(NAME, 'w') as f:
    show(f.read)
    show(f.readline)
    show(f.readlines)
    show(f.write, b'x')
    show(f.write, 5)
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print(isinstance(e, OSError), isinstance(e, ValueError))
with open(NAME) as f:
    show(f.write, 'x')
    show(f.read, 1.5)
    show(f.read, 'x')
    show(f.readline, None)
    show(f.seek, 1, 1)
    show(f.seek, 1, 2)
    show(f.seek, -1)
    show(f.seek, 0, 3)
    show(f.seek, 0, 1)
    show(f.seek, 0, 2)
with open(NAME, 'wb') as f:
    show(f.read)
    show(f.write, 'x')
    show(f.write, 5)
    show(f.seek, -5)
    show(f.seek, 'x')
    show(f.seek, 1.5)
    show(f.write, b'abc')
    show(f.seek, -1, 2)
with open(NAME, 'rb') as f:
    show(f.write, b'x')

# Exceptions inside with still close the file.
try:
    with open(NAME) as f:
        raise KeyError('inside')
except KeyError as e:
    print('KeyError', e, f.closed)

# Bad UTF-8 in a text file.
with open(NAME, 'wb') as f:
    f.write(b'ok\n\xff\xfe\n')
with open(NAME) as f:
    show(f.read)
with open(NAME, 'rb') as f:
    print(f.read())
with open(NAME, 'wb') as f:
    f.write(b'')
