// Every asset at the given systems (a system's whole holding, the start of a system's lineage).
UNWIND $systems AS system
MATCH (a:DataAsset {map: $map, system: system})
RETURN a {.id, .system, .category,
  collected: EXISTS { (a)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(a) },
  derived: EXISTS { (a)<-[r:FEEDS {kind: 'DERIVATION'}]-() WHERE {{in-force r $asOf}} },
  // Fed by anything at any time: an asset whose only inputs are out of date that day is not an origin.
  fed: EXISTS { (a)<-[:FEEDS]-() }
} AS asset
ORDER BY a.seq
