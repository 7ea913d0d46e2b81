// Notices each organization publishes.
// Batched for the API's DataLoaders; each list is cut at $limit (the total is returned beside it).
UNWIND $ids AS key
CALL (key) {
  OPTIONAL MATCH (:Organization {map: $map, id: key})<-[:PUBLISHED_BY]-(n:Notice)
  WITH DISTINCT n
  ORDER BY n.seq, n.id
  RETURN count(n) AS total, collect(properties(n))[0..$limit] AS items
}
RETURN key, total, items
