# return / break / continue interacting with try and finally
def ret_in_finally():
    try:
        return 'try'
    finally:
        return 'finally'
print(ret_in_finally())
def finally_overrides_exc():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(finally_overrides_exc())
def ret_value_preserved():
    x = 'before'
    try:
        return x
    finally:
        x = 'after'
        print('finally sees', x)
print(ret_value_preserved())
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'broke at %d' % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append('f%d' % i)
    return out
print(loop_with_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print('cleanup', n)
print(while_finally())
def nested_finally():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'from except'
    finally:
        print('finally after except return')
print(except_return())
def else_return():
    try:
        pass
    except Exception:
        return 'no'
    else:
        return 'from else'
    finally:
        print('finally after else')
print(else_return())
def exc_in_finally():
    try:
        raise ValueError('first')
    finally:
        raise KeyError('second')
try:
    exc_in_finally()
except KeyError as e:
    print('KeyError', e, 'context:', repr(e.__context__))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for v in gen():
    print(v)
    break
print('after break from gen')
def count_finally():
    c = 0
    for i in range(10):
        try:
            try:
                if i % 2:
                    continue
            finally:
                c += 1
        finally:
            c += 10
    return c
print(count_finally())
