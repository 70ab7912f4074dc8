print('must not be printed')
s = 'unterminated
print(s)
