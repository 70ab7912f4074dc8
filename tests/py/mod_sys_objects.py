# sys: streams, version_info, implementation
import sys
print(type(sys.stdout).__name__, sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding)
print(sys.stdout is sys.stdout, sys.stdout is not sys.stderr, type(sys.stdout) is type(sys.stderr))
n = sys.stdout.write('one ')
m = sys.stdout.write('two\n')
print(n, m, sys.stdout.write(''), sys.stdout.write('\u00e9\u20ac\n'))
print(sys.stderr.write('to stderr\n'), sys.stdout.flush(), sys.stderr.flush())
try:
    sys.stdout.write(5)
except TypeError as e:
    print('TypeError', e)
try:
    sys.stdout.write()
except TypeError as e:
    print('TypeError')
w = sys.stdout.write
w('bound write\n')
print(sys.stdin.readline() == '', sys.stdout.isatty() in (True, False))
v = sys.version_info
print(v[0], v[:2] >= (3, 0), v.major, v.minor == v[1], v.micro == v[2], v.releaselevel, v.serial, len(v), isinstance(v, tuple))
print(v > (3,), v < (4,), v >= (3, 11), tuple(v)[:2], list(v)[0])
print(sys.implementation.name == sys.implementation.name.lower(), type(sys.implementation.name).__name__)
print(sys.getrecursionlimit() > 0, sys.exc_info(), sys.exception())
try:
    raise ValueError('x')
except ValueError:
    print(type(sys.exception()).__name__, sys.exc_info()[0].__name__)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
for bad in (0, -1, 'a', 2.5):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.intern('abc'), sys.maxsize > 0, sys.byteorder, type(sys.hexversion).__name__, sys.maxunicode)
try:
    sys.intern(5)
except TypeError as e:
    print('TypeError', e)
try:
    sys.no_such_attribute
except AttributeError as e:
    print('AttributeError', e)
sys.my_attr = 42
print(sys.my_attr)
