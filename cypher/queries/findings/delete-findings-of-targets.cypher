// The stored findings on some elements (all kinds with these ids), before they are evaluated again.
UNWIND $targets AS target
MATCH (f:Finding {map: $map, targetId: target})
DELETE f
RETURN count(*) AS deleted
