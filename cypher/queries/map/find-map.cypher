// One map and the version readers pin: the current generation, with what it was made from, its
// in-place write sequence, and whether an in-place write to it is landing (marked before it
// commits, cleared after). Everything but the storage key is read from the generation, whose
// `version` must agree with the map node's: a read that meets a write being applied sees them
// differ and is made again, so it never mixes two versions. A map whose every version was deleted,
// or whose first import never finished, has no storage.
MATCH (m:DataMap {name: $map})
WHERE m.storage IS NOT NULL
OPTIONAL MATCH (g:Generation {key: m.storage})
RETURN m {.name, .storage, version: m.version, generationVersion: g.version,
          sources: g.sources, checksum: g.checksum, countsJson: g.countsJson,
          createdAt: toString(m.createdAt), importedAt: toString(g.importedAt), updatedAt: toString(g.updatedAt),
          writeSeq: coalesce(g.writeSeq, 0), rulesDigest: g.rulesDigest,
          // measured by the database's clock, the one that set it
          pendingForMs: CASE WHEN g.pendingSince IS NULL THEN null ELSE duration.inSeconds(g.pendingSince, datetime()).milliseconds END} AS map
