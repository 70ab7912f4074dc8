# RecursionError: caught, and the interpreter keeps working
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print('RecursionError')
def g(n):
    return 1 + g(n + 1)
try:
    g(0)
except RecursionError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100))
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    print('RecursionError in __repr__')
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print('RecursionError mutual')
def catch_inside(n):
    try:
        return catch_inside(n + 1)
    except RecursionError:
        return n
r = catch_inside(0)
print(type(r).__name__, r > 10)
print(sum(range(10)), [x * 2 for x in range(5)])
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(50))
for attempt in range(3):
    try:
        f(0)
    except RecursionError:
        print('again', attempt)
