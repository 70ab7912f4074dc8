print('must not be printed')
x = 5
return x
