from .. import PKG_NAME
def deep_value():
    return 'deep in ' + PKG_NAME
