# fzpy only: gc.mem_free() / gc.mem_alloc()
import gc
# every global exists before measuring, so the module dict does not grow meanwhile
f = a = base_total = f1 = f2 = a1 = a2 = a3 = total = before = blob = garbage = 0
f = gc.mem_free()
a = gc.mem_alloc()
print('ok ints' if isinstance(f, int) and isinstance(a, int) else 'FAIL types')
print('ok positive' if f > 0 and a > 0 else 'FAIL not positive')
base_total = gc.mem_free() + gc.mem_alloc()
print('ok fits the default heap' if base_total <= 64 * 1024 else 'FAIL total %d' % base_total)
gc.collect()
a1 = gc.mem_alloc()
f1 = gc.mem_free()
blob = bytearray(4000)
gc.collect()
a2 = gc.mem_alloc()
print('ok alloc grows' if a2 >= a1 + 4000 else 'FAIL alloc %d -> %d' % (a1, a2))
f2 = gc.mem_free()
print('ok free shrinks' if f2 <= f1 - 4000 else 'FAIL free %d -> %d' % (f1, f2))
blob = None
gc.collect()
a3 = gc.mem_alloc()
print('ok alloc drops after collect' if a3 <= a2 - 4000 else 'FAIL alloc %d -> %d' % (a2, a3))
total = gc.mem_free() + gc.mem_alloc()
print('ok total constant' if total == base_total else 'FAIL total %d vs %d' % (total, base_total))
garbage = [[i] * 10 for i in range(50)]
garbage = None
before = gc.mem_free()
gc.collect()
print('ok collect frees garbage' if gc.mem_free() >= before else 'FAIL collect freed nothing')
