// Consents each people entry gave, in the order the map lists them.
// Batched for the API's DataLoaders; each list is cut at $limit (the total is returned beside it).
UNWIND $ids AS key
CALL (key) {
  OPTIONAL MATCH (:People {map: $map, id: key})-[:GAVE]->(n:Consent)
  WITH DISTINCT n
  ORDER BY n.seq, n.id
  RETURN count(n) AS total, collect(properties(n))[0..$limit] AS items
}
RETURN key, total, items
