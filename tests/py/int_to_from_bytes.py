# int.to_bytes / int.from_bytes
for v in (0, 1, 127, 128, 255, 256, 65535, 2 ** 32, 2 ** 64 - 1, 2 ** 100 + 5):
    n = (v.bit_length() + 7) // 8 or 1
    b = v.to_bytes(n, 'big')
    l = v.to_bytes(n + 2, 'little')
    print(v, b, l, int.from_bytes(b, 'big'), int.from_bytes(l, 'little'))
for v in (0, -1, -128, 127, -129, 2 ** 63 - 1, -(2 ** 63), -(2 ** 100), 2 ** 100):
    n = (v.bit_length() + 8) // 8
    b = v.to_bytes(n, 'big', signed=True)
    print(v, b, int.from_bytes(b, 'big', signed=True), int.from_bytes(b, 'big'), v.to_bytes(n + 1, byteorder='little', signed=True))
print((1).to_bytes(), (65).to_bytes(length=2), (1000).to_bytes(2, byteorder='little'), int.from_bytes(b'\x01\x00'), int.from_bytes(b''))
print(int.from_bytes(b'', signed=True), int.from_bytes(b'\x80', 'big', signed=True), int.from_bytes(b'\xff' * 20, 'little', signed=True))
print(int.from_bytes(bytearray(b'\x12\x34'), 'big'), int.from_bytes((1, 2, 3), 'little'), int.from_bytes(iter([255]), 'big'))
print(int.from_bytes(b'\x00' * 10 + b'\x01', 'big'), int.from_bytes(b'\x01' + b'\x00' * 10, 'big'))
for f in (lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True),
          lambda: (-129).to_bytes(1, 'big', signed=True), lambda: (1).to_bytes(0, 'big'), lambda: (0).to_bytes(0, 'big'),
          lambda: (1).to_bytes(-1, 'big'), lambda: (1).to_bytes(1, 'huge'), lambda: int.from_bytes(b'a', 'x'),
          lambda: int.from_bytes('ab', 'big'), lambda: int.from_bytes(5, 'big'), lambda: int.from_bytes([256], 'big'),
          lambda: (2 ** 64).to_bytes(8, 'little'), lambda: (-(2 ** 63)).to_bytes(8, 'big', signed=True)):
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
