MATCH (m:DataMap {name: $map})
SET m.swapPhase = $phase, m.importedAt = datetime()
