// The map's data categories.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (c:DataCategory {map: $map})
WHERE c.id > $after
RETURN c.id AS id, c.name AS name, c.class AS class
ORDER BY c.map, c.id
LIMIT $batch
