# comparisons and chained comparisons
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 0, 0 < 1 <= 1 < 2, 5 > 4 > 3 > 2 > 1 > 0)
calls = []
def f(x):
    calls.append(x)
    return x
print(f(1) < f(2) < f(3), calls)
calls.clear()
print(f(3) < f(2) < f(1), calls)  # short-circuits: f(1) not called
calls.clear()
print(f(1) == f(1) == f(2) == f(3), calls)
x = 5
print(0 < x < 10, 0 < x < 5, x == 5 > 4)
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', 'B' < 'a', '' < 'a')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5)
print(None == None, None != 0, None == False)
print(True == 1, False == 0, True > False)
a = [1]
b = [1]
print(a == b, a is b, a is not b, not a == b)
print((1 < 2) == True, (1 < 2) + 1)
print(1 < 2 == True)  # chained: 1 < 2 and 2 == True
try:
    print(1 < 'a')
except TypeError as e:
    print('TypeError', e)
try:
    print([1] < (1,))
except TypeError as e:
    print('TypeError', e)
try:
    print(None < 1)
except TypeError as e:
    print('TypeError', e)
print(1 != 'a', 1 == 'a', [] == (), {} == [])
