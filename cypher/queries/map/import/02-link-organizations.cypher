// The links of the nodes 02-create-organizations wrote: MATCH and CREATE of relationships only, so no Eager.
UNWIND $rows AS row
WITH row WHERE row.group IS NOT NULL
MATCH (o:Organization {map: $map, id: row.id})
MATCH (g:Group {map: $map, id: row.group})
CREATE (o)-[:MEMBER_OF]->(g)
