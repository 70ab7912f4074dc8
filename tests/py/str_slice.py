# string slicing with steps
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2], s[5:2], s[100:], s[-100:3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3], s[-1:-5:-1], s[:-11:-1])
print(s[::100], s[::-100], s[0:0], s[5:5], s[3:-3:-1], s[9:0:-3])
for start in (None, 0, 3, -3, 20):
    for stop in (None, 0, 5, -2, -20):
        for step in (None, 1, 2, -1, -3):
            print(repr(s[start:stop:step]), end=' ')
        print()
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
try:
    s['a':]
except TypeError as e:
    print('TypeError', e)
print(s[slice(2, 5)], s[slice(None, None, -1)], s[slice(3)])
print('hello world'[6:], 'hello world'[:5][::-1])
print(s[1:9][2:5][::-1], len(s[::3]))
print(s[2 ** 70:], s[:-(2 ** 70)], s[-(2 ** 70)::2 ** 70])
