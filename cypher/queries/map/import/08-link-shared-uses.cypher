// The links of the nodes 08-create-shared-uses wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (s:SharedUse {map: $map, id: row.id})
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (n)-[:DECLARES_SHARED_USE]->(s)
WITH s, row
CALL (s, row) {
  UNWIND coalesce(row.users, []) AS userId
  MATCH (u:Organization|Group {map: $map, id: userId})
  CREATE (s)-[:SHARED_WITH]->(u)
}
CALL (s, row) {
  UNWIND coalesce(row.dataCategories, []) AS categoryId
  MATCH (c:DataCategory {map: $map, id: categoryId})
  CREATE (s)-[:COVERS_CATEGORY]->(c)
}
CALL (s, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (x:Purpose {map: $map, id: purposeId})
  CREATE (s)-[:COVERS_PURPOSE]->(x)
}
CALL (s, row) {
  WITH row WHERE row.manager IS NOT NULL
  MATCH (o:Organization {map: $map, id: row.manager})
  CREATE (s)-[:MANAGED_BY]->(o)
}
