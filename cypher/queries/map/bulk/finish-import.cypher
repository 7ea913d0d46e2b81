// The import is complete: the map is readable again with its new content and description.
MATCH (m:DataMap {name: $map})
SET m.importedAt = datetime(), m.sources = $sources, m.checksum = $checksum, m.countsJson = $countsJson
REMOVE m.importing, m.swapFrom, m.swapPhase
WITH m
OPTIONAL MATCH (s:DataMap {name: $staging})
DELETE s
RETURN DISTINCT m.name AS name
