# String building, slicing and formatting.
parts = []
for i in range(20_000):
    s = f"{i:05d}-{i % 7}"
    parts.append(s[1:4])
text = ",".join(parts)
print(len(text), text.count("00"))
