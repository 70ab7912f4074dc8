# a tiny stack-based interpreter for a made-up language
PROGRAM = '''
# compute factorials and fizzbuzz
push 1
store acc
push 1
store i
label loop
load acc
load i
mul
store acc
load i
print
load acc
print
load i
push 1
add
store i
load i
push 11
lt
jumpif loop
push 15
call fizz
halt
'''
class VMError(Exception):
    pass
class VM:
    def __init__(self, src):
        self.code = []
        self.labels = {}
        for line in src.strip().splitlines():
            line = line.split('#')[0].strip()
            if not line:
                continue
            parts = line.split()
            if parts[0] == 'label':
                self.labels[parts[1]] = len(self.code)
            else:
                self.code.append((parts[0], parts[1:]))
        self.stack = []
        self.vars = {}
        self.out = []
        self.steps = 0
    def pop(self):
        if not self.stack:
            raise VMError('stack underflow')
        return self.stack.pop()
    def run(self):
        pc = 0
        ops = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
               'lt': lambda a, b: a < b, 'mod': lambda a, b: a % b, 'eq': lambda a, b: a == b}
        while pc < len(self.code):
            self.steps += 1
            if self.steps > 10000:
                raise VMError('too many steps')
            op, args = self.code[pc]
            pc += 1
            if op == 'push':
                self.stack.append(int(args[0]))
            elif op == 'store':
                self.vars[args[0]] = self.pop()
            elif op == 'load':
                if args[0] not in self.vars:
                    raise VMError('undefined ' + args[0])
                self.stack.append(self.vars[args[0]])
            elif op in ops:
                b = self.pop()
                a = self.pop()
                self.stack.append(ops[op](a, b))
            elif op == 'print':
                self.out.append(str(self.pop()))
            elif op == 'jumpif':
                if self.pop():
                    pc = self.labels[args[0]]
            elif op == 'call':
                n = self.pop()
                self.out.append(' '.join(fizz(i) for i in range(1, n + 1)))
            elif op == 'halt':
                break
            else:
                raise VMError('unknown op ' + op)
        return self.out
def fizz(i):
    return 'FizzBuzz' if i % 15 == 0 else 'Fizz' if i % 3 == 0 else 'Buzz' if i % 5 == 0 else str(i)
vm = VM(PROGRAM)
for line in vm.run():
    print(line)
print('steps', vm.steps, 'vars', vm.vars, 'stack', vm.stack)
for bad in ['add', 'load x', 'frobnicate', 'label top\npush 1\njumpif top']:
    try:
        VM(bad).run()
    except VMError as e:
        print('VMError:', e)
