# a bank account simulation with classes and exceptions
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__('%s: cannot withdraw %d (balance %d)' % (account.owner, amount, account.balance))
        self.shortfall = amount - account.balance
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.history.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(('withdraw', amount))
    def __repr__(self):
        return 'Account(#%d, %s, %d)' % (self.id, self.owner, self.balance)
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, initial=0):
        acc = cls(owner, initial)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print('transfer failed:', e, 'short by', e.shortfall)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
a = bank.open(Account, 'alice', 100)
b = bank.open(Savings, 'bob', 1000)
c = bank.open(Account, 'carol')
print(a, b, c)
print(bank.transfer(1, 3, 30), bank.transfer(1, 3, 500), bank.transfer(2, 1, 250))
print(b.add_interest(), b)
try:
    c.deposit(-5)
except ValueError as e:
    print('ValueError', e)
for acc in bank.accounts.values():
    print(acc.owner, acc.balance, acc.history)
print('total', bank.total())
print(sorted(bank.accounts.values(), key=lambda x: -x.balance))
print(isinstance(b, Account), type(b).__name__, Savings.rate, Account.next_id)
