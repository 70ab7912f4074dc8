# uncaught exception raised from another: the last stderr line is the final exception
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError('cannot parse ' + repr(s)) from e
print(parse('12'))
print(parse('x1'))
