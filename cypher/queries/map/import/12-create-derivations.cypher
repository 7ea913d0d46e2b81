UNWIND $rows AS row
MATCH (s:System {map: $map, id: row.system})
CREATE (d:Derivation:MapElement)-[:IN_SYSTEM]->(s)
SET d = row, d.map = $map
WITH d, row
CALL (d, row) {
  UNWIND row.inputs AS categoryId
  MATCH (c:DataCategory {map: $map, id: categoryId})
  CREATE (d)-[:INPUT]->(c)
}
CALL (d, row) {
  UNWIND row.outputs AS categoryId
  MATCH (c:DataCategory {map: $map, id: categoryId})
  CREATE (d)-[:OUTPUT]->(c)
}
CALL (d, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (p:Purpose {map: $map, id: purposeId})
  CREATE (d)-[:FOR_PURPOSE]->(p)
}
