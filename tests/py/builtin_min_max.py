# min and max
print(max(1, 2), max([1, 5, 3]), max('abc'), max((1, 2), (1, 3)), max(3, 1, 2), min(3, 1, 2), min([4, -1]), min('zyx'))
print(max([1, 2, 3], key=lambda x: -x), min(['aaa', 'b', 'cc'], key=len), max(['aaa', 'b', 'cc'], key=len))
print(max([], default='empty'), min([], default=None), max([5], default=0), min((), key=len, default='d'))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, 'a'), (1, 'b')], key=lambda t: t[0]), min([(1, 'a'), (1, 'b')], key=lambda t: t[0]))
print(max('apple', 'banana', key=len), max({'a': 3, 'b': 9}), max({'a': 3, 'b': 9}, key={'a': 3, 'b': 9}.get))
print(max(1, 2.5), min(-1, -1.0), max(2 ** 70, 1e20), min(True, 2))
print(max(range(10)), min(range(5, 10)), max(x % 7 for x in range(20)), max(iter([3, 9, 2])))
try:
    max([])
except ValueError as e:
    print('ValueError', e)
try:
    min()
except TypeError as e:
    print('TypeError', e)
try:
    max(1)
except TypeError as e:
    print('TypeError', e)
try:
    max(1, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print('TypeError', e)
words = ['pear', 'fig', 'banana', 'kiwi']
print(max(words, key=len), min(words, key=len), max(words), min(words))
