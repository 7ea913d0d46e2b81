// What scratch maps (names starting with `_`) left in the database: a check must leave nothing, not
// even a version beside the map (its generation, elements or stored findings). Past versions rebuilt
// for reading (`_version-…`) are a cache of the service's, not a check's leftovers.
OPTIONAL MATCH (m:DataMap) WHERE m.name STARTS WITH '_' AND NOT m.name STARTS WITH '_version-'
WITH count(m) AS maps
OPTIONAL MATCH (g:Generation) WHERE g.map STARTS WITH '_' AND NOT g.map STARTS WITH '_version-'
WITH maps, count(g) AS generations
OPTIONAL MATCH (n:MapElement) WHERE n.map STARTS WITH '_' AND NOT n.map STARTS WITH '_version-'
WITH maps, generations, count(n) AS elements
OPTIONAL MATCH (f:Finding) WHERE f.map STARTS WITH '_' AND NOT f.map STARTS WITH '_version-'
WITH maps, generations, elements, count(f) AS findings
RETURN maps, elements + generations + findings AS elements
