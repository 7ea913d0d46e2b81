// A provision is a third-party provision that consent to its notice covers.
// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET p = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 07-link-provisions links them.
UNWIND $rows AS row
CREATE (p:Provision:MapElement)
SET p = row, p.map = $map
