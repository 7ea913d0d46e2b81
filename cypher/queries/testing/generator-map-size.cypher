// Used by the test suites only: the nodes of one map and the relationships between them, to compare
// with the size the generator computed for the map it wrote.
MATCH (n:MapElement {map: $map})
WITH count(n) AS nodes
CALL () {
  MATCH (:MapElement {map: $map})-[r]->(:MapElement {map: $map})
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
