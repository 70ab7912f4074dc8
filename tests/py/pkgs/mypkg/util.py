from . import sub
from .sub import f as sub_f
from .nested.deep import deep_value
def use():
    return sub_f('util') + ' / ' + sub.SUB_CONST + ' / ' + deep_value()
