// Deleting a map is a write like the others: a new version with no elements. The map node stays,
// so that versions keep counting if the name is imported again; readers get NOT_FOUND from here.
MATCH (m:DataMap {name: $name})
OPTIONAL MATCH (old:Generation {key: m.storage})
SET old.state = 'superseded', old.supersededAt = datetime()
SET m.storage = null, m.version = m.version + 1, m.deletedAt = datetime()
RETURN DISTINCT m.version AS version
