// A batched write checks that every node it wrote is stored before the generation is published.
MATCH (n:MapElement {map: $map})
RETURN count(n) AS nodes
