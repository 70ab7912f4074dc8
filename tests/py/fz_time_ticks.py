# fzpy only: MicroPython's ticks_* and sleep_ms / sleep_us (self-checking)
import time
PERIOD = 2 ** 30
def check(name, cond):
    print(('ok ' if cond else 'FAIL ') + name)
t = time.ticks_ms()
check('ticks_ms is a small int', type(t) is int and 0 <= t < PERIOD)
u = time.ticks_us()
check('ticks_us is a small int', type(u) is int and 0 <= u < PERIOD)
check('ticks_cpu is a small int', 0 <= time.ticks_cpu() < PERIOD)
check('ticks_add wraps forward', time.ticks_add(PERIOD - 1, 1) == 0 and time.ticks_add(PERIOD - 10, 15) == 5)
check('ticks_add wraps backward', time.ticks_add(5, -10) == PERIOD - 5 and time.ticks_add(0, -1) == PERIOD - 1)
check('ticks_diff is signed', time.ticks_diff(time.ticks_add(5, -10), 5) == -10 and time.ticks_diff(5, time.ticks_add(5, -10)) == 10)
check('ticks_diff across the wrap', time.ticks_diff(3, PERIOD - 2) == 5 and time.ticks_diff(PERIOD - 2, 3) == -5)
check('ticks_diff range', time.ticks_diff(PERIOD // 2, 0) == -(PERIOD // 2) and time.ticks_diff(PERIOD // 2 - 1, 0) == PERIOD // 2 - 1)
try:
    time.ticks_add(0, PERIOD)
    check('ticks_add overflow raises', False)
except OverflowError:
    check('ticks_add overflow raises', True)
start = time.ticks_ms()
time.sleep_ms(30)
d = time.ticks_diff(time.ticks_ms(), start)
check('sleep_ms sleeps', 25 <= d < 5000)
start = time.ticks_us()
time.sleep_us(20000)
d = time.ticks_diff(time.ticks_us(), start)
check('sleep_us sleeps', 15000 <= d < 5000000)
time.sleep_ms(0)
time.sleep_ms(-5)
time.sleep_us(0)
check('zero and negative sleeps return', True)
deadline = time.ticks_add(time.ticks_ms(), 20)
n = 0
while time.ticks_diff(deadline, time.ticks_ms()) > 0:
    time.sleep_ms(1)
    n += 1
check('deadline loop ends', n >= 1)
try:
    time.sleep_ms('x')
    check('sleep_ms type check', False)
except TypeError:
    check('sleep_ms type check', True)
