"""A helper module for the import tests."""
print('mymod: executing module body')
VALUE = 42
_private = 'hidden'
counter = 0
def greet(name):
    return 'hello, ' + name
def bump():
    global counter
    counter += 1
    return counter
class Widget:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'Widget(%d)' % self.n
