UNWIND $rows AS row
MATCH (o:Organization {map: $map, id: row.organization})
CREATE (n:Notice:MapElement)-[:PUBLISHED_BY]->(o)
SET n = row, n.map = $map
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (p:Purpose {map: $map, id: purposeId})
  CREATE (n)-[:STATES]->(p)
}
