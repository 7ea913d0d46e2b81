// Scratch maps (names starting with `_`, which no user map can have) are in-flight checks: not listed.
MATCH (m:DataMap)
WHERE NOT m.name STARTS WITH '_'
RETURN m {.name, .sources, .checksum, .countsJson, createdAt: toString(m.createdAt), importedAt: toString(m.importedAt)} AS map
ORDER BY m.name
