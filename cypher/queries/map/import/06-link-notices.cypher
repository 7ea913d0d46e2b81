// The links of the nodes 06-create-notices wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (n:Notice {map: $map, id: row.id})
MATCH (o:Organization {map: $map, id: row.organization})
CREATE (n)-[:PUBLISHED_BY]->(o)
WITH n, row
CALL (n, row) {
  UNWIND coalesce(row.purposes, []) AS purposeId
  MATCH (p:Purpose {map: $map, id: purposeId})
  CREATE (n)-[:STATES]->(p)
}
