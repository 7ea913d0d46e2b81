// The links of the nodes 04-create-data-categories wrote: MATCH and CREATE of relationships only, so no Eager.
UNWIND $rows AS row
MATCH (c:DataCategory {map: $map, id: row.id})
MATCH (s:Subject {map: $map, id: row.subject})
CREATE (c)-[:ABOUT]->(s)
