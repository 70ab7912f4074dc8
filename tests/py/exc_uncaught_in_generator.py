# uncaught ValueError raised while a generator is being consumed
def numbers(text):
    for tok in text.split():
        yield int(tok)
total = 0
for n in numbers('1 2 3 four 5'):
    total += n
    print('running total', total)
