# __repr__, __str__, __format__
class Both:
    def __repr__(self):
        return 'Both()'
    def __str__(self):
        return 'both as str'
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr<>'
class OnlyStr:
    def __str__(self):
        return 'only str'
b = Both()
print(b, str(b), repr(b), [b], (b,), {'k': b}, '%s %r' % (b, b), '{} {!r}'.format(b, b), f'{b} {b!r}')
o = OnlyRepr()
print(o, str(o), repr(o), [o])
s = OnlyStr()
print(s, str(s), repr(s).startswith('<__main__.OnlyStr object at '))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError', e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print('TypeError', e)
class Fmt:
    def __format__(self, spec):
        return '<' + spec + '>'
print(format(Fmt(), 'abc'), '{:xyz}'.format(Fmt()), f'{Fmt():>5}')
class Money:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return 'Money(%r)' % self.v
    def __str__(self):
        return '$%.2f' % self.v
print(Money(3.5), [Money(1)], str(Money(0.125)))
class Sub(Money):
    pass
print(Sub(2), repr(Sub(2)))
print(repr(Both), str(Both), Both.__name__, Both.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, repr(Outer.Inner))
try:
    format(Both(), 'x')
except TypeError as e:
    print('TypeError', e)
print(format(Both(), ''))
