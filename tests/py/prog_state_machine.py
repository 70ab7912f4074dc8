# a traffic light / vending machine state machines
class Machine:
    def __init__(self, transitions, start):
        self.t = transitions
        self.state = start
        self.log = [start]
    def feed(self, event):
        key = (self.state, event)
        if key not in self.t:
            raise ValueError('no transition from %s on %s' % key)
        self.state = self.t[key]
        self.log.append(self.state)
        return self.state
traffic = Machine({('red', 'tick'): 'green', ('green', 'tick'): 'yellow', ('yellow', 'tick'): 'red',
                   ('red', 'emergency'): 'red', ('green', 'emergency'): 'red', ('yellow', 'emergency'): 'red'}, 'red')
for ev in ['tick', 'tick', 'emergency', 'tick', 'tick', 'tick', 'tick']:
    traffic.feed(ev)
print(traffic.log)
try:
    traffic.feed('explode')
except ValueError as e:
    print('ValueError', e)
class Vending:
    PRICES = {'cola': 150, 'chips': 100, 'gum': 50}
    def __init__(self):
        self.state = 'idle'
        self.credit = 0
        self.sold = []
    def insert(self, coin):
        if coin not in (10, 20, 50, 100):
            return 'rejected %d' % coin
        self.credit += coin
        self.state = 'has_credit'
        return 'credit %d' % self.credit
    def select(self, item):
        if self.state == 'idle':
            return 'insert coins first'
        price = self.PRICES.get(item)
        if price is None:
            return 'unknown item ' + item
        if self.credit < price:
            return 'need %d more' % (price - self.credit)
        self.credit -= price
        self.sold.append(item)
        change = self.credit
        self.credit = 0
        self.state = 'idle'
        return 'vend %s, change %d' % (item, change)
v = Vending()
for action in [('select', 'cola'), ('insert', 100), ('insert', 5), ('select', 'cola'), ('insert', 50),
               ('select', 'cola'), ('insert', 100), ('insert', 100), ('select', 'gum'), ('insert', 20), ('select', 'pie')]:
    print(action, '->', getattr(v, action[0])(action[1]))
print(v.sold, v.state, v.credit)
def lexer_states(s):
    state = 'start'
    out = []
    cur = ''
    for ch in s + ' ':
        if state == 'start':
            if ch.isdigit():
                state, cur = 'num', ch
            elif ch.isalpha():
                state, cur = 'word', ch
        elif state == 'num':
            if ch.isdigit():
                cur += ch
            else:
                out.append(('num', int(cur)))
                state = 'start'
                if ch.isalpha():
                    state, cur = 'word', ch
        elif state == 'word':
            if ch.isalnum():
                cur += ch
            else:
                out.append(('word', cur))
                state = 'start'
    return out
print(lexer_states('abc 123 x9 42z end'))
