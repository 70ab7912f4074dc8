# assignment expressions
if (n := 10) > 5:
    print('n is', n)
print(n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
i = 0
while (i := i + 1) < 5:
    print('i', i)
print((a := 3) + (b := 4), a, b)
def f():
    if (r := sum(range(5))) == 10:
        return r
print(f())
total = 0
print([total := total + v for v in range(5)], total)
def g():
    res = [last := v for v in 'abc']
    return res, last
print(g())
x = [10, 20]
print(any((hit := v) > 15 for v in x), hit)
print(all((miss := v) < 15 for v in x), miss)
print((w := 'walrus').upper(), w)
