# try / except / else / finally combinations
def run(kind):
    log = []
    try:
        log.append('try')
        if kind == 'value':
            raise ValueError('v')
        if kind == 'key':
            raise KeyError('k')
        if kind == 'type':
            raise TypeError('t')
    except ValueError as e:
        log.append('except ValueError ' + str(e))
    except (KeyError, IndexError) as e:
        log.append('except Key/Index ' + repr(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for k in ('none', 'value', 'key'):
    print(run(k))
try:
    run('type')
except TypeError as e:
    print('propagated', e)
try:
    pass
finally:
    print('finally without except')
try:
    try:
        raise IndexError('inner')
    finally:
        print('inner finally')
except IndexError as e:
    print('outer caught', e)
try:
    x = 1
except Exception:
    print('no')
else:
    print('else x =', x)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == '')
try:
    raise ValueError()
except Exception as e:
    print(type(e).__name__, repr(e))
try:
    [][0]
except:
    print('bare except')
try:
    {}['k']
except LookupError as e:
    print('LookupError catches', type(e).__name__)
try:
    int('x')
except (TypeError, ValueError) as e:
    print('tuple catch', type(e).__name__)
e = 'outer e'
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as ne:
    print('NameError', ne)
def nested():
    try:
        try:
            raise KeyError('a')
        except KeyError:
            raise ValueError('b')
    except ValueError as e:
        return 'got ' + str(e) + ' context ' + repr(e.__context__)
print(nested())
for i in range(3):
    try:
        if i == 1:
            raise RuntimeError(i)
        print('ok', i)
    except RuntimeError as e:
        print('err', e)
    finally:
        print('fin', i)
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise
except ValueError as e:
    print('re-raised', e)
def reraise_in_func():
    try:
        raise KeyError('deep')
    except KeyError:
        raise
try:
    reraise_in_func()
except KeyError as e:
    print('KeyError', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print('TypeError', e)
try:
    raise 5
except TypeError as e:
    print('TypeError', e)
try:
    try:
        1 / 0
    except NotExc:
        pass
except TypeError as e:
    print('TypeError', e)
