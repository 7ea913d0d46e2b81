// Where the given categories exist, optionally only at the given systems, with what makes an asset a
// lineage origin: collected there, produced there by a derivation (in force that day), or fed by nothing at all.
UNWIND $categories AS category
MATCH (a:DataAsset {map: $map, category: category})
WHERE $systems IS NULL OR a.system IN $systems
RETURN a {.id, .system, .category,
  collected: EXISTS { (a)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(a) },
  derived: EXISTS { (a)<-[r:FEEDS {kind: 'DERIVATION'}]-() WHERE {{in-force r $asOf}} },
  // Fed by anything at any time: an asset whose only inputs are out of date that day is not an origin.
  fed: EXISTS { (a)<-[:FEEDS]-() }
} AS asset
ORDER BY a.seq
