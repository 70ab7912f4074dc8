# Instances, attribute access and method calls.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)


acc = Vec(0, 0)
step = Vec(1, 2)
for _ in range(100_000):
    acc = acc.add(step)
print(acc.x, acc.y)
