print('must not be printed')
class = 5
