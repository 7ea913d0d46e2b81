UNWIND $rows AS row
MATCH (s:Subject {map: $map, id: row.subject})
CREATE (c:DataCategory:MapElement)-[:ABOUT]->(s)
SET c = row, c.map = $map
