UNWIND $rows AS row
MATCH (p:People {map: $map, id: row.people})
MATCH (n:Notice {map: $map, id: row.notice})
CREATE (p)-[:GAVE]->(c:Consent:MapElement)-[:TO_NOTICE]->(n)
SET c = row, c.map = $map
