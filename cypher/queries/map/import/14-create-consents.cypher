// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET c = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 14-link-consents links them.
UNWIND $rows AS row
CREATE (c:Consent:MapElement)
SET c = row, c.map = $map
