# user-defined exceptions: hierarchies, args, str and repr
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        super().__init__('db failure on %s' % table, code)
        self.table = table
        self.code = code
class NetError(AppError):
    def __str__(self):
        return 'NetError: ' + ', '.join(map(str, self.args))
for exc in (AppError('plain'), DbError('users', 42), NetError('timeout', 30), AppError(), AppError(1, 2), AppError('one')):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, '|', str(e), '|', repr(e), '|', e.args)
try:
    raise DbError('t', 1)
except DbError as e:
    print(e.table, e.code, isinstance(e, AppError), isinstance(e, Exception))
print(str(Exception('a', 'b')), repr(Exception('a', 'b')), str(Exception()), repr(Exception()), str(Exception(None)))
print(repr(ValueError('quote\'s')), str(KeyError('k')), str(KeyError('k', 'v')), str(KeyError()), repr(KeyError(1)))
print(str(IndexError(5)), repr(RuntimeError([1, 2])), str(TypeError(('tuple',))))
class WithData(Exception):
    def __init__(self, data):
        self.data = data
w = WithData({'x': 1})
print(w.data, w.args, str(w), repr(w))
class Custom(ValueError):
    pass
try:
    int('bad')
except Custom:
    print('wrong')
except ValueError as e:
    print('ValueError', e)
try:
    raise Custom('mine')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e)
e = AppError('x')
e.extra = 'attr'
print(e.extra)
e.args = ('changed',)
print(str(e), e.args)
def raiser(cls):
    raise cls
for cls in (AppError, DbError):
    try:
        raiser(cls)
    except TypeError as e:
        print('TypeError', e)
    except AppError as e:
        print('raised class', type(e).__name__, e.args)
class Multi(KeyError, AttributeError):
    pass
try:
    raise Multi('both')
except AttributeError as e:
    print('Multi as AttributeError', isinstance(e, KeyError), str(e))
print(BaseException('x').with_traceback(None).args)
