// Upgrading a store written before map versions: finishes a replacement that was being swapped in
// (its staged elements move under the map's own name, one bounded slice at a time).
MATCH (n:MapElement {map: $staging})
WITH n LIMIT $limit
SET n.map = $name
RETURN count(*) AS renamed
