# A tight while loop with local arithmetic.
def work(n):
    i = 0
    total = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total

print(work(1_000_000))
