# uncaught NameError from a typo
value = 10
print(value * 2)
print(undefined_total * 2)
