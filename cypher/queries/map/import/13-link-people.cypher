// The links of the nodes 13-create-people wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (p:People {map: $map, id: row.id})
MATCH (s:Subject {map: $map, id: row.subject})
CREATE (p)-[:OF_SUBJECT]->(s)
WITH p, row
CALL (p, row) {
  UNWIND coalesce(row.uses, []) AS systemId
  MATCH (sys:System {map: $map, id: systemId})
  CREATE (p)-[:USES]->(sys)
}
