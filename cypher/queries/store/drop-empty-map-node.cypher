// Run under a map's lock by the sweeper: the lock's MERGE may just have created the node of a map
// that never got a version; it is not kept.
MATCH (m:DataMap {name: $name})
WHERE m.storage IS NULL AND coalesce(m.version, 0) = 0
DELETE m
RETURN count(*) AS deleted
