print('bad_mod: starting')
raise ValueError('bad_mod failed during import')
