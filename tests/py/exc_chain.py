# exception chaining: raise from, __cause__, __context__, __suppress_context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('implicit')
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise TypeError('no context') from None
except TypeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError('direct') from KeyError('cause')
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
e = Exception('plain')
print(e.__cause__, e.__context__, e.__suppress_context__)
try:
    raise ValueError from TypeError
except ValueError as err:
    print(type(err.__cause__).__name__)
try:
    raise ValueError('x') from 5
except TypeError as err:
    print('TypeError', err)
def deep():
    try:
        raise KeyError('level1')
    except KeyError:
        try:
            raise ValueError('level2')
        except ValueError:
            raise RuntimeError('level3')
try:
    deep()
except RuntimeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x))
        x = x.__context__
    print(chain)
try:
    try:
        raise ValueError('a')
    except ValueError as ve:
        ve.__cause__ = KeyError('set manually')
        raise
except ValueError as e:
    print(repr(e.__cause__))
ex = RuntimeError('x')
ex.__cause__ = None
print(ex.__suppress_context__)
