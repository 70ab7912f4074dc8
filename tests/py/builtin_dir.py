# dir() of user classes and instances (non-dunder names only)
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    cls_attr = 'c'
    def __init__(self):
        self.inst_attr = 1
        self._private = 2
    def method(self):
        pass
    @property
    def prop(self):
        return 0
    @staticmethod
    def smeth():
        pass
t = Thing()
print([n for n in dir(t) if not n.startswith('__')])
print([n for n in dir(Thing) if not n.startswith('__')])
t.dynamic = 5
print([n for n in dir(t) if not n.startswith('__')])
print(dir(t) == sorted(dir(t)))
def f():
    a = 1
    b = 2
    return dir()
print(f())
print('append' in dir([]), 'keys' in dir({}), 'upper' in dir(''), '__len__' in dir([]))
