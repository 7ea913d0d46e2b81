// Where each kind's numbering (map order) continues in a generation written before it was kept on
// the generation: one more than the highest `seq` of each label.
MATCH (n:MapElement {map: $map})
WITH [l IN labels(n) WHERE l <> 'MapElement'][0] AS label, max(n.seq) AS last
RETURN label, last + 1 AS next
