// One map and the version readers pin: its current generation, the generation's in-place write
// sequence, and whether an in-place write to it is landing (marked before it commits, cleared after).
// A map whose every version was deleted, or whose first import never finished, has no storage.
MATCH (m:DataMap {name: $map})
WHERE m.storage IS NOT NULL
OPTIONAL MATCH (g:Generation {key: m.storage})
RETURN m {.name, .version, .storage, .sources, .checksum, .countsJson,
          createdAt: toString(m.createdAt), importedAt: toString(m.importedAt), updatedAt: toString(m.updatedAt),
          writeSeq: coalesce(g.writeSeq, 0), rulesDigest: g.rulesDigest,
          // measured by the database's clock, the one that set it
          pendingForMs: CASE WHEN g.pendingSince IS NULL THEN null ELSE duration.inSeconds(g.pendingSince, datetime()).milliseconds END} AS map
