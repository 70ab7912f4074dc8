# print with sep / end / multiple arguments
print()
print('a')
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep='--')
print('no newline', end='')
print(' continued')
print('x', 'y', sep=', ', end='!\n')
print(1, 2.5, None, True, [1], (2,), {'k': 'v'}, {3}, b'b', 'str')
print(*range(5))
print(*range(5), sep='|')
print(*[], sep='x')
print('end', end='\n\n')
print('sep none', 'ok', sep=None)
print('end none', end=None)
print('multi\nline', 'arg')
print('', '', sep='+')
print('tab\tsep', sep='\t')
class S:
    def __str__(self):
        return 'S-str'
print(S(), str(S()))
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
try:
    print('x', end=[])
except TypeError as e:
    print('TypeError', e)
for i in range(3):
    print(i, end=' ')
print()
print('%s-%s' % ('a', 'b'), 'done', sep='\n')
