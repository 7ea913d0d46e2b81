// The links of the nodes 12-create-derivations wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (d:Derivation {map: $map, id: row.id})
MATCH (s:System {map: $map, id: row.system})
CREATE (d)-[:IN_SYSTEM]->(s)
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
