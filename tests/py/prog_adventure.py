# a text-adventure style world as a dict graph, driven by scripted commands
ROOMS = {
    'hall': {'desc': 'a dusty hall', 'exits': {'north': 'library', 'east': 'kitchen'}, 'items': ['lamp']},
    'library': {'desc': 'shelves of old books', 'exits': {'south': 'hall', 'up': 'attic'}, 'items': ['book', 'key']},
    'kitchen': {'desc': 'a cold kitchen', 'exits': {'west': 'hall', 'down': 'cellar'}, 'items': []},
    'attic': {'desc': 'a cramped attic', 'exits': {'down': 'library'}, 'items': ['map']},
    'cellar': {'desc': 'a dark cellar', 'exits': {'up': 'kitchen'}, 'items': ['treasure'], 'locked': True},
}
class Game:
    def __init__(self):
        self.room = 'hall'
        self.inv = []
        self.moves = 0
    def do(self, cmd):
        words = cmd.split()
        verb, rest = words[0], words[1:]
        handler = getattr(self, 'cmd_' + verb, None)
        if handler is None:
            return "I don't understand '%s'" % verb
        self.moves += 1
        return handler(*rest)
    def cmd_look(self):
        r = ROOMS[self.room]
        items = ', '.join(r['items']) or 'nothing'
        return 'You are in %s. Exits: %s. You see: %s.' % (r['desc'], ', '.join(sorted(r['exits'])), items)
    def cmd_go(self, direction):
        nxt = ROOMS[self.room]['exits'].get(direction)
        if nxt is None:
            return 'You cannot go ' + direction
        if ROOMS[nxt].get('locked') and 'key' not in self.inv:
            return 'The way %s is locked' % direction
        self.room = nxt
        return self.cmd_look()
    def cmd_take(self, item):
        items = ROOMS[self.room]['items']
        if item not in items:
            return 'No %s here' % item
        items.remove(item)
        self.inv.append(item)
        return 'Taken: ' + item
    def cmd_inv(self):
        return 'You carry: ' + (', '.join(self.inv) or 'nothing')
g = Game()
script = ['look', 'take lamp', 'go west', 'go east', 'go down', 'go west', 'go north', 'take key', 'take sword',
          'go up', 'take map', 'go down', 'go south', 'go east', 'go down', 'take treasure', 'inv', 'dance']
for cmd in script:
    print('>', cmd)
    print(g.do(cmd))
print('moves', g.moves, 'room', g.room, 'inventory', g.inv)
def shortest(start, goal):
    frontier = [(start, [start])]
    seen = {start}
    while frontier:
        room, path = frontier.pop(0)
        if room == goal:
            return path
        for d, nxt in sorted(ROOMS[room]['exits'].items()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append((nxt, path + [nxt]))
print(shortest('attic', 'cellar'), shortest('hall', 'hall'))
