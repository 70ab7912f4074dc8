# Unicode case mappings: multi-character results, title case letters,
# case folding, the final-sigma rule, and the case predicates.

def show(s):
    r = [s.lower(), s.upper(), s.title(), s.capitalize(), s.swapcase(), s.casefold()]
    print(ascii(s), ' '.join(ascii(x) for x in r), s.islower(), s.isupper(), s.istitle())

# one to three characters out
for s in ['\u00df', '\u1e9e', '\u0130', '\u0131', '\u0149', '\u01f0', '\u0390', '\u03b0',
          '\u0587', '\u1e96', '\u1e9a', '\u1f50', '\u1f52', '\u1fb6', '\u1fb7', '\u1ff7',
          '\ufb00', '\ufb03', '\ufb05', '\ufb13', '\ufb17', 'stra\u00dfe', '\u0149x']:
    show(s)

# title case letters and their pairs
for s in ['\u01c4', '\u01c5', '\u01c6', '\u01c7', '\u01c8', '\u01c9', '\u01ca', '\u01cb',
          '\u01cc', '\u01f1', '\u01f2', '\u01f3', '\u01c5a', 'a\u01c5', '\u01c4A', '\u01c6\u01c6']:
    show(s)

# Greek with iota subscripts (title case keeps the subscript)
for s in ['\u1f80', '\u1f88', '\u1fb3', '\u1fbc', '\u1fb2', '\u1fb4', '\u1fc3', '\u1fc7',
          '\u1ff3', '\u1ffc', '\u1fb3\u1fb3', '\u0345', '\u1fbe']:
    show(s)

# scripts with their own rules: Cherokee folds to upper case, Georgian
# Mkhedruli upper-cases to Mtavruli but title-cases to itself
for s in ['\u13a0\u13f5', '\u13f8\u13fd', '\uab70\uabbf', '\u10d0\u10fa\u10fd',
          '\u1c90\u1cbf', '\u10d0\u10d1 \u10d2']:
    show(s)

# symbols that look cased, compatibility characters, other planes
for s in ['\u212a', '\u212b', '\u2126', '\u00b5', '\u017f', '\u03c2', '\u03d0', '\u1e9b',
          '\u2160\u2170', '\u24b6\u24d0', '\u00aa\u00ba', '\u02b0', '\u2071', '\uff21\uff41',
          '\U00010400\U00010428', '\U000104b0\U000104d8', '\U0001e900\U0001e922',
          '\U00016e40\U00016e60', '\U00010570\U00010597', '\U00010d50\U00010d70',
          '\ua7c0\ua7c1', '\ua7cb', '\u1c89\u1c8a', '\U0001d400']:
    show(s)

# the final sigma: after a cased letter, not before one, case-ignorables skipped
for s in ['\u03a3', 'A\u03a3', '\u03a3A', 'A\u03a3A', 'A\u03a3 ', 'A\u03a3\u03a3',
          '\u039f\u0394\u039f\u03a3', '\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3.',
          "A'\u03a3", "A\u03a3'", "A\u03a3'B", 'A\u0301\u03a3', 'A\u03a3\u0301',
          'A\u03a3\u0301B', '1\u03a3', 'A1\u03a3', 'A.\u03a3', 'A:\u03a3', 'A\u00ad\u03a3',
          'A\u02b0\u03a3', '\u02b0\u03a3', 'A\u03a3\u02b0', 'A\u0903\u03a3', 'A\u200d\u03a3',
          'A\u0488\u03a3', 'A\u1160\u03a3', 'A\U000e0001\u03a3', 'A\U0001f3fb\u03a3',
          '\u01c5\u03a3', '\u03a3\u03a3\u03a3', 'a\u03a3b\u03a3']:
    show(s)

# title: a character after a cased one goes to lower case
for s in ["they're bill's friends", 'hello\u0301world', '\u02b0a', 'a\u02b0a', '\u00aaa',
          'x\u2160\u2170', '\u24d0\u24d0', '1a 2B', '\u0130stanbul', '\u0131i\u0130I']:
    show(s)

# predicates need a cased character and no wrong-cased one
for s in ['', '1', ' ', '\u02b0', '\u00aa', '\u2160', '\u2170', '\u24b6', '\u01c5',
          'A\u01c5', '\u01c5a', '\u01c5A', '\u1fbc', '\u1fbc\u1fbc', '\u10d0', '\u1c90',
          '\u13a0', '\uab70', '\u0345', '\U0001d400', '\U0001d41a', 'A\u0301', 'a\u0301A']:
    print(ascii(s), s.islower(), s.isupper(), s.istitle())

# case-insensitive comparison
words = ['Stra\u00dfe', 'STRASSE', 'strasse', '\u1e9e', 'ss', '\u212aelvin', 'kelvin',
         '\u03a3\u03af\u03c3\u03c5\u03c6\u03bf\u03c2', '\u03a3\u0399\u03a3\u03a5\u03a6\u039f\u03a3']
for a in words:
    print(ascii(a), [b for b in words if a.casefold() == b.casefold()])

# round trips keep lengths that change
for s in ['\u00df' * 3, '\ufb03\ufb04', '\u0130' * 2, '\u1f80\u1f81\u1f82']:
    print(len(s), len(s.upper()), len(s.lower()), len(s.casefold()), len(s.title()))
