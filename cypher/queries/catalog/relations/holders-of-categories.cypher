// Organizations that hold each data category: collect it, receive it in a flow, or output it from a derivation.
// Batched for the API's DataLoaders; each list is cut at $limit (the total is returned beside it).
UNWIND $ids AS key
CALL (key) {
  OPTIONAL MATCH (:DataCategory {map: $map, id: key})<-[:OF]-(:DataAsset {held: true})-[:AT]->(:System)-[:OPERATED_BY]->(n:Organization)
  WITH DISTINCT n
  ORDER BY n.seq, n.id
  RETURN count(n) AS total, collect(properties(n))[0..$limit] AS items
}
RETURN key, total, items
