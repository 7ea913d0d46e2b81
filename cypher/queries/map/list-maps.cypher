// Every map that holds a version, by name. Names starting with `_` (scratch maps of checks, which
// no user map can have) are the service's own and are never listed.
MATCH (m:DataMap)
WHERE m.storage IS NOT NULL AND NOT m.name STARTS WITH '_'
OPTIONAL MATCH (g:Generation {key: m.storage})
RETURN m {.name, .version, .storage, .sources, .checksum, .countsJson,
          createdAt: toString(m.createdAt), importedAt: toString(m.importedAt), updatedAt: toString(m.updatedAt),
          writeSeq: coalesce(g.writeSeq, 0), rulesDigest: g.rulesDigest,
          // measured by the database's clock, the one that set it
          pendingForMs: CASE WHEN g.pendingSince IS NULL THEN null ELSE duration.inSeconds(g.pendingSince, datetime()).milliseconds END} AS map
ORDER BY m.name
