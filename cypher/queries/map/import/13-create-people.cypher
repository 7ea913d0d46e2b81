UNWIND $rows AS row
MATCH (s:Subject {map: $map, id: row.subject})
CREATE (p:People:MapElement)-[:OF_SUBJECT]->(s)
SET p = row, p.map = $map
WITH p, row
CALL (p, row) {
  UNWIND coalesce(row.uses, []) AS systemId
  MATCH (sys:System {map: $map, id: systemId})
  CREATE (p)-[:USES]->(sys)
}
