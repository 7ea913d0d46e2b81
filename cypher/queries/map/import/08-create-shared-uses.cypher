// A joint-use (共同利用) declaration of a notice: its users, items, purposes and manager.
UNWIND $rows AS row
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (n)-[:DECLARES_SHARED_USE]->(s:SharedUse:MapElement)
SET s = row, s.map = $map
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
