# user-defined descriptors (__get__/__set__/__set_name__)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError('%s must be %s' % (self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person('Ann', 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = 'old'
except TypeError as e:
    print('TypeError', e)
class Const:
    def __get__(self, obj, t):
        return 'const via ' + ('instance' if obj is not None else 'class')
class H:
    c = Const()
print(H.c, H().c)
h = H()
h.__dict__['c'] = 'shadow'
print(h.c)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, t):
        return lambda *a: self.f(obj, *a)
class U:
    @Method
    def hello(self, x):
        return 'hello %s' % x
print(U().hello('there'))
