// Makes a fully written generation (elements and findings) the map's current version, in one step:
// readers pin the map node's storage, so they see the old version or the new one, never a mix. The
// version it replaces is kept until readers that pinned it are done (see list-expired-generations).
MATCH (m:DataMap {name: $name})
MATCH (g:Generation {key: $key})
OPTIONAL MATCH (old:Generation {key: m.storage})
WHERE old.key <> $key
SET old.state = 'superseded', old.supersededAt = datetime()
SET g.state = 'current', g.rulesDigest = $rulesDigest, g.seqsJson = $seqsJson
SET m.storage = $key, m.version = coalesce(m.version, 0) + 1, m.importedAt = datetime(), m.updatedAt = datetime(),
    m.sources = $sources, m.checksum = $checksum, m.countsJson = $countsJson, m.scratch = $scratch
REMOVE m.deletedAt
RETURN DISTINCT m.version AS version
