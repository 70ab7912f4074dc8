# the time module (only deterministic properties)
import time
t1 = time.time()
print(type(t1).__name__, t1 > 1.5e9)
m1 = time.monotonic()
r = time.sleep(0.01)
m2 = time.monotonic()
print(r, m2 >= m1, m2 - m1 >= 0.005, m2 - m1 < 5)
t2 = time.time()
print(t2 >= t1, type(m1).__name__)
time.sleep(0)
print('slept zero')
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError', e)
try:
    time.sleep('x')
except TypeError as e:
    print('TypeError', e)
