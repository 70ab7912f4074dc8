# augmented assignment
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x /= 2; print(x)
x = 7
x <<= 2; print(x)
x >>= 1; print(x)
x &= 6; print(x)
x |= 9; print(x)
x ^= 3; print(x)
s = 'ab'
s += 'cd'; print(s)
s *= 3; print(s)
l = [1]
m = l
l += [2, 3]
print(l, m, l is m)
l *= 2
print(l, m is l)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
d = {'a': 1}
d['a'] += 10
d['a'] *= 2
print(d)
class O:
    pass
o = O()
o.v = 1
o.v += 41
print(o.v)
arr = [1, 2, 3]
arr[1] += 100
arr[-1] **= 2
print(arr)
def idx():
    print('idx called')
    return 0
arr[idx()] += 1
print(arr)
n = 2 ** 40
n += 2 ** 40
print(n)
f = 1.5
f += 1
print(f)
b = bytearray(b'ab')
b += b'cd'
print(b)
st = {1, 2}
st |= {3}
st &= {1, 3}
print(sorted(st))
st -= {1}
print(st)
dd = {'x': 1}
dd |= {'y': 2}
print(dd)
