// The assets an upstream walk from $starts can reach (nearest first, at most $nodeCap, within the
// largest depth a walk may be asked for), each with its FEEDS steps in as the level query
// (expand-upstream) orders them, at most $perNode each, oriented as the data moves.
MATCH (s:DataAsset {map: $map})
WHERE s.id IN $starts
MATCH (s)<-[steps:FEEDS*0..50]-(a:DataAsset)
WHERE all(r IN steps WHERE {{in-force r $asOf}})
WITH DISTINCT a
LIMIT $nodeCap
CALL (a) {
  MATCH (a)<-[r:FEEDS]-(b:DataAsset)
  WHERE {{in-force r $asOf}}
  WITH r, b
  ORDER BY coalesce(r.viaSeq, 0), coalesce(r.order, 0), b.id
  LIMIT $perNode
  RETURN collect({from: b.id, to: a.id, kind: r.kind, via: r.via,
    reached: b {.id, .system, .category, collected: EXISTS { (b)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(b) }}}) AS edges
}
RETURN a.id AS asset, edges
