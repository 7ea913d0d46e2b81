// Scratch maps left behind by a check that was killed before it could remove its map.
MATCH (m:DataMap)
WHERE m.name STARTS WITH '_' AND m.importedAt < datetime() - duration({seconds: $olderThanSeconds})
RETURN m.name AS name
