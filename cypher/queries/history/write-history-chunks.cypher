// Element states of a history record, before and after, a few hundred per chunk. Written with the
// record (small writes) or in their own transactions just before it (large imports): a chunk whose
// record never came to be is ignored by every reader, which joins on the record.
UNWIND $chunks AS chunk
CREATE (:HistoryChunk {recordId: $recordId, mapName: $map, version: $version, seq: chunk.seq, elementIds: chunk.elementIds, statesJson: chunk.statesJson})
