// The links of the nodes 15-create-data-assets wrote: MATCHes and relationship CREATEs only, so no Eager.
UNWIND $rows AS row
MATCH (a:DataAsset {map: $map, id: row.id})
MATCH (s:System {map: $map, id: row.system})
MATCH (c:DataCategory {map: $map, id: row.category})
CREATE (s)<-[:AT]-(a)-[:OF]->(c)
