# uncaught IndexError from a method
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()
s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.pop())
print(s.pop())
