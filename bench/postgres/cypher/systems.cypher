// The map's systems and who operates them (country only where the map gives one).
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (s:System {map: $map})
WHERE s.id > $after
RETURN s.id AS id, s.name AS name, s.operator AS operator, s.country AS country
ORDER BY s.map, s.id
LIMIT $batch
