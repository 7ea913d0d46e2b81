// One bounded slice of a map's removal; repeated until nothing is left, so no transaction holds a whole large map.
MATCH (n:MapElement {map: $map})
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
