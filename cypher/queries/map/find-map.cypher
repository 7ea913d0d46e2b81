MATCH (m:DataMap {name: $map})
RETURN m {.name, .sources, .checksum, .countsJson, createdAt: toString(m.createdAt), importedAt: toString(m.importedAt)} AS map
