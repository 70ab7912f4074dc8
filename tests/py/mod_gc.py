# the gc module (only deterministic behaviour)
import gc
print(type(gc).__name__, gc.__name__)
print(isinstance(gc.collect(), int), gc.collect() >= 0)
gc.disable()
print(gc.isenabled())
junk = [[i] for i in range(200)]
del junk
gc.enable()
print(gc.isenabled())
class Node:
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(isinstance(gc.collect(), int))
data = [str(i) * 3 for i in range(300)]
print(len(data), data[-1])
for _ in range(3):
    gc.collect()
print(data[150], sum(len(s) for s in data))
