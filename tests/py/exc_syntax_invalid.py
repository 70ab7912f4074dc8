# a syntax error: nothing may run, not even the first print
print('must not be printed')
x = 1 +* 2
print(x)
