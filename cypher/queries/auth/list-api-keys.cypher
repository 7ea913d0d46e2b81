// Every key, revoked ones too, oldest first; never the hash.
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .prefix, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt), lastUsedAt: toString(k.lastUsedAt)} AS key
ORDER BY k.createdAt, k.id
