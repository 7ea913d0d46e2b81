// Element states recorded by a map's writes in a version window, in the order they were written:
// replaying them rebuilds the map as it stood at the window's end (see HistoryService).
MATCH (r:ChangeRecord {mapName: $map})
WHERE r.version >= $from AND r.version <= $to
MATCH (c:HistoryChunk {recordId: r.id})
RETURN r.version AS version, r.kind AS kind, c.statesJson AS statesJson
ORDER BY r.version, c.seq
