# and / or short-circuit and their values
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default', '' or [] or 0)
print([] and 'x', 'a' and 'b' and 'c', 'a' or 'b' or 'c', 0 or None)
def t(v):
    print('eval', v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(1) or t(2))
print(t(0) or t(0) or t(3))
print(not t(0) and t(5))
x = 5
print(x > 3 and x < 10, x > 3 and x > 10, x < 3 or x == 5)
print(True and False or True, True or False and False, (True or False) and False)
print(not True or True, not (True or True))
print(1 and [] or 'fallback')
y = None
print(y and y.missing)
print(type(1 and 2.0).__name__, type(0 or '').__name__)
vals = [0, 1, '', 'x', None, [], [0], {}, 0.0, 0.5]
print([bool(v) for v in vals])
print([v or 'F' for v in vals])
