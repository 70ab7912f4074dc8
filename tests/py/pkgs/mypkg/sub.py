print('mypkg.sub: executing')
def f(x):
    return 'sub.f(%r)' % (x,)
SUB_CONST = 'sub const'
