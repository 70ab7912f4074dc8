# Generates float test vectors with CPython 3.11 (python3 gen_float.py).
# Output files: repr.txt, fmt.txt, round.txt, parse.txt, intparse.txt, intfmt.txt, strfmt.txt
# Fields are tab-separated; floats are given as 16 hex digits of their bits.
import random, struct, math
random.seed(2024)
def bits(x): return format(struct.unpack('<Q', struct.pack('<d', x))[0], '016x')
def fb(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def rand_double():
    while True:
        x = fb(random.getrandbits(64))
        if math.isfinite(x): return x
def nice():
    # short decimals and integers of all magnitudes
    k = random.randint(1, 17)
    d = str(random.randint(1, 10**k))
    e = random.randint(-330, 310)
    return float(d + 'e' + str(e))
special = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1/3, 2/3, 100.0, 1e16, 1e15, 9999999999999998.0, 1e17, 1.5e-05, 1e-05, 0.0001, 0.00012345,
           123456789012345.6, 1.2345678901234567e+19, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
           2**53, 2**53+2, 2**63, 2**64, 1e22, 1e23, 9.999999999999999e22, 5e-310, 4.9406564584124654e-324, 0.5, 1.5, 2.5, 2.675, 1.005,
           float('inf'), float('-inf'), float('nan'), 123.456, -987.654321, 1e300, 1e-300, 3.141592653589793, 2.718281828459045,
           0.30000000000000004, 1e100, 12345678.9, 0.000123456789, 1234.5, 999999.5, 9.5, 0.05, 0.15, 0.25, 0.35, 1e-7, 12.0, 1e5, 1e6, 1e-4]
special = [float(v) for v in special]
special += [fb(b) for b in [1, 2, 3, 0x000fffffffffffff, 0x0010000000000000, 0x0010000000000001, 0x7fefffffffffffff, 0x3ff0000000000001, 0x3fefffffffffffff, 0x4340000000000000, 0x4330000000000000]]
# powers of two and ten neighborhoods
for e in range(-1074, 1024, 37): special.append(2.0**e)
for e in range(-320, 309, 13):
    x = float('1e%d' % e); special += [x, math.nextafter(x, 0), math.nextafter(x, math.inf)]
vals_repr = special + [rand_double() for _ in range(700)] + [nice() for _ in range(500)]
with open('repr.txt', 'w') as f:
    for x in vals_repr: f.write('%s\t%s\n' % (bits(x), repr(x)))
specs = ['', 'f', '.0f', '.1f', '.2f', '.3f', '.10f', '.20f', '.30f', 'e', '.0e', '.1e', '.3e', '.16e', '.20e', 'E', 'g', '.0g', '.1g', '.2g', '.3g', '.10g', '.17g', '.20g',
         'G', '#g', '#.3g', '#.0f', '#.0e', '#', '.1', '.3', '.10', '.17', '%', '.1%', '.0%', 'n', '.3n', 'F', '+', ' ', '+.3e', '10', '<10', '^12.3f', '=12.2f', '012.3f',
         '*>15.4g', ',', ',.2f', '_.1f', ',.0f', '015,.2f', '020_', 'z.2f', 'z.1e', 'z', '-.3', ' 010.2%', '#.5g', '#20.8e', '.50f', '.100e', 'x<+9.1', '\u00e9^9', '030,']
with open('fmt.txt', 'w') as f:
    fv = special[:80] + [rand_double() for _ in range(60)] + [nice() for _ in range(80)] + [-nice() for _ in range(20)] + [-0.0001, -0.004, -0.005, -0.006, -1e-20]
    for x in fv:
        for s in specs:
            try: r = format(x, s)
            except Exception as e: r = 'ERR ' + type(e).__name__
            f.write('%s\t%s\t%s\n' % (bits(x), s, r))
    for (x, s) in [(1e300, '.500f'), (5e-324, '.1100f'), (5e-324, '.800e'), (2**-1074 * (2**52 - 1), '.1080f'), (1.7976931348623157e308, '.20f'), (0.1, '.60f'), (1e22, '.3f'), (1e23, 'f'), (2.0**-30, '.200g'), (123.456, '.2000f')]:
        f.write('%s\t%s\t%s\n' % (bits(x), s, format(x, s)))
with open('round.txt', 'w') as f:
    rv = special[:70] + [rand_double() for _ in range(80)] + [nice() for _ in range(200)] + [i / 8 for i in range(-40, 40)] + [i + 0.5 for i in range(-10, 10)] + [0.125, 0.375, 2.675, 1.005, 0.285, 1.015]
    for x in rv:
        if not math.isfinite(x): continue
        for n in [None, 0, 1, 2, 3, 5, -1, -2, -5, 10, 15, 20, 300, 323, 324, -308, -309]:
            try:
                r = round(x, n) if n is not None else round(x)
                r = repr(r) if n is not None else str(r)
            except Exception as e: r = 'ERR ' + type(e).__name__
            f.write('%s\t%s\t%s\n' % (bits(x), 'none' if n is None else n, r))
parse_strs = ['1', '1.5', ' 1.5 ', '-1.5', '+1.5', '.5', '5.', '1e5', '1E5', '1e+5', '1e-5', '1_0', '1_0.0_1', '1__0', '_1', '1_', '1._5', '1_.5', '1e1_0', '1e_10', '1e', 'e5', '.', '', ' ', 'inf', '-inf', '+inf', 'Infinity', '-iNfInItY', 'nan', '-nan', 'NaN', 'infinit', 'nann', '1.5x', '0x10', '1e400', '-1e400', '1e-400', '2.4703282292062327e-324', '2.4703282292062328e-324', '0.0', '-0.0', '00001', '000.000', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
              '\t\n 42 \r\x0b\x0c', '\u3000 7 \u2003', '\xa01\xa0', '1 2', '--1', '+-1', '1e--1', '1.2.3', '   .e1', '9' * 1000, '0.' + '0' * 500 + '1', '1' + '0' * 400 + 'e-400', '4.9406564584124654e-324', '1e-324', '3e-324', '1_2_3.4_5_6e1_2',
              '0.1' + '0' * 900 + '1', '2.2250738585072011e-308', '2.2250738585072012e-308', '1' * 2000 + 'e-1700', '0.' + '0' * 2000 + '5e2000', '9007199254740993', '9007199254740993.0000000000000000000000000000001', '9007199254740992.9999999999999999999999999999', '1e99999999999999999999999', '1e-99999999999999999999', '0e99999999999999999', 'infinity ', ' nan', '1\x00']
for _ in range(300):
    x = rand_double() if random.random() < 0.5 else nice()
    s = repr(x) if random.random() < 0.5 else ('%.' + str(random.randint(1, 40)) + 'e') % x
    parse_strs.append(s)
for _ in range(100):
    # halfway cases: exact midpoint between two doubles, and just around it
    x = rand_double(); y = math.nextafter(x, math.inf)
    from decimal import Decimal, getcontext
    getcontext().prec = 1200
    mid = (Decimal(x) + Decimal(y)) / 2
    for m in [mid, mid + Decimal('1e-1100') * abs(mid), mid - Decimal('1e-1100') * abs(mid)]:
        parse_strs.append(format(m, 'e') if random.random() < 0.5 else str(m))
with open('parse.txt', 'w') as f:
    for s in parse_strs:
        try: r = bits(float(s))
        except ValueError: r = 'ERR'
        f.write('%s\t%s\n' % (s.encode('unicode_escape').decode(), r))
int_strs = [('0', 0), ('00', 0), ('0_0', 0), ('010', 0), ('010', 10), ('0x1f', 0), ('0X1F', 16), ('0x_1f', 16), ('0x__1f', 16), ('0b1', 16), ('0b101', 0), ('0o17', 0), ('0o17', 8), ('0o8', 0),
            ('1_000', 10), ('1__000', 10), ('_1', 10), ('1_', 10), (' -42 ', 10), ('+7', 10), ('- 7', 10), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('', 10), ('  ', 10), ('0x', 16), ('0x', 0), ('1', 1), ('1', 37), ('ff', 16), ('0_1', 0), ('00_00', 0), ('0b_', 0), ('0b_1', 0),
            ('9' * 30, 10), ('-' + '7' * 40, 8), ('\u3000123\u3000', 10), ('12 3', 10), ('0_', 0), ('1e5', 10), ('1.0', 10), ('0x1', 10), ('xyz', 36)]
with open('intparse.txt', 'w') as f:
    for s, b in int_strs:
        try: r = str(int(s, b))
        except ValueError as e: r = 'ERR ' + ('base' if 'base must' in str(e) else 'invalid')
        f.write('%s\t%d\t%s\n' % (s.encode('unicode_escape').decode(), b, r))
ispecs = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', 'n', ',', '_', '_b', '_x', '#_x', '#_o', ',d', '10', '<10', '^11', '=10', '010', '+', ' ', '+010', '-010', '#012x', '0=12,', '012,', '*^+12,', '09,', '08,', '0>10,', '<05',
          'e', '.2f', '%', 'g', '.3', 'z', ',c', '+c', '#c', '>5c', 'q', ',x', ',b', '_n', '.2', '_,', ',_', 'z5d', '#_X', '+#x', ' #b', '0', '00', '020_b', '\u00e9>8', '=+8', '+=8', 'G', 'E', '.1%', '.0e', ',.2f', 'F']
ivals = [0, 1, -1, 7, 42, -42, 255, 1000, -1234567, 65, 0x263a, 0x10ffff, 0x110000, 10**20, -(10**20) - 7, 2**100, -(2**64) + 1, 123456789, 2**1030]
with open('intfmt.txt', 'w') as f:
    for v in ivals:
        for s in ispecs:
            try: r = format(v, s)
            except (ValueError, OverflowError) as e: r = 'ERR ' + str(e)
            f.write('%s\t%s\t%s\n' % (v, s.encode('unicode_escape').decode(), r.encode('unicode_escape').decode()))
sspecs = ['', 's', '10', '<10', '>10', '^10', '^11', '*^9', '.2', '10.2', '05', '=10', '+', ' ', '-', '#', 'z', ',', '_', 'd', 'x', '.', '.2s', 'ss', '\u00e9<6', '0<6', '<05', ',s', '.0']
with open('strfmt.txt', 'w') as f:
    for v in ['', 'a', 'abc', 'h\u00e9llo', '\u263a\u263a']:
        for s in sspecs:
            try: r = format(v, s)
            except ValueError as e: r = 'ERR ' + str(e)
            f.write('%s\t%s\t%s\n' % (v.encode('unicode_escape').decode(), s.encode('unicode_escape').decode(), r.encode('unicode_escape').decode()))
