// Makes a fully written generation (elements and findings) the map's current version, in one step:
// readers pin the map node's storage, so they see the old version or the new one, never a mix
// (see map/find-map). The version it replaces is kept until readers that pinned it are done (see
// list-expired-generations).
MATCH (m:DataMap {name: $name})
MATCH (g:Generation {key: $key})
OPTIONAL MATCH (old:Generation {key: m.storage})
WHERE old.key <> $key
SET old.state = 'superseded', old.supersededAt = datetime()
SET g.state = 'current', g.version = coalesce(m.version, 0) + 1, g.rulesDigest = $rulesDigest, g.seqsJson = $seqsJson,
    g.sources = $sources, g.checksum = $checksum, g.countsJson = $countsJson, g.importedAt = datetime(), g.updatedAt = datetime()
SET m.storage = $key, m.version = g.version, m.scratch = $scratch
REMOVE m.deletedAt
RETURN DISTINCT m.version AS version
