# getattr, setattr, hasattr, delattr, vars
class O:
    cls_attr = 'class'
    def __init__(self):
        self.a = 1
o = O()
print(getattr(o, 'a'), getattr(o, 'cls_attr'), getattr(o, 'missing', 'dflt'), getattr(O, 'cls_attr'))
setattr(o, 'b', 2)
setattr(o, 'a', 10)
print(o.a, o.b, hasattr(o, 'b'), hasattr(o, 'c'), hasattr(O, 'cls_attr'), hasattr(O, 'a'))
delattr(o, 'b')
print(hasattr(o, 'b'), vars(o))
try:
    getattr(o, 'missing')
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(o, 'missing')
except AttributeError as e:
    print('AttributeError', e)
try:
    getattr(o, 5)
except TypeError as e:
    print('TypeError', e)
print(getattr([], 'append').__name__, hasattr('', 'upper'), hasattr(5, 'bit_length'), getattr(5, 'real'))
m = getattr('hello', 'upper')
print(m())
for name in ('x', 'y', 'z'):
    setattr(o, name, name * 2)
print([getattr(o, n) for n in ('x', 'y', 'z')])
class Prop:
    @property
    def boom(self):
        raise ValueError('not attribute error')
try:
    hasattr(Prop(), 'boom')
except ValueError as e:
    print('hasattr propagates', e)
setattr(O, 'added', lambda self: 'method added')
print(o.added())
try:
    setattr(5, 'x', 1)
except AttributeError as e:
    print('AttributeError', e)
try:
    vars(5)
except TypeError as e:
    print('TypeError', e)
