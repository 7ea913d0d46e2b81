// A write that changed the current generation in place (an added flow): the next version, in the
// same transaction as the change. The content checksum is computed again when it is next needed.
MATCH (m:DataMap {name: $name})
MATCH (g:Generation {key: m.storage})
SET g.version = m.version + 1, g.rulesDigest = $rulesDigest, g.seqsJson = $seqsJson, g.countsJson = $countsJson, g.checksum = null, g.updatedAt = datetime()
SET m.version = g.version
RETURN m.version AS version
