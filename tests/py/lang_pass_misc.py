# pass, ellipsis, docstrings, semicolons, misc statements
def f():
    pass
print(f())
def g():
    """Docstring only."""
print(g(), g.__doc__)
def h():
    ...
print(h())
class C:
    """Class doc."""
    pass
print(C.__doc__)
class E: ...
print(E.__name__)
x = 1; y = 2; z = x + y; print(z)
if True: pass
for i in range(2): pass
while False: pass
print(i)
print(type(...), ... == Ellipsis)
def annotated(a: int, b: 'str' = 'x') -> list:
    return [a, b]
print(annotated(1), annotated(2, 'y'))
n: int = 5
print(n)
m: list
try:
    print(m)
except NameError as e:
    print('NameError', e)
def long_args(
    a,
    b,
):
    return a + b
print(long_args(
    1,
    2,
))
print(__name__)
if __name__ == '__main__':
    print('main guard')
