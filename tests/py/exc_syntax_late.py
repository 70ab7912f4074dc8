# the error is on the last line: still, nothing runs
print('must not be printed')
def ok():
    return 1
print(ok())
while True print('x')
