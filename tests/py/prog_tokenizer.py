# a small tokenizer and expression evaluator (shunting-yard)
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == '.' and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            tokens.append(('NUM', float(text) if '.' in text else int(text)))
            i = j
        elif c.isalpha() or c == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            tokens.append(('NAME', src[i:j]))
            i = j
        elif c in '+-*/()^%':
            tokens.append(('OP', c))
            i += 1
        else:
            raise SyntaxError('bad character %r at %d' % (c, i))
    return tokens
PREC = {'+': (1, 'L'), '-': (1, 'L'), '*': (2, 'L'), '/': (2, 'L'), '%': (2, 'L'), '^': (3, 'R')}
def to_rpn(tokens):
    out, stack = [], []
    for kind, val in tokens:
        if kind in ('NUM', 'NAME'):
            out.append((kind, val))
        elif val == '(':
            stack.append(val)
        elif val == ')':
            while stack and stack[-1] != '(':
                out.append(('OP', stack.pop()))
            if not stack:
                raise SyntaxError('unbalanced )')
            stack.pop()
        else:
            p, assoc = PREC[val]
            while stack and stack[-1] != '(':
                q = PREC[stack[-1]][0]
                if q > p or (q == p and assoc == 'L'):
                    out.append(('OP', stack.pop()))
                else:
                    break
            stack.append(val)
    while stack:
        op = stack.pop()
        if op == '(':
            raise SyntaxError('unbalanced (')
        out.append(('OP', op))
    return out
def evaluate(rpn, env):
    st = []
    for kind, val in rpn:
        if kind == 'NUM':
            st.append(val)
        elif kind == 'NAME':
            st.append(env[val])
        else:
            b = st.pop()
            a = st.pop()
            if val == '+': st.append(a + b)
            elif val == '-': st.append(a - b)
            elif val == '*': st.append(a * b)
            elif val == '/': st.append(a / b)
            elif val == '%': st.append(a % b)
            elif val == '^': st.append(a ** b)
    return st[0]
env = {'x': 3, 'y': 4, 'big': 2 ** 40}
for src in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', 'x * x + y * y', '10 / 4', '7 % 3 + 0.5',
            'big * big', '((2))', '1.5 * (x - y)', '2 ^ 0.5', 'big / 3']:
    toks = tokenize(src)
    rpn = to_rpn(toks)
    print('%-14s -> %-40s = %r' % (src, ' '.join(str(v) for _, v in rpn), evaluate(rpn, env)))
for bad in ['1 + $', '(1 + 2', '1 + 2)', 'z + 1', '1 / 0']:
    try:
        print(evaluate(to_rpn(tokenize(bad)), env))
    except (SyntaxError, KeyError, ZeroDivisionError) as e:
        print(bad, '->', type(e).__name__, e)
print(tokenize('foo_1 * 3.25 * (bar - 1)'))
