MATCH (n:MapElement {map: $map})
RETURN count(n) AS nodes
