// The links of the nodes 10-create-collections wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (c:Collection {map: $map, id: row.id})
MATCH (s:System {map: $map, id: row.system})
CREATE (s)-[:HAS_COLLECTION]->(c)
WITH c, row
CALL (c, row) {
  UNWIND row.dataCategories AS categoryId
  MATCH (d:DataCategory {map: $map, id: categoryId})
  CREATE (c)-[:COLLECTS]->(d)
}
CALL (c, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (p:Purpose {map: $map, id: purposeId})
  CREATE (c)-[:FOR_PURPOSE]->(p)
}
CALL (c, row) {
  WITH row WHERE row.notice IS NOT NULL
  MATCH (n:Notice {map: $map, id: row.notice})
  CREATE (c)-[:UNDER_NOTICE]->(n)
}
