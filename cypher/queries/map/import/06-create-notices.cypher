// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET n = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 06-link-notices links them.
UNWIND $rows AS row
CREATE (n:Notice:MapElement)
SET n = row, n.map = $map
