# failing imports
import sys
sys.path.insert(0, sys.path[0] + '/pkgs')
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_pkg.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from mypkg import no_such_sub
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
try:
    import mypkg.no_such_sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import bad_mod
except ValueError as e:
    print('ValueError', e)
print('bad_mod' in sys.modules)
try:
    import bad_mod
except ValueError as e:
    print('second attempt re-executes:', e)
print(issubclass(ModuleNotFoundError, ImportError))
