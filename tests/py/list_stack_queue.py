# lists used as stacks and queues, in-place algorithms
stack = []
for c in 'abc':
    stack.append(c)
print(stack, stack[-1], stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
def balanced(s):
    pairs = {')': '(', ']': '[', '}': '{'}
    st = []
    for ch in s:
        if ch in '([{':
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
for s in ['()', '([]{})', '(]', '((', '', 'a(b[c]d)e', '}{']:
    print(repr(s), balanced(s))
def rotate(l, k):
    k %= len(l)
    l[:] = l[-k:] + l[:-k]
x = list(range(7))
rotate(x, 3)
print(x)
rotate(x, -3)
print(x)
def dedupe(l):
    i = 0
    seen = set()
    while i < len(l):
        if l[i] in seen:
            del l[i]
        else:
            seen.add(l[i])
            i += 1
y = [3, 1, 3, 2, 1, 5, 3]
dedupe(y)
print(y)
z = list(range(10))
for i in range(len(z) - 1, -1, -1):
    if z[i] % 3 == 0:
        z.pop(i)
print(z)
window = []
avgs = []
for v in [10, 20, 30, 40, 50, 60]:
    window.append(v)
    if len(window) > 3:
        window.pop(0)
    avgs.append(sum(window) / len(window))
print(avgs)
matrix = [[0] * 3 for _ in range(3)]
matrix[1][1] = 5
print(matrix)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
lst = [5, 3, 8, 1]
lst[1], lst[3] = lst[3], lst[1]
print(lst, lst.index(max(lst)))
print([1, 2, 3].__iter__().__next__(), list(reversed(lst)), lst[::-1] == list(reversed(lst)))
