// The element states one write recorded, its first chunks in order (a large import has thousands).
MATCH (r:ChangeRecord {mapName: $map, version: $version})
MATCH (c:HistoryChunk {recordId: r.id})
WITH c ORDER BY c.seq
LIMIT $chunks
RETURN c.statesJson AS statesJson
