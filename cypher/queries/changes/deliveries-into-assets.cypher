// The cross-organization deliveries into some (system, category) pairs of a version — the
// recipients an in-place change can add or remove there — read in the writer's transaction before
// and after the change. `derived`: the category is made by a derivation somewhere in the map.
UNWIND $pairs AS pair
MATCH (f:Flow {map: $map, to: pair.system})
WHERE f.crossOrganization AND pair.category IN f.dataCategories
RETURN f.recipient AS organization, pair.system AS system, pair.category AS category, f.id AS flow, coalesce(f.purposes, []) AS purposes,
       EXISTS { MATCH (:DataAsset {map: $map, category: pair.category})<-[d:FEEDS]-() WHERE d.kind = 'DERIVATION' } AS derived
