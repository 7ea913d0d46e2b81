// The links of the nodes 07-create-provisions wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (p:Provision {map: $map, id: row.id})
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (n)-[:HAS_PROVISION]->(p)
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
