# prime sieves and number theory helpers
def sieve(n):
    is_p = bytearray([1]) * (n + 1)
    is_p[0] = is_p[1] = 0
    i = 2
    while i * i <= n:
        if is_p[i]:
            is_p[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
        i += 1
    return [i for i in range(n + 1) if is_p[i]]
primes = sieve(2000)
print(len(primes), primes[:15], primes[-5:])
def factorize(n):
    f = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1
    if n > 1:
        f.append(n)
    return f
for n in (2, 12, 97, 360, 1001, 65536, 999983, 600851475143, 2 ** 31 - 1):
    print(n, factorize(n))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(462, 1071), gcd(2 ** 64, 6 ** 20), gcd(17, 5))
def is_prime_mr(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(2 ** 61 - 1, 2 ** 61 + 100) if is_prime_mr(n)])
print(is_prime_mr(2 ** 89 - 1), is_prime_mr(2 ** 89 + 1), all(is_prime_mr(p) for p in primes[:200]))
pset = set(primes)
twins = [(p, p + 2) for p in primes if p + 2 in pset]
print(len(twins), twins[:6])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items()))
