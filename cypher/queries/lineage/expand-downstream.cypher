// One level of a bounded breadth-first walk: the assets one FEEDS step downstream of each frontier
// asset, as of a date. Rows come back in frontier order so that ties break the same way every time.
UNWIND $frontier AS item
MATCH (a:DataAsset {map: $map, id: item.asset})-[r:FEEDS]->(b:DataAsset)
WHERE {{in-force r $asOf}}
WITH item, a, r, b
ORDER BY item.i, coalesce(r.viaSeq, 0), coalesce(r.order, 0), b.id
LIMIT $limit
RETURN item.search AS search, a.id AS from, b.id AS to, r.kind AS kind, r.via AS via,
       b {.id, .system, .category, collected: EXISTS { (b)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(b) }} AS reached
