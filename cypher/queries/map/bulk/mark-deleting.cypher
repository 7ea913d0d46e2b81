// A removal too large for one transaction: readers are refused from here, and an interrupted
// removal is finished later.
MATCH (m:DataMap {name: $map})
SET m.deleting = true, m.importedAt = datetime()
