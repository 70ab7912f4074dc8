print('must not be printed')
if True:
        a = 1
    b = 2
