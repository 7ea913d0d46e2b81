// The map's organizations.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (o:Organization {map: $map})
WHERE o.id > $after
RETURN o.id AS id, o.name AS name, o.country AS country
ORDER BY o.map, o.id
LIMIT $batch
