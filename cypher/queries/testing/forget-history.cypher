// Used by the test suites only: removes a map's history, as for a map stored before tadoru kept it.
MATCH (r:ChangeRecord {mapName: $map})
OPTIONAL MATCH (c:HistoryChunk {recordId: r.id})
DETACH DELETE c, r
RETURN count(*) AS removed
