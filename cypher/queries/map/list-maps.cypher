// Every map that holds a version, by name, read as `find-map` reads one. Names starting with `_`
// (scratch maps of checks, which no user map can have) are the service's own and are never listed.
MATCH (m:DataMap)
WHERE m.storage IS NOT NULL AND NOT m.name STARTS WITH '_'
OPTIONAL MATCH (g:Generation {key: m.storage})
RETURN m {.name, .storage, version: m.version, generationVersion: g.version,
          sources: g.sources, checksum: g.checksum, countsJson: g.countsJson,
          createdAt: toString(m.createdAt), importedAt: toString(g.importedAt), updatedAt: toString(g.updatedAt),
          writeSeq: coalesce(g.writeSeq, 0), rulesDigest: g.rulesDigest,
          pendingForMs: CASE WHEN g.pendingSince IS NULL THEN null ELSE duration.inSeconds(g.pendingSince, datetime()).milliseconds END} AS map
ORDER BY m.name
