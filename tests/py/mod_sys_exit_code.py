# sys.exit with an integer status; finally blocks run, later code does not
import sys
print('before exit')
try:
    sys.exit(3)
finally:
    print('finally runs during exit')
print('not printed')
