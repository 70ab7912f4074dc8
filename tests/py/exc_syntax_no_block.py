print('must not be printed')
for i in range(3):
print(i)
