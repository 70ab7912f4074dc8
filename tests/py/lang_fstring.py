# f-strings
name = 'World'
n = 42
pi = 3.14159265
print(f'Hello {name}!', f"{n}", f'{n + 1}', f'{n * 2}')
print(f'{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:g}')
print(f'{n:5d}|{n:<5d}|{n:^5d}|{n:>5}|{n:05d}|{n:+d}|{-n:+d}|{n: d}')
print(f'{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {255:#X}')
print(f'{1234567:,} {1234567:_} {1234567.891:,.2f} {0xffff:_x}')
print(f'{name!r} {name!s} {name!a}')
print(f'{name:>10}|{name:<10}|{name:^10}|{name:*^11}|{name:.3}')
print(f'{{literal braces}} {{{n}}}')
w = 8
p = 3
print(f'{pi:{w}.{p}f}|{name:>{w}}')
print(f'{[1, 2, 3]} {(1,)} {{"a": 1}} {None} {True}')
d = {'key': 'val'}
print(f'{d["key"]} {d}')
print(f'{"nested " + f"{n}"}')
print(f'{n if n > 10 else 0}')
print(f'{(lambda x: x * 2)(21)}')
print(f'{0.5:%} {0.125:.1%} {1:.0%}')
print(f'{3.0:.0f} {2.5:.0f} {-0.0:.1f} {1e20:.2f}')
print(f'{"abc":5}|{12:5}|{1.5:8}|')
print(f'{True:d} {True} {False!r}')
class P:
    def __str__(self):
        return 'str-P'
    def __repr__(self):
        return 'repr-P'
    def __format__(self, spec):
        return 'fmt-P(' + spec + ')'
p_ = P()
print(f'{p_} {p_!s} {p_!r} {p_:xyz}')
x = 10
print(F'upper {x}', f'''triple {x}''', f"""{x}""")
print(f'{x:{"<" if x else ">"}6}|')
print(f'a' f'{x}' 'b' f'{x}')
print(f'{-1:05d} {-1.5:08.2f} {1.5:+08.2f}')
print(f'{"x":=^9}')
print(f'{12345:>+10,}')
