print('must not be printed')
def f():
    nonlocal x
    x = 1
