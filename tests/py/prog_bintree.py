# binary search tree with classes, recursion and generators
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        n = self.root
        while True:
            if key == n.key:
                return
            side = 'left' if key < n.key else 'right'
            child = getattr(n, side)
            if child is None:
                setattr(n, side, Node(key))
                self.size += 1
                return
            n = child
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return walk(self.root)
    def __len__(self):
        return self.size
    def height(self, n='root'):
        if n == 'root':
            n = self.root
        if n is None:
            return 0
        return 1 + max(self.height(n.left), self.height(n.right))
    def delete(self, key):
        def rec(n, key):
            if n is None:
                return None
            if key < n.key:
                n.left = rec(n.left, key)
            elif key > n.key:
                n.right = rec(n.right, key)
            else:
                self.size -= 1
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                m = n.right
                while m.left:
                    m = m.left
                n.key = m.key
                self.size += 1
                n.right = rec(n.right, m.key)
            return n
        self.root = rec(self.root, key)
    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            level = [c for n in level for c in (n.left, n.right) if c]
        return out
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50]:
    t.insert(k)
print(list(t), len(t), t.height())
print(t.levels())
print(40 in t, 41 in t, min(t), max(t), sum(t))
for k in (20, 30, 50, 99):
    t.delete(k)
    print('deleted', k, list(t), len(t))
print(t.levels())
words = BST()
for w in 'the quick brown fox jumps over the lazy dog'.split():
    words.insert(w)
print(list(words), words.height())
