// Revokes the unrevoked key with this id, or else with this name; the name is free again afterwards.
MATCH (k:ApiKey)
WHERE k.revokedAt IS NULL AND (k.id = $ref OR k.activeName = $ref)
WITH k ORDER BY CASE WHEN k.id = $ref THEN 0 ELSE 1 END
LIMIT 1
SET k.revokedAt = datetime()
REMOVE k.activeName
RETURN k {.id, .name, .role, .prefix, createdAt: toString(k.createdAt), revokedAt: toString(k.revokedAt), lastUsedAt: toString(k.lastUsedAt)} AS key
