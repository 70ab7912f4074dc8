# case methods
for s in ['hello world', 'HELLO', 'Hello World', 'hELLO wORLD', "it's a dog's life", 'mixed123ABCdef', '', '123', 'a-b_c d.e', 'o\'neil mcdonald']:
    print(repr(s), s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
    print(s.isupper(), s.islower(), s.istitle())
print('\u00df'.upper(), '\u00df'.casefold())
print('ABC'.lower() == 'abc', 'abc'.upper() == 'ABC', 'aBc'.swapcase())
