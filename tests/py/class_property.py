# property with getter, setter, deleter
class Celsius:
    def __init__(self, t=0):
        self._t = t
    @property
    def temp(self):
        print('get')
        return self._t
    @temp.setter
    def temp(self, v):
        print('set', v)
        if v < -273.15:
            raise ValueError('too cold')
        self._t = v
    @temp.deleter
    def temp(self):
        print('delete')
        del self._t
c = Celsius(5)
print(c.temp)
c.temp = 30
print(c.temp)
try:
    c.temp = -300
except ValueError as e:
    print('ValueError', e)
del c.temp
try:
    c.temp
except AttributeError as e:
    print('AttributeError', e)
class ReadOnly:
    @property
    def value(self):
        return 42
r = ReadOnly()
print(r.value)
try:
    r.value = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    del r.value
except AttributeError as e:
    print('AttributeError', e)
class Old:
    def __init__(self):
        self._x = 0
    def getx(self):
        return self._x
    def setx(self, v):
        self._x = v * 2
    x = property(getx, setx, None, 'doc of x')
o = Old()
o.x = 21
print(o.x, Old.x.__doc__, type(Old.x).__name__)
class Computed:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
cp = Computed(3, 4)
print(cp.area)
cp.w = 10
print(cp.area)
class Sub(Celsius):
    @Celsius.temp.getter
    def temp(self):
        return 'sub ' + str(self._t)
s = Sub(7)
print(s.temp)
s.temp = 8
print(s.temp)
class Lazy:
    def __init__(self):
        self.calls = 0
    @property
    def data(self):
        self.calls += 1
        return [1, 2, 3]
lz = Lazy()
lz.data; lz.data
print(lz.calls)
class Bad:
    @property
    def boom(self):
        raise KeyError('inside property')
try:
    Bad().boom
except KeyError as e:
    print('KeyError', e)
