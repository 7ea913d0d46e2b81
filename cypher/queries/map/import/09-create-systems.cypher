// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET s = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 09-link-systems links them.
UNWIND $rows AS row
CREATE (s:System:MapElement)
SET s = row, s.map = $map
