# circular imports see partially initialised modules
import sys
sys.path.insert(0, sys.path[0] + '/pkgs')
import circ_a
import circ_b
print(circ_b.SEEN_EARLY, circ_b.SEEN_LATE, circ_a.from_b(), circ_a.A_LATE)
