# object and super as builtins
o = object()
print(type(o).__name__, isinstance(o, object), object.__name__, type(object).__name__)
try:
    o.x = 1
except AttributeError as e:
    print('AttributeError', e)
print(o == o, o != object(), str(o).startswith('<object object at '))
class A:
    def f(self):
        return 'A.f'
class B(A):
    def f(self):
        return 'B.f+' + super().f()
class C(B):
    def f(self):
        return 'C.f+' + super(B, self).f()
print(B().f(), C().f())
sup = super(B, B())
print(sup.f())
try:
    object(1)
except TypeError as e:
    print('TypeError', e)
print(issubclass(A, object), A.__bases__ == (object,), object.__bases__)
class WithInit:
    def __init__(self):
        super().__init__()
        self.ok = True
print(WithInit().ok)
