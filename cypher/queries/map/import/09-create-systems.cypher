UNWIND $rows AS row
MATCH (o:Organization {map: $map, id: row.operator})
CREATE (s:System:MapElement)-[:OPERATED_BY]->(o)
SET s = row, s.map = $map
