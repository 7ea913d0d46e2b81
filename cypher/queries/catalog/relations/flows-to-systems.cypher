// Flows arriving at each system.
// Batched for the API's DataLoaders; each list is cut at $limit (the total is returned beside it).
UNWIND $ids AS key
CALL (key) {
  OPTIONAL MATCH (:System {map: $map, id: key})<-[:TO]-(n:Flow)
  WITH DISTINCT n
  ORDER BY n.seq, n.id
  RETURN count(n) AS total, collect(properties(n))[0..$limit] AS items
}
RETURN key, total, items
