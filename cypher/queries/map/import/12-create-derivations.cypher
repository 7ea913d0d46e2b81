// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET d = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 12-link-derivations links them.
UNWIND $rows AS row
CREATE (d:Derivation:MapElement)
SET d = row, d.map = $map
