// Used by the test suites only: every node and relationship of one map, for "same graph" checks.
CALL () {
  MATCH (n:MapElement {map: $map})
  RETURN collect({labels: labels(n), props: properties(n)}) AS nodes
}
CALL () {
  MATCH (a:MapElement {map: $map})-[r]->(b)
  RETURN collect({from: [labels(a), a.id], type: type(r), props: properties(r), to: [labels(b), b.id, b.map]}) AS relationships
}
RETURN nodes, relationships
