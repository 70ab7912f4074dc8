# assert statement
assert True
assert 1 == 1, 'not shown'
try:
    assert False
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('AssertionError', e)
try:
    assert [], ['msg', 1]
except AssertionError as e:
    print(e.args)
def check(x):
    assert x > 0, f'bad value {x}'
    return x * 2
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e)
calls = []
def msg():
    calls.append(1)
    return 'm'
assert True, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError:
    pass
print(calls)
print(issubclass(AssertionError, Exception))
