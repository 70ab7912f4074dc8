# for loops with break / continue / else
for i in range(5):
    if i == 3:
        break
    print(i)
else:
    print('no else after break')
for i in range(3):
    print(i)
else:
    print('else after full loop', i)
for i in []:
    print('never')
else:
    print('else on empty')
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print('even', i)
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            return i
    else:
        return -1
print(find('hello', 'l'), find('hello', 'z'))
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end=' ')
    else:
        print('inner else', i, end=' ')
    print()
primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for c in 'abc':
    print(c, end='')
print()
for k in {'x': 1, 'y': 2}:
    print(k)
for i in range(3):
    pass
print(i)
lst = [1, 2, 3]
for x in lst:
    if x == 2:
        lst.append(4)
    print('x', x)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('try', i)
    finally:
        print('finally', i)
