// A provision is a third-party provision that consent to its notice covers.
UNWIND $rows AS row
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (n)-[:HAS_PROVISION]->(p:Provision:MapElement)
SET p = row, p.map = $map
WITH p, row
CALL (p, row) {
  UNWIND coalesce(row.recipients, []) AS orgId
  MATCH (o:Organization {map: $map, id: orgId})
  CREATE (p)-[:TO_RECIPIENT]->(o)
}
CALL (p, row) {
  UNWIND coalesce(row.dataCategories, []) AS categoryId
  MATCH (c:DataCategory {map: $map, id: categoryId})
  CREATE (p)-[:COVERS_CATEGORY]->(c)
}
CALL (p, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (x:Purpose {map: $map, id: purposeId})
  CREATE (p)-[:COVERS_PURPOSE]->(x)
}
