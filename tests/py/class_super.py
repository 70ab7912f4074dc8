# super() in many forms
class Base:
    def __init__(self, v):
        self.v = v
    def get(self):
        return 'Base.get(%s)' % self.v
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def stat():
        return 'Base.stat'
    @property
    def prop(self):
        return 'Base.prop'
class Child(Base):
    def __init__(self, v):
        super().__init__(v * 10)
    def get(self):
        return 'Child>' + super().get()
    @classmethod
    def make(cls, v):
        obj = super().make(v)
        obj.made_by = cls.__name__
        return obj
    @staticmethod
    def stat():
        return 'Child>' + super(Child, Child).stat()
    @property
    def prop(self):
        return 'Child>' + super().prop
c = Child.make(2)
print(c.v, c.get(), c.made_by, Child.stat(), c.prop)
print(super(Child, c).get())
class GrandChild(Child):
    def get(self):
        return 'GC>' + super().get()
    def skip(self):
        return super(Child, self).get()
g = GrandChild(1)
print(g.get(), g.skip())
class WithLoop(Base):
    def get(self):
        results = []
        for i in range(2):
            results.append(super().get())
        return results
print(WithLoop(7).get())
class InLambda(Base):
    def get(self):
        f = lambda: super(InLambda, self).get()
        return 'lambda ' + f()
print(InLambda(3).get())
class Nested(Base):
    def get(self):
        def inner():
            return super(Nested, self).get()
        return 'nested ' + inner()
print(Nested(4).get())
s = super(Child, c)
print(type(s).__name__)
class ListLike(list):
    def append(self, x):
        super().append(x * 2)
ll = ListLike()
ll.append(1)
ll.append(5)
print(ll)
class DictLike(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
dl = DictLike()
dl['a'] = 1
print(dl)
class ReprSuper:
    def __repr__(self):
        return 'ReprSuper'
class R2(ReprSuper):
    def __repr__(self):
        return 'R2/' + super().__repr__()
print(R2())
class StrSuper:
    def __str__(self):
        return 'custom ' + super().__str__()[:1]
print(str(StrSuper()))
class EqSuper:
    def __eq__(self, other):
        return super().__eq__(other)
e = EqSuper()
print(e == e, e == 1, EqSuper().__eq__(1))
class InitArgs:
    def __init__(self, *a, **k):
        super().__init__()
        self.a, self.k = a, k
ia = InitArgs(1, x=2)
print(ia.a, ia.k)
