# f-string '=' debug specifier and conversions
x = 10
name = 'fz'
pi = 3.14159
print(f'{x=}')
print(f'{x = }')
print(f'{x=:5d}|')
print(f'{name=}')
print(f'{name=!s}')
print(f'{pi=:.2f}')
print(f'{x * 2 + 1=}')
print(f'{[1, 2]=}')
print(f'{x=}, {name=}')
print(f'{"str"=}')
print(f'{x!r:>6}|{name!r:^8}|')
print(f'{None=} {True=}')
d = {'a': 1}
print(f'{d["a"]=}')
print(f'{len(name)=}')
