# Generators and comprehensions.
def gen(n):
    for i in range(n):
        if i % 3:
            yield i

print(sum(x * 2 for x in gen(200_000)))
