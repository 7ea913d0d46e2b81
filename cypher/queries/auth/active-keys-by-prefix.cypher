// The unrevoked keys whose non-secret prefix a presented key has (one, but for a freak collision):
// the caller compares the hashes in constant time.
MATCH (k:ApiKey {prefix: $prefix})
WHERE k.revokedAt IS NULL
RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash
