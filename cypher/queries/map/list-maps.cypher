// Scratch maps (names starting with `_`, which no user map can have) are in-flight checks or staged
// imports, and a map whose first import has not finished does not exist yet: neither is listed.
MATCH (m:DataMap)
WHERE NOT m.name STARTS WITH '_' AND m.importing IS NULL
RETURN m {.name, .sources, .checksum, .countsJson, createdAt: toString(m.createdAt), importedAt: toString(m.importedAt),
          busy: CASE WHEN m.swapFrom IS NOT NULL THEN 'replacing' WHEN m.deleting THEN 'deleting' END} AS map
ORDER BY m.name
