// Where each category enters a system from the data subject.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (c:Collection {map: $map})
WHERE c.id > $after
RETURN c.id AS id, c.system AS system, c.method AS method, c.dataCategories AS categories
ORDER BY c.map, c.id
LIMIT $batch
