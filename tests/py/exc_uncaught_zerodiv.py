# a program that ends with an uncaught ZeroDivisionError after printing
print('start')
total = 0
for i in range(5):
    total += i
print('total', total)
def divide(a, b):
    return a / b
print(divide(10, 4))
print(divide(1, 0))
print('never printed')
