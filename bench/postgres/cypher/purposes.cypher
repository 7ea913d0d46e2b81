// The map's purposes.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (p:Purpose {map: $map})
WHERE p.id > $after
RETURN p.id AS id, p.name AS name
ORDER BY p.map, p.id
LIMIT $batch
