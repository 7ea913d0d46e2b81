// What scratch maps (names starting with `_`) left in the database: a check must leave nothing.
OPTIONAL MATCH (m:DataMap) WHERE m.name STARTS WITH '_'
WITH count(m) AS maps
OPTIONAL MATCH (n:MapElement) WHERE n.map STARTS WITH '_'
RETURN maps, count(n) AS elements
