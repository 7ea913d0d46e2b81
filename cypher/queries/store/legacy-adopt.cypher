// A map stored before map versions becomes version 1: its elements stay where they are (keyed by
// its name), which becomes the key of its first generation. Its findings are evaluated next.
MATCH (m:DataMap {name: $name})
WHERE m.version IS NULL
MERGE (g:Generation {key: m.name})
ON CREATE SET g.map = m.name, g.state = 'current', g.createdAt = coalesce(m.importedAt, datetime()), g.writeSeq = 0,
              g.version = 1, g.sources = m.sources, g.checksum = m.checksum, g.countsJson = m.countsJson,
              g.importedAt = coalesce(m.importedAt, datetime()), g.updatedAt = coalesce(m.importedAt, datetime())
SET m.version = 1, m.storage = m.name
REMOVE m.swapFrom, m.swapPhase, m.importing, m.staging, m.deleting, m.sources, m.checksum, m.countsJson, m.importedAt
RETURN m.name AS name
