# text processing: word frequencies, wrapping, palindromes, anagrams, run-length encoding
text = '''It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness.'''
words = [w.strip('.,').lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
def wrap(s, width):
    lines, line = [], ''
    for w in s.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = line + ' ' + w if line else w
    if line:
        lines.append(line)
    return lines
for l in wrap(text, 30):
    print('|' + l.ljust(30) + '|')
def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]
for s in ['A man, a plan, a canal: Panama', 'racecar', 'hello', '', 'No lemon, no melon']:
    print(repr(s), is_pal(s))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append('%d%s' % (j - i, s[i]))
        i = j
    return ''.join(out)
def unrle(s):
    out, num = [], ''
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * int(num))
            num = ''
    return ''.join(out)
for s in ['aaabccddddd', 'abc', '', 'zzzzzzzzzzzz']:
    e = rle(s)
    print(repr(s), e, unrle(e) == s)
groups = {}
for w in ['listen', 'silent', 'enlist', 'google', 'elgoog', 'cat', 'act', 'tac', 'dog']:
    groups.setdefault(''.join(sorted(w)), []).append(w)
print([g for g in groups.values() if len(g) > 1])
print(' '.join(w[::-1] for w in 'reverse each word here'.split()))
print(''.join(c.upper() if i % 2 else c for i, c in enumerate('alternating caps')))
print('{:-^40}'.format(' centered title '))
vowels = sum(1 for c in text.lower() if c in 'aeiou')
print('vowels', vowels, 'consonants', sum(1 for c in text.lower() if c.isalpha() and c not in 'aeiou'))
csv = 'name,age,city\nann,30,Paris\nbob,25,Rome\n'
rows = [line.split(',') for line in csv.strip().splitlines()]
hdr, data = rows[0], rows[1:]
recs = [dict(zip(hdr, r)) for r in data]
print(recs, sum(int(r['age']) for r in recs))
