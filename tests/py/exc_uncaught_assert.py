# uncaught AssertionError with a message
def check(x):
    assert x % 2 == 0, 'expected an even number, got %d' % x
    return x // 2
print(check(4))
print(check(7))
