# importing packages, submodules and relative imports
import sys
sys.path.insert(0, sys.path[0] + '/pkgs')
import mypkg
print(mypkg.PKG_NAME, mypkg.pkg_func(), mypkg.__name__)
from mypkg import sub
print(sub.f(1), sub.__name__, sub.SUB_CONST)
from mypkg.sub import f
print(f('direct'))
import mypkg.sub as s
print(s is sub, s.f(2))
import mypkg.sub
print(mypkg.sub is sub)
from mypkg import util
print(util.use())
import mypkg.nested.deep
print(mypkg.nested.NESTED, mypkg.nested.deep.deep_value())
from mypkg.nested import deep as d2
print(d2.deep_value())
print(sorted(k for k in sys.modules if k.startswith('mypkg')))
