// One level of a bounded breadth-first walk against the data's direction: the assets that feed each
// frontier asset in one FEEDS step, as of a date. Edges are returned oriented as the data moves.
UNWIND $frontier AS item
MATCH (a:DataAsset {map: $map, id: item.asset})<-[r:FEEDS]-(b:DataAsset)
WHERE {{in-force r $asOf}}
WITH item, a, r, b
ORDER BY item.i, coalesce(r.viaSeq, 0), coalesce(r.order, 0), b.id
LIMIT $limit
RETURN item.search AS search, b.id AS from, a.id AS to, r.kind AS kind, r.via AS via,
       b {.id, .system, .category, collected: EXISTS { (b)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(b) }} AS reached
