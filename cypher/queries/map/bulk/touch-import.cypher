// Heartbeat of a running bulk import: only imports silent for a while are taken as interrupted.
MATCH (m:DataMap {name: $map})
SET m.importedAt = datetime()
