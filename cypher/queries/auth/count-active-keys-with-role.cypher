// How many unrevoked keys have a role (first start: is there an admin key yet?).
MATCH (k:ApiKey {role: $role})
WHERE k.revokedAt IS NULL
RETURN count(k) AS count
