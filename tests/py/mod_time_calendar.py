# time: deterministic parts (conversions, argument checks)
import time
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for t in (0, 1, 59, 86399, 86400, 951782400, 951868800, 1234567890, 1700000000, 2000000000, 4102444800, -1, -86401):
    g = tuple(time.gmtime(t))
    print(t, g, time.mktime(time.gmtime(t)) - time.mktime(time.gmtime(0)) == t)
print(tuple(time.gmtime(1.9)), tuple(time.gmtime(-0.5)))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__, type(time.monotonic_ns()).__name__)
print(type(time.perf_counter()).__name__, type(time.perf_counter_ns()).__name__, time.time_ns() > 1.5e18, time.monotonic_ns() >= 0)
a = time.perf_counter()
b = time.perf_counter()
print(b >= a, time.sleep(0), time.sleep(0.001), time.sleep(False))
n1 = time.monotonic_ns()
time.sleep(0.02)
n2 = time.monotonic_ns()
print(n2 - n1 >= 10_000_000, n2 - n1 < 5_000_000_000)
show(lambda: time.sleep(-0.5))
show(lambda: time.sleep('1'))
show(lambda: time.sleep(None))
show(lambda: time.sleep())
show(lambda: time.sleep(1, 2))
show(lambda: time.gmtime('x'))
show(lambda: time.gmtime(float('nan')))
show(lambda: time.mktime(5))
