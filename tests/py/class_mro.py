# multiple inheritance and C3 MRO
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(A):
    def who(self):
        return 'C>' + super().who()
class D(B, C):
    def who(self):
        return 'D>' + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
class O1: pass
class O2: pass
class O3: pass
class X(O1, O2): pass
class Y(O2, O3): pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
class K1(O1, O2, O3): pass
class K2(O2, O3): pass
class K3(O3): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print('TypeError', e)
class Init1:
    def __init__(self):
        print('Init1')
        super().__init__()
class Init2:
    def __init__(self):
        print('Init2')
        super().__init__()
class Both(Init1, Init2):
    def __init__(self):
        print('Both')
        super().__init__()
Both()
class Left:
    attr = 'left'
class Right:
    attr = 'right'
    only_right = 'r'
class LR(Left, Right): pass
class RL(Right, Left): pass
print(LR.attr, RL.attr, LR.only_right)
print(LR.__bases__ == (Left, Right), [b.__name__ for b in RL.__bases__])
print(issubclass(D, B) and issubclass(D, C), isinstance(D(), A))
class Mixin:
    def greet(self):
        return 'hello from ' + self.name()
class Named:
    def name(self):
        return 'Named'
class Final(Mixin, Named): pass
print(Final().greet())
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print('TypeError', e)
