print('must not be printed')
def f():
    x = 1
      y = 2
    return x + y
