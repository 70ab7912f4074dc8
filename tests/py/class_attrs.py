# class vs instance attributes, __dict__, __class__, dynamic class changes
class K:
    a = 1
    b = [1]
    def __init__(self):
        self.c = 3
k1, k2 = K(), K()
k1.a = 100
k1.b.append(2)
print(k1.a, k2.a, K.a, k1.b, k2.b, K.b is k1.b)
print(sorted(k1.__dict__), sorted(k2.__dict__), 'a' in K.__dict__, '__init__' in K.__dict__)
print(k1.__class__ is K, k1.__class__.__name__, K.__name__, type(k1).a)
K.new_attr = 'added later'
print(k1.new_attr, k2.new_attr)
def method(self):
    return 'method on ' + str(self.c)
K.m = method
print(k1.m())
k1.instance_fn = lambda: 'not bound'
print(k1.instance_fn())
print([n for n in dir(k1) if not n.startswith('__')])
vars(k2)['z'] = 26
print(k2.z, vars(k2))
class Slotless:
    x: int = 5
    y: str
print(Slotless.x, hasattr(Slotless, 'y'))
class Counter:
    total = 0
    def incr(self):
        self.total += 1
c = Counter()
c.incr(); c.incr()
print(c.total, Counter.total)
class WithProp:
    v = 'class'
wp = WithProp()
wp.__dict__['v'] = 'instance'
print(wp.v, WithProp.v)
del wp.v
print(wp.v)
print(getattr(K, 'a'), getattr(k2, 'b'), K().c)
class Empty: pass
print(Empty.__dict__.get('x', 'absent'), Empty().__dict__)
o = Empty()
o.__dict__.update({'p': 1, 'q': 2})
print(o.p, o.q)
