// Where the given categories exist, optionally only at the given systems, with what makes an asset a
// lineage origin: collected there, produced there by a derivation, or fed by nothing (as of a date).
UNWIND $categories AS category
MATCH (a:DataAsset {map: $map, category: category})
WHERE $systems IS NULL OR a.system IN $systems
RETURN a {.id, .system, .category,
  collected: EXISTS { (a)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(a) },
  derived: EXISTS { (a)<-[r:FEEDS {kind: 'DERIVATION'}]-() WHERE $asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) },
  fed: EXISTS { (a)<-[r:FEEDS]-() WHERE $asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) }
} AS asset
ORDER BY a.seq
