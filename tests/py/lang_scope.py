# scoping rules
x = 'global'
def read():
    return x
def local_shadow():
    x = 'local'
    return x
print(read(), local_shadow(), x)
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    x = 1
unbound()
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_builtin(), len('abc'))
class C:
    y = 1
    z = y + 1
    def m(self):
        try:
            return y
        except NameError as e:
            return 'NameError ' + str(e)
print(C.z, C().m())
def comp_scope():
    n = 10
    return [n + i for i in range(3)]
print(comp_scope())
class D:
    n = 5
    try:
        lst = [n for _ in range(2)]
    except NameError as e:
        lst = 'NameError ' + str(e)
print(D.lst)
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def comp_no_leak():
    [j for j in range(3)]
    try:
        return j
    except NameError as e:
        return 'NameError ' + str(e)
print(comp_no_leak())
def outer():
    a = 1
    def inner():
        return a + b
    b = 2
    return inner()
print(outer())
try:
    undefined_name
except NameError as e:
    print('NameError', e)
def f():
    return undefined_in_func
try:
    f()
except NameError as e:
    print('NameError', e)
def except_var():
    e = 'before'
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return 'UnboundLocalError ' + str(err)
print(except_var())
def ifdef(flag):
    if flag:
        val = 'set'
    return val
print(ifdef(True))
try:
    ifdef(False)
except UnboundLocalError as e:
    print('UnboundLocalError', e)
def free_var_error():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    late = 1
free_var_error()
