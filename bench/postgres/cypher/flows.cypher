// The map's flows with the categories they carry and their purposes.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (f:Flow {map: $map})
WHERE f.id > $after
RETURN f.id AS id, f.from AS fromSystem, f.to AS toSystem, f.basis AS basis, f.validFrom AS validFrom, f.validTo AS validTo,
       f.dataCategories AS categories, coalesce(f.purposes, []) AS purposes
ORDER BY f.map, f.id
LIMIT $batch
