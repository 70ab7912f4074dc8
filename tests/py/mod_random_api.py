# random: only properties (the generator differs from CPython's)
import random
def show(f):
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
for s in (0, 1, -1, 2 ** 80, 3.5, 'seed', b'seed', bytearray(b'x'), True):
    random.seed(s)
    a = [random.random(), random.randint(0, 10 ** 6), random.getrandbits(40)]
    random.seed(s)
    b = [random.random(), random.randint(0, 10 ** 6), random.getrandbits(40)]
    print(repr(s)[:10], a == b)
random.seed(1)
x = random.random()
random.seed(2)
print(x != random.random())
st = random.getstate()
seq1 = [random.randrange(1000) for _ in range(10)]
random.setstate(st)
print(seq1 == [random.randrange(1000) for _ in range(10)])
ok = True
for _ in range(300):
    ok = ok and 0 <= random.random() < 1
    ok = ok and -5 <= random.randint(-5, 5) <= 5
    ok = ok and random.randrange(10, 20, 3) in (10, 13, 16, 19)
    ok = ok and random.randrange(20, 10, -4) in (20, 16, 12)
    ok = ok and random.randrange(-10, -5) in range(-10, -5)
    ok = ok and 0 <= random.randrange(2 ** 62) < 2 ** 62
    ok = ok and 0 <= random.getrandbits(100) < 2 ** 100
    ok = ok and 2 <= random.uniform(2, 3) <= 3 and -1 <= random.uniform(0, -1) <= 0
    ok = ok and 1 <= random.triangular(1, 3) <= 3 and 1 <= random.triangular(1, 3, 2.5) <= 3
    ok = ok and random.expovariate(2) >= 0 and isinstance(random.gauss(0, 1), float)
print('ranges ok', ok)
print(random.randint(3, 3), random.randrange(7, 8), random.getrandbits(0), random.choice((9,)), random.choice('z'))
seen = set()
for _ in range(400):
    seen.add(random.randrange(0, 10, 2))
print(sorted(seen))
seen = set()
for _ in range(400):
    seen.add(random.choice('abc'))
print(sorted(seen))
l = list(range(30))
random.shuffle(l)
print(sorted(l) == list(range(30)), len(l))
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s), sorted(random.sample([1, 2, 3], 3)), random.sample('abc', 0))
c = random.choices(['x', 'y'], k=50)
print(len(c), set(c) <= {'x', 'y'}, random.choices('ab', [0, 1], k=3), random.choices('ab', cum_weights=[1, 1], k=2), random.choices([5]))
print(len(random.randbytes(5)), type(random.randbytes(0)).__name__, random.getrandbits(8) < 256)
big = random.randrange(10 ** 30, 10 ** 30 + 5) if False else random.randrange(-(2 ** 61), 2 ** 61)
print(-(2 ** 61) <= big < 2 ** 61)
show(lambda: random.randrange(0))
show(lambda: random.randrange(-3))
show(lambda: random.randrange(3, 3))
show(lambda: random.randrange(5, 1))
show(lambda: random.randrange(1, 5, 0))
show(lambda: random.randrange(1, 5, -1))
show(lambda: random.randint(5, 1))
show(lambda: random.choice([]))
show(lambda: random.choice(''))
show(lambda: random.sample([1, 2], 3))
show(lambda: random.sample([1, 2], -1))
show(lambda: random.sample({1, 2}, 1))
show(lambda: random.getrandbits(-1))
show(lambda: random.seed([1]))
show(lambda: random.seed({}))
show(lambda: random.shuffle((1, 2)))
show(lambda: random.choices('ab', [1], k=2))
show(lambda: random.choices('ab', [0, 0]))
show(lambda: random.choices('ab', [1, 1], cum_weights=[1, 2]))
show(lambda: random.choices([], k=1))
show(lambda: random.uniform(1, 'a'))
random.seed()
random.seed(None)
print(0 <= random.random() < 1)
