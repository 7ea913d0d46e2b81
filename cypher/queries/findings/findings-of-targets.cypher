// The stored findings on the elements an answer shows (flows and derivations on its paths…).
UNWIND $targets AS target
MATCH (f:Finding {map: $map, targetId: target})
RETURN properties(f) AS finding
