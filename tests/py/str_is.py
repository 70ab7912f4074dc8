# is* predicates
tests = ['', 'abc', 'ABC', 'Abc', 'abc123', '123', '12.5', ' ', ' \t\n', 'a b', '_', 'Hello World', 'hello world', '\u00e9', '\u00b2', '\u0663', 'x1_', 'Ab Cd', 'ABC DEF', '  a', 'A1B2']
for s in tests:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isascii(), s.isprintable())
