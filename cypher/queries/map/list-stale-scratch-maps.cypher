// Scratch maps left behind by a check that was killed before it could remove its map. Staged bulk
// imports also start with `_` but are recovered (in batches) by the bulk importer instead.
MATCH (m:DataMap)
WHERE m.name STARTS WITH '_' AND m.staging IS NULL AND m.importedAt < datetime() - duration({seconds: $olderThanSeconds})
RETURN m.name AS name
