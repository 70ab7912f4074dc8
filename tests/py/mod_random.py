# the random module: only ranges, types and self-consistency (sequences differ between implementations)
import random
random.seed(12345)
first = [random.random() for _ in range(5)]
random.seed(12345)
second = [random.random() for _ in range(5)]
print(first == second, all(0.0 <= x < 1.0 for x in first), type(first[0]).__name__)
ok = True
for _ in range(200):
    v = random.randint(-3, 3)
    ok = ok and -3 <= v <= 3 and type(v) is int
print('randint in range', ok)
print(all(random.randrange(10) in range(10) for _ in range(100)), all(random.randrange(5, 15, 5) in (5, 10) for _ in range(50)))
print(all(1.5 <= random.uniform(1.5, 2.5) <= 2.5 for _ in range(100)))
seq = ['a', 'b', 'c']
print(all(random.choice(seq) in seq for _ in range(50)), random.choice([7]))
lst = list(range(20))
random.shuffle(lst)
print(sorted(lst) == list(range(20)), len(lst))
print(all(0 <= random.getrandbits(8) < 256 for _ in range(50)), random.getrandbits(1) in (0, 1))
seen = set()
for _ in range(500):
    seen.add(random.randint(1, 6))
print(sorted(seen))
try:
    random.choice([])
except IndexError as e:
    print('IndexError')
try:
    random.randrange(0)
except ValueError:
    print('ValueError')
random.seed()
print(0 <= random.random() < 1)
