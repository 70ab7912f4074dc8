# from module import *
import sys
sys.path.insert(0, sys.path[0] + '/pkgs')
from star_mod import *
print(exported, also_exported)
try:
    print(not_exported)
except NameError as e:
    print('NameError', e)
from plain_star import *
print(public_a, public_b)
try:
    print(_underscore)
except NameError as e:
    print('NameError', e)
import star_mod
print(star_mod.not_exported, star_mod.__all__)
