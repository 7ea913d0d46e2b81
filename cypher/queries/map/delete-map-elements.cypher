// Removes every element of one map; other maps are untouched because every element carries its map.
MATCH (n:MapElement {map: $map})
DETACH DELETE n
RETURN count(*) AS deleted
