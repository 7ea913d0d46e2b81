// One bounded slice of a generation's elements; repeated until none is left, so that no
// transaction holds a whole large map.
MATCH (n:MapElement {map: $key})
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
