MATCH (m:DataMap)
RETURN m {.name, .sources, .checksum, .countsJson, createdAt: toString(m.createdAt), importedAt: toString(m.importedAt)} AS map
ORDER BY m.name
