# if / elif / else and while
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in (-5, 0, 3, 10, 100):
    print(n, classify(n))
if 0:
    print('no')
elif []:
    print('no')
elif '':
    print('no')
else:
    print('else branch')
if 1: print('one-line if')
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('while', i)
else:
    print('while else ran')
i = 0
while True:
    i += 1
    if i > 3:
        break
    print('loop', i)
else:
    print('not printed')
n = 10
while n:
    n -= 3 if n > 3 else n
    print('n', n)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            break
        print(i, j)
        j += 1
    i += 1
x = 5
if x > 3 and x < 10 or x == 100:
    print('compound condition')
if not (x > 3):
    print('no')
else:
    print('negated')
while 0:
    pass
else:
    print('empty while else')
count = 0
while count < 100:
    count += 7
print(count)
