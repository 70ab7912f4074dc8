# uncaught AttributeError on None
def find(items, name):
    for it in items:
        if it['name'] == name:
            return it
items = [{'name': 'a', 'v': 1}]
print(find(items, 'a')['v'])
result = find(items, 'b')
print(result)
print(result.upper())
