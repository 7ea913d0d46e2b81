UNWIND $rows AS row
CREATE (o:Organization:MapElement)
SET o = row, o.map = $map
WITH o, row
OPTIONAL MATCH (g:Group {map: $map, id: row.group})
FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | CREATE (o)-[:MEMBER_OF]->(g))
