// A map stored before map versions becomes version 1: its elements stay where they are (keyed by
// its name), which becomes the key of its first generation. Its findings are evaluated next.
MATCH (m:DataMap {name: $name})
WHERE m.version IS NULL
SET m.version = 1, m.storage = m.name, m.updatedAt = m.importedAt
REMOVE m.swapFrom, m.swapPhase, m.importing, m.staging, m.deleting
MERGE (g:Generation {key: m.name})
ON CREATE SET g.map = m.name, g.state = 'current', g.createdAt = coalesce(m.importedAt, datetime()), g.writeSeq = 0
RETURN m.name AS name
