# n-queens: count and show solutions
def solve(n):
    sols = []
    cols = [0] * n
    def place(row, used_c, used_d1, used_d2):
        if row == n:
            sols.append(cols[:])
            return
        for c in range(n):
            if c in used_c or (row - c) in used_d1 or (row + c) in used_d2:
                continue
            cols[row] = c
            used_c.add(c); used_d1.add(row - c); used_d2.add(row + c)
            place(row + 1, used_c, used_d1, used_d2)
            used_c.discard(c); used_d1.discard(row - c); used_d2.discard(row + c)
    place(0, set(), set(), set())
    return sols
for n in range(1, 8):
    s = solve(n)
    print(n, len(s), s[0] if s else None)
first = solve(6)[0]
for c in first:
    print(''.join('Q' if i == c else '.' for i in range(6)))
def count_bits(n, row=0, cols=0, d1=0, d2=0):
    if row == n:
        return 1
    total = 0
    avail = ~(cols | d1 | d2) & ((1 << n) - 1)
    while avail:
        bit = avail & -avail
        avail ^= bit
        total += count_bits(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1)
    return total
print([count_bits(n) for n in range(1, 9)])
