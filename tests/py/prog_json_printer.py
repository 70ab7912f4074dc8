# a small JSON-like serializer and parser
def dumps(v, indent=None, level=0):
    pad = '' if indent is None else '\n' + ' ' * (indent * (level + 1))
    end = '' if indent is None else '\n' + ' ' * (indent * level)
    sep = ', ' if indent is None else ','
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        out = '"'
        for c in v:
            if c == '"':
                out += '\\"'
            elif c == '\\':
                out += '\\\\'
            elif c == '\n':
                out += '\\n'
            elif ord(c) < 32:
                out += '\\u%04x' % ord(c)
            else:
                out += c
        return out + '"'
    if isinstance(v, (list, tuple)):
        if not v:
            return '[]'
        return '[' + sep.join(pad + dumps(x, indent, level + 1) for x in v) + end + ']'
    if isinstance(v, dict):
        if not v:
            return '{}'
        return '{' + sep.join(pad + dumps(str(k)) + ': ' + dumps(x, indent, level + 1) for k, x in v.items()) + end + '}'
    raise TypeError('not serializable: %s' % type(v).__name__)
class Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in ' \n\t\r':
            self.i += 1
    def parse(self):
        self.ws()
        c = self.s[self.i]
        if c == '{':
            self.i += 1
            d = {}
            self.ws()
            if self.s[self.i] == '}':
                self.i += 1
                return d
            while True:
                self.ws()
                k = self.parse()
                self.ws()
                assert self.s[self.i] == ':'
                self.i += 1
                d[k] = self.parse()
                self.ws()
                if self.s[self.i] == ',':
                    self.i += 1
                    continue
                assert self.s[self.i] == '}'
                self.i += 1
                return d
        if c == '[':
            self.i += 1
            l = []
            self.ws()
            if self.s[self.i] == ']':
                self.i += 1
                return l
            while True:
                l.append(self.parse())
                self.ws()
                if self.s[self.i] == ',':
                    self.i += 1
                    continue
                self.i += 1
                return l
        if c == '"':
            j = self.i + 1
            out = []
            while self.s[j] != '"':
                if self.s[j] == '\\':
                    j += 1
                    out.append({'n': '\n', '"': '"', '\\': '\\'}[self.s[j]])
                else:
                    out.append(self.s[j])
                j += 1
            self.i = j + 1
            return ''.join(out)
        for word, val in (('null', None), ('true', True), ('false', False)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        j = self.i
        while j < len(self.s) and self.s[j] in '+-0123456789.eE':
            j += 1
        text = self.s[self.i:j]
        self.i = j
        return float(text) if any(c in text for c in '.eE') else int(text)
doc = {'name': 'fzpy', 'version': [0, 1, 0], 'ok': True, 'none': None, 'pi': 3.14159, 'big': 2 ** 70,
       'nested': {'list': [1, 'two', [3.0, {'four': 4}]], 'empty': {}, 'e': []}, 'text': 'quote " back \\ nl \n'}
s = dumps(doc)
print(s)
print(dumps(doc, indent=2))
back = Parser(s).parse()
print(back == doc, back['nested']['list'][2][1]['four'], back['big'])
print(dumps([1.5, -0.0, 1e100, 'caf\u00e9']))
try:
    dumps({1, 2})
except TypeError as e:
    print('TypeError', e)
