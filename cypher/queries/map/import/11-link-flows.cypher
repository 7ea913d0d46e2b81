// The links of the nodes 11-create-flows wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (f:Flow {map: $map, id: row.id})
MATCH (a:System {map: $map, id: row.from})
MATCH (b:System {map: $map, id: row.to})
CREATE (a)<-[:FROM]-(f)-[:TO]->(b)
WITH f, row
CALL (f, row) {
  UNWIND row.dataCategories AS categoryId
  MATCH (d:DataCategory {map: $map, id: categoryId})
  CREATE (f)-[:CARRIES]->(d)
}
CALL (f, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (p:Purpose {map: $map, id: purposeId})
  CREATE (f)-[:FOR_PURPOSE]->(p)
}
CALL (f, row) {
  WITH row WHERE row.notice IS NOT NULL
  MATCH (n:Notice {map: $map, id: row.notice})
  CREATE (f)-[:UNDER_NOTICE]->(n)
}
