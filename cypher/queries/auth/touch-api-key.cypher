// When a key was last used (written at most once per cache period, not on every request).
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = datetime()
