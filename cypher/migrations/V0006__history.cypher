// History (shared/spec/changes.md §History): one immutable record per write to a stored map, and
// the element states it changed, in chunks. Keyed by map name, not by generation: a record outlives
// the generations it describes and the map itself.
CREATE CONSTRAINT change_record_id_unique IF NOT EXISTS FOR (r:ChangeRecord) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT change_record_version_unique IF NOT EXISTS FOR (r:ChangeRecord) REQUIRE (r.mapName, r.version) IS UNIQUE;
CREATE INDEX change_record_at_idx IF NOT EXISTS FOR (r:ChangeRecord) ON (r.mapName, r.at);
CREATE INDEX history_chunk_map_idx IF NOT EXISTS FOR (c:HistoryChunk) ON (c.mapName, c.version);
CREATE INDEX history_chunk_record_idx IF NOT EXISTS FOR (c:HistoryChunk) ON (c.recordId);
// Change requests awaiting review (submitted proposals).
CREATE CONSTRAINT change_request_id_unique IF NOT EXISTS FOR (c:ChangeRequest) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_request_map_idx IF NOT EXISTS FOR (c:ChangeRequest) ON (c.mapName, c.createdAt);
