// The map's derivations with their input and output categories.
// One page in id order: keyset paging on the (map, id) uniqueness constraint; ordering by both keys
// lets the index supply the order, so each page reads only its own rows.
MATCH (d:Derivation {map: $map})
WHERE d.id > $after
RETURN d.id AS id, d.system AS system, d.validFrom AS validFrom, d.validTo AS validTo, d.inputs AS inputs, d.outputs AS outputs
ORDER BY d.map, d.id
LIMIT $batch
