# dir, vars, eval, exec, input, class creation hooks  # fzpy: big-heap
import sys
import math
class Desc:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, cls=None):
        return self.name
class Owner:
    a = Desc()
    b = Desc()
print(Owner().a, Owner().b)
class Base:
    subs = []
    def __init_subclass__(cls, **kw):
        Base.subs.append(cls.__name__)
class A(Base):
    pass
class B(A):
    pass
print(Base.subs)
class Plain:
    pass
class Child(Plain):
    pass
print('plain ok')
class WithClassMethod:
    @classmethod
    def __init_subclass__(cls):
        print('init_subclass of', cls.__name__)
class Sub2(WithClassMethod):
    pass
class O:
    def __init__(self):
        self.x = 1
        self.y = 2
o = O()
print(vars(o), sorted(vars(o)), vars(o) is o.__dict__)
print('x' in dir(o), 'y' in dir(o), '__init__' in dir(o), dir(o) == sorted(dir(o)))
print(sorted(n for n in dir(O) if not n.startswith('__')), 'bit_length' in dir(5), 'is_integer' in dir(1.5), 'hex' in dir(float))
print('sqrt' in dir(math), 'pi' in dir(math), 'exit' in dir(sys), dir(math) == sorted(dir(math)))
class WithDir:
    def __dir__(self):
        return ['b', 'a', 'c']
print(dir(WithDir()))
def f(p, q=3):
    r = p + q
    return sorted(dir()), sorted(vars())
print(f(1))
try:
    vars(5)
except TypeError as e:
    print('TypeError', e)
g = {'n': 4}
l = {'n': 5}
print(eval('n * 2', g), eval('n * 2', g, l), eval('n * 2', None, l), eval(b'1 + 1'), eval('\t 3'))
exec('m = n + 1', g, l)
print(l['m'], 'm' in g)
exec('def h():\n    return n\nres = h()', g, l)
print(l['res'])
exec(b'q = 7', g)
print(g['q'])
for f in (lambda: eval(5), lambda: exec(5), lambda: eval('x', 5), lambda: exec('x', []), lambda: eval('1', {}, 5),
          lambda: eval('1 +'), lambda: exec('x = (')):
    try:
        print(f())
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__, e if type(e) is TypeError else '')
try:
    input('prompt> ')
except EOFError as e:
    print('EOFError', e)
try:
    input()
except EOFError as e:
    print('EOFError', e)
