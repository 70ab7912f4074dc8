# all and any
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, 1]), all('abc'), any(''), all([[]]), any([[]]))
print(all(x > 0 for x in [1, 2, 3]), any(x > 2 for x in [1, 2, 3]), all(range(1, 5)), all(range(5)))
def gen():
    for v in [1, 0, 1]:
        print('yield', v)
        yield v
print(all(gen()))
print(any(gen()))
print(all({1: 0}), any({0: 1}), any({0, ''}), all((None,)))
try:
    all(5)
except TypeError as e:
    print('TypeError', e)
class Truthy:
    def __bool__(self):
        print('bool called')
        return False
print(any([Truthy(), Truthy()]))
