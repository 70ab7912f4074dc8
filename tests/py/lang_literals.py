# literals of every kind
print(0, 1, -1, 123456789)
print(0x1F, 0X1f, 0o17, 0O17, 0b1011, 0B1011)
print(1_000_000, 0x_FF, 0b_1010_1010, 0o_7_7)
print(1.5, .5, 5., 1e3, 1E-3, 1.5e+2, 1_0.2_5)
print(True, False, None)
print(type(True).__name__, type(None).__name__, type(1.0).__name__)
print('single', "double", '''triple single''', """triple double""")
print('a' 'b' "c")  # implicit concatenation
print("multi\nline")
s = """line1
line2
line3"""
print(s)
print(len(s))
print(r'raw\n\t', R"raw\\")
print(b'bytes', B"BYTES", rb'\x00', br'\n')
print([], [1], [1, 2, 3], [1, 2, 3,])
print((), (1,), (1, 2), (1, 2,))
print({}, {1: 2}, {'a': 1, 'b': 2,})
print({1}, {1, 2})
print(...)
print(Ellipsis is ...)
print(type(...).__name__)
print(0 == -0, 00, 0_0)
x = (
    1 +
    2
)
print(x)
y = [
    'a',
    'b',
]
print(y)
print(10_000 + 1, 0xdead_beef)
print(-0x10, -0o10, -0b10)
print(+5, -(-5), --5, ~5, ~-1)
