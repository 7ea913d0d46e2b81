// Where data enters a system from the data subject.
UNWIND $rows AS row
MATCH (s:System {map: $map, id: row.system})
CREATE (s)-[:HAS_COLLECTION]->(c:Collection:MapElement)
SET c = row, c.map = $map
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
