// Relationships that start at the map's nodes (every relationship of a map starts at one of them).
MATCH (n:MapElement {map: $map})
RETURN sum(COUNT { (n)-->() }) AS relationships
