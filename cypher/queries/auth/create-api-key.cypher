// A new API key: its keyed hash and its short prefix, never the key. `activeName` (constrained
// unique) keeps the name unique among unrevoked keys, also when two are created at once.
CREATE (k:ApiKey {id: $id, name: $name, activeName: $name, role: $role, hash: $hash, prefix: $prefix, createdAt: datetime()})
RETURN k {.id, .name, .role, .prefix, createdAt: toString(k.createdAt), revokedAt: null, lastUsedAt: null} AS key
