# importing a plain module from a directory added to sys.path
import sys
sys.path.insert(0, sys.path[0] + '/pkgs')
import mymod
print(mymod.VALUE, mymod.greet('fz'), mymod.Widget(3), mymod.__name__, type(mymod).__name__)
import mymod
import mymod as again
print(again is mymod, 'mymod' in sys.modules, sys.modules['mymod'] is mymod)
print(mymod.bump(), mymod.bump(), again.counter)
from mymod import greet, VALUE as V, Widget
print(greet('from'), V, Widget(1))
mymod.VALUE = 'changed'
from mymod import VALUE
print(VALUE)
print(mymod.__doc__)
print(sorted(n for n in dir(mymod) if not n.startswith('__')))
print(hasattr(mymod, '_private'), getattr(mymod, 'nope', 'absent'))
try:
    from mymod import does_not_exist
except ImportError as e:
    print('ImportError', str(e).split(' (')[0])
def local_import():
    import mymod as m
    return m.greet('local')
print(local_import())
