# int <-> text in many bases, big values  # fzpy: big-heap
vals = [0, 1, -1, 255, -256, 2 ** 31 - 1, 2 ** 63, -(2 ** 63) - 1, 2 ** 64, 10 ** 30, -(3 ** 100), 2 ** 200 - 1]
for v in vals:
    print(v, hex(v), oct(v), bin(v), str(v), repr(v))
    for base in (2, 3, 7, 8, 10, 16, 36):
        assert int(format(v, 'x') if base == 16 else str(v) if base == 10 else format(v, 'b') if base == 2 else format(v, 'o') if base == 8 else str(v), base if base in (2, 8, 10, 16) else 10) == v
big = 7 ** 300
for base in (2, 3, 5, 8, 10, 16, 36):
    digits = ''
    n = big
    while n:
        digits = '0123456789abcdefghijklmnopqrstuvwxyz'[n % base] + digits
        n //= base
    print(base, len(digits), int(digits, base) == big, int('-' + digits.upper(), base) == -big)
print(int('  123456789012345678901234567890  '), int('-0x' + 'ab' * 20, 0), int('0b' + '1' * 100, 0), int('0o777_777_777_777_777_777_777', 0))
print(int('1_000_000_000_000_000_000_000_000'), int(b'98765432109876543210'), int(bytearray(b'-77777777777777777777')))
print(int('\u2003 42 \t'), int('+7'), int('-0'), int('00000000000000000000000000000000001'))
for s, b in (('9' * 4300, 10), ('f' * 5000, 16)):
    print(len(str(int(s, b))) if b == 10 else int(s, b).bit_length())
for f in (lambda: int('9' * 4301), lambda: str(10 ** 4300), lambda: int('1' * 5000, 7), lambda: int('', 10),
          lambda: int('12a'), lambda: int('0x'), lambda: int('1 2'), lambda: int('1_'), lambda: int('_1'),
          lambda: int('9' * 300 + 'x'), lambda: int(b'zz'), lambda: int('10', 37), lambda: int('10', 1),
          lambda: int(1.5, 2), lambda: int([1]), lambda: int(None), lambda: int('0b2', 0), lambda: int('0x1g', 16),
          lambda: int(''.join(['1'] * 30) + '.0')):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, str(e)[:120])
print(len(str(10 ** 4299)), hex(2 ** 20000)[:10], len(hex(2 ** 20000)))
