# __getattr__, __getattribute__, __setattr__, __delattr__
class Dyn:
    def __init__(self):
        self.real = 'real value'
    def __getattr__(self, name):
        if name.startswith('x_'):
            return 'dynamic ' + name
        raise AttributeError('no attribute ' + name)
d = Dyn()
print(d.real, d.x_foo, getattr(d, 'x_bar'), hasattr(d, 'x_y'), hasattr(d, 'nope'), getattr(d, 'nope', 'dflt'))
try:
    d.nope
except AttributeError as e:
    print('AttributeError', e)
class Logged:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
l = Logged()
l.a = 1
l.b = [2]
print(l.a, l.b, l.__dict__)
del l.a
print(hasattr(l, 'a'))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, n, v):
        raise AttributeError('frozen: ' + n)
f = Frozen(5)
print(f.v)
try:
    f.v = 6
except AttributeError as e:
    print('AttributeError', e)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print('proxy', name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
class Counting:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != 'hits':
            object.__setattr__(self, 'hits', object.__getattribute__(self, 'hits') + 1)
        return object.__getattribute__(self, name)
    def m(self):
        return 'm'
c = Counting()
c.m(); c.m()
try:
    c.missing
except AttributeError as e:
    print('AttributeError', e)
print(c.hits)
class Defaults:
    def __getattr__(self, name):
        return 0
dd = Defaults()
dd.x += 5
print(dd.x, dd.y, dd.__dict__)
class Obj:
    pass
o = Obj()
try:
    o.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    (5).missing
except AttributeError as e:
    print('AttributeError', e)
try:
    'str'.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    None.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    [].missing = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    Obj.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(o, 'nothing')
except AttributeError as e:
    print('AttributeError', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError', e)
