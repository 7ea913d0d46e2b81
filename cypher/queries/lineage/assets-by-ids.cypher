// Given assets (`system/category`), with whether their system collects their category.
UNWIND $ids AS id
MATCH (a:DataAsset {map: $map, id: id})
RETURN a {.id, .system, .category,
  collected: EXISTS { (a)-[:AT]->(:System)-[:HAS_COLLECTION]->(:Collection)-[:COLLECTS]->(:DataCategory)<-[:OF]-(a) }
} AS asset
