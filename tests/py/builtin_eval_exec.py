# eval and exec
print(eval('1 + 2 * 3'), eval('[x * x for x in range(4)]'), eval('"abc".upper()'), eval('  42  '))
x = 10
print(eval('x + 1'), eval('x * y', {'x': 2, 'y': 3}), eval('x', {}, {'x': 'local'}))
g = {}
exec('a = 5\nb = a * 2', g)
print(g['a'], g['b'])
exec('z = 99')
print(z)
ns = {'v': 1}
exec('for i in range(3):\n    v += i', ns)
print(ns['v'])
exec('def made(n):\n    return n * 3', ns)
print(ns['made'](7))
print(eval('lambda q: q + 1')(1))
code = '''
class Dyn:
    def hello(self):
        return 'hello from exec'
result = Dyn().hello()
'''
ns2 = {}
exec(code, ns2)
print(ns2['result'])
print(exec('1 + 1'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', type(e).__name__)
try:
    eval('undefined_var')
except NameError as e:
    print('NameError', e)
try:
    exec('raise ValueError("in exec")')
except ValueError as e:
    print('ValueError', e)
try:
    eval('x = 1')
except SyntaxError:
    print('SyntaxError for statement in eval')
print(eval('len')('four'), eval('(1, 2)'), eval('{"k": [1]}'))
def f():
    loc = 3
    return eval('loc * 2')
print(f())
