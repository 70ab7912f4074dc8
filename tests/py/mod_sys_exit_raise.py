# raise SystemExit(n) from a nested function
def main():
    print('in main')
    def inner():
        raise SystemExit(42)
    inner()
main()
print('not printed')
