// The map's own node: its name and what was last imported into it.
MERGE (m:DataMap {name: $map})
ON CREATE SET m.createdAt = datetime()
SET m.importedAt = datetime(), m.sources = $sources, m.checksum = $checksum, m.countsJson = $countsJson
RETURN m.name AS name, toString(m.createdAt) AS createdAt, toString(m.importedAt) AS importedAt
