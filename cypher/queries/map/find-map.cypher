// `busy`: a bulk import, swap or removal holds the map; readers are refused until it ends.
MATCH (m:DataMap {name: $map})
RETURN m {.name, .sources, .checksum, .countsJson, createdAt: toString(m.createdAt), importedAt: toString(m.importedAt),
          busy: CASE WHEN m.importing THEN 'importing' WHEN m.swapFrom IS NOT NULL THEN 'replacing' WHEN m.deleting THEN 'deleting' END} AS map
