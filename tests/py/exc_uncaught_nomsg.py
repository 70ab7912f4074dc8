# uncaught exception without a message, raised inside finally-protected code
def work():
    try:
        print('working')
        raise NotImplementedError
    finally:
        print('cleanup ran')
work()
