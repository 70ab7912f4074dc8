# globals() and locals()
g1 = 'first global'
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
print(sorted(k for k in globals() if not k.startswith('__')))
print(globals()['g1'], '__name__' in globals(), globals()['__name__'])
globals()['created_via_globals'] = 123
print(created_via_globals)
def f():
    x = 1
    l = locals()
    return 'x' in l, 'y' in l
print(f())
print(locals() is globals() or sorted(locals()) == sorted(globals()))
class K:
    a = 1
    names = sorted(n for n in locals() if not n.startswith('__'))
print(K.names)
def nested():
    outer_v = 'o'
    def inner():
        return sorted(locals())
    return inner()
print(nested())
