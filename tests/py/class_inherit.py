# single inheritance, overriding, super()
class Animal:
    kind = 'animal'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
    def describe(self):
        return '%s the %s says %s' % (self.name, self.kind, self.speak())
class Dog(Animal):
    kind = 'dog'
    def speak(self):
        return 'Woof'
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + '!' * self.age
for a in (Animal('generic'), Dog('Rex'), Puppy('Bit', 3)):
    print(a.describe())
p = Puppy('Tiny', 1)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object), isinstance(Dog('x'), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__, Dog.__base__, Animal.__bases__)
print([c.__name__ for c in Puppy.__mro__])
class Base:
    def __init__(self):
        self.log = ['Base']
    def hello(self):
        return 'Base.hello'
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Mid')
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__()
        self.log.append('Leaf')
    def hello(self):
        return 'Leaf+' + super(Mid, self).hello()
l = Leaf()
print(l.log, l.hello())
class NoOverride(Base):
    pass
print(NoOverride().log)
class Shape:
    def area(self):
        raise NotImplementedError('subclass must implement')
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print('NotImplementedError', e)
class A:
    x = 1
class B(A):
    pass
B.x = 2
print(A.x, B.x)
del B.x
print(B.x)
class Cls:
    def who(self):
        return type(self).__name__
class Sub(Cls):
    pass
print(Sub().who(), Cls().who())
class Ex(Exception):
    pass
print(issubclass(Ex, BaseException), Ex.__mro__[1].__name__)
class IntSub(int):
    pass
i = IntSub(5)
print(i + 1, isinstance(i, int), type(i).__name__)
class ListSub(list):
    def total(self):
        return sum(self)
ls = ListSub([1, 2, 3])
ls.append(4)
print(ls, ls.total(), len(ls), type(ls).__name__)
class DictSub(dict):
    def __missing__(self, key):
        return 'missing:' + str(key)
ds = DictSub(a=1)
print(ds['a'], ds['zz'], ds)
