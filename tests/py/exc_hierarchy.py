# the standard exception hierarchy
names = ['BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError', 'OverflowError', 'LookupError',
         'IndexError', 'KeyError', 'ValueError', 'UnicodeError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'TypeError',
         'AttributeError', 'NameError', 'UnboundLocalError', 'RuntimeError', 'RecursionError', 'NotImplementedError',
         'StopIteration', 'GeneratorExit', 'KeyboardInterrupt', 'SystemExit', 'AssertionError', 'ImportError',
         'ModuleNotFoundError', 'MemoryError', 'OSError', 'EOFError', 'SyntaxError', 'IndentationError']
for n in names:
    cls = eval(n)
    print(n, [b.__name__ for b in cls.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(StopIteration, Exception), issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
errors = [ZeroDivisionError, OverflowError, IndexError, KeyError, ValueError, TypeError, AttributeError, NameError, RuntimeError, AssertionError]
for E in errors:
    try:
        raise E('msg')
    except ArithmeticError:
        print(E.__name__, 'is ArithmeticError')
    except LookupError:
        print(E.__name__, 'is LookupError')
    except Exception as e:
        print(E.__name__, 'is plain Exception', isinstance(e, BaseException))
try:
    raise SystemExit(5)
except Exception:
    print('wrong')
except BaseException as e:
    print('SystemExit caught as BaseException', e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print('wrong')
except KeyboardInterrupt:
    print('KeyboardInterrupt caught')
print(OSError.__name__, IOError is OSError, EnvironmentError is OSError)
