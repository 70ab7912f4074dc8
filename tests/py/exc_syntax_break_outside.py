print('must not be printed')
if True:
    break
