# slice assignment and deletion (step 1 and extended), repetition
base = list(range(10))
def show(f):
    a = base[:]
    f(a)
    print(a)
def s1(a): a[2:5] = ['x']
def s2(a): a[2:3] = 'abc'
def s3(a): a[5:2] = [0, 0]
def s4(a): a[:] = []
def s5(a): a[-2:] = range(5)
def s6(a): a[::2] = 'ABCDE'
def s7(a): a[::-3] = (1, 2, 3, 4)
def s8(a): a[1:1] = a
def s9(a): a[3:] = a
def d1(a): del a[2:5]
def d2(a): del a[::2]
def d3(a): del a[::-3]
def d4(a): del a[1:8:3]
def d5(a): del a[5:2]
def d6(a): del a[:]
def d7(a): del a[-3::-2]
for f in (s1, s2, s3, s4, s5, s6, s7, s8, s9, d1, d2, d3, d4, d5, d6, d7):
    show(f)
a = list(range(6))
a[1:3] = (i * i for i in range(4))
print(a)
a[1:5:2] = {7: 0, 8: 0}
print(a)
for code in ('a[::2] = [1]', 'a[0:1] = 5', 'a[::2] = 5', 'a[::0] = []', 'del a[::0]'):
    try:
        exec(code)
    except Exception as e:
        print(type(e).__name__, e)
t = (1, 2)
print(t * 3, t * 0, t * 1 is t, 'ab' * 3, 'a' * 1, '' * 5, 'xy' * 0, b'ab' * 2, bytearray(b'z') * 3)
ba = bytearray(b'hi'); ba2 = ba; ba *= 3; print(ba2, ba is ba2)
print('é' * 3, len('日本' * 4), ('日本' * 4)[5])
big = ['q'] * 1000
print(len(big), big[999], big.count('q'))
