// The links of the nodes 09-create-systems wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (s:System {map: $map, id: row.id})
MATCH (o:Organization {map: $map, id: row.operator})
CREATE (s)-[:OPERATED_BY]->(o)
