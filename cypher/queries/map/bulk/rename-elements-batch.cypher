// Moves one bounded slice of the staged elements under the map's own name.
MATCH (n:MapElement {map: $staging})
WITH n LIMIT $limit
SET n.map = $map
RETURN count(*) AS renamed
