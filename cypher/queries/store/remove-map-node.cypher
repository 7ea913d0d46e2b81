// A scratch map leaves nothing behind: its node goes with its last generation.
MATCH (m:DataMap {name: $name})
DELETE m
RETURN count(*) AS deleted
