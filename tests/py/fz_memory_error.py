# fzpy only: fill the heap until MemoryError, recover, and keep working
import gc
chunks = []
caught = False
try:
    for i in range(100000):
        chunks.append(bytearray(500))
except MemoryError:
    caught = True
    # The heap is full: give a little back before doing anything else.
    del chunks[-2:]
n = len(chunks)
print('ok MemoryError raised' if caught else 'FAIL no MemoryError')
print('ok some chunks allocated' if n > 4 else 'FAIL only %d chunks' % n)
# fragmentation: free every other chunk, then ask for a block bigger than any hole
del chunks[::2]
gc.collect()
holes = n // 2
big = None
try:
    big = bytearray(holes * 500 // 2)
    print('ok big block after fragmentation')
except MemoryError:
    print('FAIL fragmentation caused MemoryError')
chunks = None
big = None
gc.collect()
# the interpreter still works
squares = [i * i for i in range(100)]
print('ok computation after recovery' if sum(squares) == 328350 else 'FAIL computation')
again = [bytearray(100) for _ in range(20)]
print('ok allocation after recovery' if len(again) == 20 else 'FAIL allocation')
try:
    huge = bytearray(10 ** 8)
    print('FAIL huge bytearray allocated')
except MemoryError:
    print('ok huge bytearray raises MemoryError')
try:
    s = 'x' * (10 ** 7)
    print('FAIL huge str allocated')
except MemoryError:
    print('ok huge str raises MemoryError')
try:
    l = [0] * (10 ** 7)
    print('FAIL huge list allocated')
except MemoryError:
    print('ok huge list raises MemoryError')
def deep_alloc(n):
    return [bytearray(200), deep_alloc(n + 1)]
try:
    deep_alloc(0)
    print('FAIL no error')
except (MemoryError, RecursionError):
    print('ok deep allocation fails cleanly')
print('ok end')
