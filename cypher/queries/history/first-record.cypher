// The first recorded write of a map (its lowest version with a record): findings it introduced have
// been present since the map's history began.
MATCH (r:ChangeRecord {mapName: $map})
RETURN r {.version, .kind, .actorName, .actorRole, at: toString(r.at)} AS record
ORDER BY r.version
LIMIT 1
