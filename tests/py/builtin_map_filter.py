# map and filter
print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(map(pow, [2, 3], [3, 2])), list(map(len, ['a', 'bb', ''])), list(map(int, '123')))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(lambda x: x > 2, range(6))), list(filter(str.isdigit, 'a1b2')))
m = map(lambda x: x * 2, range(3))
print(iter(m) is m, next(m), list(m), list(m))
f = filter(lambda c: c != 'l', 'hello')
print(''.join(f))
print(sum(map(int, '1 2 3 4'.split())), max(map(len, 'the quick brown'.split())))
def noisy(x):
    print('called', x)
    return x
m = map(noisy, [1, 2, 3])
print('map created')
print(next(m))
print(list(map(lambda *a: a, 'ab', 'cd', 'ef')))
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print('TypeError', e)
try:
    filter(None, 5)
except TypeError as e:
    print('TypeError', e)
print(list(map(str.upper, ['a', 'b'])), list(filter(lambda kv: kv[1], {'a': 0, 'b': 1}.items())))
