# sys.exit(0) and sys.exit() end the program successfully; SystemExit can be caught
import sys
try:
    sys.exit(7)
except SystemExit as e:
    print('caught SystemExit', e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print('no-arg code', e.code)
try:
    raise SystemExit('text')
except SystemExit as e:
    print('text code', e.code)
try:
    sys.exit(None)
except BaseException as e:
    print(type(e).__name__, e.code)
print('exiting with 0')
sys.exit(0)
print('not printed')
