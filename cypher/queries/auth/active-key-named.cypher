// The unrevoked key with this name, if any (names are unique among unrevoked keys).
MATCH (k:ApiKey {activeName: $name})
RETURN k.id AS id
