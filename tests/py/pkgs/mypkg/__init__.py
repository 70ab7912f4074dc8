print('mypkg: __init__')
PKG_NAME = 'mypkg'
def pkg_func():
    return 'pkg_func result'
