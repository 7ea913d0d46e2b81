// Where data enters a system from the data subject.
// The nodes only: with a MATCH in the same statement the planner would put an Eager before
// `SET c = row` (it cannot tell which properties the map sets, so a later row's MATCH might see
// them); 10-link-collections links them.
UNWIND $rows AS row
CREATE (c:Collection:MapElement)
SET c = row, c.map = $map
