# type(): one-argument form and dynamic class creation
print(type(1), type('s'), type([]), type(None), type(type), type(len) is type(print))
print(type(1).__name__, type(1.5).__name__, type(2 ** 100).__name__, type(True).__name__, type(b'').__name__, type(range(1)).__name__)
class A:
    x = 1
print(type(A()), type(A), type(A()) is A, type(A()).x)
def hello(self):
    return 'hello from ' + type(self).__name__
B = type('B', (A,), {'y': 2, 'hello': hello})
b = B()
print(B.__name__, b.x, b.y, b.hello(), isinstance(b, A), [c.__name__ for c in B.__mro__])
C = type('C', (), {})
print(C.__name__, C.__bases__, type(C()).__name__)
print(type(A.__dict__['x']).__name__, type(hello).__name__)
t = type(3)
print(t('42') + 1, type('')(99), type([])('ab'), type({})(a=1))
try:
    type('D', 5, {})
except TypeError as e:
    print('TypeError', e)
try:
    type(1, 2)
except TypeError as e:
    print('TypeError', e)
