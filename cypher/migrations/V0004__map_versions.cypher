// Map versions. A map's elements live under the key of one stored generation (written whole by an
// import, or changed in place by a smaller write); the map node points at the current one, and
// readers pin it, so a new version is written beside the one they read and made current in one step.
CREATE CONSTRAINT generation_key_unique IF NOT EXISTS FOR (g:Generation) REQUIRE g.key IS UNIQUE;
CREATE INDEX generation_map_idx IF NOT EXISTS FOR (g:Generation) ON (g.map);
CREATE INDEX generation_state_idx IF NOT EXISTS FOR (g:Generation) ON (g.state);
// Findings are stored with the generation they were evaluated on.
CREATE CONSTRAINT finding_map_id_unique IF NOT EXISTS FOR (f:Finding) REQUIRE (f.map, f.id) IS UNIQUE;
CREATE INDEX finding_map_idx IF NOT EXISTS FOR (f:Finding) ON (f.map);
CREATE INDEX finding_map_target_idx IF NOT EXISTS FOR (f:Finding) ON (f.map, f.targetId);
