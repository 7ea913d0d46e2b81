// A write that changed the current generation in place (an added flow): the next version, in the
// same transaction as the change. The content checksum is computed again when it is next needed.
MATCH (m:DataMap {name: $name})
MATCH (g:Generation {key: m.storage})
SET g.rulesDigest = $rulesDigest, g.seqsJson = $seqsJson
SET m.version = m.version + 1, m.updatedAt = datetime(), m.countsJson = $countsJson, m.checksum = null
RETURN m.version AS version
