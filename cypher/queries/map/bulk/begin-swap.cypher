// From here the staged map replaces the stored one: readers are refused until `finish-import`,
// and an interrupted swap is rolled forward (the staged map is complete before this runs).
MATCH (m:DataMap {name: $map})
WHERE m.swapFrom IS NULL AND m.importing IS NULL AND m.deleting IS NULL
SET m.swapFrom = $staging, m.swapPhase = 'delete-old', m.importedAt = datetime()
RETURN count(m) AS claimed
