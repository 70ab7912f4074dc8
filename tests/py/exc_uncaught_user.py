# uncaught user-defined exception with a message
class ValidationError(Exception):
    pass
def validate(x):
    if x < 0:
        raise ValidationError('negative value: %d' % x)
    return x
for v in (3, 2, -1, 5):
    print('valid', validate(v))
