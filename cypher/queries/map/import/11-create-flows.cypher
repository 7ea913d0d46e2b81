// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET f = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 11-link-flows links them.
UNWIND $rows AS row
CREATE (f:Flow:MapElement)
SET f = row, f.map = $map
