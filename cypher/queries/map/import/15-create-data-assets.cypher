// "Category C at system S": the state lineage walks over.
UNWIND $rows AS row
MATCH (s:System {map: $map, id: row.system})
MATCH (c:DataCategory {map: $map, id: row.category})
CREATE (s)<-[:AT]-(a:DataAsset:MapElement)-[:OF]->(c)
SET a = row, a.map = $map
