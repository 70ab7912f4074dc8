public_a = 1
public_b = 2
_underscore = 3
