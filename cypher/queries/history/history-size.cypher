// What a map's history occupies: records, chunks and the bytes of their JSON properties.
MATCH (r:ChangeRecord {mapName: $map})
OPTIONAL MATCH (c:HistoryChunk {recordId: r.id})
WITH r, count(c) AS chunks, sum(size(coalesce(c.statesJson, ''))) AS chunkBytes
RETURN count(r) AS records, sum(chunks) AS chunks,
       sum(chunkBytes + size(r.changeJson) + size(r.elementCountsJson) + size(r.introducedJson) + size(r.resolvedJson)) AS bytes
